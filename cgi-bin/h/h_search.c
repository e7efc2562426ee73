/* Search, public: one search over the articles, documents and
 * procedures of every current unit, insensitive to diacritics and case,
 * filtered by unit and kind, best first, 20 hits a page, the words that
 * matched marked in each hit's title and snippet (/tim-kiem); the same
 * hits as JSON (/api/v1/search).  The marks are template sections over
 * the snippet's segments: no HTML is written here. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/search.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

#define PAGER_SPAN	3	/* page links either side of the current */

/* The kinds: the URL's word (loai), the label, by enum search_kind. */
static const struct {
	const char	*word, *label;
} kinds[SEARCH_KIND__MAX] = {
	{ "bai-viet", "Bài viết" },		/* SEARCH_ARTICLE */
	{ "van-ban", "Văn bản" },		/* SEARCH_DOCUMENT */
	{ "thu-tuc", "Thủ tục hành chính" },	/* SEARCH_PROCEDURE */
};

/* A search as the request asks it. */
struct ask {
	const char		*q;	/* as typed (NFC, trimmed); NULL: none */
	struct search_filter	 f;
	struct unit		 unit;	/* when f.unit */
};

/* Reads the request's search into s: the unit must be a current one.
 * Returns 0, or the status to answer (*why says why). */
static int
ask_read(struct request *r, struct ask *s, const char **why)
{
	struct row_UNITS_CURRENT	*v;
	size_t				 i, n;
	enum db_err			 e;

	memset(s, 0, sizeof(*s));
	s->q = r->val[KEY_Q].s;
	s->f.unit = r->val[KEY_UNIT].u;
	s->f.kind = r->val[KEY_SEARCH_KIND].s ?
	    (enum search_kind)r->val[KEY_SEARCH_KIND].u :
	    SEARCH_KIND__MAX;
	s->f.page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	if (s->f.unit == 0)
		return 0;
	if ((e = db_all(r->db, r->a, UNITS_CURRENT, &v, &n, "")) != DB_OK)
		return 500;
	for (i = 0; i < n && v[i].id != s->f.unit; i++)
		;
	if (i == n) {
		*why = "Không có đơn vị này, hoặc đơn vị đã sáp nhập vào đơn vị "
		    "khác: chọn một phường, xã trong danh sách.";
		return 400;
	}
	s->unit.id = v[i].id;
	s->unit.slug = v[i].slug;
	s->unit.full = page_unit_name(r->a, v[i].kind, v[i].name);
	return 0;
}

/* The address of page of the search s. */
static const char *
ask_url(struct arena *a, const struct ask *s, uint64_t page)
{
	const char	*u = arena_printf(a, "/tim-kiem?q=%s",
			    text_urlencode(a, s->q ? s->q : ""));

	if (s->f.unit)
		u = arena_printf(a, "%s&don_vi=%llu", u,
		    (unsigned long long)s->f.unit);
	if (s->f.kind < SEARCH_KIND__MAX)
		u = arena_printf(a, "%s&loai=%s", u, kinds[s->f.kind].word);
	return page > 1 ? arena_printf(a, "%s&trang=%llu", u,
	    (unsigned long long)page) : u;
}

/* One SEG section per segment under d's section name: TEXT, and MARK
 * (section) around a word of the query. */
static void
segs_fill(struct tmpl_dict *d, const char *name,
    const struct search_seg *segs, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, name);
		if (segs[i].mark)
			tmpl_set(tmpl_section(s, "MARK"), "TEXT", segs[i].text);
		else
			tmpl_set(tmpl_section(s, "PLAIN"), "TEXT",
			    segs[i].text);
	}
}

/* The unit a hit belongs to, for people: "Phường Ba Hàng", or the
 * city's for a procedure. */
static const char *
hit_unit(struct arena *a, const struct row_SEARCH_FIND *v)
{
	return *v->unit_name ? page_unit_name(a, v->unit_kind, v->unit_name) :
	    "Mọi phường, xã";
}

/* One HIT section per row: KIND_LABEL, UNIT_NAME, URL, DATE, DATE_ISO,
 * TITLE_SEG[] and SNIPPET_SEG[] (PLAIN or MARK: TEXT). */
