/* Unicode normalisation, case (libunistring) and slugs. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "core/arena.h"
#include "core/text.h"

/* Returns s (n bytes of valid UTF-8) in NFC, in arena memory; NULL if
 * libunistring refuses it. */
char *
text_nfc(struct arena *a, const char *s, size_t n)
{
	size_t	 len = 0;
	uint8_t	*r;
	char	*out;

	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
	if (r == NULL)
		return NULL;
	out = arena_strndup(a, (const char *)r, len);
	free(r);
	return out;
}

/* NFC with white space at both ends removed and inner runs of white space
 * (space, tab, new line) folded into one space. */
char *
text_trim(struct arena *a, const char *s, size_t n)
{
	char	*nfc = text_nfc(a, s, n), *w, *r;
	int	 space = 0;

	if (nfc == NULL)
		return NULL;
	for (r = w = nfc; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = w != nfc;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return nfc;
}

/* The number of code points of a valid UTF-8 string. */
size_t
text_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The ASCII character standing for the code point at p (NFD): itself
 * for letters and digits (lower-cased), 'd' for đ/Đ, 0 for a combining
 * mark (dropped), '-' for anything else. */
static char
slug_char(const unsigned char *p, size_t left)
{
	if (p[0] < 0x80)
		return isalnum(p[0]) ? (char)tolower(p[0]) : '-';
	if (left >= 2 && p[0] == 0xc4 && (p[1] == 0x90 || p[1] == 0x91))
		return 'd';
	if (left >= 2 && (p[0] == 0xcc || (p[0] == 0xcd && p[1] <= 0xaf)))
		return 0;	/* U+0300..U+036F */
	return '-';
}

/* An ASCII slug of s: letters without their marks, digits, single hyphens
 * between words, at most maxlen bytes; "bai-viet" when nothing is left. */
char *
text_slug(struct arena *a, const char *s, size_t maxlen)
{
	size_t	 len = 0, i, n = 0;
	uint8_t	*d;
	char	*out = arena_alloc(a, maxlen + 1), c;

	d = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s), NULL,
	    &len);
	for (i = 0; d != NULL && i < len && n < maxlen; ) {
		c = slug_char(d + i, len - i);
		if (c == '-' && n > 0 && out[n - 1] != '-')
			out[n++] = '-';
		else if (c != 0 && c != '-')
			out[n++] = c;
		i += d[i] < 0x80 ? 1 : d[i] < 0xe0 ? 2 : d[i] < 0xf0 ? 3 : 4;
	}
	free(d);
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	return n ? out : arena_strdup(a, "bai-viet");
}

/* Percent-encodes s for a query value (RFC 3986 unreserved kept). */
char *
text_urlencode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char	*out = arena_alloc(a, strlen(s) * 3 + 1), *w = out;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
			*w++ = (char)c;
		else {
			*w++ = '%';
			*w++ = hex[c >> 4];
			*w++ = hex[c & 15];
		}
	}
	*w = '\0';
	return out;
}

/* Whether s begins with prefix, letter case aside (Unicode full case
 * folding), whichever normal form either is in: "TỜ KHAI đăng ký" and
 * "tờ khai" (decomposed) do.  0 when either is not valid UTF-8. */
int
text_prefix_ci(const char *s, const char *prefix)
{
	uint8_t	*fs, *fp;
	size_t	 ns = 0, np = 0;
	int	 yes;

	fs = u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC,
	    NULL, &ns);
	fp = u8_casefold((const uint8_t *)prefix, strlen(prefix), NULL,
	    UNINORM_NFC, NULL, &np);
	yes = fs != NULL && fp != NULL && np <= ns && memcmp(fs, fp, np) == 0;
	free(fs);
	free(fp);
	return yes;
}

/* s (valid UTF-8) with its first code point in lower case, in arena
 * memory: "Đăng ký" gives "đăng ký".  s itself when it is not valid. */
char *
text_lower_first(struct arena *a, const char *s)
{
	size_t	 n = strlen(s);
	ucs4_t	 c;
	int	 len, out;
	char	*r;

	if (n == 0 || (len = u8_mbtoucr(&c, (const uint8_t *)s, n)) < 0)
		return arena_strdup(a, s);
	r = arena_alloc(a, n - (size_t)len + 7);
	out = u8_uctomb((uint8_t *)r, uc_tolower(c), 6);
	if (out < 0)
		return arena_strdup(a, s);
	memcpy(r + out, s + len, n - (size_t)len + 1);
	return r;
}

/* s (valid UTF-8) in capitals, NFC, in arena memory: "Phường Ba Hàng"
 * gives "PHƯỜNG BA HÀNG", as the header of an administrative document
 * writes its body's name.  s itself when it is not valid. */
char *
text_upper(struct arena *a, const char *s)
{
	size_t	 n = strlen(s), len = 0;
	uint8_t	*u;
	char	*r;

	if (u8_check((const uint8_t *)s, n) != NULL ||
	    (u = u8_toupper((const uint8_t *)s, n, NULL, UNINORM_NFC, NULL,
	    &len)) == NULL)
		return arena_strdup(a, s);
	r = arena_alloc(a, len + 1);
	memcpy(r, u, len);
	r[len] = '\0';
	free(u);
	return r;
}

/* s (UTF-8) without its diacritics, for an SMS gateway that takes only
 * unaccented Vietnamese, in arena memory: NFD, then every combining mark
 * (general category M) dropped, đ and Đ (letters of their own, not
 * marked ones) made d and D; everything else kept as it is.  NULL when s
 * is not valid UTF-8. */
char *
text_unaccent(struct arena *a, const char *s)
{
	size_t		 len = 0, i = 0, n = 0;
	uint8_t		*d;
	char		*out;
	ucs4_t		 c;
	int		 k;

	if (u8_check((const uint8_t *)s, strlen(s)) != NULL ||
	    ((d = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s),
	    NULL, &len)) == NULL && *s != '\0'))
		return NULL;
	out = arena_alloc(a, len + 1);
	while (i < len) {
		if ((k = u8_mbtouc_unsafe(&c, d + i, len - i)) <= 0)
			break;
		if (c == 0x0111 || c == 0x0110)
			out[n++] = c == 0x0111 ? 'd' : 'D';
		else if (!uc_is_general_category(c, UC_CATEGORY_M)) {
			memcpy(out + n, d + i, (size_t)k);
			n += (size_t)k;
		}
		i += (size_t)k;
	}
	out[n] = '\0';
	free(d);
	return out;
}
