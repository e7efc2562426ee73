/* One published article: GET /don-vi/{unit}/tin-tuc/{id}-{slug}; and the
 * filling of its markup, which the editor's preview shares. */
#include <ctype.h>
#include <string.h>

#include "app/media.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/article.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

/* Minutes to read the article at about 200 words a minute, at least 1. */
unsigned
h_article_minutes(const char *title, const char *summary, const char *body)
{
	const char	*parts[3] = { title, summary, body };
	unsigned long	 words = 0;
	size_t		 i;
	const char	*s;
	int		 in;

	for (i = 0; i < 3; i++)
		for (s = parts[i] ? parts[i] : "", in = 0; *s != '\0'; s++) {
			if (isspace((unsigned char)*s))
				in = 0;
			else if (!in) {
				in = 1;
				words++;
			}
		}
	return words < 300 ? 1 : (unsigned)((words + 100) / 200);
}

/* The article's markup in p's body: title, unit, kind, date, reading
 * time, lead image, summary, the body through Markdown, the category in
 * the breadcrumb.  The same for the public page and the preview. */
void
h_article_fill(struct request *r, struct page *p, const struct unit *u,
    const struct article_view *v)
{
	struct tmpl_dict	*s;

	sites_unit_nav(r, p, u, SITES_NAV_NEWS);
	tmpl_set(p->body, "TITLE", v->title);
	tmpl_set(p->body, "KIND_LABEL", strcmp(v->kind, "announcement") == 0 ?
	    "Thông báo" : "Tin tức");
	if (v->published_at != 0) {
		s = tmpl_section(p->body, "DATED");
		tmpl_set(s, "DATE", clock_date(r->a, v->published_at));
		tmpl_set(s, "DATE_ISO", clock_iso_date(r->a, v->published_at));
	}
	tmpl_set_int(p->body, "MINUTES", h_article_minutes(v->title,
	    v->summary, v->body));
	if (v->category != NULL && *v->category != '\0')
		tmpl_set(tmpl_section(p->body, "CATEGORY"), "CATEGORY_NAME",
		    v->category);
	if (v->summary != NULL && *v->summary != '\0')
		tmpl_set(tmpl_section(p->body, "HAS_SUMMARY"), "SUMMARY",
		    v->summary);
	if (v->lead_url != NULL) {
		s = tmpl_section(p->body, "LEAD");
		tmpl_set(s, "LEAD_URL", v->lead_url);
		tmpl_set(s, "LEAD_ALT", v->lead_alt);
		if (v->lead_w > 0 && v->lead_h > 0) {
			s = tmpl_section(s, "LEAD_SIZE");
			tmpl_set_int(s, "LEAD_W", (long long)v->lead_w);
			tmpl_set_int(s, "LEAD_H", (long long)v->lead_h);
		}
	}
	tmpl_set(p->body, "ARTICLE_BODY", v->body);
}

/* The view of a row of ART_PUBLIC (or, same columns, ART_DRAFT_VIEW). */
static void
article_view_of(struct request *r, const struct row_ART_PUBLIC *row,
    struct article_view *v)
{
	memset(v, 0, sizeof(*v));
	v->id = row->id;
	v->slug = row->slug;
	v->kind = row->kind;
	v->title = row->title;
	v->summary = row->summary;
	v->body = row->body;
	v->category = row->category;
	v->published_at = row->published_at;
	if (*row->lead_sha != '\0')
		v->lead_url = media_url(r->a, row->lead_sha,
		    row->lead_mime);
	v->lead_alt = row->lead_alt;
	v->lead_w = row->lead_w;
	v->lead_h = row->lead_h;
}

/* t as ISO 8601 in the city's time: 2026-11-30T14:05:00+07:00. */
static const char *
article_iso_time(struct request *r, int64_t t)
{
	long	 off = clock_offset(), abs_off = off < 0 ? -off : off;

	return arena_printf(r->a, "%s%c%02ld:%02ld", clock_fmt(r->a, t,
	    "%Y-%m-%dT%H:%M:%S"), off < 0 ? '-' : '+', abs_off / 3600,
	    abs_off % 3600 / 60);
}