static void
hits_fill(struct request *r, struct tmpl_dict *d, const struct ask *s,
    const struct row_SEARCH_FIND *v, size_t n)
{
	struct search_seg	*segs;
	size_t			 i, k;

	for (i = 0; i < n; i++) {
		struct tmpl_dict *h = tmpl_section(d, "HIT");
		enum search_kind kind = search_kind_of(v[i].kind);
		tmpl_set(h, "KIND_LABEL", kind < SEARCH_KIND__MAX ?
		    kinds[kind].label : "");
		tmpl_set(h, "UNIT_NAME", hit_unit(r->a, &v[i]));
		tmpl_set(h, "URL", v[i].url);
		tmpl_set(h, "DATE", clock_date(r->a, v[i].visible_from));
		tmpl_set(h, "DATE_ISO", clock_iso_date(r->a,
		    v[i].visible_from));
		k = search_snippet(r->a, v[i].title, &s->f.q, 0, &segs);
		segs_fill(h, "TITLE_SEG", segs, k);
		k = search_snippet(r->a, v[i].body, &s->f.q,
		    SEARCH_SNIPPET_CHARS, &segs);
		segs_fill(h, "SNIPPET_SEG", segs, k);
	}
}

/* PAGER (section) with PREV, NEXT (sections: URL) and PAGE_LINK[] (URL,
 * NUMBER, CURRENT (section)) when there is more than one page. */
static void
pager_fill(struct arena *a, struct tmpl_dict *d, const struct ask *s,
    int64_t total)
{
	uint64_t		 pages = ((uint64_t)total + SEARCH_PAGE - 1) /
				    SEARCH_PAGE, p = s->f.page, i;
	struct tmpl_dict	*g, *l;

	tmpl_set_int(d, "PAGE", (long long)p);
	tmpl_set_int(d, "PAGES", (long long)(pages ? pages : 1));
	if (pages <= 1)
		return;
	g = tmpl_section(d, "PAGER");
	if (p > 1)
		tmpl_set(tmpl_section(g, "PREV"), "URL", ask_url(a, s, p - 1));
	if (p < pages)
		tmpl_set(tmpl_section(g, "NEXT"), "URL", ask_url(a, s, p + 1));
	for (i = p > PAGER_SPAN ? p - PAGER_SPAN : 1;
	    i <= pages && i <= p + PAGER_SPAN; i++) {
		l = tmpl_section(g, "PAGE_LINK");
		tmpl_set(l, "URL", ask_url(a, s, i));
		tmpl_set_int(l, "NUMBER", (long long)i);
		if (i == p)
			tmpl_show(l, "CURRENT");
	}
}

/* The form: Q, UNIT_OPTION[] and KIND_OPTION[] (VALUE, LABEL, SELECTED
 * (section)). */
static int
form_fill(struct request *r, struct tmpl_dict *d, const struct ask *s)
{
	struct row_UNITS_CURRENT	*v;
	size_t				 i, n;

	if (db_all(r->db, r->a, UNITS_CURRENT, &v, &n, "") != DB_OK)
		return 0;
	tmpl_set(d, "Q", s->q ? s->q : "");
	for (i = 0; i < n; i++) {
		struct tmpl_dict *o = tmpl_section(d, "UNIT_OPTION");
		tmpl_set_int(o, "VALUE", (long long)v[i].id);
		tmpl_set(o, "LABEL", page_unit_name(r->a, v[i].kind,
		    v[i].name));
		if (v[i].id == s->f.unit)
			tmpl_show(o, "SELECTED");
	}
	for (i = 0; i < SEARCH_KIND__MAX; i++) {
		struct tmpl_dict *o = tmpl_section(d, "KIND_OPTION");
		tmpl_set(o, "VALUE", kinds[i].word);
		tmpl_set(o, "LABEL", kinds[i].label);
		if (i == (size_t)s->f.kind)
			tmpl_show(o, "SELECTED");
	}
	return 1;
}

/* The results of s: RESULTS (section: TOTAL, HIT[], the pager) or
 * NO_HITS (section: Q).  Returns the status. */
static int
results_fill(struct request *r, struct tmpl_dict *d, const struct ask *s)
{
	struct row_SEARCH_FIND	*v;
	struct tmpl_dict	*res;
	int64_t			 total;
	size_t			 n;

	if (search_find(r->db, r->a, &s->f, &v, &n, &total) != DB_OK)
		return 500;
	if (total == 0) {
		tmpl_set(tmpl_section(d, "NO_HITS"), "Q", s->q);
		return 200;
	}
	res = tmpl_section(d, "RESULTS");
	tmpl_set_int(res, "TOTAL", (long long)total);
	tmpl_set(res, "Q", s->q);
	if (n == 0)
		tmpl_set(tmpl_section(res, "PAST_END"), "URL", ask_url(r->a, s,
		    1));
	hits_fill(r, res, s, v, n);
	pager_fill(r->a, res, s, total);
	return 200;
}

