/* libFuzzer target: every validator on the same bytes; the first byte
 * picks the bounds. */
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

/* The value of a string of digits (a reference implementation in 128
 * bits), or UINT64_MAX + 1 truncated to 0 and flagged by *over. */
static uint64_t
fz_digits(const char *s, size_t n, int *over)
{
	unsigned __int128	v = 0;
	size_t			i;

	*over = 0;
	for (i = 0; i < n; i++) {
		v = v * 10 + (unsigned)(s[i] - '0');
		if (v > UINT64_MAX)
			*over = 1;
		v &= UINT64_MAX;
	}
	return (uint64_t)v;
}

/* 1 if s[0..n) is all ASCII digits. */
static int
memspn_digits(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void
fz_numbers(const char *s, size_t n, uint8_t pick)
{
	uint64_t	u, d, umax = pick & 1 ? UINT64_MAX : (uint64_t)pick * 1000;
	int64_t		i, lo = -(int64_t)pick * 100, hi = (int64_t)pick * 100;
	int		over, neg;

	if (valid_uint(s, n, umax, &u)) {
		FZ_CHECK(u <= umax && n > 0 && s[0] >= '0' && s[0] <= '9');
		FZ_CHECK(u == fz_digits(s, n, &over) && !over);
	} else if (n > 0 && n < 40 && memspn_digits(s, n)) {
		d = fz_digits(s, n, &over);
		FZ_CHECK(over || d > umax);
	}
	if (pick & 2) {
		lo = INT64_MIN;
		hi = INT64_MAX;
	}
	if (valid_int(s, n, lo, hi, &i)) {
		FZ_CHECK(i >= lo && i <= hi && n > 0 && s[0] != '+');
		neg = s[0] == '-';
		d = fz_digits(s + neg, n - (size_t)neg, &over);
		FZ_CHECK(!over && (neg ? 0 - d : d) == (uint64_t)i);
	}
}

/* Phone numbers, email addresses, ID numbers, tokens, local paths: what
 * they accept is within what the database columns and links allow. */
static void
fz_accounts(const char *s, size_t n)
{
	char	 phone[11], email[300];
	size_t	 i;

	if (valid_phone(s, n, phone))
		FZ_CHECK(strlen(phone) == 10 && phone[0] == '0' &&
		    memspn_digits(phone, 10) && strchr("35789", phone[1]));
	if (valid_email(s, n, email, sizeof(email))) {
		FZ_CHECK(n <= 254 && strlen(email) == n);
		FZ_CHECK(memchr(email, '@', n) == strrchr(email, '@'));
		for (i = 0; i < n; i++)
			FZ_CHECK(email[i] > ' ' && email[i] < 0x7f &&
			    !(email[i] >= 'A' && email[i] <= 'Z'));
	}
	if (valid_id_number(s, n))
		FZ_CHECK(n == 12 && memspn_digits(s, n));
	if (valid_token(s, n))
		FZ_CHECK(n == 43);
	if (valid_local_path(s, n))
		FZ_CHECK(s[0] == '/' && (n == 1 || (s[1] != '/' &&
		    s[1] != '\\')) && memchr(s, '\n', n) == NULL);
}

/* Titles and names as people type them: trimmed NFC stays valid UTF-8
 * without outer spaces; a slug is [a-z0-9-], bounded, without outer or
 * double hyphens. */
static void
fz_text(const char *s, size_t n)
{
	struct arena	*a;
	char		*t, *slug;
	size_t		 len;

	if (!valid_utf8(s, n) || memchr(s, '\0', n) != NULL)
		return;
	a = arena_new();
	if ((t = text_trim(a, s, n)) != NULL) {
		len = strlen(t);
		FZ_CHECK(valid_utf8(t, len));
		FZ_CHECK(len == 0 || (t[0] != ' ' && t[len - 1] != ' '));
		FZ_CHECK(strstr(t, "  ") == NULL);
		slug = text_slug(a, t, 80);
		len = strlen(slug);
		FZ_CHECK(len >= 1 && len <= 80 && slug[0] != '-' &&
		    slug[len - 1] != '-' && strstr(slug, "--") == NULL);
		FZ_CHECK(strspn(slug, "abcdefghijklmnopqrstuvwxyz0123456789-") ==
		    len);
	}
	arena_free(a);
}

static void
fz_strings(const char *s, size_t n, uint8_t pick)
{
	uint64_t	id;
	size_t		i;

	if (valid_slug(s, n)) {
		FZ_CHECK(n >= 1 && n <= 64 && s[0] != '-' && s[n - 1] != '-');
		for (i = 0; i < n; i++)
			FZ_CHECK((s[i] >= 'a' && s[i] <= 'z') ||
			    (s[i] >= '0' && s[i] <= '9') || s[i] == '-');
		FZ_CHECK(memmem(s, n, "--", 2) == NULL);
	}
	if (valid_text(s, n, pick))
		FZ_CHECK(valid_utf8(s, n) && n <= (size_t)pick * 4);
	if (valid_line(s, n, pick)) {
		FZ_CHECK(valid_text(s, n, pick));
		FZ_CHECK(memchr(s, '\n', n) == NULL && memchr(s, '\t', n) == NULL);
	}
	if (valid_unit_code(s, n))
		FZ_CHECK(n == 5 && valid_uint(s, n, 99999, NULL));
	if (valid_id_slug(s, n, &id))
		FZ_CHECK(id >= 1 && id <= (UINT64_C(1) << 53));
	fz_accounts(s, n);
	fz_text(s, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data + 1;
	uint8_t		 pick;

	if (size == 0)
		return 0;
	pick = data[0];
	fz_numbers(s, size - 1, pick);
	fz_strings(s, size - 1, pick);
	return 0;
}
