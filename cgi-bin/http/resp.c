/* The answer: status, headers, body; pages rendered in the layout; error
 * pages; and writing all of it to the FastCGI stream. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fcgiapp.h>
#include <jansson.h>

#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "http/request.h"
#include "http/resp.h"

struct status_text {
	int		 code;
	const char	*reason;	/* HTTP reason phrase */
	const char	*title;		/* Vietnamese page title */
	const char	*message;	/* Vietnamese explanation */
};

static const struct status_text statuses[] = {
	{ 200, "OK", NULL, NULL },
	{ 301, "Moved Permanently", NULL, NULL },
	{ 302, "Found", NULL, NULL },
	{ 303, "See Other", NULL, NULL },
	{ 400, "Bad Request", "Yêu cầu không hợp lệ",
	  "Yêu cầu gửi lên không đúng định dạng nên hệ thống không xử lý." },
	{ 403, "Forbidden", "Không có quyền truy cập",
	  "Bạn không có quyền thực hiện thao tác này." },
	{ 404, "Not Found", "Không tìm thấy trang",
	  "Trang bạn tìm không tồn tại hoặc đã được chuyển đi." },
	{ 405, "Method Not Allowed", "Phương thức không được hỗ trợ",
	  "Địa chỉ này không nhận phương thức yêu cầu đã dùng." },
	{ 409, "Conflict", "Xung đột dữ liệu",
	  "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại trang." },
	{ 413, "Content Too Large", "Dữ liệu gửi lên quá lớn",
	  "Dữ liệu gửi lên vượt quá giới hạn cho phép." },
	{ 422, "Unprocessable Content", "Thông tin chưa hợp lệ",
	  "Thông tin gửi lên chưa hợp lệ. Vui lòng kiểm tra lại." },
	{ 429, "Too Many Requests", "Quá nhiều yêu cầu",
	  "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút." },
	{ 500, "Internal Server Error", "Lỗi hệ thống",
	  "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau." },
	{ 503, "Service Unavailable", "Hệ thống tạm thời không phục vụ được",
	  "Hệ thống đang bận hoặc tạm ngừng. Vui lòng thử lại sau ít phút." },
};

/* Site-wide values for the layout, read once before threads start. */
static struct {
	const char	*name, *contact_name, *address, *phone, *email;
	char		 phone_tel[32];
} site;

void
resp_site_init(void)
{
	size_t		 i, n = 0;

	site.name = cfg_str("site", "name", "Cổng thông tin điện tử");
	site.contact_name = cfg_str("site", "contact_name", "");
	site.address = cfg_str("site", "address", "");
	site.phone = cfg_str("site", "phone", "");
	site.email = cfg_str("site", "email", "");
	for (i = 0; site.phone[i] != '\0' && n + 1 < sizeof(site.phone_tel);
	    i++)
		if (isdigit((unsigned char)site.phone[i]) ||
		    (site.phone[i] == '+' && n == 0))
			site.phone_tel[n++] = site.phone[i];
	site.phone_tel[n] = '\0';
}

static const struct status_text *
status_find(int code)
{
	size_t	 i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (statuses[i].code == code)
			return &statuses[i];
	return code == 500 ? &statuses[0] : status_find(500);
}

/* 1 when s may be a field value: no control character (DEL included)
 * but the horizontal tab. */
static int
header_value_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
			return 0;
	return 1;
}

/* 1 when s is a field name: a non-empty RFC 9110 token (printable ASCII
 * without separators, so no ':', space or control character). */
static int
header_name_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f ||
		    strchr("\"(),/:;<=>?@[\\]{}", *s) != NULL)
			return 0;
	return 1;
}

/* Sets a header, replacing one of the same name (Set-Cookie excepted,
 * which may repeat); refuses (returns 0, logs) a name that is not a token
 * (CR, LF, ':', control characters...), a value with CR, LF or other
 * control characters, and a full table. */