/* GET /tim-kiem?q=&don_vi=&loai=&trang=: the form alone without a
 * query; the hits with one.  The same for every anonymous reader: kept a
 * second by the page cache, so that a query many ask at once (a common
 * one, whose FULLTEXT search reads thousands of rows) costs one search a
 * second. */
int
h_search(struct request *r)
{
	struct ask	 s;
	struct page	 p;
	const char	*why = NULL;
	enum search_qerr qe = SEARCH_Q_EMPTY;
	int		 st;

	if ((st = ask_read(r, &s, &why)) != 0)
		return resp_error(r, st, why);
	if (s.q != NULL && (qe = search_query_parse(r->a, s.q, &s.f.q)) !=
	    SEARCH_Q_OK && qe != SEARCH_Q_EMPTY)
		return resp_error(r, 400, search_qerr_msg(qe));
	resp_page_new(r, &p, s.q ? arena_printf(r->a, "Tìm kiếm: %s", s.q) :
	    "Tìm kiếm", "search.tpl");
	tmpl_show(p.layout, "NAV_TIM_KIEM");
	if (s.f.unit) {
		page_unit_header(&p, &s.unit);
		tmpl_show(p.body, "IN_UNIT");
	} else
		tmpl_show(p.body, "ALL_UNITS");
	if (!form_fill(r, p.body, &s))
		return resp_error(r, 500, NULL);
	if (s.q != NULL && qe == SEARCH_Q_EMPTY)
		tmpl_set(tmpl_section(p.body, "NO_WORDS"), "MESSAGE",
		    search_qerr_msg(qe));
	else if (s.q != NULL && (st = results_fill(r, p.body, &s)) != 200)
		return resp_error(r, st, NULL);
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* One hit as JSON: kind (bai-viet, van-ban, thu-tuc), title, url, unit,
 * date (YYYY-MM-DD, the city's day), snippet (plain text). */
static json_t *
api_hit(struct arena *a, const struct search_query *q,
    const struct row_SEARCH_FIND *v)
{
	struct search_seg	*segs;
	enum search_kind	 k = search_kind_of(v->kind);
	size_t			 n = search_snippet(a, v->body, q,
				    SEARCH_SNIPPET_CHARS, &segs);

	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "kind",
	    k < SEARCH_KIND__MAX ? kinds[k].word : "", "title", v->title,
	    "url", v->url, "unit", hit_unit(a, v), "date",
	    clock_iso_date(a, v->visible_from), "snippet",
	    search_segs_text(a, segs, n));
}

/* GET /api/v1/search?q=&don_vi=&loai=&trang=: total, page, per_page,
 * results (api_hit); no query (or none with a letter or digit): no
 * results.  Kept a second by the page cache, as /tim-kiem. */
int
h_api_search(struct request *r)
{
	struct row_SEARCH_FIND	*v = NULL;
	struct ask		 s;
	const char		*why = NULL;
	enum search_qerr	 qe = SEARCH_Q_EMPTY;
	int64_t			 total = 0;
	size_t			 i, n = 0;
	json_t			*list, *doc;
	int			 st;

	if ((st = ask_read(r, &s, &why)) != 0)
		return resp_error(r, st, why);
	if (s.q != NULL && (qe = search_query_parse(r->a, s.q, &s.f.q)) !=
	    SEARCH_Q_OK && qe != SEARCH_Q_EMPTY)
		return resp_error(r, 400, search_qerr_msg(qe));
	if (qe == SEARCH_Q_OK &&
	    search_find(r->db, r->a, &s.f, &v, &n, &total) != DB_OK)
		return resp_error(r, 500, NULL);
	list = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(list, api_hit(r->a, &s.f.q, &v[i]));
	doc = json_pack("{s:I, s:I, s:i, s:o}", "total", (json_int_t)total,
	    "page", (json_int_t)s.f.page, "per_page", SEARCH_PAGE,
	    "results", list);
	if (doc != NULL)
		sites_cache_public(r);
	return resp_json(r, doc != NULL ? 200 : 500, doc, NULL);
}
