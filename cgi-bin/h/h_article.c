/* One published article: GET /don-vi/{unit}/tin-tuc/{id}-{slug}. */
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

/* One PARA section per blank-line-separated paragraph of text. */
static void
article_paras(struct request *r, struct tmpl_dict *d, const char *text)
{
	while (*text != '\0') {
		const char *end = strstr(text, "\n\n");
		size_t len = end ? (size_t)(end - text) : strlen(text);
		if (strspn(text, " \r\n\t") < len)
			tmpl_set(tmpl_section(d, "PARA"), "TEXT",
			    arena_strndup(r->a, text, len));
		text += len;
		text += strspn(text, "\r\n");
	}
}

/* GET /don-vi/{unit}/tin-tuc/{id}-{slug} : one published article; a
 * wrong or missing slug redirects to the canonical address. */
int
h_article(struct request *r)
{
	struct unit		 u;
	struct row_NEWS_GET	 v;
	struct page		 p;
	const char		*url;
	enum db_err		 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) == DB_OK)
		e = db_one(r->db, r->a, NEWS_GET, &v, "uu",
		    (unsigned long long)r->args[1].id,
		    (unsigned long long)u.id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	url = page_article_url(r->a, u.slug, v.id, v.slug);
	if (strcmp(r->args[1].s, strrchr(url, '/') + 1) != 0)
		return resp_redirect(r, 301, url);
	resp_page_new(r, &p, v.title, "article.tpl");
	page_unit_header(&p, &u);
	tmpl_set(p.body, "TITLE", v.title);
	tmpl_set(p.body, "DATE", clock_date(r->a, v.published_at));
	tmpl_set(p.body, "DATE_ISO", clock_iso_date(r->a, v.published_at));
	tmpl_set(p.body, "SUMMARY", v.summary);
	article_paras(r, p.body, v.body);
	return resp_page(r, 200, &p);
}
