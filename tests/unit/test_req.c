/* Unit tests of req.c: strict UTF-8, percent-decoding, urlencoded,
 * cookies and streamed multipart.  Failure cases come first. */
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/valid.h"
#include "http/req.h"
#include "t.h"

#define CT	"multipart/form-data; boundary=XyZ"

static char	 tmpdir[256];

static struct req_limits
lim(void)
{
	struct req_limits l = { 1 << 20, 16, 256, 4096, tmpdir, NULL, NULL };

	return l;
}

/* A body served in chunks of at most `chunk` bytes (0: as asked). */
struct rd {
	const char	*p;
	size_t		 n;
	size_t		 off;
	size_t		 chunk;
	int		 fail;		/* -1 instead of end of input */
};

static ssize_t
rd_read(void *ctx, char *buf, size_t len)
{
	struct rd	*r = ctx;
	size_t		 k = r->n - r->off;

	if (k == 0)
		return r->fail ? -1 : 0;
	if (k > len)
		k = len;
	if (r->chunk && k > r->chunk)
		k = r->chunk;
	memcpy(buf, r->p + r->off, k);
	r->off += k;
	return (ssize_t)k;
}

static enum req_err
mp_run(struct arena *a, const char *ct, const char *body, size_t n,
    size_t chunk, const struct req_limits *l, struct req_kvlist *out)
{
	struct rd	r = { body, n, 0, chunk, 0 };

	return req_parse_multipart(a, ct, rd_read, &r, l, out);
}

static enum req_err
mp_str(struct arena *a, const char *body, struct req_kvlist *out)
{
	struct req_limits	l = lim();

	return mp_run(a, CT, body, strlen(body), 0, &l, out);
}

static enum req_err
url(struct arena *a, const char *s, struct req_kvlist *out)
{
	struct req_limits	l = lim();

	return req_parse_urlencoded(a, s, strlen(s), &l, out);
}

static enum req_err
cookies(struct arena *a, const char *s, struct req_kvlist *out)
{
	struct req_limits	l = lim();

	return req_parse_cookies(a, s, &l, out);
}

static int
utf8(const char *s)
{
	return valid_utf8(s, strlen(s));
}

