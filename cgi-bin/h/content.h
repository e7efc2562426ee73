/* What the content pages of issue 11, part C share (h/h_content.c):
 * pagination, weeks, phone links, the editors' unit. */
#ifndef CONTENT_H
#define CONTENT_H
#include <stdint.h>

struct arena;
struct page;
struct request;
struct tmpl_dict;
struct unit;

void		 content_pager(struct request *, struct page *, const char *base,
		    uint64_t page, uint64_t total, uint64_t per);
int32_t		 content_week(const struct request *);
void		 content_week_nav(struct request *, struct page *,
		    const char *base, int32_t monday);
const char	*content_day_start(struct arena *, int32_t day);
void		 content_pdf(struct request *, struct tmpl_dict *,
		    const char *sha256, const char *mime, int64_t size);
const char	*content_tel(struct arena *, const char *phone);
int		 content_ed_unit(struct request *, struct page *,
		    struct unit *, const char *path);

#endif