int
resp_header(struct request *r, const char *name, const char *value)
{
	size_t	 i;

	if (!header_name_ok(name) || !header_value_ok(value)) {
		LOGE("refused header %s", name);
		return 0;
	}
	for (i = 0; i < r->nhdrs; i++)
		if (strcasecmp(r->hdrs[i].name, name) == 0 &&
		    strcasecmp(name, "Set-Cookie") != 0)
			break;
	if (i == RESP_HEADERS_MAX) {
		LOGE("refused header %s: table full", name);
		return 0;
	}
	r->hdrs[i].name = arena_strdup(r->a, name);
	r->hdrs[i].value = arena_strdup(r->a, value);
	if (i == r->nhdrs)
		r->nhdrs++;
	return 1;
}

static void	resp_page_user(struct request *, struct tmpl_dict *);
static void	resp_page_nav(struct request *, struct tmpl_dict *);

static void
dict_free(void *d)
{
	tmpl_dict_free(d);
}

/* Starts a page: the layout's dictionary (freed with the request) and
 * the body's, to be filled by the handler.  A NULL title marks the home
 * page, whose title is the site's name alone. */
void
resp_page_new(struct request *r, struct page *p, const char *title,
    const char *body_tmpl)
{
	p->layout = tmpl_dict_new("layout");
	arena_defer(r->a, dict_free, p->layout);
	if (title != NULL) {
		tmpl_set(p->layout, "PAGE_TITLE", title);
		tmpl_show(p->layout, "NOT_HOME");
	} else
		tmpl_show(p->layout, "IS_HOME");
	tmpl_set(p->layout, "SITE_NAME", site.name);
	tmpl_set(p->layout, "CONTACT_NAME", site.contact_name);
	tmpl_set(p->layout, "CONTACT_ADDRESS", site.address);
	tmpl_set(p->layout, "CONTACT_PHONE", site.phone);
	tmpl_set(p->layout, "CONTACT_PHONE_TEL", site.phone_tel);
	tmpl_set(p->layout, "CONTACT_EMAIL", site.email);
	tmpl_set(p->layout, "REQUEST_ID", r->rid);
	p->body = tmpl_include(p->layout, "BODY", body_tmpl);
	p->form_error = NULL;
	p->fields = NULL;
	p->title = title;
	p->errors = 0;
	tmpl_set(p->body, "SITE_NAME", site.name);
	if (r->sess != NULL)
		tmpl_set(p->body, "CSRF", r->sess->csrf);
	if (r->val[KEY_NOTICE].s != NULL)
		tmpl_set(tmpl_section(p->layout, "NOTICE"), "MESSAGE",
		    r->val[KEY_NOTICE].s);
	resp_page_user(r, p->layout);
	resp_page_nav(r, p->layout);
}

/* The menu item of a route's pages (aria-current), by route name prefix. */
static const struct {
	const char	*prefix;
	const char	*section;
} nav[] = {
	{ "unit_news", "NAV_TIN_TUC" },
	/* a unit's other pages: the unit's own navigation marks them */
	{ "unit", NULL },
	{ "article", "NAV_TIN_TUC" },
	{ "login", "NAV_DANG_NHAP" },
	{ "register", "NAV_DANG_KY" },
	{ "account", "NAV_TAI_KHOAN" },
	{ "editor", "NAV_BIEN_TAP" },
	{ "desk", "NAV_MOT_CUA" },
	{ "admin_", "NAV_QUAN_TRI" },
	{ "track", "NAV_TRA_CUU" },
	{ "myapp", "NAV_HO_SO" },
	{ "procedure", "NAV_THU_TUC" },
	{ "stats", "NAV_THONG_KE" },
	{ "news", "NAV_TIN_TUC" },	/* the city's news (issue 11, part A) */
};

static void
resp_page_nav(struct request *r, struct tmpl_dict *d)
{
	size_t	 i;

	for (i = 0; r->route != NULL && i < sizeof(nav) / sizeof(nav[0]); i++)
		if (strncmp(r->route->name, nav[i].prefix,
		    strlen(nav[i].prefix)) == 0) {
			if (nav[i].section != NULL)
				tmpl_show(d, nav[i].section);
			return;
		}
}

