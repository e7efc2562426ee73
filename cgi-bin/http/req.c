/* Parsers for untrusted request bytes: strict UTF-8, percent-decoding,
 * urlencoded bodies and query strings, cookies (multipart/form-data is in
 * req_mp.c).  Nothing here knows FastCGI; everything is bounded
 * by struct req_limits and allocated from the caller's arena.  On error a
 * parser leaves the list with the entries it had before the call. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/valid.h"
#include "http/req.h"
#include "http/req_impl.h"

#define KV_CAP0		8		/* first allocation of a kvlist */

static const char *const req_err_names[REQ_ERR__MAX] = {
	"ok",			/* REQ_OK */
	"malformed",		/* REQ_MALFORMED */
	"bad utf-8",		/* REQ_BADUTF8 */
	"too many fields",	/* REQ_TOOMANY */
	"too large",		/* REQ_TOOLARGE */
	"i/o error",		/* REQ_IO */
	"upload spool error",	/* REQ_SPOOL */
};

static const int req_err_statuses[REQ_ERR__MAX] = {
	200,			/* REQ_OK */
	400,			/* REQ_MALFORMED */
	400,			/* REQ_BADUTF8 */
	413,			/* REQ_TOOMANY */
	413,			/* REQ_TOOLARGE */
	400,			/* REQ_IO */
	503,			/* REQ_SPOOL */
};

/* 1 if s is strict UTF-8 free of C0, DEL and C1 control characters. */
int
req_text_clean(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i;
	int			 ok = valid_utf8(s, n);

	/* After the UTF-8 check, C2 is always followed by a byte. */
	for (i = 0; ok && i < n; i++)
		ok = u[i] >= 0x20 && u[i] != 0x7F &&
		    !(u[i] == 0xC2 && u[i + 1] < 0xA0);
	return ok;
}

/* The value of a hexadecimal digit, or -1. */
static int
hexval(char c)
{
	int	v = -1;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	return v;
}

/* Percent-decodes s[0..n) into NUL-terminated arena memory.  Returns
 * REQ_MALFORMED for a bad escape, REQ_BADUTF8 if the bytes are not strict
 * UTF-8 (NUL included); *out and *outlen are set only on REQ_OK. */
static enum req_err
pct_decode(struct arena *a, const char *s, size_t n, int plus, char **out,
    size_t *outlen)
{
	char		*d = arena_alloc(a, n + 1);
	size_t		 i, j = 0;
	int		 hi, lo;
	enum req_err	 rc = REQ_MALFORMED;

	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (n - i < 3 || (hi = hexval(s[i + 1])) < 0 ||
			    (lo = hexval(s[i + 2])) < 0)
				goto out;
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[j++] = (plus && s[i] == '+') ? ' ' : s[i];
	}
	d[j] = '\0';
	rc = REQ_BADUTF8;
	if (!valid_utf8(d, j))
		goto out;
	*out = d;
	*outlen = j;
	rc = REQ_OK;
out:
	return rc;
}

/* Percent-decodes s[0..n) ('+' as a space if plus); *out is NUL-terminated
 * arena memory.  Returns 0 for a bad escape or bytes that are not strict
 * UTF-8 (NUL included). */
int
req_pctdecode(struct arena *a, const char *s, size_t n, int plus,
    char **out, size_t *outlen)
{
	return pct_decode(a, s, n, plus, out, outlen) == REQ_OK;
}

/* Appends a zeroed entry to l, growing it in arena memory. */
struct req_kv *
req_kv_add(struct arena *a, struct req_kvlist *l)
{
	struct req_kv	*v;
	size_t		 cap;

	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : KV_CAP0;
		v = arena_calloc(a, cap, sizeof(*v));
		if (l->n > 0)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	v = &l->v[l->n++];
	memset(v, 0, sizeof(*v));
	return v;
}

/* Decodes one "key" or "key=value" piece and appends it to l.  Keys and
 * values are both bounded by value_max. */
static enum req_err
url_pair(struct arena *a, const char *s, size_t n,
    const struct req_limits *lim, struct req_kvlist *l)
{
	const char	*eq = memchr(s, '=', n);
	size_t		 kraw = eq != NULL ? (size_t)(eq - s) : n;
	size_t		 klen, vlen;
	char		*key, *val;
	struct req_kv	*kv;
	enum req_err	 rc = REQ_TOOMANY;

	if (l->n >= lim->fields_max)
		goto out;
	if ((rc = pct_decode(a, s, kraw, 1, &key, &klen)) != REQ_OK)
		goto out;
	rc = REQ_MALFORMED;
	if (klen == 0)
		goto out;
	if ((rc = pct_decode(a, s + kraw + (eq != NULL),
	    n - kraw - (eq != NULL), 1, &val, &vlen)) != REQ_OK)
		goto out;
	rc = REQ_TOOLARGE;
	if (klen > lim->value_max || vlen > lim->value_max)
		goto out;
	kv = req_kv_add(a, l);
	kv->key = key;
	kv->val = val;
	kv->vlen = vlen;
	rc = REQ_OK;
out:
	return rc;
}

