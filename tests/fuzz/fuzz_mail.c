/* libFuzzer target: the message-building half of mail (app/mail_msg.c).
 * Input: one byte of room for mail_msg_words, then the From setting, the
 * recipient, the subject and the body, separated by NUL bytes (missing
 * ones empty).  What is accepted must come out as a message whose header
 * lines all end in CRLF with no other CR or LF, in the fixed order, each
 * once; encoded words of at most 75 characters that decode to the subject
 * and the display name, cut between whole characters; lines within 76
 * characters where they hold encoded words or the body, 998 anywhere; the
 * addresses exactly as given. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/mail_msg.h"
#include "core/arena.h"
#include "core/valid.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

#define FZ_FIELDS	4	/* from, to, subject, body */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The header fields of a message, in their order. */
static const char *const fz_names[] = {
	"Date", "From", "To", "Subject", "Message-ID", "MIME-Version",
	"Content-Type", "Content-Transfer-Encoding", "Auto-Submitted",
};

#define FZ_NAMES	(sizeof(fz_names) / sizeof(fz_names[0]))

/* One piece of the message. */
struct fz_span {
	const char	*p;
	size_t		 n;
};

/* Decodes the folded encoded words of v (pieces "=?UTF-8?B?...?="
 * separated by CRLF SP), the first at most first characters long, the
 * others 75, and compares their text with want; whole characters when
 * want is valid UTF-8. */
static void
fz_words(struct fz_span v, size_t first, const char *want)
{
	unsigned char	 bin[64];
	size_t		 max = first, wn, binlen, off = 0;
	const char	*e;
	int		 utf8 = valid_utf8(want, strlen(want));

	while (v.n > 0) {
		e = memmem(v.p, v.n, "\r\n ", 3);
		wn = e != NULL ? (size_t)(e - v.p) : v.n;
		FZ_CHECK(wn <= max && wn >= 12);
		FZ_CHECK(memcmp(v.p, "=?UTF-8?B?", 10) == 0 &&
		    memcmp(v.p + wn - 2, "?=", 2) == 0);
		FZ_CHECK(sodium_base642bin(bin, sizeof(bin), v.p + 10, wn - 12,
		    NULL, &binlen, NULL, sodium_base64_VARIANT_ORIGINAL) == 0);
		FZ_CHECK(binlen > 0 && off + binlen <= strlen(want) &&
		    memcmp(want + off, bin, binlen) == 0);
		FZ_CHECK(!utf8 || valid_utf8((const char *)bin, binlen));
		off += binlen;
		max = MAIL_MSG_WORD_MAX;
		wn += e != NULL ? 3 : 0;
		FZ_CHECK(e == NULL || wn < v.n);	/* no fold at the end */
		v.p += wn;
		v.n -= wn;
	}
	FZ_CHECK(off == strlen(want));
}

/* mail_msg_words alone: room 0..255, clamped by the function to what an
 * encoded word can be. */
static void
fz_words_alone(const char *s, size_t room)
{
	struct mail_msg	 m = { 0 };
	size_t		 lo = room < 20 ? 20 : room > 75 ? 75 : room;

	mail_msg_words(&m, s, room);
	if (m.p != NULL)
		fz_words((struct fz_span){ m.p, m.len }, lo, s);
	else
		FZ_CHECK(*s == '\0');
	mail_msg_free(&m);
}

/* Is p[0..ln) a header line that carries an address: To, the From
 * address line (alone or after a display name) or the Message-ID? */
