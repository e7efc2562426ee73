/* Pure validators: raw bytes of a parameter in, a typed value out or a
 * refusal.  Each returns 1 and sets its output (when not NULL) if the
 * input is acceptable, 0 and leaves the output alone otherwise.  Inputs
 * are (pointer, length) and need not be NUL-terminated. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "core/valid.h"

#define VALID_SLUG_MAX	64
#define VALID_UNIT_LEN	5

/* Returns the length of the sequence a lead byte starts and its bits. */
static size_t
utf8_lead(unsigned char c, uint32_t *cp)
{
	size_t	len = 0;

	if (c >= 0x01 && c <= 0x7F) {
		len = 1;
		*cp = c;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		*cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		*cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		*cp = c & 0x07;
	}
	return len;
}

/* Returns the length of the strict UTF-8 sequence at s (n > 0 bytes
 * left), or 0 for NUL, a stray or missing continuation byte, an overlong
 * form, a surrogate or a code point past U+10FFFF. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	static const uint32_t	 least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	uint32_t		 cp = 0;
	size_t			 len, i;

	if ((len = utf8_lead(s[0], &cp)) > n)
		len = 0;
	for (i = 1; i < len; i++) {	/* len = 0 ends the loop */
		if ((s[i] & 0xC0) == 0x80)
			cp = (cp << 6) | (s[i] & 0x3F);
		else
			len = 0;
	}
	if (len > 0 && (cp < least[len] || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF)))
		len = 0;
	return len;
}

/* 1 if s[0..n) is strict UTF-8 (RFC 3629) without NUL bytes. */
int
valid_utf8(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, len = 1;

	while (i < n && (len = utf8_seq(u + i, n - i)) != 0)
		i += len;
	return i == n;
}

/* Decimal digits only: no sign, no space; leading zeros are accepted. */
int
valid_uint(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t	v = 0, d;
	size_t		i;
	int		ok = n > 0;

	for (i = 0; ok && i < n; i++) {
		d = (uint64_t)(s[i] - '0');
		ok = s[i] >= '0' && s[i] <= '9' && d <= max &&
		    v <= (max - d) / 10;
		v = v * 10 + d;
	}
	if (ok && out != NULL)
		*out = v;
	return ok;
}

/* An optional '-' and decimal digits, within [min, max]. */
int
valid_int(const char *s, size_t n, int64_t min, int64_t max, int64_t *out)
{
	const uint64_t	 lim = (uint64_t)INT64_MAX;
	uint64_t	 mag = 0;
	int64_t		 v = 0;
	int		 neg = n > 0 && s[0] == '-';
	int		 ok = n > 0;

	ok = ok && valid_uint(s + neg, n - (size_t)neg, lim + (uint64_t)neg,
	    &mag);
	if (ok && neg)
		v = mag > lim ? INT64_MIN : -(int64_t)mag;
	else if (ok)
		v = (int64_t)mag;
	ok = ok && v >= min && v <= max;
	if (ok && out != NULL)
		*out = v;
	return ok;
}

/* [a-z0-9-]{1,64} with no hyphen first, last or twice in a row. */
int
valid_slug(const char *s, size_t n)
{
	size_t	i;
	int	ok = n > 0 && n <= VALID_SLUG_MAX && s[0] != '-' &&
		    s[n - 1] != '-';

	/* s[0] is not '-', so s[i - 1] is only read for i > 0. */
	for (i = 0; ok && i < n; i++)
		ok = (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    (s[i] == '-' && s[i - 1] != '-');
	return ok;
}

/* Strict UTF-8 of at most maxchars code points without control
 * characters (C0, DEL, C1); ws allows \n, \r and \t. */
static int
valid_chars(const char *s, size_t n, size_t maxchars, int ws)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, chars = 0;
	int			 ok = n / 4 <= maxchars && valid_utf8(s, n);

	/* After the UTF-8 check, C2 is always followed by a byte. */
	for (i = 0; ok && i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			chars++;
		if (u[i] < 0x20)
			ok = ws && (u[i] == '\n' || u[i] == '\r' ||
			    u[i] == '\t');
		else
			ok = u[i] != 0x7F && !(u[i] == 0xC2 && u[i + 1] < 0xA0);
	}
	return ok && chars <= maxchars;
}

/* Multi-line text (a textarea); the empty string is acceptable. */
int
valid_text(const char *s, size_t n, size_t maxchars)
{
	return valid_chars(s, n, maxchars, 1);
}

/* One line of text (a title, a name); the empty string is acceptable. */
int
valid_line(const char *s, size_t n, size_t maxchars)
{
	return valid_chars(s, n, maxchars, 0);
}

/* A national administrative unit code: exactly five ASCII digits. */
int
valid_unit_code(const char *s, size_t n)
{
	size_t	i;
	int	ok = n == VALID_UNIT_LEN;

	for (i = 0; ok && i < n; i++)
		ok = s[i] >= '0' && s[i] <= '9';
	return ok;
}

/* "{id}-{slug}" or a bare "{id}": id in 1..2^53, slug as valid_slug.
 * The slug is decoration; only the id is returned. */