/* Appends the fields of an application/x-www-form-urlencoded string (or a
 * query string) to l, duplicates kept in order. */
enum req_err
req_parse_urlencoded(struct arena *a, const char *s, size_t n,
    const struct req_limits *lim, struct req_kvlist *l)
{
	size_t		 i = 0, j, n0 = l->n;
	enum req_err	 rc = REQ_OK;

	while (i < n && rc == REQ_OK) {
		for (j = i; j < n && s[j] != '&'; j++)
			continue;
		if (j > i)
			rc = url_pair(a, s + i, j - i, lim, l);
		i = j + 1;
	}
	if (rc != REQ_OK)
		l->n = n0;
	return rc;
}

/* Trims spaces and tabs around s[0..*n); returns the new start. */
const char *
req_ows_trim(const char *s, size_t *n)
{
	while (*n > 0 && (s[0] == ' ' || s[0] == '\t')) {
		s++;
		(*n)--;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return s;
}

/* 1 if c is an RFC 9110 token character. */
int
req_tchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* 1 if s[0..n) is a non-empty token. */
int
req_token_valid(const char *s, size_t n)
{
	size_t	i;
	int	ok = n > 0;

	for (i = 0; ok && i < n; i++)
		ok = req_tchar(s[i]);
	return ok;
}

/* 1 if s[0..n) equals the lower-case literal, ignoring case. */
int
req_ci_eq(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && strncasecmp(s, lit, n) == 0;
}

/* 1 if the cookie name s[0..n) is one of names (NULL: any name). */
static int
cookie_wanted(const char *s, size_t n, const char *const *names)
{
	int	 found = names == NULL;

	for (; !found && *names != NULL; names++)
		found = strlen(*names) == n && memcmp(*names, s, n) == 0;
	return found;
}

/* Parses one "name=value" cookie pair; a pair without '=', or one whose
 * name is not in lim->cookies, is skipped unchecked: another site's
 * cookie is not ours to refuse.  Values lose one level of double quotes
 * and are not percent-decoded. */
static enum req_err
cookie_pair(struct arena *a, const char *s, size_t n,
    const struct req_limits *lim, struct req_kvlist *l)
{
	const char	*eq, *name, *val;
	size_t		 nlen, vlen;
	struct req_kv	*kv;
	enum req_err	 rc = REQ_OK;

	s = req_ows_trim(s, &n);
	if ((eq = memchr(s, '=', n)) == NULL)
		goto out;
	nlen = (size_t)(eq - s);
	name = req_ows_trim(s, &nlen);
	vlen = n - (size_t)(eq - s) - 1;
	val = req_ows_trim(eq + 1, &vlen);
	if (vlen >= 2 && val[0] == '"' && val[vlen - 1] == '"') {
		val++;
		vlen -= 2;
	}
	if (!cookie_wanted(name, nlen, lim->cookies))
		goto out;
	rc = REQ_MALFORMED;
	if (!req_token_valid(name, nlen))
		goto out;
	rc = REQ_BADUTF8;
	if (!req_text_clean(val, vlen))
		goto out;
	rc = REQ_TOOLARGE;
	if (nlen > lim->value_max || vlen > lim->value_max)
		goto out;
	rc = REQ_TOOMANY;
	if (l->n >= lim->fields_max)
		goto out;
	kv = req_kv_add(a, l);
	kv->key = arena_strndup(a, name, nlen);
	kv->val = arena_strndup(a, val, vlen);
	kv->vlen = vlen;
	rc = REQ_OK;
out:
	return rc;
}

/* Appends the cookies of a Cookie header (NULL: none) that lim->cookies
 * names to l; an error in one of those fails the whole header. */
enum req_err
req_parse_cookies(struct arena *a, const char *hdr,
    const struct req_limits *lim, struct req_kvlist *l)
{
	const char	*p = hdr, *semi;
	size_t		 n0 = l->n;
	enum req_err	 rc = REQ_OK;

	while (p != NULL && *p != '\0' && rc == REQ_OK) {
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		rc = cookie_pair(a, p, (size_t)(semi - p), lim, l);
		p = *semi == ';' ? semi + 1 : semi;
	}
	if (rc != REQ_OK)
		l->n = n0;
	return rc;
}

/* A short English name of e for logs; static storage. */
const char *
req_err_str(enum req_err e)
{
	return (unsigned)e < REQ_ERR__MAX ? req_err_names[e] : "unknown";
}

/* The HTTP status to answer a parse error with. */
int
req_err_status(enum req_err e)
{
	return (unsigned)e < REQ_ERR__MAX ? req_err_statuses[e] : 500;
}
