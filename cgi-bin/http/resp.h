/* Building the answer: status, headers (CR/LF refused), body from a
 * template inside the layout, redirects, error pages; and writing it. */
#ifndef RESP_H
#define RESP_H
#include <stddef.h>

struct json_t;
struct request;
struct tmpl_dict;

struct page {
	struct tmpl_dict	*layout;
	struct tmpl_dict	*body;
	struct tmpl_dict	*form_error;	/* the alert, once made */
	struct tmpl_dict	*fields;	/* its list of fields in error */
	const char		*title;
	int			 errors;	/* form errors marked */
};

int	resp_header(struct request *, const char *, const char *);
void	resp_page_new(struct request *, struct page *, const char *title,
	    const char *body_tmpl);
int	resp_page(struct request *, int status, struct page *);
void	resp_field_error(struct page *, const char *section, const char *);
void	resp_form_error(struct page *, const char *);
void	resp_input_error(struct page *, struct tmpl_dict *, const char *section,
	    const char *id, const char *msg);
int	resp_text(struct request *, int status, const char *ctype,
	    const char *body, size_t len);
int	resp_json(struct request *, int status, struct json_t *,
	    const char *why);
int	resp_redirect(struct request *, int status, const char *location);
int	resp_redirect_away(struct request *, int status, const char *url);
int	resp_error(struct request *, int status, const char *detail);
void	resp_write(struct request *);
void	resp_site_init(void);
char	*resp_error_file(int status, size_t *len);

#endif