/* The layout's account corner and the areas the user may enter. */
static void
resp_page_user(struct request *r, struct tmpl_dict *d)
{
	static const struct { enum role role; const char *section; } areas[] = {
		{ ROLE_EDITOR, "AREA_EDITOR" },
		{ ROLE_LEADER, "AREA_EDITOR" },
		{ ROLE_ADMIN, "AREA_EDITOR" },
		{ ROLE_STAFF, "AREA_DESK" },
		{ ROLE_LEADER, "AREA_DESK" },
		{ ROLE_ADMIN, "AREA_ADMIN" },
	};
	struct tmpl_dict	*s;
	size_t			 i;

	if (r->user == NULL || r->sess == NULL) {
		tmpl_show(d, "SIGNED_OUT");
		return;
	}
	s = tmpl_section(d, "SIGNED_IN");
	tmpl_set(s, "USER_NAME", r->user->full_name);
	tmpl_set(s, "CSRF", r->sess->csrf);
	for (i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
		if (r->user->role_bits & ROLE_BIT(areas[i].role))
			tmpl_show(d, areas[i].section);
	resp_header(r, "Cache-Control", "private, no-store");
}

/* The form fields that can be in error: the section beside the input
 * (ERR_<FIELD>) and the input's id, which the alert links to. */
static const struct {
	const char	*section;
	const char	*id;
} fields[] = {
	{ "ERR_FULL_NAME", "ho-ten" },
	{ "ERR_PHONE", "dien-thoai" },
	{ "ERR_EMAIL", "email" },
	{ "ERR_ID_NUMBER", "so-dinh-danh" },
	{ "ERR_CURRENT_PASSWORD", "mat-khau-hien-tai" },
	{ "ERR_EMAIL_PASSWORD", "mat-khau-doi-email" },
	{ "ERR_PASSWORD", "mat-khau" },
	{ "ERR_PASSWORD2", "mat-khau-nhap-lai" },
	{ "ERR_UNIT", "don-vi" },
	{ "ERR_TITLE", "tieu-de" },
	{ "ERR_SUMMARY", "tom-tat" },
	{ "ERR_BODY", "noi-dung-bai" },
	{ "ERR_CODE", "ma-ho-so" },
	{ "ERR_VERIFY", "xac-minh" },
	{ "ERR_RATING", "diem-1" },
	{ "ERR_COMMENT", "nhan-xet" },
	/* the procedure form (h_admin_procedure.c) */
	{ "ERR_PROC_NAME", "ten" },
	{ "ERR_SECTOR", "linh-vuc" },
	{ "ERR_LEVEL", "cap" },
	{ "ERR_AGENCY", "co-quan" },
	{ "ERR_ONLINE", "hinh-thuc" },
	{ "ERR_DAYS", "so-ngay" },
	{ "ERR_STEPS", "trinh-tu" },
	{ "ERR_DOCUMENTS", "thanh-phan" },
	{ "ERR_LEGAL", "can-cu" },
	{ "ERR_APPLICANTS", "doi-tuong" },
	{ "ERR_RESULT", "ket-qua" },
	{ "ERR_CONDITIONS", "dieu-kien" },
	{ "ERR_FEES", "phi" },
	/* the newsroom's article form (h_editor_edit.c) */
	{ "ERR_ALT", "mo-ta-anh" },
	{ "ERR_LEAD", "anh-dai-dien" },
	{ "ERR_EXPIRES", "het-han" },
	{ "ERR_PUBLISH_AT", "dang-luc" },
	{ "ERR_FILE", "tep-chen" },
};

/* The alert at the top of the form (the partial form_error.tpl), made
 * with message the first time. */
static struct tmpl_dict *
resp_alert(struct page *p, const char *message)
{
	if (p->form_error == NULL) {
		p->form_error = tmpl_include(p->body, "FORM_ERROR",
		    "form_error.tpl");
		tmpl_set(p->form_error, "MESSAGE", message);
	}
	return p->form_error;
}

/* Marks the error of a field whose input (id) a page made itself: the
 * section beside the input in d, a link to it in the alert; counts it. */
void
resp_input_error(struct page *p, struct tmpl_dict *d, const char *section,
    const char *id, const char *msg)
{
	struct tmpl_dict	*item;

	tmpl_set(tmpl_section(d, section), "MESSAGE", msg);
	p->errors++;
	resp_alert(p, "Thông tin chưa hợp lệ. Vui lòng kiểm tra các mục được "
	    "đánh dấu bên dưới.");
	if (id == NULL)
		return;
	if (p->fields == NULL)
		p->fields = tmpl_section(p->form_error, "FIELDS");
	item = tmpl_section(p->fields, "FIELD");
	tmpl_set(item, "FIELD_ID", id);
	tmpl_set(item, "MESSAGE", msg);
}

/* Marks a field's error (section ERR_<FIELD> beside its input, and a link
 * to the input in the alert) and counts it. */
void
resp_field_error(struct page *p, const char *section, const char *msg)
{
	size_t			 i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].section, section) == 0)
			break;
	if (i == sizeof(fields) / sizeof(fields[0]))
		LOGE("no input for %s", section);
	resp_input_error(p, p->body, section, i < sizeof(fields) /
	    sizeof(fields[0]) ? fields[i].id : NULL, msg);
}

