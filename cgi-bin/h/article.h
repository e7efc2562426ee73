/* The article as the public page shows it (h/h_article.c), shared with
 * the editor's preview so that the two are the same markup. */
#ifndef H_ARTICLE_H
#define H_ARTICLE_H
#include <stdint.h>

struct page;
struct request;
struct unit;

struct article_view {
	uint64_t	 id;
	const char	*slug;
	const char	*kind;		/* news, announcement */
	const char	*title, *summary, *body;	/* body: Markdown */
	const char	*category;	/* its name, or "" */
	int64_t		 published_at;	/* 0: not yet */
	const char	*lead_url;	/* NULL: no lead image */
	const char	*lead_alt;
	uint64_t	 lead_w, lead_h;
};

void		 h_article_fill(struct request *, struct page *,
		    const struct unit *, const struct article_view *);
unsigned	 h_article_minutes(const char *title, const char *summary,
		    const char *body);

#endif