/* Number of entries in directory dir. */
static int
dir_count(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	int		 n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Number of entries in the private temporary directory. */
static int
tmp_count(void)
{
	return dir_count(tmpdir);
}

/* Reads a whole file into arena memory. */
static char *
slurp(struct arena *a, const char *path, size_t *n)
{
	struct stat	 st;
	char		*p = NULL;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if (fstat(fd, &st) == 0) {
		p = arena_alloc(a, (size_t)st.st_size + 1);
		*n = (size_t)read(fd, p, (size_t)st.st_size);
	}
	close(fd);
	return p;
}

/* ---- strict UTF-8 ---- */

static void
test_utf8_overlong(void)
{
	CHECK(!utf8("\xC0\x80"));
	CHECK(!utf8("\xC1\xBF"));
	CHECK(!utf8("\xE0\x80\x80"));
	CHECK(!utf8("\xE0\x9F\xBF"));
	CHECK(!utf8("\xF0\x80\x80\x80"));
	CHECK(!utf8("\xF0\x8F\xBF\xBF"));
}

static void
test_utf8_surrogate(void)
{
	CHECK(!utf8("\xED\xA0\x80"));
	CHECK(!utf8("\xED\xBF\xBF"));
	CHECK(!utf8("a\xED\xB0\x80z"));
}

static void
test_utf8_above_max(void)
{
	CHECK(!utf8("\xF4\x90\x80\x80"));
	CHECK(!utf8("\xF5\x80\x80\x80"));
	CHECK(!utf8("\xF8\x88\x80\x80\x80"));
	CHECK(!utf8("\xFF"));
	CHECK(!utf8("\xFE"));
}

static void
test_utf8_truncated(void)
{
	CHECK(!utf8("\xC3"));
	CHECK(!utf8("\xE2\x82"));
	CHECK(!utf8("\xF0\x9D\x84"));
	CHECK(!valid_utf8("\xC3\xA9", 1));
	CHECK(!utf8("\xE2\x82z"));
}

static void
test_utf8_stray_continuation(void)
{
	CHECK(!utf8("\x80"));
	CHECK(!utf8("a\xBF"));
	CHECK(!utf8("\xC3\xA9\xA9"));
}

static void
test_utf8_nul(void)
{
	CHECK(!valid_utf8("a\0b", 3));
	CHECK(!valid_utf8("\0", 1));
}

static void
test_utf8_valid(void)
{
	CHECK(valid_utf8("", 0));
	CHECK(valid_utf8(NULL, 0));
	CHECK(utf8("Ph\xE1\xBB\x95 Y\xC3\xAAn"));	/* Phổ Yên */
	CHECK(utf8("\x7F"));
	CHECK(utf8("\xC2\x80"));
	CHECK(utf8("\xE2\x82\xAC"));
	CHECK(utf8("\xED\x9F\xBF"));			/* U+D7FF */
	CHECK(utf8("\xEE\x80\x80"));			/* U+E000 */
	CHECK(utf8("\xF0\x9D\x84\x9E"));		/* U+1D11E */
	CHECK(utf8("\xF4\x8F\xBF\xBF"));		/* U+10FFFF */
}

/* ---- percent-decoding ---- */

static void
test_pct_bad_escape(void)
{
	struct arena	*a = arena_new();
	char		*o = NULL;
	size_t		 n = 99;

	CHECK(!req_pctdecode(a, "%G1", 3, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%1G", 3, 0, &o, &n));
	CHECK(!req_pctdecode(a, "ab%", 3, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%4", 2, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%%41", 4, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%41", 2, 0, &o, &n));	/* cut by length */
	CHECK(!req_pctdecode(a, "% 41", 4, 0, &o, &n));
	CHECK(o == NULL);
	CHECK_INT(n, 99);
	arena_free(a);
}

static void
test_pct_nul(void)
{
	struct arena	*a = arena_new();
	char		*o;
	size_t		 n;

	CHECK(!req_pctdecode(a, "a%00b", 5, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%00", 3, 1, &o, &n));
	CHECK(!req_pctdecode(a, "a\0b", 3, 0, &o, &n));
	arena_free(a);
}

static void
test_pct_bad_utf8(void)
{
	struct arena	*a = arena_new();
	char		*o;
	size_t		 n;

	CHECK(!req_pctdecode(a, "%C3", 3, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%C0%80", 6, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%ED%A0%80", 9, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%F4%90%80%80", 12, 0, &o, &n));
	CHECK(!req_pctdecode(a, "%FF", 3, 0, &o, &n));
	CHECK(!req_pctdecode(a, "\xFF", 1, 0, &o, &n));
	arena_free(a);
}

static void
test_pct_plus(void)
{
	struct arena	*a = arena_new();
	char		*o;
	size_t		 n;

	CHECK(req_pctdecode(a, "a+b%2B", 6, 1, &o, &n));
	CHECK_STR(o, "a b+");
	CHECK_INT(n, 4);
	CHECK(req_pctdecode(a, "a+b%2B", 6, 0, &o, &n));
	CHECK_STR(o, "a+b+");
	arena_free(a);
}

static void
test_pct_hex_case(void)
{
	struct arena	*a = arena_new();
	char		*o;
	size_t		 n;

	CHECK(req_pctdecode(a, "%c3%a9%C3%A9%e1%BB%95", 21, 0, &o, &n));
	CHECK_STR(o, "\xC3\xA9\xC3\xA9\xE1\xBB\x95");
	CHECK_INT(n, 7);
	arena_free(a);
}

static void
test_pct_empty(void)
{
	struct arena	*a = arena_new();
	char		*o = NULL;
	size_t		 n = 9;

	CHECK(req_pctdecode(a, "", 0, 1, &o, &n));
	CHECK_STR(o, "");
	CHECK_INT(n, 0);
	arena_free(a);
}

/* ---- urlencoded ---- */

static void
test_url_bad_escape(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "a=%G1", &l), REQ_MALFORMED);
	CHECK_INT(url(a, "a=1&b=%", &l), REQ_MALFORMED);
	CHECK_INT(url(a, "a=%4", &l), REQ_MALFORMED);
	CHECK_INT(url(a, "%zz=1", &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_url_nul(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	CHECK_INT(url(a, "a=%00", &l), REQ_BADUTF8);
	CHECK_INT(url(a, "a%00b=1", &l), REQ_BADUTF8);
	CHECK_INT(req_parse_urlencoded(a, "a=1\0", 4, &lm, &l), REQ_BADUTF8);
	CHECK_INT(req_parse_urlencoded(a, "a\0=1", 4, &lm, &l), REQ_BADUTF8);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_url_bad_utf8(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "a=%FF", &l), REQ_BADUTF8);
	CHECK_INT(url(a, "a=\xFF", &l), REQ_BADUTF8);
	CHECK_INT(url(a, "a=%C0%AF", &l), REQ_BADUTF8);	/* overlong '/' */
	CHECK_INT(url(a, "a=%ED%A0%80", &l), REQ_BADUTF8);
	CHECK_INT(url(a, "a=%F4%90%80%80", &l), REQ_BADUTF8);
	CHECK_INT(url(a, "%C3=1", &l), REQ_BADUTF8);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_url_empty_key(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "=1", &l), REQ_MALFORMED);
	CHECK_INT(url(a, "a=1&=2", &l), REQ_MALFORMED);
	CHECK_INT(url(a, "=", &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_url_too_many(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	lm.fields_max = 3;
	CHECK_INT(req_parse_urlencoded(a, "a=1&b=2&c=3&d=4", 15, &lm, &l),
	    REQ_TOOMANY);
	CHECK_INT(l.n, 0);
	CHECK_INT(req_parse_urlencoded(a, "a=1&b=2&c=3", 11, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 3);
	CHECK_INT(req_parse_urlencoded(a, "d=4", 3, &lm, &l), REQ_TOOMANY);
	CHECK_INT(l.n, 3);
	arena_free(a);
}

static void
test_url_too_large(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	lm.value_max = 4;
	CHECK_INT(req_parse_urlencoded(a, "a=12345", 7, &lm, &l), REQ_TOOLARGE);
	CHECK_INT(req_parse_urlencoded(a, "abcde=1", 7, &lm, &l), REQ_TOOLARGE);
	CHECK_INT(req_parse_urlencoded(a, "a=%C3%A9%C3%A9%C3%A9", 20, &lm, &l),
	    REQ_TOOLARGE);
	CHECK_INT(l.n, 0);
	/* The limit is on decoded bytes. */
	CHECK_INT(req_parse_urlencoded(a, "a=%C3%A9%C3%A9", 14, &lm, &l),
	    REQ_OK);
	CHECK_INT(req_parse_urlencoded(a, "abcd=1234", 9, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 2);
	arena_free(a);
}

static void
test_url_error_keeps_list(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "a=1", &l), REQ_OK);
	CHECK_INT(url(a, "b=2&c=%", &l), REQ_MALFORMED);
	CHECK_INT(l.n, 1);
	CHECK_STR(l.v[0].key, "a");
	arena_free(a);
}

static void
test_url_duplicates_kept(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "id=1&x=2&id=3", &l), REQ_OK);
	CHECK_INT(l.n, 3);
	if (l.n == 3) {
		CHECK_STR(l.v[0].key, "id");
		CHECK_STR(l.v[0].val, "1");
		CHECK_STR(l.v[1].key, "x");
		CHECK_STR(l.v[2].key, "id");
		CHECK_STR(l.v[2].val, "3");
	}
	arena_free(a);
}

static void
test_url_empty_pieces(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "&a=1&&b=2&", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	CHECK_INT(url(a, "&&&", &l), REQ_OK);
	CHECK_INT(url(a, "", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	arena_free(a);
}

static void
test_url_key_only(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "flag&b=", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].key, "flag");
		CHECK_STR(l.v[0].val, "");
		CHECK_INT(l.v[0].vlen, 0);
		CHECK_STR(l.v[1].key, "b");
		CHECK_STR(l.v[1].val, "");
	}
	arena_free(a);
}

static void
test_url_decoding(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "q=ph%E1%BB%95+y%C3%AAn&k%2Bx=a%26b%3Dc", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].val, "ph\xE1\xBB\x95 y\xC3\xAAn");
		CHECK_INT(l.v[0].vlen, 10);
		CHECK_STR(l.v[1].key, "k+x");
		CHECK_STR(l.v[1].val, "a&b=c");
		CHECK(l.v[1].path == NULL && l.v[1].filename == NULL);
	}
	arena_free(a);
}

static void
test_url_equals_in_value(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "a=b=c", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		CHECK_STR(l.v[0].val, "b=c");
	arena_free(a);
}

static void
test_url_many_grow(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	char			 buf[2048];
	size_t			 i, n = 0;

	lm.fields_max = 100;
	for (i = 0; i < 100; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "k%zu=%zu&", i, i);
	CHECK_INT(req_parse_urlencoded(a, buf, n, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 100);
	if (l.n == 100) {
		CHECK_STR(l.v[0].key, "k0");
		CHECK_STR(l.v[99].val, "99");
	}
	arena_free(a);
}

/* ---- cookies ---- */

static void
test_cookie_bad_name(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "a b=1", &l), REQ_MALFORMED);
	CHECK_INT(cookies(a, "ok=1; a(b=2", &l), REQ_MALFORMED);
	CHECK_INT(cookies(a, "=1", &l), REQ_MALFORMED);
	CHECK_INT(cookies(a, "\xC3\xA9=1", &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_cookie_ctl_in_value(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "a=x\x01y", &l), REQ_BADUTF8);
	CHECK_INT(cookies(a, "a=x\ty", &l), REQ_BADUTF8);
	CHECK_INT(cookies(a, "a=x\ry", &l), REQ_BADUTF8);
	CHECK_INT(cookies(a, "a=x\x7Fy", &l), REQ_BADUTF8);
	CHECK_INT(cookies(a, "a=x\xC2\x85y", &l), REQ_BADUTF8);	/* NEL */
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_cookie_bad_utf8(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "a=\xFF", &l), REQ_BADUTF8);
	CHECK_INT(cookies(a, "a=\xED\xA0\x80", &l), REQ_BADUTF8);
	CHECK_INT(cookies(a, "a=\xC0\x80", &l), REQ_BADUTF8);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

/* Only our cookies are checked: the others may be anything. */
static const char *const ours[] = { "sid", "csrf", NULL };

static enum req_err
our_cookies(struct arena *a, const char *s, struct req_kvlist *out)
{
	struct req_limits	l = lim();

	l.cookies = ours;
	return req_parse_cookies(a, s, &l, out);
}

static void
test_cookie_ours_still_strict(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	CHECK_INT(our_cookies(a, "cart[0]=1; sid=\xE9t\xE9", &l), REQ_BADUTF8);
	CHECK_INT(our_cookies(a, "sid=x\x01y; lang=vi", &l), REQ_BADUTF8);
	CHECK_INT(our_cookies(a, "csrf=\xFF", &l), REQ_BADUTF8);
	lm.cookies = ours;
	lm.value_max = 3;
	CHECK_INT(req_parse_cookies(a, "other=12345; sid=1234", &lm, &l),
	    REQ_TOOLARGE);
	lm.value_max = 64;
	lm.fields_max = 2;
	CHECK_INT(req_parse_cookies(a, "sid=1; sid=2; csrf=3", &lm, &l),
	    REQ_TOOMANY);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_cookie_foreign_malformed_skipped(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(our_cookies(a, "cart[0]=1; user:pref=1; lang=fran\xE7" "ais; "
	    "a b=1; =x; t=x\x01y; \xC3\xA9=1; sid=abc; csrf=\"q\"", &l),
	    REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].key, "sid");
		CHECK_STR(l.v[0].val, "abc");
		CHECK_STR(l.v[1].key, "csrf");
		CHECK_STR(l.v[1].val, "q");
	}
	arena_free(a);
}

/* fields_max bounds our cookies, not the whole jar. */
static void
test_cookie_foreign_not_counted(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	lm.cookies = ours;
	lm.fields_max = 1;
	CHECK_INT(req_parse_cookies(a, "a=1; b=2; c=3; d=4; sid=5; e=6", &lm,
	    &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		CHECK_STR(l.v[0].val, "5");
	arena_free(a);
}

/* Names match exactly (case too) after the spaces around them go. */
static void
test_cookie_ours_by_exact_name(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(our_cookies(a, "SID=1; sid2=2;  sid =3 ; Csrf=4; xsid=5",
	    &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1) {
		CHECK_STR(l.v[0].key, "sid");
		CHECK_STR(l.v[0].val, "3");
	}
	arena_free(a);
}

static void
test_cookie_too_many(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	lm.fields_max = 2;
	CHECK_INT(req_parse_cookies(a, "a=1; b=2; c=3", &lm, &l), REQ_TOOMANY);
	CHECK_INT(l.n, 0);
	CHECK_INT(req_parse_cookies(a, "a=1; b=2; junk", &lm, &l), REQ_OK);
	CHECK_INT(l.n, 2);
	arena_free(a);
}

static void
test_cookie_too_large(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	lm.value_max = 3;
	CHECK_INT(req_parse_cookies(a, "a=1234", &lm, &l), REQ_TOOLARGE);
	CHECK_INT(req_parse_cookies(a, "abcd=1", &lm, &l), REQ_TOOLARGE);
	CHECK_INT(req_parse_cookies(a, "a=\"123\"", &lm, &l), REQ_OK);
	CHECK_INT(l.n, 1);
	arena_free(a);
}

static void
test_cookie_no_equals_skipped(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "junk; a=1;;  ; other", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		CHECK_STR(l.v[0].key, "a");
	arena_free(a);
}

static void
test_cookie_ows(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "  sid = abc ;\tlang=vi\t", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].key, "sid");
		CHECK_STR(l.v[0].val, "abc");
		CHECK_INT(l.v[0].vlen, 3);
		CHECK_STR(l.v[1].key, "lang");
		CHECK_STR(l.v[1].val, "vi");
	}
	arena_free(a);
}

static void
test_cookie_quoted(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "a=\"x y\"; b=\"\"; c=\"; d=\"q", &l), REQ_OK);
	CHECK_INT(l.n, 4);
	if (l.n == 4) {
		CHECK_STR(l.v[0].val, "x y");
		CHECK_STR(l.v[1].val, "");
		CHECK_STR(l.v[2].val, "\"");
		CHECK_STR(l.v[3].val, "\"q");
	}
	arena_free(a);
}

static void
test_cookie_not_decoded(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "a=%41+b%00; b=x=y", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].val, "%41+b%00");
		CHECK_STR(l.v[1].val, "x=y");
	}
	arena_free(a);
}

