/* The procedure catalogue, public: every procedure in force, by sector,
 * searchable and filtered by online level (/thu-tuc); one procedure with
 * every field the law requires of it (/thu-tuc/{code}); the same list as
 * JSON (/api/v1/procedures).  There is no filter by unit: every current
 * unit (phường, xã) handles all the commune-level procedures. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "h/procedure.h"
#include "http/request.h"
#include "http/resp.h"

/* The online levels: procedure_versions.online_level, the URL's word,
 * the label. */
static const struct {
	const char	*value, *word, *label;
} levels[] = {
	{ "toan_trinh", "toan-trinh", "Trực tuyến toàn trình" },
	{ "mot_phan", "mot-phan", "Trực tuyến một phần" },
	{ "truc_tiep", "truc-tiep", "Nộp trực tiếp" },
};

/* The label of an online level (procedure_versions.online_level). */
const char *
proc_level_label(const char *value)
{
	size_t	 i;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (value != NULL && strcmp(value, levels[i].value) == 0)
			return levels[i].label;
	return levels[2].label;
}

/* The filter of the request: search, sector, online level, page. */
void
proc_filter_read(struct request *r, struct proc_filter *f)
{
	f->q = r->val[KEY_Q].s ? r->val[KEY_Q].s : "";
	f->like = db_like(r->a, f->q);
	f->sector = r->val[KEY_SECTOR].s ? r->val[KEY_SECTOR].s : "";
	f->online = r->val[KEY_ONLINE].s ? r->val[KEY_ONLINE].s : "";
	f->page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
}

/* Loads the filter's page of procedures and their count. */
enum db_err
proc_filter_load(struct request *r, const struct proc_filter *f,
    struct row_PROC_LIST **rows, size_t *n, int64_t *total)
{
	struct row_PROC_COUNT	 c;
	enum db_err		 e;

	e = db_all(r->db, r->a, PROC_LIST, rows, n, "sssssssii", f->q,
	    f->like, f->like, f->sector, f->sector, f->online, f->online,
	    (long long)PROC_PAGE, (long long)((f->page - 1) * PROC_PAGE));
	if (e == DB_OK)
		e = db_one(r->db, r->a, PROC_COUNT, &c, "sssssss", f->q,
		    f->like, f->like, f->sector, f->sector, f->online,
		    f->online);
	*total = e == DB_OK ? c.n : 0;
	return e;
}

/* The URL word of an online level value ("" for none). */
static const char *
level_word(const char *value)
{
	size_t	 i;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (strcmp(value, levels[i].value) == 0)
			return levels[i].word;
	return "";
}

/* base with the filter's parameters that are set, at page. */
const char *
proc_filter_url(struct arena *a, const char *base,
    const struct proc_filter *f, uint64_t page)
{
	const char	*u = arena_printf(a, "%s?trang=%llu", base,
			    (unsigned long long)page);

	if (*f->q)
		u = arena_printf(a, "%s&q=%s", u, text_urlencode(a, f->q));
	if (*f->sector)
		u = arena_printf(a, "%s&linh_vuc=%s", u, f->sector);
	if (*f->online)
		u = arena_printf(a, "%s&hinh_thuc=%s", u,
		    level_word(f->online));
	return u;
}

/* PREV, NEXT (sections: URL) and PAGE, PAGES of the list. */
void
proc_pager(struct arena *a, struct tmpl_dict *d, const char *base,
    const struct proc_filter *f, int64_t total)
{
	uint64_t	 pages = total > 0 ? ((uint64_t)total + PROC_PAGE - 1) /
			    PROC_PAGE : 1;

	tmpl_set_int(d, "PAGE", (long long)f->page);
	tmpl_set_int(d, "PAGES", (long long)pages);
	if (f->page > 1)
		tmpl_set(tmpl_section(d, "PREV"), "URL", proc_filter_url(a,
		    base, f, f->page - 1));
	if (f->page < pages)
		tmpl_set(tmpl_section(d, "NEXT"), "URL", proc_filter_url(a,
		    base, f, f->page + 1));
}

/* The procedures, one SECTOR_GROUP per run of a sector (the list is
 * ordered by sector). */
static void
list_fill(struct request *r, struct tmpl_dict *d,
    const struct row_PROC_LIST *v, size_t n)
{
	struct tmpl_dict	*group = NULL, *s;
	const char		*sector = NULL;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (sector == NULL || strcmp(sector, v[i].sector) != 0) {
			group = tmpl_section(d, "SECTOR_GROUP");
			tmpl_set(group, "SECTOR", v[i].sector);
			sector = v[i].sector;
		}
		s = tmpl_section(group, "PROC_ITEM");
		tmpl_set(s, "CODE", v[i].code);
		tmpl_set(s, "NAME", v[i].name);
		tmpl_set(s, "URL", arena_printf(r->a, "/thu-tuc/%s",
		    v[i].code));
		tmpl_set(s, "ONLINE_LABEL", proc_level_label(v[i].online_level));
		if (strcmp(v[i].online_level, "truc_tiep") != 0)
			tmpl_show(s, "ONLINE");
		if (v[i].processing_days > 0)
			tmpl_set_int(tmpl_section(s, "DAYS"), "DAYS",
			    (long long)v[i].processing_days);
		if (!v[i].published)
			tmpl_show(s, "PENDING");
	}
	if (n == 0)
		tmpl_show(d, "NO_PROCS");
}

