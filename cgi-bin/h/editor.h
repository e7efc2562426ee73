/* What the newsroom's handlers share (h/h_editor*.c). */
#ifndef H_EDITOR_H
#define H_EDITOR_H
#include <stdint.h>

struct article_text;
struct page;
struct request;

const char	*editor_url(struct request *, uint64_t id);
void		 editor_text_of(struct request *, uint64_t lead_media,
		    struct article_text *);
int		 editor_check_text(struct request *, struct page *,
		    const struct article_text *);

#endif