static void
test_cookie_duplicates_kept(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(cookies(a, "sid=1; sid=2", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].val, "1");
		CHECK_STR(l.v[1].val, "2");
	}
	arena_free(a);
}

static void
test_cookie_empty(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();

	CHECK_INT(req_parse_cookies(a, NULL, &lm, &l), REQ_OK);
	CHECK_INT(cookies(a, "", &l), REQ_OK);
	CHECK_INT(cookies(a, " ; ", &l), REQ_OK);
	CHECK_INT(l.n, 0);
	CHECK_INT(cookies(a, "a=", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		CHECK_STR(l.v[0].val, "");
	arena_free(a);
}

/* ---- multipart: the Content-Type header ---- */

static void
test_mp_no_ctype(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ--\r\n";

	CHECK_INT(mp_run(a, NULL, b, strlen(b), 0, &lm, &l), REQ_MALFORMED);
	CHECK_INT(mp_run(a, "", b, strlen(b), 0, &lm, &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_mp_no_boundary(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ--\r\n";

	CHECK_INT(mp_run(a, "multipart/form-data", b, 9, 0, &lm, &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_run(a, "multipart/form-data; boundary=", b, 9, 0, &lm,
	    &l), REQ_MALFORMED);
	CHECK_INT(mp_run(a, "multipart/form-data; boundary=\"\"", b, 9, 0,
	    &lm, &l), REQ_MALFORMED);
	CHECK_INT(mp_run(a, "multipart/form-data; charset=utf-8", b, 9, 0,
	    &lm, &l), REQ_MALFORMED);
	CHECK_INT(mp_run(a, "multipart/form-data; boundary=\"XyZ", b, 9, 0,
	    &lm, &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_not_form_data(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ--\r\n";

	CHECK_INT(mp_run(a, "multipart/mixed; boundary=XyZ", b, 9, 0, &lm,
	    &l), REQ_MALFORMED);
	CHECK_INT(mp_run(a, "text/plain; boundary=XyZ", b, 9, 0, &lm, &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_run(a, "multipart/form-data boundary=XyZ", b, 9, 0,
	    &lm, &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_boundary_too_long(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	char			 ct[160], body[160];

	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d", 7);
	snprintf(body, sizeof(body), "--%071d--\r\n", 7);
	CHECK_INT(mp_run(a, ct, body, strlen(body), 0, &lm, &l),
	    REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_boundary_bad_char(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--a\"b--\r\n";

	CHECK_INT(mp_run(a, "multipart/form-data; boundary=\"a\\\"b\"", b,
	    strlen(b), 0, &lm, &l), REQ_MALFORMED);
	CHECK_INT(mp_run(a, "multipart/form-data; boundary=\"ab \"", b,
	    strlen(b), 0, &lm, &l), REQ_MALFORMED);
	CHECK_INT(mp_run(a, "multipart/form-data; boundary=\"a\xC3\xA9\"", b,
	    strlen(b), 0, &lm, &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_boundary_twice(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ--\r\n";

	CHECK_INT(mp_run(a, "multipart/form-data; boundary=XyZ; Boundary=Q",
	    b, 9, 0, &lm, &l), REQ_MALFORMED);
	arena_free(a);
}

/* ---- multipart: truncated and malformed bodies ---- */

static void
test_mp_empty_body(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "no boundary at all\r\n", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyY\r\n", &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_truncated_data(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	int			 before = tmp_count();

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\nvalue", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\nvalue\r\n--Xy", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"f.txt\"\r\n\r\ndata\r\n", &l),
	    REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
	CHECK_INT(tmp_count(), before);
}

static void
test_mp_truncated_headers(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-da", &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r", &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_truncated_after_delim(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ-", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ  ", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\n", &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_delim_garbage(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	/* The boundary followed by anything but "--", padding or CRLF. */
	CHECK_INT(mp_str(a, "--XyZx\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\nContent-Disposition: form-data; "
	    "name=\"a\"\n\n1\n--XyZ--", &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_header_too_long(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	char			*b = malloc(20000);
	size_t			 n;

	n = (size_t)sprintf(b, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\nX-Pad: ");
	memset(b + n, 'x', 9000);
	n += 9000;
	n += (size_t)sprintf(b + n, "\r\n\r\n1\r\n--XyZ--\r\n");
	CHECK_INT(mp_str(a, b, &l), REQ_TOOLARGE);
	/* Cut before any CRLF: the limit is hit before the end of input. */
	b[n - 17] = '\0';
	CHECK_INT(mp_str(a, b, &l), REQ_TOOLARGE);
	CHECK_INT(l.n, 0);
	free(b);
	arena_free(a);
}

static void
test_mp_header_block_too_long(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	char			*b = malloc(20000);
	size_t			 n, i;

	n = (size_t)sprintf(b, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n");
	for (i = 0; i < 200; i++)	/* 200 short lines, 9 KiB in all */
		n += (size_t)sprintf(b + n, "X-Pad-%03zu: %036d\r\n", i, 0);
	n += (size_t)sprintf(b + n, "\r\n1\r\n--XyZ--\r\n");
	CHECK_INT(mp_str(a, b, &l), REQ_TOOLARGE);
	CHECK_INT(l.n, 0);
	free(b);
	arena_free(a);
}

static void
test_mp_header_crlf_injection(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a.txt\r\nContent-Type: text/html\"\r\n"
	    "\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\r\nX: 1\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_mp_header_bare_cr_lf(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\nb\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\rb\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\x7F\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_header_folding(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data;\r\n"
	    " name=\"a\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition : form-data; "
	    "name=\"a\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--",
	    &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_header_nul(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		 b[] = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\0b\"\r\n\r\nx\r\n--XyZ--";

	CHECK_INT(mp_run(a, CT, b, sizeof(b) - 1, 0, &lm, &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_no_disposition(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n"
	    "--XyZ--", &l), REQ_MALFORMED);
	arena_free(a);
}

static void
test_mp_bad_disposition(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data\r\n\r\n"
	    "x\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: attachment; "
	    "name=\"a\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"; name=\"b\"\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"junk\r\n\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n"
	    "\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\nContent-Type: a\r\nContent-Type: b\r\n"
	    "\r\nx\r\n--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

/* ---- multipart: limits ---- */

static void
test_mp_file_too_large(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	char			 b[512];
	int			 before = tmp_count();

	lm.file_max = 10;
	snprintf(b, sizeof(b), "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a.bin\"\r\n\r\n0123456789A\r\n--XyZ--");
	CHECK_INT(mp_run(a, CT, b, strlen(b), 0, &lm, &l), REQ_TOOLARGE);
	CHECK_INT(mp_run(a, CT, b, strlen(b), 1, &lm, &l), REQ_TOOLARGE);
	CHECK_INT(l.n, 0);
	arena_free(a);
	CHECK_INT(tmp_count(), before);
}

static void
test_mp_body_too_large(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ--\r\n";
	struct rd		 r = { b, strlen(b), 0, 0, 0 };
	size_t			 need = strlen(b) - 2;	/* up to "--XyZ--" */

	lm.body_max = need - 1;
	CHECK_INT(req_parse_multipart(a, CT, rd_read, &r, &lm, &l),
	    REQ_TOOLARGE);
	CHECK(r.off <= lm.body_max);
	r.off = 0;
	r.chunk = 7;
	CHECK_INT(req_parse_multipart(a, CT, rd_read, &r, &lm, &l),
	    REQ_TOOLARGE);
	CHECK(r.off <= lm.body_max);
	/* Exactly enough: the epilogue is never read. */
	lm.body_max = need;
	r.off = 0;
	CHECK_INT(req_parse_multipart(a, CT, rd_read, &r, &lm, &l), REQ_OK);
	CHECK(r.off <= need);
	CHECK_INT(l.n, 1);
	arena_free(a);
}

static void
test_mp_value_too_large(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n12345\r\n--XyZ--";

	lm.value_max = 4;
	CHECK_INT(mp_run(a, CT, b, strlen(b), 0, &lm, &l), REQ_TOOLARGE);
	CHECK_INT(mp_run(a, CT, b, strlen(b), 1, &lm, &l), REQ_TOOLARGE);
	lm.value_max = 5;
	CHECK_INT(mp_run(a, CT, b, strlen(b), 1, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1) {
		CHECK_STR(l.v[0].val, "12345");
		CHECK_INT(l.v[0].vlen, 5);
	}
	arena_free(a);
}

static void
test_mp_too_many(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"x\"\r\n\r\n2\r\n--XyZ--";
	int			 before = tmp_count();

	lm.fields_max = 1;
	CHECK_INT(mp_run(a, CT, b, strlen(b), 0, &lm, &l), REQ_TOOMANY);
	CHECK_INT(l.n, 0);
	arena_free(a);
	CHECK_INT(tmp_count(), before);
}

static void
test_mp_value_bad_utf8(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		 nul[] = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\nx\0y\r\n--XyZ--";

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n\xED\xA0\x80\r\n--XyZ--", &l), REQ_BADUTF8);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n\xC3\r\n--XyZ--", &l), REQ_BADUTF8);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n\xF4\x90\x80\x80\r\n--XyZ--", &l), REQ_BADUTF8);
	CHECK_INT(mp_run(a, CT, nul, sizeof(nul) - 1, 0, &lm, &l),
	    REQ_BADUTF8);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_mp_name_bad_utf8(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"\xC0\xAF\"\r\n\r\nx\r\n--XyZ--", &l), REQ_BADUTF8);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"\xFF.txt\"\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_BADUTF8);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a\xC2\x9B.txt\"\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_BADUTF8);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\nContent-Type: \xFF\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_BADUTF8);
	arena_free(a);
}

static void
test_mp_filename_dotdot(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"../..\"\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\".\"\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"dir/\"\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_mp_read_error(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1";
	struct rd		 r = { b, strlen(b), 0, 3, 1 };

	CHECK_INT(req_parse_multipart(a, CT, rd_read, &r, &lm, &l), REQ_IO);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_mp_tmpdir_missing(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a\"\r\n\r\n1\r\n--XyZ--";

	lm.tmpdir = "/nonexistent/dir";
	CHECK_INT(mp_run(a, CT, b, strlen(b), 0, &lm, &l), REQ_SPOOL);
	arena_free(a);
}

static void
test_mp_error_keeps_list(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(url(a, "q=1", &l), REQ_OK);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"b\"\r\n\r\n\xFF\r\n--XyZ--", &l), REQ_BADUTF8);
	CHECK_INT(l.n, 1);
	arena_free(a);
}

/* ---- multipart: accepted bodies ---- */

static void
test_mp_simple(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"title\"\r\n\r\nPh\xE1\xBB\x95 Y\xC3\xAAn\r\n"
	    "--XyZ\r\ncontent-disposition: FORM-DATA; NAME=body\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
	    "line 1\r\nline 2\r\n--XyZ--\r\n", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].key, "title");
		CHECK_STR(l.v[0].val, "Ph\xE1\xBB\x95 Y\xC3\xAAn");
		CHECK(l.v[0].ctype == NULL && l.v[0].path == NULL);
		CHECK_STR(l.v[1].key, "body");
		CHECK_STR(l.v[1].val, "line 1\r\nline 2");
		CHECK_STR(l.v[1].ctype, "text/plain; charset=utf-8");
	}
	arena_free(a);
}

static void
test_mp_empty_value(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1) {
		CHECK_STR(l.v[0].val, "");
		CHECK_INT(l.v[0].vlen, 0);
	}
	arena_free(a);
}

static void
test_mp_no_parts(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ--", &l), REQ_OK);
	CHECK_INT(mp_str(a, "--XyZ--\r\n", &l), REQ_OK);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

static void
test_mp_preamble_epilogue(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "This is a preamble --XyZ not a delimiter\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--XyZ--\r\nepilogue \xFF\xFE garbage\r\n--XyZ\r\n", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		CHECK_STR(l.v[0].val, "1");
	arena_free(a);
}

static void
test_mp_transport_padding(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ \t\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	arena_free(a);
}

static void
test_mp_quoted_boundary(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--a b:c\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--a b:c--";

	CHECK_INT(mp_run(a, "Multipart/Form-Data ; charset=utf-8 ; "
	    "BOUNDARY=\"a b:c\"", b, strlen(b), 0, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 1);
	arena_free(a);
}

static void
test_mp_boundary_70(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	char			 ct[160], body[400];

	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%070d", 7);
	snprintf(body, sizeof(body), "--%070d\r\nContent-Disposition: "
	    "form-data; name=\"a\"\r\n\r\n1\r\n--%070d--", 7, 7);
	CHECK_INT(mp_run(a, ct, body, strlen(body), 1, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 1);
	arena_free(a);
}

static void
test_mp_duplicates_kept(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n2\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].val, "1");
		CHECK_STR(l.v[1].val, "2");
	}
	arena_free(a);
}

static void
test_mp_empty_filename_skipped(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	int			 before = tmp_count();

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"\"\r\nContent-Type: application/"
	    "octet-stream\r\n\r\n\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		CHECK_STR(l.v[0].key, "a");
	CHECK_INT(tmp_count(), before);
	arena_free(a);
}

/* Checks that one file part came through byte for byte, its SHA-256 and
 * first bytes as the parser saw them while spooling. */
static void
check_file(const struct req_kv *kv, const char *data, size_t n)
{
	struct arena	*a = arena_new();
	struct stat	 st;
	size_t		 got = 0;
	unsigned char	 d[crypto_hash_sha256_BYTES];
	char		 hex[2 * sizeof(d) + 1];
	char		*p;

	CHECK(kv->val == NULL);
	CHECK(kv->path != NULL);
	if (kv->path == NULL)
		goto out;
	CHECK_INT(kv->fsize, n);
	CHECK(stat(kv->path, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK(strncmp(kv->path, tmpdir, strlen(tmpdir)) == 0);
	p = slurp(a, kv->path, &got);
	CHECK(p != NULL && got == n && memcmp(p, data, n) == 0);
	crypto_hash_sha256(d, (const unsigned char *)data, n);
	sodium_bin2hex(hex, sizeof(hex), d, sizeof(d));
	CHECK(kv->sha256 != NULL && strcmp(kv->sha256, hex) == 0);
	CHECK_INT(kv->headlen, n < REQ_HEAD_MAX ? n : REQ_HEAD_MAX);
	CHECK(kv->head != NULL && memcmp(kv->head, data, kv->headlen) == 0);
out:
	arena_free(a);
}

/* Builds a body with one binary file part between two values. */
static size_t
binary_body(char *b, const char *data, size_t n)
{
	size_t	off;

	off = (size_t)sprintf(b, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\nbefore\r\n--XyZ\r\nContent-Disposition: "
	    "form-data; name=\"f\"; filename=\"x.bin\"\r\nContent-Type: "
	    "application/octet-stream\r\n\r\n");
	memcpy(b + off, data, n);
	off += n;
	off += (size_t)sprintf(b + off, "\r\n--XyZ\r\nContent-Disposition: "
	    "form-data; name=\"b\"\r\n\r\nafter\r\n--XyZ--\r\n");
	return off;
}

/* Binary data full of near-delimiters, 40 KiB: more than the buffer. */
static size_t
binary_data(char *d)
{
	static const struct {
		const char	*s;
		size_t		 n;
	} frag[] = { { "\r\n--", 4 }, { "\r\n--XyY", 7 }, { "\r\n--Xy", 6 },
	    { "--XyZ", 5 }, { "\r\n-XyZ", 6 }, { "\n--XyZ", 6 },
	    { "\r--XyZ", 6 }, { "\r\r\n--X", 7 }, { "\0\r\n", 3 } };
	size_t			 n = 0, i;
	uint32_t		 x = 12345;
	char			*p;

	for (i = 0; i < 256; i++)
		d[n++] = (char)i;
	while (n < 40 * 1024) {
		x = x * 1103515245 + 12345;
		if ((x >> 16) % 5 == 0) {
			i = (x >> 8) % (sizeof(frag) / sizeof(frag[0]));
			memcpy(d + n, frag[i].s, frag[i].n);
			n += frag[i].n;
		} else
			d[n++] = (char)(x >> 24);
	}
	memcpy(d + n, "\r\n--Xy\r\n--", 10);	/* ends as a delimiter starts */
	n += 10;
	/* Random bytes may complete a delimiter: break it. */
	while ((p = memmem(d, n, "\r\n--XyZ", 7)) != NULL)
		p[6] = 'z';
	return n;
}

static void
binary_case(size_t chunk)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	char			*d = malloc(48 * 1024), *b = malloc(50 * 1024);
	size_t			 dn = binary_data(d), bn = binary_body(b, d, dn);

	lm.file_max = 64 * 1024;
	CHECK_INT(mp_run(a, CT, b, bn, chunk, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 3);
	if (l.n == 3) {
		CHECK_STR(l.v[0].val, "before");
		CHECK_STR(l.v[1].key, "f");
		CHECK_STR(l.v[1].filename, "x.bin");
		CHECK_STR(l.v[1].ctype, "application/octet-stream");
		check_file(&l.v[1], d, dn);
		CHECK_STR(l.v[2].val, "after");
	}
	free(b);
	free(d);
	arena_free(a);
}

static void
test_mp_binary_whole(void)
{
	binary_case(0);
}

/* A file longer than the head the parser keeps: REQ_HEAD_MAX bytes of
 * it, and the SHA-256 of all of it. */
static void
test_mp_file_head_capped(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	size_t			 dn = REQ_HEAD_MAX + 5000, bn, i;
	char			*d = malloc(dn), *b = malloc(dn + 1024);

	for (i = 0; i < dn; i++)
		d[i] = (char)('a' + i % 23);
	bn = binary_body(b, d, dn);
	lm.file_max = 1 << 20;
	CHECK_INT(mp_run(a, CT, b, bn, 1000, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 3);
	if (l.n == 3)
		check_file(&l.v[1], d, dn);
	free(b);
	free(d);
	arena_free(a);
}

static void
test_mp_binary_chunk_1(void)
{
	binary_case(1);
}

static void
test_mp_binary_chunk_7(void)
{
	binary_case(7);
}

static void
test_mp_value_chunks(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n\xE1\xBB\x95\r\n-\r\n--Xy\r\n--X\r\r\n--XyZ--";
	size_t			 chunk;

	for (chunk = 1; chunk <= 9; chunk++) {
		l.n = 0;
		CHECK_INT(mp_run(a, CT, b, strlen(b), chunk, &lm, &l), REQ_OK);
		CHECK_INT(l.n, 1);
		if (l.n == 1)
			CHECK_STR(l.v[0].val, "\xE1\xBB\x95\r\n-\r\n--Xy\r\n--X\r");
	}
	arena_free(a);
}

static void
test_mp_filename_path(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"../../etc/passwd\"\r\n\r\nx\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"g\"; "
	    "filename=\"C:\\Users\\An\\b\xE1\xBA\xA3n v\xE1\xBA\xBD.png\"\r\n"
	    "\r\ny\r\n--XyZ\r\nContent-Disposition: form-data; name=\"h\"; "
	    "filename=name.txt\r\n\r\nz\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 3);
	if (l.n == 3) {
		CHECK_STR(l.v[0].filename, "passwd");
		CHECK_STR(l.v[1].filename, "b\xE1\xBA\xA3n v\xE1\xBA\xBD.png");
		CHECK_STR(l.v[2].filename, "name.txt");
		check_file(&l.v[0], "x", 1);
		check_file(&l.v[2], "z", 1);
	}
	arena_free(a);
}

static void
test_mp_filename_quotes(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"say \\\"hi\\\"; x=1.txt\"\r\n\r\nx\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"g\"; "
	    "filename=\"a%22b.txt\"\r\n\r\ny\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].filename, "say \"hi\"; x=1.txt");
		CHECK_STR(l.v[1].filename, "a\"b.txt");
	}
	arena_free(a);
}

static void
test_mp_tmpfile_unlinked(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	char			 path[512] = "";
	int			 before = tmp_count();

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"e.txt\"\r\n\r\n\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1 && l.v[0].path != NULL) {
		check_file(&l.v[0], "", 0);
		snprintf(path, sizeof(path), "%s", l.v[0].path);
	}
	CHECK_INT(tmp_count(), before + 1);
	arena_free(a);
	CHECK(path[0] != '\0' && access(path, F_OK) == -1);
	CHECK_INT(tmp_count(), before);
}

static void
test_mp_file_exact_max(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	const char		*b = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a.bin\"\r\n\r\n0123456789\r\n--XyZ--";

	lm.file_max = 10;
	CHECK_INT(mp_run(a, CT, b, strlen(b), 3, &lm, &l), REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		check_file(&l.v[0], "0123456789", 10);
	arena_free(a);
}

/* ---- multipart: what browsers and libraries send ---- */

/* Parses the captured body tests/unit/mp/<name> with its Content-Type
 * (<name>.ct) in chunks of chunk bytes. */
static enum req_err
mp_capture(struct arena *a, const char *name, size_t chunk,
    struct req_kvlist *out)
{
	struct req_limits	 lm = lim();
	char			 path[256], *body, *ct;
	size_t			 n = 0, ctn = 0;

	snprintf(path, sizeof(path), "tests/unit/mp/%s.ct", name);
	if ((ct = slurp(a, path, &ctn)) == NULL)
		return REQ_ERR__MAX;
	ct[ctn] = '\0';
	snprintf(path, sizeof(path), "tests/unit/mp/%s", name);
	if ((body = slurp(a, path, &n)) == NULL)
		return REQ_ERR__MAX;
	return mp_run(a, ct, body, n, chunk, &lm, out);
}

/* A value part's name and value. */
static void
check_val(const struct req_kv *kv, const char *key, const char *val)
{
	CHECK_STR(kv->key, key);
	CHECK_STR(kv->val, val);
	CHECK(kv->path == NULL && kv->filename == NULL);
}

/* A file part's name, file name and content. */
static void
check_named_file(const struct req_kv *kv, const char *key, const char *fn,
    const char *data, size_t n)
{
	CHECK_STR(kv->key, key);
	CHECK_STR(kv->filename, fn);
	check_file(kv, data, n);
}

/* Chromium writes '"' as %22 and leaves '\\' alone, also at the end of a
 * name or file name (issue 15: the whole form was refused). */
static void
test_mp_chromium_quote_backslash(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	size_t			 chunk;

	for (chunk = 0; chunk < 8; chunk += 7) {
		l.n = 0;
		CHECK_INT(mp_capture(a, "chromium_quote_backslash", chunk,
		    &l), REQ_OK);
		CHECK_INT(l.n, 4);
		if (l.n != 4)
			continue;
		check_val(&l.v[0], "ten\"x", "gi\xC3\xA1 \"tr\xE1\xBB\x8B\"");
		check_val(&l.v[1], "ghi\\",
		    "C:\\th\xC6\xB0 m\xE1\xBB\xA5" "c\\");
		check_named_file(&l.v[2], "tep",
		    "b\xE1\xBA\xA3n \"v\xE1\xBA\xBD\"\\.txt", "xin chao\n", 9);
		check_named_file(&l.v[3], "tep2\\", "du-lieu\\",
		    "\0\1\2\r\n--", 7);
	}
	arena_free(a);
}

/* A name or file name holding CR or LF comes from Chromium as %0D%0A; it
 * is refused like any control character in a name. */
static void
test_mp_chromium_crlf_refused(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	int			 before = tmp_count();

	CHECK_INT(mp_capture(a, "chromium_crlf", 0, &l), REQ_BADUTF8);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a%0Ab.txt\"\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_BADUTF8);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a%0Db\"\r\n\r\nx\r\n--XyZ--", &l), REQ_BADUTF8);
	CHECK_INT(l.n, 0);
	arena_free(a);
	CHECK_INT(tmp_count(), before);
}

/* urllib3 2 (and requests over it) follows the HTML standard. */
static void
test_mp_urllib3_requests(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_capture(a, "urllib3_quote_backslash", 0, &l), REQ_OK);
	CHECK_INT(l.n, 4);
	if (l.n == 4) {
		check_val(&l.v[0], "ghi\\",
		    "C:\\th\xC6\xB0 m\xE1\xBB\xA5" "c\\");
		check_val(&l.v[1], "ten\"x", "gi\xC3\xA1 \"tr\xE1\xBB\x8B\"");
		check_named_file(&l.v[2], "tep",
		    "b\xE1\xBA\xA3n \"v\xE1\xBA\xBD\"\\.txt", "xin chao\n", 9);
		check_named_file(&l.v[3], "tep2", "du-lieu\\", "\0\1", 2);
	}
	l.n = 0;
	CHECK_INT(mp_capture(a, "requests_backslash", 3, &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		check_val(&l.v[0], "ghi\\", "a");
		check_named_file(&l.v[1], "tep", "trang\\", "abc", 3);
	}
	arena_free(a);
}

/* Python's email package: filename*= for a name that is not ASCII,
 * backslash escapes in quoted-strings.  Content-Transfer-Encoding (RFC
 * 7578 4.7: deprecated, browsers never send it) is not undone. */
static void
test_mp_email_package(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_capture(a, "email_filename_star", 0, &l), REQ_OK);
	CHECK_INT(l.n, 3);
	if (l.n == 3) {
		check_val(&l.v[0], "ten", "Z2nDoSB0cuG7iw==\r\n");
		check_named_file(&l.v[1], "tep",
		    "b\xE1\xBA\xA3n v\xE1\xBA\xBD.pdf", "JVBERi0xLjQK\r\n", 14);
		check_named_file(&l.v[2], "tep2", "say \"hi\"\\.bin",
		    "ZGF0YQ==\r\n", 10);
	}
	arena_free(a);
}

/* filename*= wins over filename=; a charset other than UTF-8, a bad
 * escape, bytes that are not UTF-8 and continuations are refused. */
static void
test_mp_filename_star(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"ban.pdf\"; "
	    "filename*=UTF-8'vi'b%E1%BA%A3n.pdf\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_OK);
	CHECK_INT(l.n, 1);
	if (l.n == 1)
		check_named_file(&l.v[0], "f", "b\xE1\xBA\xA3n.pdf", "x", 1);
	l.n = 0;
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename*=iso-8859-1''caf%E9\r\n\r\nx\r\n--XyZ--",
	    &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename*=utf-8''a%E\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename*=utf-8''a%FF\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename*=utf-8'a%41\r\n\r\nx\r\n--XyZ--", &l),
	    REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename*0*=utf-8''a; filename*1=b\r\n\r\nx\r\n"
	    "--XyZ--", &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

/* The HTML standard's escapes are undone in names and file names;
 * nothing else is. */
static void
test_mp_html_escapes(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a%22b%2522%41%0a\"\r\n\r\nx\r\n--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"f\"; "
	    "filename=\"%22q%22.txt%\"\r\n\r\ny\r\n--XyZ--", &l), REQ_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		check_val(&l.v[0], "a\"b%2522%41%0a", "x");
		check_named_file(&l.v[1], "f", "\"q\".txt%", "y", 1);
	}
	arena_free(a);
}

/* Backslashes: at the end of a name or file name (browsers), as a path
 * separator only in a Windows path. */
static void
test_mp_backslash(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_str(a, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"a\\\"\r\n\r\nx\r\n--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"f\\\"; "
	    "filename=\"b\\\"\r\n\r\ny\r\n--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"g\"; "
	    "filename=\"..\\\\host\\x.txt\"\r\n\r\nz\r\n--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"h\"; "
	    "filename=\"\\\\host\\share\\y.txt\"\r\n\r\nw\r\n--XyZ--", &l),
	    REQ_OK);
	CHECK_INT(l.n, 4);
	if (l.n == 4) {
		check_val(&l.v[0], "a\\", "x");
		check_named_file(&l.v[1], "f\\", "b\\", "y", 1);
		check_named_file(&l.v[2], "g", "..\\host\\x.txt", "z", 1);
		check_named_file(&l.v[3], "h", "y.txt", "w", 1);
	}
	arena_free(a);
}

/* Refused, and meant to be: LF-only line ends (no browser or library
 * sends them over HTTP; Python's email package does with its default
 * policy) and folded header lines (RFC 7578 has none; Python's email
 * package folds long RFC 2231 names into continuations). */
static void
test_mp_lf_only_and_folded_refused(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };

	CHECK_INT(mp_capture(a, "email_lf_only", 0, &l), REQ_MALFORMED);
	CHECK_INT(mp_str(a, "--XyZ\nContent-Disposition: form-data; "
	    "name=\"a\"\n\nx\n--XyZ--\n", &l), REQ_MALFORMED);
	CHECK_INT(mp_capture(a, "email_folded", 0, &l), REQ_MALFORMED);
	CHECK_INT(l.n, 0);
	arena_free(a);
}

/* ---- multipart: faults of the upload spool ---- */

/* A write(2) with faults: after fault_after bytes it fails with
 * fault_errno (0: returns 0); fault_eintr makes every other call fail
 * with EINTR and the others write at most 3 bytes. */
static size_t	fault_after, fault_done;
static int	fault_errno, fault_eintr, fault_calls;

static ssize_t
fault_write(int fd, const void *p, size_t n)
{
	if (fault_eintr && fault_calls++ % 2 == 0) {
		errno = EINTR;
		return -1;
	}
	if (fault_eintr && n > 3)
		n = 3;
	if (fault_done + n > fault_after) {
		n = fault_after - fault_done;
		if (n == 0) {
			errno = fault_errno;
			return fault_errno ? -1 : 0;
		}
	}
	fault_done += n;
	return write(fd, p, n);
}

static void
fault_set(size_t after, int err, int eintr)
{
	fault_after = after;
	fault_errno = err;
	fault_eintr = eintr;
	fault_done = 0;
	fault_calls = 0;
}

/* A body of two file parts of n1 and n2 bytes and a value after them. */
static char *
two_files(struct arena *a, size_t n1, size_t n2, size_t *len)
{
	char	*b = arena_alloc(a, n1 + n2 + 512), *w = b;

	w += sprintf(w, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a.bin\"\r\n\r\n");
	memset(w, 'a', n1);
	w += n1;
	w += sprintf(w, "\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"g\"; filename=\"b.bin\"\r\n\r\n");
	memset(w, 'b', n2);
	w += n2;
	w += sprintf(w, "\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"v\"\r\n\r\nx\r\n--XyZ--");
	*len = (size_t)(w - b);
	return b;
}

/* A write error in the second file: 503, and neither file is left, not
 * even before the arena is freed. */
static void
test_mp_spool_write_error(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	size_t			 n;
	char			*b = two_files(a, 3000, 3000, &n);
	int			 before = tmp_count();

	lm.spool_write = fault_write;
	fault_set(4000, EIO, 0);
	CHECK_INT(mp_run(a, CT, b, n, 0, &lm, &l), REQ_SPOOL);
	CHECK_INT(errno, EIO);
	CHECK_INT(req_err_status(REQ_SPOOL), 503);
	CHECK_INT(l.n, 0);
	CHECK_INT(tmp_count(), before);
	fault_set(0, 0, 0);
	CHECK_INT(mp_run(a, CT, b, n, 7, &lm, &l), REQ_SPOOL);
	CHECK_INT(errno, ENOSPC);
	CHECK_INT(tmp_count(), before);
	arena_free(a);
	CHECK_INT(tmp_count(), before);
}

/* Interrupted and short writes are carried on to the end. */
static void
test_mp_spool_eintr(void)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	size_t			 n;
	char			*b = two_files(a, 1000, 10, &n);
	char			 want[1000];

	lm.spool_write = fault_write;
	fault_set(SIZE_MAX, 0, 1);
	CHECK_INT(mp_run(a, CT, b, n, 0, &lm, &l), REQ_OK);
	CHECK(fault_calls > 600);
	CHECK_INT(l.n, 3);
	memset(want, 'a', sizeof(want));
	if (l.n == 3) {
		check_file(&l.v[0], want, 1000);
		check_file(&l.v[1], "bbbbbbbbbb", 10);
	}
	arena_free(a);
}

/* After the part that failed: the spool (a directory of its own), the
 * answer and what is left in the spool. */
static void
spool_check(const char *dir, size_t n1, size_t n2, size_t file_max,
    enum req_err want, int want_errno)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	size_t			 n;
	char			*b = two_files(a, n1, n2, &n);

	lm.tmpdir = dir;
	lm.file_max = file_max;
	errno = 0;
	CHECK_INT(mp_run(a, CT, b, n, 0, &lm, &l), want);
	if (want_errno != 0)
		CHECK_INT(errno, want_errno);
	CHECK_INT(dir_count(dir), want == REQ_OK ? 2 : 0);
	CHECK_INT(l.n, want == REQ_OK ? 3 : 0);
	arena_free(a);
	CHECK_INT(dir_count(dir), 0);
}

/* No inode left for the second file: the first one goes too. */
static void
spool_no_inode(const char *dir)
{
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm = lim();
	size_t			 n;
	char			*b = two_files(a, 10, 10, &n);
	char			 f[512];
	int			 i, fd, nfill;

	for (nfill = 0; nfill < 64; nfill++) {
		snprintf(f, sizeof(f), "%s/fill%d", dir, nfill);
		if ((fd = open(f, O_CREAT | O_WRONLY, 0600)) == -1)
			break;
		close(fd);
	}
	CHECK(nfill > 1 && nfill < 64 && errno == ENOSPC);
	snprintf(f, sizeof(f), "%s/fill0", dir);
	unlink(f);
	lm.tmpdir = dir;
	CHECK_INT(mp_run(a, CT, b, n, 0, &lm, &l), REQ_SPOOL);
	CHECK_INT(errno, ENOSPC);
	CHECK_INT(dir_count(dir), nfill - 1);
	arena_free(a);
	for (i = 1; i < nfill; i++) {
		snprintf(f, sizeof(f), "%s/fill%d", dir, i);
		unlink(f);
	}
	CHECK_INT(dir_count(dir), 0);
}

/* The child of test_mp_spool_tmpfs: in a mount namespace of its own, so
 * that the tmpfs goes with it whatever happens. */
static void
spool_tmpfs_child(const char *dir)
{
	struct rlimit	 rl = { 4000, 4000 };

	if (unshare(CLONE_NEWNS) == -1 ||
	    mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) == -1 ||
	    mount("tmpfs", dir, "tmpfs", 0, "size=16k,nr_inodes=8") == -1) {
		printf("  %s: %s\n", dir, strerror(errno));
		t_case_failed = 1;
		return;
	}
	/* Full while writing: not the client's fault, so 503, not 413. */
	spool_check(dir, 100, 64 * 1024, 1 << 20, REQ_SPOOL, ENOSPC);
	spool_check(dir, 64 * 1024, 100, 1 << 20, REQ_SPOOL, ENOSPC);
	/* What fits still does. */
	spool_check(dir, 4000, 100, 1 << 20, REQ_OK, 0);
	spool_no_inode(dir);
	/* Over the process's file size limit: too large, 413. */
	signal(SIGXFSZ, SIG_IGN);
	if (setrlimit(RLIMIT_FSIZE, &rl) == -1)
		t_case_failed = 1;
	spool_check(dir, 100, 5000, 1 << 20, REQ_TOOLARGE, EFBIG);
	umount(dir);
}

/* A full file system as the spool: a 16 KiB tmpfs with 8 inodes, in a
 * mount namespace of a child process (root only). */
static void
test_mp_spool_tmpfs(void)
{
	char	 dir[300];
	pid_t	 pid;
	int	 st = -1;

	snprintf(dir, sizeof(dir), "%s/spool", tmpdir);
	if (mkdir(dir, 0700) == -1) {
		CHECK(!"mkdir spool");
		return;
	}
	fflush(stdout);
	if ((pid = fork()) == 0) {
		spool_tmpfs_child(dir);
		fflush(stdout);
		_exit(t_case_failed);
	}
	CHECK(pid > 0 && waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(rmdir(dir) == 0);
}

static void
test_err_str_status(void)
{
	CHECK_STR(req_err_str(REQ_OK), "ok");
	CHECK_STR(req_err_str(REQ_TOOMANY), "too many fields");
	CHECK_STR(req_err_str(REQ_ERR__MAX), "unknown");
	CHECK_INT(req_err_status(REQ_MALFORMED), 400);
	CHECK_INT(req_err_status(REQ_BADUTF8), 400);
	CHECK_INT(req_err_status(REQ_TOOMANY), 413);
	CHECK_INT(req_err_status(REQ_TOOLARGE), 413);
	CHECK_INT(req_err_status(REQ_IO), 400);
	CHECK_INT(req_err_status(REQ_SPOOL), 503);
}

/* UTF-8, percent-decoding, urlencoded, cookies: failure cases first. */
static void
run_utf8_urlencoded_cookies(void)
{
	RUN(test_utf8_overlong);
	RUN(test_utf8_surrogate);
	RUN(test_utf8_above_max);
	RUN(test_utf8_truncated);
	RUN(test_utf8_stray_continuation);
	RUN(test_utf8_nul);
	RUN(test_utf8_valid);
	RUN(test_pct_bad_escape);
	RUN(test_pct_nul);
	RUN(test_pct_bad_utf8);
	RUN(test_pct_plus);
	RUN(test_pct_hex_case);
	RUN(test_pct_empty);
	RUN(test_url_bad_escape);
	RUN(test_url_nul);
	RUN(test_url_bad_utf8);
	RUN(test_url_empty_key);
	RUN(test_url_too_many);
	RUN(test_url_too_large);
	RUN(test_url_error_keeps_list);
	RUN(test_url_duplicates_kept);
	RUN(test_url_empty_pieces);
	RUN(test_url_key_only);
	RUN(test_url_decoding);
	RUN(test_url_equals_in_value);
	RUN(test_url_many_grow);
	RUN(test_cookie_bad_name);
	RUN(test_cookie_ctl_in_value);
	RUN(test_cookie_bad_utf8);
	RUN(test_cookie_ours_still_strict);
	RUN(test_cookie_foreign_malformed_skipped);
	RUN(test_cookie_foreign_not_counted);
	RUN(test_cookie_ours_by_exact_name);
	RUN(test_cookie_too_many);
	RUN(test_cookie_too_large);
	RUN(test_cookie_no_equals_skipped);
	RUN(test_cookie_ows);
	RUN(test_cookie_quoted);
	RUN(test_cookie_not_decoded);
	RUN(test_cookie_duplicates_kept);
	RUN(test_cookie_empty);
}

/* Multipart: failure cases first. */
static void
run_multipart(void)
{
	RUN(test_mp_no_ctype);
	RUN(test_mp_no_boundary);
	RUN(test_mp_not_form_data);
	RUN(test_mp_boundary_too_long);
	RUN(test_mp_boundary_bad_char);
	RUN(test_mp_boundary_twice);
	RUN(test_mp_empty_body);
	RUN(test_mp_truncated_data);
	RUN(test_mp_truncated_headers);
	RUN(test_mp_truncated_after_delim);
	RUN(test_mp_delim_garbage);
	RUN(test_mp_header_too_long);
	RUN(test_mp_header_block_too_long);
	RUN(test_mp_header_crlf_injection);
	RUN(test_mp_header_bare_cr_lf);
	RUN(test_mp_header_folding);
	RUN(test_mp_header_nul);
	RUN(test_mp_no_disposition);
	RUN(test_mp_bad_disposition);
	RUN(test_mp_file_too_large);
	RUN(test_mp_body_too_large);
	RUN(test_mp_value_too_large);
	RUN(test_mp_too_many);
	RUN(test_mp_value_bad_utf8);
	RUN(test_mp_name_bad_utf8);
	RUN(test_mp_filename_dotdot);
	RUN(test_mp_read_error);
	RUN(test_mp_tmpdir_missing);
	RUN(test_mp_error_keeps_list);
	RUN(test_mp_simple);
	RUN(test_mp_empty_value);
	RUN(test_mp_no_parts);
	RUN(test_mp_preamble_epilogue);
	RUN(test_mp_transport_padding);
	RUN(test_mp_quoted_boundary);
	RUN(test_mp_boundary_70);
	RUN(test_mp_duplicates_kept);
	RUN(test_mp_empty_filename_skipped);
	RUN(test_mp_binary_whole);
	RUN(test_mp_file_head_capped);
	RUN(test_mp_binary_chunk_1);
	RUN(test_mp_binary_chunk_7);
	RUN(test_mp_value_chunks);
	RUN(test_mp_filename_path);
	RUN(test_mp_filename_quotes);
	RUN(test_mp_tmpfile_unlinked);
	RUN(test_mp_file_exact_max);
	RUN(test_mp_chromium_crlf_refused);
	RUN(test_mp_lf_only_and_folded_refused);
	RUN(test_mp_filename_star);
	RUN(test_mp_chromium_quote_backslash);
	RUN(test_mp_urllib3_requests);
	RUN(test_mp_email_package);
	RUN(test_mp_html_escapes);
	RUN(test_mp_backslash);
	RUN(test_mp_spool_write_error);
	RUN(test_mp_spool_eintr);
	if (geteuid() == 0)
		RUN(test_mp_spool_tmpfs);
	else
		printf("SKIP test_mp_spool_tmpfs: a tmpfs needs root\n");
}

int
main(void)
{
	const char	*t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof(tmpdir), "%s/test_req.XXXXXX",
	    t != NULL && t[0] != '\0' ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror(tmpdir);
		return 1;
	}

	run_utf8_urlencoded_cookies();
	run_multipart();
	RUN(test_err_str_status);

	if (tmp_count() != 0)
		printf("FAIL temporary files left in %s\n", tmpdir);
	else
		rmdir(tmpdir);
	return T_END();
}
