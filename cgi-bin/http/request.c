/* Turning one FastCGI request into a struct request: parameters, path,
 * query, cookies and body, all under limits; then the route's keys
 * validated into typed values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/role.h"
#include "core/text.h"
#include "core/valid.h"
#include "http/request.h"

struct key_def {
	const char	*name;
	int		(*check)(struct arena *, struct kval *);
	int		 strict;	/* invalid: 400, not the handler's */
	const char	*why;		/* Vietnamese, for the 400 page */
};

/* Notices shown after a redirect; "tb" names one, never carries text. */
static const char *const notices[][2] = {
	{ "dang-ky", "Đăng ký thành công. Chào mừng bạn đến với cổng dịch vụ "
	  "công." },
	{ "dang-nhap", "Bạn đã đăng nhập." },
	{ "dang-xuat", "Bạn đã đăng xuất." },
	{ "mat-khau-moi", "Đã đặt mật khẩu mới. Vui lòng đăng nhập lại." },
	{ "doi-mat-khau", "Đã đổi mật khẩu. Mọi phiên đăng nhập khác đã kết "
	  "thúc." },
	{ "dang-xuat-khac", "Đã đăng xuất khỏi mọi thiết bị khác." },
	{ "da-luu", "Đã lưu thay đổi." },
	{ "da-dang", "Đã đăng bài." },
	{ "da-tao", "Đã tạo người dùng." },
	{ "da-cap-quyen", "Đã cấp quyền." },
	{ "da-thu-hoi", "Đã thu hồi quyền." },
	{ "da-khoa", "Đã vô hiệu hoá tài khoản và kết thúc mọi phiên của "
	  "người này." },
	{ "da-mo", "Đã kích hoạt lại tài khoản." },
};

static int
key_page(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), 10000, &v->u) && v->u >= 1;
}

static int
key_uint(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), UINT32_MAX, &v->u);
}

/* One line of text: NFC, trimmed, folded; between 1 and 300 characters. */
static int
key_line(struct arena *a, struct kval *v)
{
	v->s = text_trim(a, v->raw, strlen(v->raw));
	return v->s != NULL && valid_line(v->s, strlen(v->s), 300);
}

static int
key_name(struct arena *a, struct kval *v)
{
	return key_line(a, v) && text_chars(v->s) <= 100 && *v->s != '\0';
}

/* Several paragraphs: NFC, CR LF as LF, at most 100,000 characters. */
static int
key_text(struct arena *a, struct kval *v)
{
	char	*t = text_nfc(a, v->raw, strlen(v->raw)), *r, *w;

	if (t == NULL)
		return 0;
	for (r = w = t; *r != '\0'; r++)
		if (*r != '\r')
			*w++ = *r;
	*w = '\0';
	v->s = t;
	return valid_text(t, strlen(t), 100000);
}

static int
key_summary(struct arena *a, struct kval *v)
{
	return key_text(a, v) && text_chars(v->s) <= 1000;
}

static int
key_secret(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return strlen(v->raw) <= 1024;
}

static int
key_phone(struct arena *a, struct kval *v)
{
	char	*out = arena_alloc(a, 11);

	v->s = out;
	return valid_phone(v->raw, strlen(v->raw), out);
}

static int
key_email(struct arena *a, struct kval *v)
{
	size_t	 n = strlen(v->raw);
	char	*out = arena_alloc(a, n + 1);

	v->s = out;
	return valid_email(v->raw, n, out, n + 1);
}

/* A phone number or an email: the sign-in name. */
static int
key_account(struct arena *a, struct kval *v)
{
	return key_phone(a, v) || key_email(a, v);
}

static int
key_id_number(struct arena *a, struct kval *v)
{
	v->s = text_trim(a, v->raw, strlen(v->raw));
	return v->s != NULL && valid_id_number(v->s, strlen(v->s));
}

static int
key_token(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_token(v->raw, strlen(v->raw));
}

static int
key_path(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_local_path(v->raw, strlen(v->raw));
}

static int
key_word(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_slug(v->raw, strlen(v->raw));
}

static int
key_role(struct arena *a, struct kval *v)
{
	enum role	 role = role_from_name(v->raw);

	(void)a;
	v->u = role;
	v->s = role_name(role);
	return role != ROLE_USER;
}

static int
key_notice(struct arena *a, struct kval *v)
{
	size_t	 i;

	(void)a;
	for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(v->raw, notices[i][0]) == 0) {
			v->s = notices[i][1];
			return 1;
		}
	return 0;
}