/* The head of the public page: canonical address and Open Graph. */
static void
article_head(struct request *r, struct page *p, const struct article_view *v,
    const char *url)
{
	const char	*abs = page_absolute(r->a, url);
	const char	*desc = *v->summary ? v->summary : v->title;

	page_head_link(p, "canonical", abs, NULL, NULL);
	page_meta(p, "name", "description", desc);
	page_meta(p, "property", "og:type", "article");
	page_meta(p, "property", "og:title", v->title);
	page_meta(p, "property", "og:description", desc);
	page_meta(p, "property", "og:url", abs);
	page_meta(p, "property", "og:locale", "vi_VN");
	if (v->lead_url != NULL) {
		page_meta(p, "property", "og:image", page_absolute(r->a,
		    v->lead_url));
		page_meta(p, "property", "og:image:alt", v->lead_alt);
	}
	page_meta(p, "property", "article:published_time",
	    article_iso_time(r, v->published_at));
}

/* Up to four other visible articles of the unit of id unit: of its
 * category first, then the unit's latest; addressed under the site of
 * slug (the unit's successor after a merger). */
static void
article_related(struct request *r, struct page *p, uint64_t unit,
    const char *slug, uint64_t id, uint64_t category)
{
	struct row_ART_RELATED	*v;
	size_t			 i, n;
	struct tmpl_dict	*s;

	if (db_all(r->db, r->a, ART_RELATED, &v, &n, "uuuuuu",
	    (unsigned long long)unit, (unsigned long long)id,
	    (unsigned long long)category, (unsigned long long)unit,
	    (unsigned long long)id, (unsigned long long)category) != DB_OK || n == 0)
		return;
	s = tmpl_section(p->body, "RELATED");
	for (i = 0; i < n; i++) {
		struct tmpl_dict *it = tmpl_section(s, "RELATED_ITEM");
		tmpl_set(it, "URL", page_article_url(r->a, slug, v[i].id,
		    v[i].slug));
		tmpl_set(it, "TITLE", v[i].title);
		tmpl_set(it, "DATE", clock_date(r->a, v[i].published_at));
		tmpl_set(it, "DATE_ISO", clock_iso_date(r->a,
		    v[i].published_at));
	}
}

/* GET /don-vi/{unit}/tin-tuc/{id}-{slug} : one visible article; a wrong
 * or missing slug redirects to the canonical address. */
int
h_article(struct request *r)
{
	struct unit		 u, owner;
	struct row_ART_PUBLIC	 row;
	struct article_view	 v;
	struct page		 p;
	const char		*url;
	enum db_err		 e;

	/* u: the unit whose site shows it now; owner: the one it was
	 * published under (a predecessor, after a merger). */
	if ((e = sites_article_unit(r, r->args[0].s, r->args[1].id, &u,
	    &owner)) == DB_OK)
		e = db_one(r->db, r->a, ART_PUBLIC, &row, "uu",
		    (unsigned long long)r->args[1].id,
		    (unsigned long long)owner.id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	url = page_article_url(r->a, u.slug, row.id, row.slug);
	if (strcmp(r->args[0].s, u.slug) != 0 ||
	    strcmp(r->args[1].s, strrchr(url, '/') + 1) != 0)
		return resp_redirect(r, 301, url);
	article_view_of(r, &row, &v);
	resp_page_new(r, &p, v.title, "article.tpl");
	h_article_fill(r, &p, &u, &v);
	if (owner.id != u.id)
		tmpl_set(tmpl_section(p.body, "PREDECESSOR"), "OWNER_NAME",
		    owner.full);
	article_head(r, &p, &v, url);
	article_related(r, &p, owner.id, u.slug, row.id, row.category_id);
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}
