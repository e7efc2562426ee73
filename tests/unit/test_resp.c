/* Unit tests of resp_header: refusals first (CR, LF, CRLF injection in a
 * value and in a name, other control characters, ':' and other non-token
 * characters in a name, a full table), then what it keeps: replacing a
 * header of the same name whatever its case, Set-Cookie repeated, and
 * copies that outlive the caller's buffers.  A refused header leaves the
 * table as it was. */
#include <stdlib.h>

#include "core/arena.h"
#include "core/log.h"
#include "http/request.h"
#include "http/resp.h"
#include "t.h"

static struct request	 R;

/* A fresh request: an arena and an empty header table. */
static struct request *
req(void)
{
	if (R.a != NULL)
		arena_free(R.a);
	memset(&R, 0, sizeof(R));
	R.a = arena_new();
	return &R;
}

/* The value of header name (exact case), or NULL. */
static const char *
hdr(const struct request *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->nhdrs; i++)
		if (strcmp(r->hdrs[i].name, name) == 0)
			return r->hdrs[i].value;
	return NULL;
}

/* 1 when header name=value is refused and the table is left unchanged:
 * the same count and the one header set before, as it was. */
static int
refused(const char *name, const char *value)
{
	struct request	*r = req();

	if (!resp_header(r, "X-Before", "kept"))
		return 0;
	return resp_header(r, name, value) == 0 && r->nhdrs == 1 &&
	    strcmp(r->hdrs[0].name, "X-Before") == 0 &&
	    strcmp(r->hdrs[0].value, "kept") == 0;
}

static void
test_resp_header_cr_lf_value(void)
{
	CHECK(refused("X-A", "a\rb"));
	CHECK(refused("X-A", "a\nb"));
	CHECK(refused("X-A", "\r"));
	CHECK(refused("X-A", "\n"));
	CHECK(refused("X-A", "trailing\r\n"));
	/* Replacing a header is refused too: the old value stays. */
	CHECK(refused("X-Before", "x\r\nSet-Cookie: sid=evil"));
}

static void
test_resp_header_crlf_injection_value(void)
{
	CHECK(refused("Location", "/ok\r\nSet-Cookie: sid=evil; Path=/"));
	CHECK(refused("Location", "/ok\r\n\r\n<script>alert(1)</script>"));
	CHECK(refused("Location", "/ok\nX-Injected: 1"));
	CHECK(refused("Location", "/ok\rX-Injected: 1"));
}

static void
test_resp_header_cr_lf_name(void)
{
	CHECK(refused("X-A\r", "v"));
	CHECK(refused("X-A\n", "v"));
	CHECK(refused("\r\nX-A", "v"));
	CHECK(refused("Set-Cookie: sid=evil\r\nX-A", "v"));
	CHECK(refused("X-A\r\n\r\nbody", "v"));
}

/* Control characters other than CR and LF (none of them NUL, which ends
 * the string): refused in a value, except the horizontal tab that field
 * values allow, and refused in a name, the tab included. */
static void
test_resp_header_control_chars(void)
{
	static const char *const ctl[] = {
		"\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f",
	};
	char	 v[16], n[16];
	size_t	 i;

	for (i = 0; i < sizeof(ctl) / sizeof(ctl[0]); i++) {
		snprintf(v, sizeof(v), "a%sb", ctl[i]);
		snprintf(n, sizeof(n), "X%sA", ctl[i]);
		CHECK(refused("X-A", v));
		CHECK(refused(n, "v"));
	}
	CHECK(refused("X\tA", "v"));
	CHECK_INT(resp_header(req(), "X-A", "a\tb"), 1);
	CHECK_STR(hdr(&R, "X-A"), "a\tb");
}

/* A name is a token: no ':', no space or separator, not empty. */
static void
test_resp_header_bad_name(void)
{
	CHECK(refused("X-A:", "v"));
	CHECK(refused(":status", "v"));
	CHECK(refused("Set-Cookie: sid=evil", "v"));
	CHECK(refused("", "v"));
	CHECK(refused("X A", "v"));
	CHECK(refused(" X-A", "v"));
	CHECK(refused("X-A ", "v"));
	CHECK(refused("X(A)", "v"));
	CHECK(refused("X\"A", "v"));
	CHECK(refused("X-\xc3\xa1", "v"));	/* X-á: not ASCII */
	/* ':' is fine in a value. */
	CHECK_INT(resp_header(req(), "Location", "/a:b?c=d:e"), 1);
	CHECK_STR(hdr(&R, "Location"), "/a:b?c=d:e");
}