static const struct key_def key_defs[KEY__MAX] = {
	[KEY_PAGE] = { "trang", key_page, 1, "Số trang không hợp lệ." },
	[KEY_Q] = { "q", key_line, 1, "Từ khoá tìm kiếm không hợp lệ." },
	[KEY_CSRF] = { "csrf", key_secret, 0, NULL },
	[KEY_NEXT] = { "tiep", key_path, 0, NULL },
	[KEY_ACCOUNT] = { "tai_khoan", key_account, 0, NULL },
	[KEY_PASSWORD] = { "mat_khau", key_secret, 0, NULL },
	[KEY_PASSWORD2] = { "mat_khau_nhap_lai", key_secret, 0, NULL },
	[KEY_CURRENT_PASSWORD] = { "mat_khau_hien_tai", key_secret, 0, NULL },
	[KEY_FULL_NAME] = { "ho_ten", key_name, 0, NULL },
	[KEY_PHONE] = { "dien_thoai", key_phone, 0, NULL },
	[KEY_EMAIL] = { "email", key_email, 0, NULL },
	[KEY_ID_NUMBER] = { "so_dinh_danh", key_id_number, 0, NULL },
	[KEY_TOKEN] = { "ma", key_token, 0, NULL },
	[KEY_ACTION] = { "hanh_dong", key_word, 1, "Thao tác không hợp lệ." },
	[KEY_ROLE] = { "vai_tro", key_role, 1, "Vai trò không hợp lệ." },
	[KEY_UNIT] = { "don_vi", key_uint, 1, "Đơn vị không hợp lệ." },
	[KEY_TITLE] = { "tieu_de", key_line, 0, NULL },
	[KEY_SUMMARY] = { "tom_tat", key_summary, 0, NULL },
	[KEY_BODY] = { "noi_dung", key_text, 0, NULL },
	[KEY_NOTICE] = { "tb", key_notice, 0, NULL },
};

static const char *
param(const struct request *r, const char *name)
{
	return FCGX_GetParam(name, ((FCGX_Request *)r->fcgx)->envp);
}

/* Sum of the request header sizes nginx passed as HTTP_* parameters. */
static size_t
request_header_size(const struct request *r)
{
	char	**e;
	size_t	 n = 0;

	for (e = ((FCGX_Request *)r->fcgx)->envp; *e != NULL; e++)
		if (strncmp(*e, "HTTP_", 5) == 0)
			n += strlen(*e);
	return n;
}

/* The request id: nginx's $request_id when sane, else a fresh one. */
static const char *
request_id(struct request *r)
{
	const char	*s = param(r, "REQUEST_ID");
	unsigned char	 rnd[12];
	char		*hex;

	if (s != NULL && *s != '\0' && strlen(s) <= 64 &&
	    strspn(s, "0123456789abcdef") == strlen(s))
		return s;
	randombytes_buf(rnd, sizeof(rnd));
	hex = arena_alloc(r->a, sizeof(rnd) * 2 + 1);
	sodium_bin2hex(hex, sizeof(rnd) * 2 + 1, rnd, sizeof(rnd));
	return hex;
}

/* Splits REQUEST_URI into the decoded path and the query.  Returns 0 or
 * an HTTP status. */
static int
request_uri(struct request *r, const struct req_limits *lim)
{
	const char	*uri = param(r, "REQUEST_URI"), *q;
	char		*path;
	size_t		 len;
	enum req_err	 e;

	if (uri == NULL || uri[0] != '/')
		return 400;
	q = strchr(uri, '?');
	if (!req_pctdecode(r->a, uri, q ? (size_t)(q - uri) : strlen(uri), 0,
	    &path, &len) || strlen(path) != len)
		return 400;
	r->path = path;
	if (q == NULL)
		return 0;
	e = req_parse_urlencoded(r->a, q + 1, strlen(q + 1), lim, &r->query);
	return e == REQ_OK ? 0 : req_err_status(e);
}

struct body_src {
	FCGX_Stream	*in;
	size_t		 left;
};

static ssize_t
body_read(void *ctx, char *buf, size_t len)
{
	struct body_src	*s = ctx;
	int		 n;

	if (len > s->left)
		len = s->left;
	if (len == 0)
		return 0;
	if (len > 1 << 30)
		len = 1 << 30;
	n = FCGX_GetStr(buf, (int)len, s->in);
	if (n <= 0)
		return n < 0 ? -1 : 0;
	s->left -= (size_t)n;
	return n;
}