/* The alert at the top of a form says msg (one alert per page). */
void
resp_form_error(struct page *p, const char *msg)
{
	p->errors++;
	tmpl_set(resp_alert(p, msg), "MESSAGE", msg);
}

static void
body_free(void *p)
{
	free(p);
}

/* Renders the page into the response.  Returns status, or 500 when the
 * template fails (with a plain-text body). */
int
resp_page(struct request *r, int status, struct page *p)
{
	static const char fail[] = "Lỗi hệ thống.\n";
	char	*out;
	size_t	 len;

	/* A form that came back with errors says so in the title, first
	 * thing a screen reader announces. */
	if (p->errors && p->title != NULL)
		tmpl_set(p->layout, "PAGE_TITLE", arena_printf(r->a,
		    "Lỗi: %s", p->title));

	if (!tmpl_render("layout.tpl", p->layout, &out, &len))
		return resp_text(r, 500, "text/plain; charset=utf-8", fail,
		    sizeof(fail) - 1);
	arena_defer(r->a, body_free, out);
	r->status = status;
	r->ctype = "text/html; charset=utf-8";
	r->body = out;
	r->bodylen = len;
	return status;
}

int
resp_text(struct request *r, int status, const char *ctype,
    const char *body, size_t len)
{
	r->status = status;
	r->ctype = ctype;
	r->body = (char *)(uintptr_t)body;
	r->bodylen = len;
	return status;
}

/* Answers the JSON document o (stolen) with status, or {"error": why}
 * when o is NULL (why NULL: a general failure); a document that cannot be
 * written is a 500 of its own.  The caller sets any Cache-Control first. */
int
resp_json(struct request *r, int status, struct json_t *o, const char *why)
{
	static const char	 fail[] = "{\"error\":\"Lỗi hệ thống.\"}";
	static const char	 ctype[] = "application/json; charset=utf-8";
	char			*s;
	const char		*body;

	if (o == NULL)
		o = json_pack("{s:s}", "error", why ? why :
		    "Lỗi hệ thống. Vui lòng thử lại sau.");
	s = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (s == NULL)
		return resp_text(r, 500, ctype, fail, sizeof(fail) - 1);
	body = arena_strdup(r->a, s);	/* resp_text keeps the pointer */
	free(s);
	return resp_text(r, status, ctype, body, strlen(body));
}

/* Redirects to a local path; anything else is refused as a 500. */
int
resp_redirect(struct request *r, int status, const char *location)
{
	if (location[0] != '/' || location[1] == '/' || location[1] == '\\' ||
	    !resp_header(r, "Location", location))
		return resp_error(r, 500, NULL);
	return resp_text(r, status, "text/plain; charset=utf-8", "", 0);
}