/* The filter form's options (SECTOR_OPTION, LEVEL_OPTION) and the
 * sectors with their counts (SECTOR_ITEM). */
static int
filter_fill(struct request *r, struct tmpl_dict *d,
    const struct proc_filter *f)
{
	struct row_PROC_SECTORS	*v;
	size_t			 i, n;

	if (db_all(r->db, r->a, PROC_SECTORS, &v, &n, "") != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *o = tmpl_section(d, "SECTOR_OPTION");
		struct tmpl_dict *s = tmpl_section(d, "SECTOR_ITEM");
		tmpl_set(o, "VALUE", v[i].slug);
		tmpl_set(o, "LABEL", v[i].name);
		if (strcmp(f->sector, v[i].slug) == 0)
			tmpl_show(o, "SELECTED");
		tmpl_set(s, "NAME", v[i].name);
		tmpl_set_int(s, "COUNT", (long long)v[i].n);
		tmpl_set(s, "URL", arena_printf(r->a, "/thu-tuc?linh_vuc=%s",
		    v[i].slug));
		if (strcmp(f->sector, v[i].slug) == 0)
			tmpl_show(s, "CURRENT");
	}
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		struct tmpl_dict *o = tmpl_section(d, "LEVEL_OPTION");
		tmpl_set(o, "VALUE", levels[i].word);
		tmpl_set(o, "LABEL", levels[i].label);
		if (strcmp(f->online, levels[i].value) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_set_int(d, "SECTOR_COUNT", (long long)n);
	return 1;
}

/* GET /thu-tuc?q=&linh_vuc=&hinh_thuc=&trang= */
int
h_procedures(struct request *r)
{
	struct row_PROC_LIST	*rows;
	struct proc_filter	 f;
	struct page		 p;
	int64_t			 total;
	size_t			 n;

	proc_filter_read(r, &f);
	if (proc_filter_load(r, &f, &rows, &n, &total) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Thủ tục hành chính", "procedures.tpl");
	tmpl_set(p.body, "Q", f.q);
	tmpl_set_int(p.body, "TOTAL", (long long)total);
	if (*f.q || *f.sector || *f.online)
		tmpl_show(p.body, "FILTERED");
	if (!filter_fill(r, p.body, &f))
		return resp_error(r, 500, NULL);
	list_fill(r, p.body, rows, n);
	proc_pager(r->a, p.body, "/thu-tuc", &f, total);
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* One ITEM (TEXT) per string of the JSON array text. */
static void
strings_fill(struct tmpl_dict *d, const char *section, const char *text)
{
	json_t	*arr = json_loads(text ? text : "[]", 0, NULL), *v;
	size_t	 i;

	json_array_foreach(arr, i, v)
		if (json_is_string(v))
			tmpl_set(tmpl_section(d, section), "TEXT",
			    json_string_value(v));
	json_decref(arr);
}

/* The string o[key], or "". */
static const char *
jstr(json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL ? s : "";
}

/* CHANNEL (NAME, TIME, FEE) and DOC (NAME, QUANTITY, TEMPLATE (section:
 * URL), TOKHAI (section: URL)) sections from the JSON of the version.  A
 * form template is linked only when it is one of the site's own static
 * files; the printable declaration tokhai (NULL: none) beside the first
 * document named "Tờ khai ...".  Returns 0 when tokhai is still to be
 * placed (no such document). */
static int
objects_fill(struct tmpl_dict *d, const char *channels, const char *docs,
    const char *tokhai)
{
	json_t	*arr = json_loads(channels ? channels : "[]", 0, NULL), *v;
	size_t	 i;

	json_array_foreach(arr, i, v) {
		struct tmpl_dict *s = tmpl_section(d, "CHANNEL");
		tmpl_set(s, "NAME", jstr(v, "channel"));
		tmpl_set(s, "TIME", jstr(v, "time"));
		tmpl_set(s, "FEE", jstr(v, "fee"));
	}
	json_decref(arr);
	arr = json_loads(docs ? docs : "[]", 0, NULL);
	json_array_foreach(arr, i, v) {
		struct tmpl_dict *s = tmpl_section(d, "DOC");
		tmpl_set(s, "NAME", jstr(v, "name"));
		if (*jstr(v, "quantity"))
			tmpl_set(tmpl_section(s, "QUANTITY"), "QUANTITY",
			    jstr(v, "quantity"));
		if (strncmp(jstr(v, "template"), "/static/", 8) == 0)
			tmpl_set(tmpl_section(s, "TEMPLATE"), "URL",
			    jstr(v, "template"));
		if (tokhai != NULL && text_prefix_ci(jstr(v, "name"),
		    "Tờ khai")) {
			tmpl_set(tmpl_section(s, "TOKHAI"), "URL", tokhai);
			tokhai = NULL;
		}
	}
	json_decref(arr);
	return tokhai == NULL;
}

/* Shows section name with TEXT when text is not empty. */
static void
text_fill(struct tmpl_dict *d, const char *name, const char *text)
{
	if (text != NULL && *text != '\0')
		tmpl_set(tmpl_section(d, name), "TEXT", text);
}

/* GET /thu-tuc/{code} */
int
h_procedure(struct request *r)
{
	struct row_PROC_GET	 v;
	struct tmpl_dict	*d;
	struct page		 p;
	const char		*tokhai = NULL;
	enum db_err		 e;

	if ((e = db_one(r->db, r->a, PROC_GET, &v, "s", r->args[0].s)) !=
	    DB_OK)
		return resp_error(r, page_status(e), e == DB_NOTFOUND ?
		    "Không có thủ tục hành chính nào mang mã này." : NULL);
	resp_page_new(r, &p, v.name, "procedure.tpl");
	tmpl_set(p.body, "CODE", v.code);
	tmpl_set(p.body, "NAME", v.name);
	tmpl_set(p.body, "SECTOR", v.sector);
	tmpl_set(p.body, "SECTOR_URL", arena_printf(r->a,
	    "/thu-tuc?linh_vuc=%s", v.sector_slug));
	tmpl_set(p.body, "ONLINE_LABEL", proc_level_label(v.online_level));
	tmpl_set_int(p.body, "VERSION", (long long)v.version);
	tmpl_set(p.body, "UPDATED", clock_date(r->a, v.created_at));
	text_fill(p.body, "LEVEL", v.level);
	text_fill(p.body, "BODY", v.body);
	text_fill(p.body, "APPLICANTS", v.applicants);
	if (v.eform != NULL && strcmp(v.online_level, "truc_tiep") != 0)
		tmpl_set(tmpl_section(p.body, "APPLY_ONLINE"), "URL",
		    arena_printf(r->a, "/thu-tuc/%s/nop", v.code));
	if (tokhai_available(r->a, v.eform))
		tokhai = arena_printf(r->a, "/thu-tuc/%s/to-khai", v.code);
	if (!v.published) {
		tmpl_show(p.body, "PENDING");
		if (tokhai != NULL)
			tmpl_set(tmpl_section(p.body, "TOKHAI_PENDING"),
			    "URL", tokhai);
		sites_cache_public(r);
		return resp_page(r, 200, &p);
	}
	d = tmpl_section(p.body, "PUBLISHED");
	if (v.processing_days > 0)
		tmpl_set_int(tmpl_section(d, "DAYS"), "DAYS",
		    (long long)v.processing_days);
	else
		tmpl_show(d, "DAYS_BY_CHANNEL");
	strings_fill(d, "STEP", v.steps);
	strings_fill(d, "LEGAL", v.legal_basis);
	if (!objects_fill(d, v.channels, v.documents, tokhai))
		tmpl_set(tmpl_section(d, "TOKHAI_BELOW"), "URL", tokhai);
	text_fill(d, "FEES", v.fees);
	text_fill(d, "RESULT", v.result);
	text_fill(d, "CONDITIONS", v.conditions);
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* One procedure of the list as JSON. */
static json_t *
api_item(struct arena *a, const struct row_PROC_LIST *v)
{
	return json_pack("{s:s, s:s, s:{s:s, s:s}, s:s, s:o, s:b, s:s}",
	    "code", v->code, "name", v->name, "sector", "name", v->sector,
	    "slug", v->sector_slug, "online_level", v->online_level,
	    "processing_days", v->processing_days > 0 ?
	    json_integer((json_int_t)v->processing_days) : json_null(),
	    "published", (int)(v->published != 0),
	    "url", arena_printf(a, "/thu-tuc/%s", v->code));
}

/* GET /api/v1/procedures?q=&linh_vuc=&hinh_thuc=&trang= : the catalogue
 * as JSON, PROC_PAGE procedures a page. */
int
h_api_procedures(struct request *r)
{
	struct row_PROC_LIST	*rows;
	struct proc_filter	 f;
	int64_t			 total;
	size_t			 i, n;
	json_t			*list, *doc;

	proc_filter_read(r, &f);
	if (proc_filter_load(r, &f, &rows, &n, &total) != DB_OK)
		return resp_error(r, 500, NULL);
	list = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(list, api_item(r->a, &rows[i]));
	doc = json_pack("{s:I, s:I, s:i, s:o}", "total", (json_int_t)total,
	    "page", (json_int_t)f.page, "per_page", PROC_PAGE,
	    "procedures", list);
	return resp_json(r, doc != NULL ? 200 : 500, doc, NULL);
}