/* Reads and parses a form body: urlencoded or multipart.  Other types are
 * left unread for the handler.  Called once the route is known.  Returns 0
 * or an HTTP status. */
int
request_body(struct request *r, const struct req_limits *lim)
{
	const char	*ct = r->content_type;
	struct body_src	 src = { ((FCGX_Request *)r->fcgx)->in,
			    r->content_length };
	enum req_err	 e = REQ_OK;

	if (ct == NULL || r->content_length == 0)
		return 0;
	if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0) {
		char *buf = arena_alloc(r->a, r->content_length + 1);
		size_t got = 0;
		ssize_t n;
		while (got < r->content_length &&
		    (n = body_read(&src, buf + got, r->content_length - got)) > 0)
			got += (size_t)n;
		if (got != r->content_length)
			return 400;
		e = req_parse_urlencoded(r->a, buf, got, lim, &r->form);
	} else if (strncasecmp(ct, "multipart/form-data", 19) == 0)
		e = req_parse_multipart(r->a, ct, body_read, &src, lim,
		    &r->form);
	return e == REQ_OK ? 0 : req_err_status(e);
}

/* Fills r from its FastCGI parameters (not the body).  Returns 0 when the
 * request is well-formed and within limits, else the status to answer. */
int
request_read(struct request *r, const struct req_limits *lim,
    size_t header_max)
{
	const char	*s;
	uint64_t	 cl = 0;
	int		 st;

	r->rid = request_id(r);
	r->method_str = param(r, "REQUEST_METHOD");
	r->method = router_method(r->method_str);
	r->path = "";
	r->host = param(r, "HTTP_HOST");
	r->remote_addr = param(r, "REMOTE_ADDR");
	r->content_type = param(r, "CONTENT_TYPE");
	r->user_agent = param(r, "HTTP_USER_AGENT");
	r->origin = param(r, "HTTP_ORIGIN");
	r->csrf_header = param(r, "HTTP_X_CSRF_TOKEN");
	if (request_header_size(r) > header_max)
		return 400;
	if ((st = request_uri(r, lim)) != 0)
		return st;
	if ((s = param(r, "HTTP_COOKIE")) != NULL &&
	    req_parse_cookies(r->a, s, lim, &r->cookies) != REQ_OK)
		return 400;
	s = param(r, "CONTENT_LENGTH");
	if (s != NULL && *s != '\0' &&
	    !valid_uint(s, strlen(s), UINT64_MAX / 2, &cl))
		return 400;
	r->content_length = (size_t)cl;
	return r->content_length > lim->body_max ? 413 : 0;
}

/* Finds key's single value in list; *count tells how many there were. */
static const char *
request_find(const struct req_kvlist *l, const char *key, size_t *count)
{
	const char	*v = NULL;
	size_t		 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0 && l->v[i].val != NULL) {
			v = l->v[i].val;
			(*count)++;
		}
	return v;
}

/* Validates the keys the route declares (and the CSRF token on a POST).
 * An empty value counts as given but blank: valid, with s NULL.  Returns
 * 0, or 400 with *why set (Vietnamese) when a key is repeated or a strict
 * key is invalid; other invalid keys are the handler's to explain. */
int
request_keys(struct request *r, const char **why)
{
	unsigned	 keys = r->route->keys;
	size_t		 k, count;

	keys |= KEY_BIT(KEY_NOTICE);	/* any page may show a notice */
	if (r->method == METHOD_POST)
		keys |= KEY_BIT(KEY_CSRF);
	for (k = 0; k < KEY__MAX; k++) {
		struct kval *v = &r->val[k];
		const char *fv;
		if (!(keys & KEY_BIT(k)))
			continue;
		count = 0;
		/* A CSRF token in a URL leaks (logs, Referer): form only. */
		if (k != KEY_CSRF)
			v->raw = request_find(&r->query, key_defs[k].name,
			    &count);
		if ((fv = request_find(&r->form, key_defs[k].name, &count)))
			v->raw = fv;
		if (count > 1) {
			*why = "Một tham số được gửi nhiều lần.";
			return 400;
		}
		if (count == 0)
			continue;
		v->present = 1;
		if (v->raw[0] == '\0')
			v->valid = 1;
		else if (!(v->valid = key_defs[k].check(r->a, v)) &&
		    key_defs[k].strict) {
			*why = key_defs[k].why;
			return 400;
		}
		if (!v->valid || v->raw[0] == '\0')
			v->s = NULL;
	}
	return 0;
}
