/* A unit's public content (issue 11, part C): its documents (văn bản),
 * filterable by year and type; one document; the leaders' weekly
 * schedule by ISO week; the introduction pages; the contacts directory.
 * Questions and answers are h/h_qa.c. */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "app/document.h"
#include "app/media.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "core/week.h"
#include "core/workday.h"
#include "data/db.h"
#include "h/content.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"

#define DOCS_PER_PAGE	20

/* A page of a list: PREV and NEXT sections with their URLs, base
 * followed by "trang=N" (base ends in '?' or '&'). */
void
content_pager(struct request *r, struct page *p, const char *base,
    uint64_t page, uint64_t total, uint64_t per)
{
	uint64_t	 pages = total == 0 ? 1 : (total + per - 1) / per;

	tmpl_set_int(p->body, "PAGE", (long long)page);
	tmpl_set_int(p->body, "PAGES", (long long)pages);
	tmpl_set_int(p->body, "TOTAL", (long long)total);
	if (page > 1)
		tmpl_set(tmpl_section(p->body, "PREV"), "URL", arena_printf(r->a,
		    "%strang=%llu", base, (unsigned long long)(page - 1)));
	if (page < pages)
		tmpl_set(tmpl_section(p->body, "NEXT"), "URL", arena_printf(r->a,
		    "%strang=%llu", base, (unsigned long long)(page + 1)));
}

/* The filters of the document list: its years, the types, chosen ones
 * selected; returns the base URL of its pages. */
static const char *
documents_filters(struct request *r, struct page *p, const struct unit *u,
    const struct row_CT_DOC_YEARS *y, size_t ny)
{
	static const char *const types[] = { "quyet-dinh", "chi-thi",
		"ke-hoach", "thong-bao", "cong-van", "nghi-quyet", "bao-cao",
		"khac" };
	const char	*type = r->val[KEY_DOC_TYPE].s;
	uint64_t	 year = r->val[KEY_YEAR].u;
	size_t		 i;

	for (i = 0; i < ny; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "YEAR_OPTION");
		tmpl_set_int(s, "YEAR", y[i].y);
		if ((uint64_t)y[i].y == year)
			tmpl_show(s, "SELECTED");
	}
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "TYPE_OPTION");
		tmpl_set(s, "VALUE", types[i]);
		tmpl_set(s, "LABEL", document_type_label(types[i]));
		if (type != NULL && strcmp(type, types[i]) == 0)
			tmpl_show(s, "SELECTED");
	}
	return arena_printf(r->a, "/don-vi/%s/van-ban?%s%s%s%s", u->slug,
	    year ? arena_printf(r->a, "nam=%llu&", (unsigned long long)year) :
	    "", type ? "loai=" : "", type ? type : "", type ? "&" : "");
}

/* One DOC section a document of rows v. */
static void
documents_rows(struct request *r, struct page *p, const struct unit *u,
    const struct row_CT_DOCS *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "DOC");
		tmpl_set(s, "URL", arena_printf(r->a, "/don-vi/%s/van-ban/%llu",
		    u->slug, (unsigned long long)v[i].id));
		tmpl_set(s, "NUMBER", v[i].number);
		tmpl_set(s, "TYPE", document_type_label(v[i].doc_type));
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "ISSUED", v[i].issued);
		tmpl_set(s, "ISSUED_ISO", v[i].issued_iso);
	}
	if (n == 0)
		tmpl_show(p->body, "NO_DOCS");
}

