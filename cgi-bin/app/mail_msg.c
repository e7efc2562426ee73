/* Mail messages as bytes: addresses, the From setting, RFC 2047 encoded
 * words of whole UTF-8 characters, the RFC 5322 date, and the message with
 * its body in base64.  Nothing here sends or stores: mail.c does.  Copies
 * of a body are wiped before they are freed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/mail_msg.h"
#include "core/arena.h"

#define MAIL_MSG_B64_LINE	76	/* RFC 2045 */
/* The smallest encoded word we make: "=?UTF-8?B?", 8 base64, "?=". */
#define MAIL_MSG_WORD_MIN	20

static void
buf_reserve(struct mail_msg *b, size_t n)
{
	size_t	 ncap;
	char	*np;

	if (b->cap - b->len >= n)
		return;
	ncap = b->cap ? b->cap : 256;
	while (ncap - b->len < n)
		ncap *= 2;
	/* Not xrealloc: the old copy must be wiped, not left to the heap. */
	np = xmalloc(ncap);
	if (b->p != NULL) {
		memcpy(np, b->p, b->len);
		sodium_memzero(b->p, b->cap);
		free(b->p);
	}
	b->p = np;
	b->cap = ncap;
}

static void
buf_add(struct mail_msg *b, const void *s, size_t n)
{
	buf_reserve(b, n + 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
buf_str(struct mail_msg *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Wipes and frees the message; b may be built again. */
void
mail_msg_free(struct mail_msg *b)
{
	if (b->p != NULL) {
		sodium_memzero(b->p, b->cap);
		free(b->p);
	}
	memset(b, 0, sizeof(*b));
}

/* Appends the base64 (original variant, padded, no line breaks) of n
 * bytes at in. */
static void
buf_b64(struct mail_msg *b, const void *in, size_t n)
{
	size_t	 sz = sodium_base64_ENCODED_LEN(n,
	    sodium_base64_VARIANT_ORIGINAL);

	if (n == 0)
		return;
	buf_reserve(b, sz);
	sodium_bin2base64(b->p + b->len, sz, in, n,
	    sodium_base64_VARIANT_ORIGINAL);
	b->len += sz - 1;
}

/* Returns 1 when s is an address we send to: printable ASCII without
 * spaces or the characters that delimit addresses in a header, exactly one
 * '@' with something on both sides, at most 254 bytes.  Quoted local parts
 * and internationalised addresses are refused, which also keeps CR, LF and
 * everything else that could forge a header or an SMTP command out. */
int
mail_msg_addr_valid(const char *s)
{
	const char	*p, *at = NULL;

	if (s == NULL)
		return 0;
	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= 0x20 || c >= 0x7f || strchr("<>()[]\\,;:\"", c))
			return 0;
		if (c == '@') {
			if (at != NULL)
				return 0;
			at = p;
		}
	}
	return at != NULL && at > s && at[1] != '\0' &&
	    (size_t)(p - s) <= MAIL_MSG_ADDR_MAX;
}

/* Returns 1 when a message to "to" with this subject and body may be
 * written into a header and sent. */
int
mail_msg_acceptable(const char *to, const char *subject, const char *body)
{
	return mail_msg_addr_valid(to) && subject != NULL && body != NULL &&
	    strpbrk(subject, "\r\n") == NULL;
}

/* Bytes of text an encoded word of at most room characters holds:
 * "=?UTF-8?B?" and "?=" around base64 of whole 3-byte groups. */
static size_t
mail_word_raw(size_t room)
{
	return (room - 12) / 4 * 3;
}

/* Appends s as RFC 2047 encoded words (UTF-8, base64) of whole characters,
 * folded with CRLF SP: the first fits in room characters (what is left of
 * the header's first line of 76; taken as 20 to 75, since a word holds
 * at least two 3-byte groups, so a 4-byte character, and at most 75), the
 * others in 75.  A word ends after a space when one is near, so that a
 * decoder that wrongly keeps the folding white space between words
 * (Python's, in display names) shows a double space rather than a word
 * cut in two. */
void
mail_msg_words(struct mail_msg *b, const char *s, size_t room)
{
	size_t	 n = strlen(s), i = 0, k, sp, max;

	if (room < MAIL_MSG_WORD_MIN)
		room = MAIL_MSG_WORD_MIN;
	if (room > MAIL_MSG_WORD_MAX)
		room = MAIL_MSG_WORD_MAX;
	max = mail_word_raw(room);

	while (i < n) {
		k = n - i > max ? max : n - i;
		if (k < n - i) {
			for (sp = k; sp > k / 2 && s[i + sp - 1] != ' '; sp--)
				continue;
			if (sp > k / 2)
				k = sp;
			while (k > 1 && ((unsigned char)s[i + k] & 0xc0) == 0x80)
				k--;
		}
		if (i > 0)
			buf_str(b, "\r\n ");
		buf_str(b, "=?UTF-8?B?");
		buf_b64(b, s + i, k);
		buf_str(b, "?=");
		i += k;
		max = mail_word_raw(MAIL_MSG_WORD_MAX);
	}
}

/* Appends the RFC 5322 date of t in UTC; names spelled here, since
 * strftime's follow the locale. */
static void
mail_date(struct mail_msg *b, time_t t)
{
	static const char *const wday[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;
	char		 s[64];

	gmtime_r(&t, &tm);
	snprintf(s, sizeof(s), "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    wday[tm.tm_wday], tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_str(b, s);
}

/* Appends the body: canonical CRLF line ends, base64, 76-char lines. */
static void
mail_body(struct mail_msg *m, const char *body)
{
	struct mail_msg	 crlf = { 0 }, b64 = { 0 };
	size_t		 i, n;

	for (i = 0; body[i] != '\0'; i++) {
		if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r'))
			buf_add(&crlf, "\r", 1);
		buf_add(&crlf, &body[i], 1);
	}
	buf_b64(&b64, crlf.p, crlf.len);
	for (i = 0; i < b64.len; i += n) {
		n = b64.len - i > MAIL_MSG_B64_LINE ? MAIL_MSG_B64_LINE :
		    b64.len - i;
		buf_add(m, b64.p + i, n);
		buf_str(m, "\r\n");
	}
	mail_msg_free(&crlf);
	mail_msg_free(&b64);
}

/* Splits from, "Display Name <addr>" or "addr", into the display name
 * (quotes removed; "" when none) and the bare address, both in a.
 * Returns 0 when the address is not valid. */
int
mail_msg_from_parse(struct arena *a, const char *from, char **name,
    char **addr)
{
	const char	*lt = strrchr(from, '<'), *gt, *s = from, *e;

	*name = "";
	if (lt == NULL) {
		while (*s == ' ')
			s++;
		for (e = s + strlen(s); e > s && e[-1] == ' '; e--)
			continue;
		*addr = arena_strndup(a, s, (size_t)(e - s));
		return mail_msg_addr_valid(*addr);
	}
	if ((gt = strchr(lt, '>')) == NULL || strspn(gt + 1, " ") !=
	    strlen(gt + 1))
		return 0;
	*addr = arena_strndup(a, lt + 1, (size_t)(gt - lt - 1));
	while (*s == ' ')
		s++;
	for (e = lt; e > s && e[-1] == ' '; e--)
		continue;
	if (e - s >= 2 && *s == '"' && e[-1] == '"') {
		s++;
		e--;
	}
	*name = arena_strndup(a, s, (size_t)(e - s));
	return mail_msg_addr_valid(*addr) && strpbrk(*name, "\r\n") == NULL;
}

/* Builds the whole message in m: headers (Date from t, a random
 * Message-ID), a blank line, the body.  name is the display name ("" for
 * none), from and to bare addresses, all checked by the caller
 * (mail_msg_from_parse, mail_msg_acceptable). */
void
mail_msg_build(struct mail_msg *m, const char *name, const char *from,
    const char *to, const char *subject, const char *body, time_t t)
{
	unsigned char	 rnd[16];
	char		 hex[sizeof(rnd) * 2 + 1];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	buf_str(m, "Date: ");
	mail_date(m, t);
	buf_str(m, "\r\nFrom: ");
	if (*name != '\0') {
		mail_msg_words(m, name, MAIL_MSG_LINE_MAX - strlen("From: "));
		buf_str(m, "\r\n ");
	}
	buf_str(m, "<");
	buf_str(m, from);
	buf_str(m, ">\r\nTo: ");
	buf_str(m, to);
	buf_str(m, "\r\nSubject: ");
	mail_msg_words(m, subject, MAIL_MSG_LINE_MAX - strlen("Subject: "));
	buf_str(m, "\r\nMessage-ID: <");
	buf_str(m, hex);
	buf_str(m, strchr(from, '@'));
	buf_str(m, ">\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n");
	mail_body(m, body);
}
