/* libFuzzer target: text_urlencode round-trips through the percent-decoder.
 * The input, up to a NUL, is any byte string s.  Its encoding must hold
 * only RFC 3986 unreserved characters and upper-case %XX escapes, each
 * byte of s as itself (unreserved) or as one escape, in order; decoded
 * (with '+' as a space or not) it must give s back exactly when s is
 * strict UTF-8, and be refused when it is not; as the value of a query
 * string it must come back as one field holding s. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "core/valid.h"
#include "http/req.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fz_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~';
}

/* enc is s encoded: byte by byte, by hand. */
static void
fz_check_encoding(const char *s, size_t n, const char *enc)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, j = 0;

	for (i = 0; i < n; i++) {
		if (fz_unreserved(u[i])) {
			FZ_CHECK(enc[j] == s[i]);
			j++;
			continue;
		}
		FZ_CHECK(enc[j] == '%' && enc[j + 1] == hex[u[i] >> 4] &&
		    enc[j + 2] == hex[u[i] & 15]);
		j += 3;
	}
	FZ_CHECK(enc[j] == '\0' && strlen(enc) == j);
}

/* Decoding enc, with plus or not, gives s back, or is refused when s is
 * not strict UTF-8. */
static void
fz_check_decode(struct arena *a, const char *s, size_t n, const char *enc,
    int utf8)
{
	char	*dec;
	size_t	 dlen;
	int	 plus;

	for (plus = 0; plus < 2; plus++) {
		dec = NULL;
		FZ_CHECK(req_pctdecode(a, enc, strlen(enc), plus, &dec,
		    &dlen) == utf8);
		if (utf8)
			FZ_CHECK(dec != NULL && dlen == n &&
			    memcmp(dec, s, n) == 0 && dec[n] == '\0');
	}
}

/* "q=" followed by enc is one field q holding s. */
static void
fz_check_query(struct arena *a, const char *s, size_t n, const char *enc,
    int utf8)
{
	struct req_limits	 lim = { 1 << 20, 4, 1 << 20, 0, NULL, NULL,
				    NULL };
	struct req_kvlist	 l = { NULL, 0, 0 };
	char			*q = arena_printf(a, "q=%s", enc);
	enum req_err		 rc;

	rc = req_parse_urlencoded(a, q, strlen(q), &lim, &l);
	FZ_CHECK(utf8 ? rc == REQ_OK : rc == REQ_BADUTF8);
	if (utf8) {
		FZ_CHECK(l.n == 1 && strcmp(l.v[0].key, "q") == 0);
		FZ_CHECK(l.v[0].vlen == n && memcmp(l.v[0].val, s, n) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	size_t		 n = strnlen((const char *)data, size);
	char		*s, *enc;
	int		 utf8;

	/* Exactly sized, so that ASan sees a read past the string. */
	if ((s = malloc(n + 1)) == NULL)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	utf8 = valid_utf8(s, n);
	enc = text_urlencode(a, s);
	fz_check_encoding(s, n, enc);
	fz_check_decode(a, s, n, enc, utf8);
	fz_check_query(a, s, n, enc, utf8);
	free(s);
	arena_free(a);
	return 0;
}