/* GET /don-vi/{unit}/van-ban?nam=&loai=&trang= */
int
h_unit_documents(struct request *r)
{
	struct unit		 u;
	struct row_CT_DOCS	*v = NULL;
	struct row_CT_DOC_YEARS	*y = NULL;
	struct row_CT_DOCS_COUNT c = { 0 };
	struct page		 p;
	const char		*type = r->val[KEY_DOC_TYPE].s ?
				    r->val[KEY_DOC_TYPE].s : "";
	unsigned long long	 year = r->val[KEY_YEAR].u;
	uint64_t		 page = r->val[KEY_PAGE].u ?
				    r->val[KEY_PAGE].u : 1;
	size_t			 n = 0, ny = 0;
	enum db_err		 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) == DB_OK &&
	    (e = db_one(r->db, r->a, CT_DOCS_COUNT, &c, "uuuss",
	    (unsigned long long)u.id, year, year, type, type)) == DB_OK &&
	    (e = db_all(r->db, r->a, CT_DOC_YEARS, &y, &ny, "u",
	    (unsigned long long)u.id)) == DB_OK)
		e = db_all(r->db, r->a, CT_DOCS, &v, &n, "uuussuu",
		    (unsigned long long)u.id, year, year, type, type,
		    (unsigned long long)DOCS_PER_PAGE,
		    (unsigned long long)((page - 1) * DOCS_PER_PAGE));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Văn bản – %s", u.full),
	    "unit_documents.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_DOCUMENTS);
	documents_rows(r, &p, &u, v, n);
	content_pager(r, &p, documents_filters(r, &p, &u, y, ny), page,
	    (uint64_t)c.n, DOCS_PER_PAGE);
	sites_cache_public(r);
	return resp_page(r, n == 0 && page > 1 ? 404 : 200, &p);
}

/* GET /don-vi/{unit}/van-ban/{id} */
int
h_unit_document(struct request *r)
{
	struct unit		 u;
	struct row_CT_DOC_GET	 v;
	struct page		 p;
	enum db_err		 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) == DB_OK)
		e = db_one(r->db, r->a, CT_DOC_GET, &v, "uu",
		    (unsigned long long)r->args[1].id,
		    (unsigned long long)u.id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "%s %s", v.number, v.title),
	    "unit_document.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_DOCUMENTS);
	tmpl_set(p.body, "NUMBER", v.number);
	tmpl_set(p.body, "TYPE", document_type_label(v.doc_type));
	tmpl_set(p.body, "TITLE", v.title);
	tmpl_set(p.body, "ISSUER", v.issuer);
	tmpl_set(p.body, "SIGNER", *v.signer ? v.signer : "—");
	tmpl_set(p.body, "ISSUED", v.issued);
	tmpl_set(p.body, "ISSUED_ISO", v.issued_iso);
	tmpl_set(p.body, "EFFECTIVE", v.effective ? v.effective : "Không ghi");
	tmpl_set(p.body, "SUMMARY", v.summary);
	if (v.pdf_sha256 != NULL)
		content_pdf(r, tmpl_section(p.body, "PDF"), v.pdf_sha256,
		    v.pdf_mime, v.pdf_size);
	else
		tmpl_show(p.body, "NO_PDF");
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* One DAY section a day of the week of monday, with its items of v. */
static void
schedule_days(struct request *r, struct page *p, int32_t monday,
    const struct row_CT_SCHED_WEEK *v, size_t n)
{
	static const char *const names[] = { "Thứ Hai", "Thứ Ba", "Thứ Tư",
		"Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật" };
	int32_t		 today = (int32_t)clock_day((int64_t)time(NULL));
	size_t		 i, k = 0;
	int		 d;

	for (d = 0; d < 7; d++) {
		struct tmpl_dict *s = tmpl_section(p->body, "DAY");
		int y, m, dd;
		workday_ymd(monday + d, &y, &m, &dd);
		tmpl_set(s, "WEEKDAY", names[d]);
		tmpl_set(s, "DATE", arena_printf(r->a, "%02d/%02d/%04d", dd, m,
		    y));
		tmpl_set(s, "DATE_ISO", workday_iso(r->a, monday + d));
		if (monday + d == today)
			tmpl_show(s, "TODAY");
		for (i = k; k < n && v[k].day == monday + d; k++) {
			struct tmpl_dict *it = tmpl_section(s, "ITEM");
			tmpl_set(it, "TIME", v[k].hhmm);
			tmpl_set(it, "CONTENT", v[k].content);
			tmpl_set(it, "PLACE", v[k].place);
			tmpl_set(it, "PRESIDER", v[k].presider);
			tmpl_set(it, "PARTICIPANTS", v[k].participants);
		}
		if (i == k)
			tmpl_show(s, "NO_ITEM");
	}
}

