/* The only door to ctemplate (C++).  No exception crosses it: every
 * function catches everything and reports failure by its return value. */
#ifndef TMPL_H
#define TMPL_H
#include <stddef.h>

struct tmpl_dict;

int			 tmpl_init(const char *dir);
void			 tmpl_shutdown(void);
struct tmpl_dict	*tmpl_dict_new(const char *name);
void			 tmpl_dict_free(struct tmpl_dict *);
void			 tmpl_set(struct tmpl_dict *, const char *, const char *);
void			 tmpl_set_int(struct tmpl_dict *, const char *, long long);
void			 tmpl_show(struct tmpl_dict *, const char *section);
struct tmpl_dict	*tmpl_section(struct tmpl_dict *, const char *section);
struct tmpl_dict	*tmpl_include(struct tmpl_dict *, const char *name,
			    const char *file);
int			 tmpl_render(const char *file, struct tmpl_dict *,
			    char **out, size_t *outlen);
int			 tmpl_check(const char *dir, char *err, size_t errsz);

#endif