int
valid_id_slug(const char *s, size_t n, uint64_t *id)
{
	const char	*dash = n > 0 ? memchr(s, '-', n) : NULL;
	size_t		 idlen = dash != NULL ? (size_t)(dash - s) : n;
	uint64_t	 v = 0;
	int		 ok;

	ok = valid_uint(s, idlen, VALID_ID_MAX, &v) && v > 0 &&
	    (dash == NULL || valid_slug(dash + 1, n - idlen - 1));
	if (ok && id != NULL)
		*id = v;
	return ok;
}

/* A Vietnamese mobile number: 0 or +84 or 84, then 9 digits of which the
 * first is 3, 5, 7, 8 or 9; spaces, dots and hyphens between digits are
 * ignored.  out (11 bytes) gets the national form, "0912345678". */
int
valid_phone(const char *s, size_t n, char out[11])
{
	char	 d[16];
	size_t	 i, k = 0;
	const char *p;

	if (n > 0 && s[0] == '+') {
		s++;
		n--;
		if (n < 2 || s[0] != '8' || s[1] != '4')
			return 0;
	}
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (k == sizeof(d) - 1)
				return 0;
			d[k++] = s[i];
		} else if (!(s[i] == ' ' || s[i] == '.' || s[i] == '-') ||
		    k == 0 || i + 1 == n)
			return 0;
	}
	d[k] = '\0';
	if (k == 10 && d[0] == '0')
		p = d + 1;
	else if (k == 11 && d[0] == '8' && d[1] == '4')
		p = d + 2;
	else
		return 0;
	if (strchr("35789", p[0]) == NULL)
		return 0;
	out[0] = '0';
	memcpy(out + 1, p, 9);
	out[10] = '\0';
	return 1;
}

static int
email_label_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return 1;
}

/* An email address of the common form (ASCII, one '@', a dotted domain);
 * out (outsz >= n + 1) gets it lower-cased. */
int
valid_email(const char *s, size_t n, char *out, size_t outsz)
{
	const char	*at = memchr(s, '@', n), *dom, *dot;
	size_t		 i, local;

	if (at == NULL || n > 254 || outsz < n + 1 || memchr(s, '\0', n) ||
	    memchr(at + 1, '@', n - (size_t)(at - s) - 1) != NULL)
		return 0;
	local = (size_t)(at - s);
	if (local == 0 || local > 64 || s[0] == '.' || at[-1] == '.')
		return 0;
	for (i = 0; i < local; i++)
		if (!(isalnum((unsigned char)s[i]) ||
		    strchr(".!#$%&'*+/=?^_`{|}~-", s[i]) != NULL) ||
		    (s[i] == '.' && s[i + 1] == '.'))
			return 0;
	dom = at + 1;
	for (dot = dom; ; dom = dot + 1) {
		size_t left = n - (size_t)(dom - s);
		dot = memchr(dom, '.', left);
		if (!email_label_ok(dom, dot ? (size_t)(dot - dom) : left))
			return 0;
		if (dot == NULL)
			break;
	}
	if (dom == at + 1 || !isalpha((unsigned char)dom[0]))
		return 0;	/* one label only, or a numeric top level */
	for (i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	return 1;
}

/* A personal ID number (số định danh cá nhân): 12 digits, the first three
 * a province code from 001 to 096. */
int
valid_id_number(const char *s, size_t n)
{
	uint64_t	 prov;

	size_t		 i;

	if (n != 12)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return valid_uint(s, 3, 96, &prov) && prov >= 1;
}

/* A 256-bit token in unpadded base64url: 43 characters. */
int
valid_token(const char *s, size_t n)
{
	size_t	 i;

	if (n != 43)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

/* A path on this site to return to: "/..." but not "//..." or "/\...",
 * one line, at most 512 bytes. */
int
valid_local_path(const char *s, size_t n)
{
	return n >= 1 && n <= 512 && s[0] == '/' &&
	    (n == 1 || (s[1] != '/' && s[1] != '\\')) &&
	    valid_line(s, n, 512);
}

/* An application's code, {unit code}-{yyMMdd}-{NNNN}: five digits, six,
 * four, joined by '-' (e.g. 05860-261130-0001).  The date is not checked
 * as a date: a code that names no application is simply not found. */
int
valid_app_code(const char *s, size_t n)
{
	size_t	i;
	int	ok = n == VALID_UNIT_LEN + 12;

	for (i = 0; ok && i < n; i++)
		ok = i == VALID_UNIT_LEN || i == VALID_UNIT_LEN + 7 ?
		    s[i] == '-' : s[i] >= '0' && s[i] <= '9';
	return ok;
}

/* A procedure's national code: digits in groups of 1-10 separated by
 * single dots, "1.001193"; at most 20 characters (procedures.code). */
int
valid_proc_code(const char *s, size_t n)
{
	size_t	 i, run = 0;

	if (n == 0 || n > 20 || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.' && run > 0)
			run = 0;
		else if (s[i] >= '0' && s[i] <= '9' && run < 10)
			run++;
		else
			return 0;
	}
	return 1;
}

/* 1 when s[0..n) is a media file's public name: 64 lower-case hex digits
 * (its SHA-256), a dot and one of the newsroom's extensions. */
int
valid_media_name(const char *s, size_t n)
{
	static const char *const exts[] = { "jpg", "png", "webp", "pdf" };
	size_t	 i;

	if (n < 66 || strspn(s, "0123456789abcdef") < 64 || s[64] != '.')
		return 0;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (n - 65 == strlen(exts[i]) &&
		    memcmp(s + 65, exts[i], n - 65) == 0)
			return 1;
	return 0;
}