static int
fz_address_line(const char *p, size_t ln)
{
	static const char *const starts[] = { "To: ", " <", "From: <",
	    "Message-ID: <" };
	size_t	 i;

	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (ln >= strlen(starts[i]) &&
		    memcmp(p, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

/* Splits the header section into fields (a field: its first line and its
 * continuation lines); checks line ends and lengths.  Returns the number
 * of fields. */
static size_t
fz_fields(struct fz_span h, struct fz_span *val)
{
	size_t		 i, nf = 0, ln, namelen;
	const char	*p = h.p, *end = h.p + h.n, *e;

	for (; p < end; p = e + 2) {
		e = memmem(p, (size_t)(end - p), "\r\n", 2);
		FZ_CHECK(e != NULL);
		ln = (size_t)(e - p);
		FZ_CHECK(memchr(p, '\r', ln) == NULL &&
		    memchr(p, '\n', ln) == NULL);
		FZ_CHECK(ln <= 998);
		/* Lines of encoded words keep within 76 characters; only a
		 * line carrying an address (which may hold "=?" itself, and
		 * is never encoded) may be longer. */
		FZ_CHECK(ln <= MAIL_MSG_LINE_MAX || fz_address_line(p, ln));
		if (*p == ' ') {	/* a continuation line */
			FZ_CHECK(nf > 0);
			val[nf - 1].n = (size_t)(e - val[nf - 1].p);
			continue;
		}
		FZ_CHECK(nf < FZ_NAMES);
		namelen = strlen(fz_names[nf]);
		FZ_CHECK(ln >= namelen + 2 && memcmp(p, fz_names[nf],
		    namelen) == 0 && memcmp(p + namelen, ": ", 2) == 0);
		val[nf].p = p + namelen + 2;
		val[nf].n = (size_t)(e - val[nf].p);
		nf++;
	}
	for (i = 0; i < nf; i++)
		FZ_CHECK(val[i].p + val[i].n <= end);
	return nf;
}

/* The body: base64 lines of at most 76 characters, each ending in CRLF,
 * that decode to body with every bare LF made CRLF. */
static void
fz_body(struct fz_span b, const char *body)
{
	size_t		 i, n = 0, ln, binlen;
	char		*b64 = malloc(b.n + 1), *want, *bin;
	const char	*p, *e;

	want = malloc(strlen(body) * 2 + 1);
	bin = malloc(b.n + 1);
	if (b64 == NULL || want == NULL || bin == NULL)
		abort();
	for (p = b.p; p < b.p + b.n; p = e + 2) {
		e = memmem(p, (size_t)(b.p + b.n - p), "\r\n", 2);
		FZ_CHECK(e != NULL);
		ln = (size_t)(e - p);
		FZ_CHECK(ln > 0 && ln <= 76);
		memcpy(b64 + n, p, ln);
		n += ln;
	}
	for (i = 0, ln = 0; body[i] != '\0'; i++) {
		if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r'))
			want[ln++] = '\r';
		want[ln++] = body[i];
	}
	FZ_CHECK(sodium_base642bin((unsigned char *)bin, b.n + 1, b64, n,
	    NULL, &binlen, NULL, sodium_base64_VARIANT_ORIGINAL) == 0);
	FZ_CHECK(binlen == ln && memcmp(bin, want, ln) == 0);
	free(b64);
	free(want);
	free(bin);
}

/* From: the display name's encoded words folded before the address, or
 * the address alone; the address exactly as parsed. */
static void
fz_from(struct fz_span v, const char *name, const char *addr)
{
	size_t	 an = strlen(addr) + 2;

	FZ_CHECK(v.n >= an && v.p[v.n - an] == '<' && v.p[v.n - 1] == '>' &&
	    memcmp(v.p + v.n - an + 1, addr, an - 2) == 0);
	if (*name == '\0') {
		FZ_CHECK(v.n == an);
		return;
	}
	FZ_CHECK(v.n >= an + 3 && memcmp(v.p + v.n - an - 3, "\r\n ", 3) ==
	    0);
	v.n -= an + 3;
	fz_words(v, MAIL_MSG_LINE_MAX - strlen("From: "), name);
}

/* The whole message for an accepted From setting and message. */
static void
fz_message(const char *name, const char *addr, const char *to,
    const char *subject, const char *body, time_t t)
{
	struct mail_msg	 m = { 0 };
	struct fz_span	 val[FZ_NAMES];
	const char	*sep;
	size_t		 hn;

	mail_msg_build(&m, name, addr, to, subject, body, t);
	FZ_CHECK(m.p != NULL && strlen(m.p) == m.len);
	sep = strstr(m.p, "\r\n\r\n");
	FZ_CHECK(sep != NULL);
	hn = (size_t)(sep - m.p) + 2;
	FZ_CHECK(fz_fields((struct fz_span){ m.p, hn }, val) == FZ_NAMES);
	fz_from(val[1], name, addr);
	FZ_CHECK(val[2].n == strlen(to) && memcmp(val[2].p, to,
	    val[2].n) == 0);
	fz_words(val[3], MAIL_MSG_LINE_MAX - strlen("Subject: "), subject);
	FZ_CHECK(val[4].n == 34 + strlen(strchr(addr, '@')) &&
	    val[4].p[0] == '<' && val[4].p[33] == '@' &&
	    strspn(val[4].p + 1, "0123456789abcdef") == 32 &&
	    memcmp(val[4].p + 33, strchr(addr, '@'), val[4].n - 34) == 0 &&
	    val[4].p[val[4].n - 1] == '>');
	fz_body((struct fz_span){ sep + 4, m.len - hn - 2 }, body);
	mail_msg_free(&m);
}

/* The From setting: a valid address taken as it is written, between the
 * last '<' and its '>' or with the spaces around it removed; a display
 * name without CR or LF, taken from the setting. */
static int
fz_from_parse(struct arena *a, const char *from, char **name, char **addr)
{
	const char	*lt = strrchr(from, '<');
	size_t		 lead;
	int		 ok;

	ok = mail_msg_from_parse(a, from, name, addr);
	if (!ok)
		return 0;
	FZ_CHECK(mail_msg_addr_valid(*addr) && strstr(from, *addr) != NULL);
	FZ_CHECK(strpbrk(*name, "\r\n") == NULL);
	FZ_CHECK(**name == '\0' || strstr(from, *name) != NULL);
	if (lt != NULL)
		FZ_CHECK(strncmp(lt + 1, *addr, strlen(*addr)) == 0 &&
		    lt[1 + strlen(*addr)] == '>');
	else {
		lead = strspn(from, " ");
		FZ_CHECK(**name == '\0' && strncmp(from + lead, *addr,
		    strlen(*addr)) == 0);
		FZ_CHECK(lead + strlen(*addr) + strspn(from + lead +
		    strlen(*addr), " ") == strlen(from));
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a;
	char		*f[FZ_FIELDS], *buf, *p, *name, *addr;
	size_t		 i;

	if (size == 0)
		return 0;
	if ((buf = malloc(size + FZ_FIELDS)) == NULL)
		abort();
	memcpy(buf, data + 1, size - 1);
	memset(buf + size - 1, 0, FZ_FIELDS + 1);
	for (i = 0, p = buf; i < FZ_FIELDS; i++) {
		f[i] = p;
		p += strlen(p);
		if (p < buf + size - 1)		/* a separator, not the end */
			p++;
	}
	a = arena_new();
	fz_words_alone(f[2], data[0]);
	if (fz_from_parse(a, f[0], &name, &addr) &&
	    mail_msg_acceptable(f[1], f[2], f[3])) {
		FZ_CHECK(mail_msg_addr_valid(f[1]) &&
		    strpbrk(f[2], "\r\n") == NULL);
		fz_message(name, addr, f[1], f[2], f[3],
		    (time_t)(size * 86413u % 4102444800u));
	}
	arena_free(a);
	free(buf);
	return 0;
}