static void
test_resp_header_table_full(void)
{
	struct request	*r = req();
	char		 name[32];
	size_t		 i;

	for (i = 0; i < RESP_HEADERS_MAX; i++) {
		snprintf(name, sizeof(name), "X-H%zu", i);
		CHECK_INT(resp_header(r, name, "v"), 1);
	}
	CHECK_INT(r->nhdrs, RESP_HEADERS_MAX);
	CHECK_INT(resp_header(r, "X-One-Too-Many", "v"), 0);
	CHECK_INT(resp_header(r, "Set-Cookie", "a=1"), 0);
	CHECK_INT(r->nhdrs, RESP_HEADERS_MAX);
	CHECK(hdr(r, "X-One-Too-Many") == NULL);
	CHECK(hdr(r, "Set-Cookie") == NULL);
	/* A full table still lets a header be replaced. */
	CHECK_INT(resp_header(r, "x-h7", "new"), 1);
	CHECK_INT(r->nhdrs, RESP_HEADERS_MAX);
	CHECK_STR(hdr(r, "x-h7"), "new");
	CHECK(hdr(r, "X-H7") == NULL);
}

/* The same name in another case replaces the header in place. */
static void
test_resp_header_replace(void)
{
	struct request	*r = req();

	CHECK_INT(resp_header(r, "Cache-Control", "no-cache"), 1);
	CHECK_INT(resp_header(r, "Retry-After", "5"), 1);
	CHECK_INT(resp_header(r, "cache-control", "private, no-store"), 1);
	CHECK_INT(resp_header(r, "CACHE-CONTROL", "no-store"), 1);
	CHECK_INT(r->nhdrs, 2);
	CHECK_STR(r->hdrs[0].value, "no-store");
	CHECK_STR(r->hdrs[1].name, "Retry-After");
	CHECK_INT(resp_header(r, "Retry-After", ""), 1);
	CHECK_INT(r->nhdrs, 2);
	CHECK_STR(r->hdrs[1].value, "");
}

/* Set-Cookie, in any case, repeats in the order set. */
static void
test_resp_header_set_cookie_repeats(void)
{
	struct request	*r = req();

	CHECK_INT(resp_header(r, "Set-Cookie", "sid=1; HttpOnly"), 1);
	CHECK_INT(resp_header(r, "Cache-Control", "no-store"), 1);
	CHECK_INT(resp_header(r, "Set-Cookie", "sid=2; HttpOnly"), 1);
	CHECK_INT(resp_header(r, "set-cookie", "other=3"), 1);
	CHECK_INT(r->nhdrs, 4);
	CHECK_STR(r->hdrs[0].value, "sid=1; HttpOnly");
	CHECK_STR(r->hdrs[2].value, "sid=2; HttpOnly");
	CHECK_STR(r->hdrs[3].name, "set-cookie");
	CHECK_STR(r->hdrs[3].value, "other=3");
}

/* Name and value are copied into the request's arena. */
static void
test_resp_header_copies(void)
{
	struct request	*r = req();
	char		 name[] = "X-Copy", value[] = "before";

	CHECK_INT(resp_header(r, name, value), 1);
	memcpy(name, "Y-Gone", sizeof(name));
	memcpy(value, "after!", sizeof(value));
	CHECK_STR(r->hdrs[0].name, "X-Copy");
	CHECK_STR(r->hdrs[0].value, "before");
}

/* A redirect to a local path sets Location and answers the status. */
static void
test_resp_redirect_local(void)
{
	struct request	*r = req();

	CHECK_INT(resp_redirect(r, 303, "/dang-nhap?tiep=/tai-khoan"), 303);
	CHECK_STR(hdr(r, "Location"), "/dang-nhap?tiep=/tai-khoan");
	CHECK_INT(r->status, 303);
	CHECK_INT(r->bodylen, 0);
}

int
main(void)
{
	log_set_level(LOG_LEVEL__MAX);	/* refusals log; not needed here */
	RUN(test_resp_header_cr_lf_value);
	RUN(test_resp_header_crlf_injection_value);
	RUN(test_resp_header_cr_lf_name);
	RUN(test_resp_header_control_chars);
	RUN(test_resp_header_bad_name);
	RUN(test_resp_header_table_full);
	RUN(test_resp_header_replace);
	RUN(test_resp_header_set_cookie_repeats);
	RUN(test_resp_header_copies);
	RUN(test_resp_redirect_local);
	arena_free(R.a);
	return T_END();
}