/* The week asked for (tuan), or the city's current one: its Monday. */
int32_t
content_week(const struct request *r)
{
	if (r->val[KEY_WEEK].s != NULL)
		return (int32_t)r->val[KEY_WEEK].u;
	return week_monday((int32_t)clock_day((int64_t)time(NULL)));
}

/* The week's title, previous and next links (base ends in '?' or '&'). */
void
content_week_nav(struct request *r, struct page *p, const char *base,
    int32_t monday)
{
	int32_t	 now = week_monday((int32_t)clock_day((int64_t)time(NULL)));
	int	 iy, w, y, m, d, y2, m2, d2;

	week_of(monday, &iy, &w);
	workday_ymd(monday, &y, &m, &d);
	workday_ymd(monday + 6, &y2, &m2, &d2);
	tmpl_set(p->body, "WEEK", week_fmt(r->a, monday));
	tmpl_set(p->body, "WEEK_LABEL", arena_printf(r->a, "Tuần %d năm %d "
	    "(từ %02d/%02d/%04d đến %02d/%02d/%04d)", w, iy, d, m, y, d2, m2,
	    y2));
	tmpl_set(p->body, "PREV_URL", arena_printf(r->a, "%stuan=%s", base,
	    week_fmt(r->a, monday - 7)));
	tmpl_set(p->body, "NEXT_URL", arena_printf(r->a, "%stuan=%s", base,
	    week_fmt(r->a, monday + 7)));
	if (monday != now)
		tmpl_set(tmpl_section(p->body, "NOT_THIS_WEEK"), "URL",
		    arena_printf(r->a, "%stuan=%s", base, week_fmt(r->a, now)));
}

/* The local day as the database's DATETIME text, "YYYY-MM-DD 00:00:00". */
const char *
content_day_start(struct arena *a, int32_t day)
{
	return arena_printf(a, "%s 00:00:00", workday_iso(a, day));
}

/* GET /don-vi/{unit}/lich-cong-tac?tuan=YYYY-Www */
int
h_unit_schedule(struct request *r)
{
	struct unit			 u;
	struct row_CT_SCHED_WEEK	*v = NULL;
	struct page			 p;
	int32_t				 monday = content_week(r);
	size_t				 n = 0;
	enum db_err			 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) == DB_OK)
		e = db_all(r->db, r->a, CT_SCHED_WEEK, &v, &n, "uss",
		    (unsigned long long)u.id, content_day_start(r->a, monday),
		    content_day_start(r->a, monday + 7));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Lịch công tác – %s", u.full),
	    "unit_schedule.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_SCHEDULE);
	content_week_nav(r, &p, arena_printf(r->a, "/don-vi/%s/lich-cong-tac?",
	    u.slug), monday);
	schedule_days(r, &p, monday, v, n);
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* One PAGE_ITEM a page of the unit's introduction; 0 when none could be
 * read. */
static int
intro_list(struct request *r, struct page *p, const struct unit *u,
    const char *current)
{
	struct row_CT_PAGES	*v;
	size_t			 i, n;

	if (db_all(r->db, r->a, CT_PAGES, &v, &n, "u",
	    (unsigned long long)u->id) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "PAGE_ITEM");
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "URL", arena_printf(r->a, "/don-vi/%s/gioi-thieu/%s",
		    u->slug, v[i].slug));
		if (current != NULL && strcmp(current, v[i].slug) == 0)
			tmpl_show(s, "CURRENT");
	}
	if (n == 0)
		tmpl_show(p->body, "NO_PAGES");
	return 1;
}

/* GET /don-vi/{unit}/gioi-thieu: the list of the unit's pages and the
 * first one's text. */