/* Redirects to another site's absolute http(s) URL: only for addresses
 * that come from configuration (the OpenID provider's), never from the
 * request. */
int
resp_redirect_away(struct request *r, int status, const char *url)
{
	if ((strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) !=
	    0) || !resp_header(r, "Location", url))
		return resp_error(r, 500, NULL);
	return resp_text(r, status, "text/plain; charset=utf-8", "", 0);
}

/* Renders the error page for status; detail, when given, replaces the
 * standard explanation.  A 500 because the database is away is a 503: a
 * temporary condition, counted, with a time to come back. */
int
resp_error(struct request *r, int status, const char *detail)
{
	const struct status_text	*st;
	struct page			 p;
	int				 db_away = 0;

	if (status == 500 && r->db != NULL && db_down(r->db)) {
		status = 503;
		db_away = 1;
		detail = "Hệ thống tạm thời không truy cập được cơ sở dữ liệu. "
		    "Vui lòng thử lại sau ít phút.";
		metrics_event(EV_DB_DOWN);
	}
	st = status_find(status);
	if (st->title == NULL)
		st = status_find(500);
	resp_page_new(r, &p, st->title, "error.tpl");
	tmpl_set_int(p.body, "STATUS", status);
	tmpl_set(p.body, "ERROR_TITLE", st->title);
	tmpl_set(p.body, "ERROR_MESSAGE", detail ? detail : st->message);
	if (r->rid != NULL)
		tmpl_set(tmpl_section(p.body, "RID"), "REQUEST_ID", r->rid);
	if (status == 503)
		resp_header(r, "Retry-After", db_away ? "10" : "30");
	return resp_page(r, status, &p) == 500 && status != 500 ? 500 : status;
}

static void
put(FCGX_Stream *out, const char *s)
{
	FCGX_PutStr(s, (int)strlen(s), out);
}

/* Writes status line, headers and body.  The security headers (CSP and
 * the others) are nginx's to add: conf/nginx/security-headers.conf. */
void
resp_write(struct request *r)
{
	FCGX_Stream			*out = ((FCGX_Request *)r->fcgx)->out;
	const struct status_text	*st;
	char				 line[128];
	size_t				 i;
	int				 has_cache = 0;

	if (r->status == 0)	/* a handler that answered nothing */
		resp_error(r, 500, NULL);
	st = status_find(r->status);
	snprintf(line, sizeof(line), "Status: %d %s\r\n", r->status,
	    st->code == r->status ? st->reason : "Unknown");
	put(out, line);
	for (i = 0; i < r->nhdrs; i++) {
		has_cache |= strcasecmp(r->hdrs[i].name, "Cache-Control") == 0;
		put(out, r->hdrs[i].name);
		put(out, ": ");
		put(out, r->hdrs[i].value);
		put(out, "\r\n");
	}
	if (!has_cache)
		put(out, "Cache-Control: no-cache\r\n");
	snprintf(line, sizeof(line), "Content-Type: %s\r\nContent-Length: "
	    "%zu\r\n\r\n", r->ctype ? r->ctype : "text/plain; charset=utf-8",
	    r->bodylen);
	put(out, line);
	if (r->method != METHOD_HEAD && r->bodylen > 0)
		FCGX_PutStr(r->body, (int)r->bodylen, out);
}

/* The error page for status as nginx serves it from a file: no session,
 * no request id.  Returns it (malloc'd, *len set), or NULL. */
char *
resp_error_file(int status, size_t *len)
{
	struct request	 r;
	char		*out = NULL;

	memset(&r, 0, sizeof(r));
	r.a = arena_new();
	r.method = METHOD_GET;
	resp_error(&r, status, NULL);
	if (r.status == status && r.body != NULL) {
		out = xmalloc(r.bodylen + 1);
		memcpy(out, r.body, r.bodylen);
		out[r.bodylen] = '\0';
		*len = r.bodylen;
	}
	arena_free(r.a);
	return out;
}
