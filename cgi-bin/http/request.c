/* Turning one FastCGI request into a struct request: parameters, path,
 * query, cookies and body, all under limits; then the route's keys
 * found and validated into typed values (by key.c's table). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/valid.h"
#include "http/key.h"
#include "http/request.h"

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
	if (e == REQ_SPOOL)
		LOGE("rid=%s upload spool %s: %s", r->rid, lim->tmpdir,
		    strerror(errno));
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
	keyset		 keys = r->route->keys;
	size_t		 k, count;

	keys |= KEY_BIT(KEY_NOTICE);	/* any page may show a notice */
	if (r->method == METHOD_POST)
		keys |= KEY_BIT(KEY_CSRF);
	for (k = 0; k < KEY__MAX; k++) {
		struct kval *v = &r->val[k];
		const char *fv;
		if (!(keys & KEY_BIT(k)) || k == KEY_EFORM || k == KEY_FILES)
			continue;
		count = 0;
		/* A CSRF token in a URL leaks (logs, Referer): form only. */
		if (k != KEY_CSRF)
			v->raw = request_find(&r->query, key_name(k), &count);
		if ((fv = request_find(&r->form, key_name(k), &count)))
			v->raw = fv;
		if (count > 1) {
			*why = "Một tham số được gửi nhiều lần.";
			return 400;
		}
		if (count == 0)
			continue;
		v->present = 1;
		if (!key_check(r->a, k, v) && key_strict(k)) {
			*why = key_why(k);
			return 400;
		}
	}
	return 0;
}

/* The value an e-form field's parameter (tk_<name>, dv_<name>) has in the
 * form body, for a route that declares K(EFORM); NULL when not sent.
 * Sent more than once: NULL, and *dup set. */
const char *
request_eform(struct request *r, const char *name, int *dup)
{
	size_t		 count = 0;
	const char	*v;

	if (!(r->route->keys & KEY_BIT(KEY_EFORM)) ||
	    (strncmp(name, "tk_", 3) != 0 && strncmp(name, "dv_", 3) != 0))
		return NULL;
	v = request_find(&r->form, name, &count);
	if (count > 1)
		*dup = 1;
	return count == 1 ? v : NULL;
}

/* The file parts the browser sent for the file input name (tep_<n>), for
 * a route that declares K(FILES): up to max of them into out (an input
 * with "multiple" sends several; one left empty sends a part with no
 * name and no bytes, which is skipped).  Returns how many there were,
 * which may be more than max. */
size_t
request_files(struct request *r, const char *name, const struct req_kv **out,
    size_t max)
{
	size_t	 i, n = 0;

	if (!(r->route->keys & KEY_BIT(KEY_FILES)) ||
	    strncmp(name, "tep_", 4) != 0)
		return 0;
	for (i = 0; i < r->form.n; i++) {
		const struct req_kv *kv = &r->form.v[i];
		if (kv->path == NULL || strcmp(kv->key, name) != 0 ||
		    (kv->fsize == 0 && (kv->filename == NULL ||
		    kv->filename[0] == '\0')))
			continue;
		if (n < max)
			out[n] = kv;
		n++;
	}
	return n;
}

/* 1 when the form asks to drop attachment id (a checked box bo_tep with
 * that value; there may be several), for a route that declares K(FILES). */
int
request_drops(struct request *r, uint64_t id)
{
	size_t		 i;
	uint64_t	 v;

	if (!(r->route->keys & KEY_BIT(KEY_FILES)))
		return 0;
	for (i = 0; i < r->form.n; i++) {
		const struct req_kv *kv = &r->form.v[i];
		if (kv->val != NULL && strcmp(kv->key, "bo_tep") == 0 &&
		    valid_uint(kv->val, kv->vlen, VALID_ID_MAX, &v) && v == id)
			return 1;
	}
	return 0;
}