int
h_unit_intro(struct request *r)
{
	struct unit		 u;
	struct row_CT_PAGES	*v = NULL;
	struct row_CT_PAGE_GET	 pg;
	struct page		 p;
	size_t			 n = 0;
	enum db_err		 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) == DB_OK)
		e = db_all(r->db, r->a, CT_PAGES, &v, &n, "u",
		    (unsigned long long)u.id);
	if (e == DB_OK && n > 0)
		e = db_one(r->db, r->a, CT_PAGE_GET, &pg, "us",
		    (unsigned long long)u.id, v[0].slug);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Giới thiệu – %s", u.full),
	    "unit_intro.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_INTRO);
	if (!intro_list(r, &p, &u, n > 0 ? v[0].slug : NULL))
		return resp_error(r, 500, NULL);
	tmpl_set(p.body, "HEADING", "Giới thiệu");
	if (n > 0) {
		struct tmpl_dict *s = tmpl_section(p.body, "TEXT");
		tmpl_set(s, "TITLE", pg.title);
		tmpl_set(s, "BODY", pg.body);
		tmpl_set(s, "UPDATED", clock_date(r->a, pg.updated_at));
	}
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* GET /don-vi/{unit}/gioi-thieu/{slug} */
int
h_unit_intro_page(struct request *r)
{
	struct unit		 u;
	struct row_CT_PAGE_GET	 pg;
	struct tmpl_dict	*s;
	struct page		 p;
	enum db_err		 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) == DB_OK)
		e = db_one(r->db, r->a, CT_PAGE_GET, &pg, "us",
		    (unsigned long long)u.id, r->args[1].s);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "%s – %s", pg.title, u.full),
	    "unit_intro.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_INTRO);
	if (!intro_list(r, &p, &u, pg.slug))
		return resp_error(r, 500, NULL);
	tmpl_set(p.body, "HEADING", pg.title);
	s = tmpl_section(p.body, "TEXT");
	tmpl_set(s, "BODY", pg.body);
	tmpl_set(s, "UPDATED", clock_date(r->a, pg.updated_at));
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}

/* The PDF of a document in section d: its link, type and size. */
void
content_pdf(struct request *r, struct tmpl_dict *d, const char *sha256,
    const char *mime, int64_t size)
{
	tmpl_set(d, "URL", media_url(r->a, sha256, mime));
	tmpl_set(d, "SIZE", size >= 1048576 ? arena_printf(r->a, "%.1f MB",
	    (double)size / 1048576) : arena_printf(r->a, "%lld KB",
	    (long long)(size + 1023) / 1024));
}

/* The digits (and a leading +) of a printed phone number: its tel:
 * link. */
const char *
content_tel(struct arena *a, const char *phone)
{
	char	*t = arena_alloc(a, strlen(phone) + 1), *w = t;

	for (; *phone != '\0'; phone++)
		if ((*phone >= '0' && *phone <= '9') || (*phone == '+' &&
		    w == t))
			*w++ = *phone;
	*w = '\0';
	return t;
}

/* GET /don-vi/{unit}/lien-he */
int
h_unit_contacts(struct request *r)
{
	struct unit		 u;
	struct row_CT_CONTACTS	*v = NULL;
	struct page		 p;
	size_t			 i, n = 0;
	enum db_err		 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) == DB_OK)
		e = db_all(r->db, r->a, CT_CONTACTS, &v, &n, "u",
		    (unsigned long long)u.id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Liên hệ – %s", u.full),
	    "unit_contacts.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_CONTACTS);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "CONTACT");
		tmpl_set(s, "TITLE", v[i].title);
		if (*v[i].person)
			tmpl_set(tmpl_section(s, "PERSON"), "NAME", v[i].person);
		if (*v[i].phone) {
			struct tmpl_dict *t = tmpl_section(s, "PHONE");
			tmpl_set(t, "PHONE", v[i].phone);
			tmpl_set(t, "TEL", content_tel(r->a, v[i].phone));
		}
		if (*v[i].email)
			tmpl_set(tmpl_section(s, "EMAIL"), "EMAIL", v[i].email);
		if (*v[i].address)
			tmpl_set(tmpl_section(s, "ADDRESS"), "ADDRESS",
			    v[i].address);
		if (*v[i].hours)
			tmpl_set(tmpl_section(s, "HOURS"), "HOURS", v[i].hours);
	}
	if (n == 0)
		tmpl_show(p.body, "NO_CONTACTS");
	sites_cache_public(r);
	return resp_page(r, 200, &p);
}
