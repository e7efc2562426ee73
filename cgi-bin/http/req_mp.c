/* Streamed multipart/form-data (RFC 7578): parts' headers parsed under
 * limits, values kept in the arena, files spooled to temporary files that
 * are removed with the arena.  Nothing here knows FastCGI.
 *
 * What clients send, as decided in issue 15 (tests/unit/mp holds bodies
 * captured from Chromium, urllib3, requests and Python's email package):
 * names and file names are read with RFC quoted-pairs and, when that does
 * not parse, as the HTML standard writes them (a trailing backslash);
 * %22, %0D and %0A in them are undone, and a CR or LF is then refused like
 * any control character; filename*= (UTF-8) names a file, continuations
 * (filename*0=) are refused; a backslash is a path separator only in a
 * Windows path.  LF-only line ends and folded header lines are refused;
 * Content-Transfer-Encoding is not undone.  A full or failing spool is
 * REQ_SPOOL (503) and leaves no file behind. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/sha256.h"
#include "core/valid.h"
#include "http/req.h"
#include "http/req_impl.h"

#define MP_BUF		(16 * 1024)	/* multipart stream buffer */
#define MP_HEADER_MAX	(8 * 1024)	/* header block of one part */
#define MP_BOUNDARY_MAX	70		/* RFC 2046 */
#define MP_VAL0		256		/* first allocation of a value */
#define HDR_PARAMS_MAX	8		/* parameters in one header value */

/* A read position in a header value. */
struct cur {
	const char	*p;
	const char	*end;
};

struct hdr_param {
	const char	*name;		/* in the header, not terminated */
	size_t		 nlen;
	char		*val;		/* unquoted, NUL-terminated, arena */
	size_t		 vlen;
};

/* A parsed `type/sub; name=value; name="value"` header value. */
struct hdr {
	const char		*type;
	size_t			 tlen;
	struct hdr_param	 p[HDR_PARAMS_MAX];
	size_t			 np;
};

/* The multipart stream: buf[off..len) holds unconsumed body bytes. */
struct mp {
	struct arena		*a;
	req_read_fn		 read;
	void			*ctx;
	const struct req_limits	*lim;
	char			*buf;
	size_t			 off;
	size_t			 len;
	size_t			 total;		/* body bytes read so far */
	char			 delim[4 + MP_BOUNDARY_MAX]; /* CRLF--boundary */
	size_t			 dlen;
};

/* What the headers of one part said. */
struct mp_part {
	char		*name;
	char		*filename;	/* basename, or NULL if no parameter */
	char		*ctype;
	int		 has_cd;
};

/* Where part data goes: a value in memory, a temporary file, nowhere. */
typedef enum req_err (*mp_sink)(void *, const char *, size_t);

struct mp_val {
	struct arena	*a;
	char		*p;
	size_t		 n;
	size_t		 cap;
	size_t		 max;
};

struct mp_file {
	struct arena	*a;
	int		 fd;
	size_t		 size;
	size_t		 max;
	ssize_t		(*write)(int, const void *, size_t);
	/* The bytes are hashed and their start kept as they are written,
	 * so that nobody reads the file again for that. */
	struct sha256	*sha;
	char		*head;		/* headcap bytes, at most REQ_HEAD_MAX */
	size_t		 headlen;
	size_t		 headcap;
};

static void
cur_ows(struct cur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

/* Consumes a token; returns its length. */
static size_t
cur_token(struct cur *c)
{
	const char	*start = c->p;

	while (c->p < c->end && req_tchar(*c->p))
		c->p++;
	return (size_t)(c->p - start);
}

/* Consumes a quoted-string into NUL-terminated arena memory.  With esc,
 * a backslash escapes '"' and '\\' (RFC 9110; Go and Python's email
 * package write them so) and no other character, so that "C:\dir\f.txt"
 * keeps its separators; without, a backslash is an ordinary character and
 * the first '"' ends the string (the HTML standard, which browsers and
 * urllib3 follow). */
static enum req_err
cur_quoted(struct arena *a, struct cur *c, int esc, char **out,
    size_t *outlen)
{
	char		*d = arena_alloc(a, (size_t)(c->end - c->p));
	size_t		 n = 0;
	enum req_err	 rc = REQ_MALFORMED;

	for (c->p++; c->p < c->end && *c->p != '"'; c->p++) {
		if (esc && *c->p == '\\' && c->end - c->p > 1 &&
		    (c->p[1] == '"' || c->p[1] == '\\'))
			c->p++;
		d[n++] = *c->p;
	}
	if (c->p == c->end)
		goto out;
	c->p++;
	d[n] = '\0';
	*out = d;
	*outlen = n;
	rc = REQ_OK;
out:
	return rc;
}

/* Consumes `name = (token | quoted-string)` into p; esc as for
 * cur_quoted. */
static enum req_err
hdr_param(struct arena *a, struct cur *c, int esc, struct hdr_param *p)
{
	const char	*start;
	enum req_err	 rc = REQ_MALFORMED;

	p->name = c->p;
	if ((p->nlen = cur_token(c)) == 0)
		goto out;
	cur_ows(c);
	if (c->p == c->end || *c->p++ != '=')
		goto out;
	cur_ows(c);
	if (c->p < c->end && *c->p == '"') {
		rc = cur_quoted(a, c, esc, &p->val, &p->vlen);
		goto out;
	}
	start = c->p;
	if ((p->vlen = cur_token(c)) == 0)
		goto out;
	p->val = arena_strndup(a, start, p->vlen);
	rc = REQ_OK;
out:
	return rc;
}

/* Parses `type[/subtype] *(; param)` (Content-Type, Content-Disposition)
 * into h; parameter values live in the arena; esc as for cur_quoted. */
static enum req_err
hdr_parse(struct arena *a, const char *s, size_t n, int esc, struct hdr *h)
{
	struct cur	 c = { s, s + n };
	enum req_err	 rc = REQ_MALFORMED;

	h->np = 0;
	cur_ows(&c);
	h->type = c.p;
	if (cur_token(&c) == 0)
		goto out;
	if (c.p < c.end && *c.p == '/') {
		c.p++;
		if (cur_token(&c) == 0)
			goto out;
	}
	h->tlen = (size_t)(c.p - h->type);
	for (rc = REQ_OK; rc == REQ_OK; ) {
		cur_ows(&c);
		if (c.p == c.end)
			break;
		rc = REQ_MALFORMED;
		if (*c.p++ != ';')
			break;
		cur_ows(&c);
		if (c.p == c.end)
			rc = REQ_OK;	/* a trailing ';' */
		else if (h->np < HDR_PARAMS_MAX)
			rc = hdr_param(a, &c, esc, &h->p[h->np++]);
	}
out:
	return rc;
}

/* Finds parameter name (any case) in h: *out is NULL when absent; a
 * parameter given twice is REQ_MALFORMED. */
static enum req_err
hdr_get(const struct hdr *h, const char *name, const struct hdr_param **out)
{
	size_t		 i;
	enum req_err	 rc = REQ_OK;

	*out = NULL;
	for (i = 0; i < h->np && rc == REQ_OK; i++) {
		if (!req_ci_eq(h->p[i].name, h->p[i].nlen, name))
			continue;
		if (*out != NULL)
			rc = REQ_MALFORMED;
		*out = &h->p[i];
	}
	return rc;
}

/* 1 if b is an RFC 2046 boundary: 1..70 bchars, not ending in a space. */
static int
mp_boundary_valid(const char *b, size_t n)
{
	size_t	i;
	int	ok = n > 0 && n <= MP_BOUNDARY_MAX && b[n - 1] != ' ';

	for (i = 0; ok && i < n; i++)
		ok = (b[i] >= 'a' && b[i] <= 'z') ||
		    (b[i] >= 'A' && b[i] <= 'Z') ||
		    (b[i] >= '0' && b[i] <= '9') ||
		    (b[i] != '\0' && strchr("'()+_,-./:=? ", b[i]) != NULL);
	return ok;
}

/* Reads the boundary out of the Content-Type header and sets up m. */
static enum req_err
mp_init(struct mp *m, struct arena *a, const char *ctype)
{
	struct hdr		 h;
	const struct hdr_param	*b;
	enum req_err		 rc = REQ_MALFORMED;

	if (ctype == NULL)
		goto out;
	if ((rc = hdr_parse(a, ctype, strlen(ctype), 1, &h)) != REQ_OK ||
	    (rc = hdr_get(&h, "boundary", &b)) != REQ_OK)
		goto out;
	rc = REQ_MALFORMED;
	if (!req_ci_eq(h.type, h.tlen, "multipart/form-data") || b == NULL ||
	    !mp_boundary_valid(b->val, b->vlen))
		goto out;
	memcpy(m->delim, "\r\n--", 4);
	memcpy(m->delim + 4, b->val, b->vlen);
	m->dlen = 4 + b->vlen;
	m->a = a;
	m->buf = arena_alloc(a, MP_BUF);
	/* A body may open with the delimiter without the CRLF before it. */
	memcpy(m->buf, "\r\n", 2);
	m->off = 0;
	m->len = 2;
	m->total = 0;
	rc = REQ_OK;
out:
	return rc;
}

/* Reads more of the body, never past body_max in total.  Returns
 * REQ_MALFORMED at end of input (a part or delimiter is unfinished). */
static enum req_err
mp_fill(struct mp *m)
{
	size_t		 want;
	ssize_t		 got;
	enum req_err	 rc = REQ_TOOLARGE;

	if (m->off == m->len)
		m->off = m->len = 0;
	else if (m->len == MP_BUF) {
		memmove(m->buf, m->buf + m->off, m->len - m->off);
		m->len -= m->off;
		m->off = 0;
	}
	want = m->lim->body_max - m->total;
	if (want > MP_BUF - m->len)
		want = MP_BUF - m->len;
	if (want == 0)
		goto out;
	rc = REQ_IO;
	if ((got = m->read(m->ctx, m->buf + m->len, want)) < 0 ||
	    (size_t)got > want)
		goto out;
	rc = REQ_MALFORMED;
	if (got == 0)
		goto out;
	m->len += (size_t)got;
	m->total += (size_t)got;
	rc = REQ_OK;
out:
	return rc;
}

/* Buffers at least n unconsumed bytes. */
static enum req_err
mp_ensure(struct mp *m, size_t n)
{
	enum req_err	rc = REQ_OK;

	while (rc == REQ_OK && m->len - m->off < n)
		rc = mp_fill(m);
	return rc;
}

/* Passes the bytes up to the next delimiter to sink and consumes the
 * delimiter.  Holds back dlen - 1 bytes that may start a delimiter. */
static enum req_err
mp_scan(struct mp *m, mp_sink sink, void *arg)
{
	const char	*start, *hit;
	size_t		 avail, give;
	enum req_err	 rc = REQ_OK;

	while (rc == REQ_OK) {
		start = m->buf + m->off;
		avail = m->len - m->off;
		if ((hit = memmem(start, avail, m->delim, m->dlen)) != NULL) {
			rc = sink(arg, start, (size_t)(hit - start));
			m->off += (size_t)(hit - start) + m->dlen;
			break;
		}
		if (avail >= m->dlen) {
			give = avail - (m->dlen - 1);
			rc = sink(arg, start, give);
			m->off += give;
		}
		if (rc == REQ_OK)
			rc = mp_fill(m);
	}
	return rc;
}

/* After a delimiter: "--" closes the body (*last = 1); otherwise optional
 * transport padding and CRLF open the next part. */
static enum req_err
mp_delim_end(struct mp *m, int *last)
{
	enum req_err	rc;

	if ((rc = mp_ensure(m, 2)) != REQ_OK)
		goto out;
	if (memcmp(m->buf + m->off, "--", 2) == 0) {
		*last = 1;
		m->off += 2;
		goto out;
	}
	while ((rc = mp_ensure(m, 1)) == REQ_OK &&
	    (m->buf[m->off] == ' ' || m->buf[m->off] == '\t'))
		m->off++;
	if (rc != REQ_OK || (rc = mp_ensure(m, 2)) != REQ_OK)
		goto out;
	if (memcmp(m->buf + m->off, "\r\n", 2) == 0)
		m->off += 2;
	else
		rc = REQ_MALFORMED;
out:
	return rc;
}

/* Consumes the next header line; *line points into the buffer (valid
 * until the next read) and excludes the CRLF.  *budget is what is left of
 * the header block. */
static enum req_err
mp_line(struct mp *m, size_t *budget, const char **line, size_t *len)
{
	const char	*crlf;
	size_t		 avail;
	enum req_err	 rc = REQ_OK;

	for (;;) {
		avail = m->len - m->off;
		crlf = memmem(m->buf + m->off, avail, "\r\n", 2);
		if (crlf != NULL || avail >= *budget)
			break;
		if ((rc = mp_fill(m)) != REQ_OK)
			goto out;
	}
	rc = REQ_TOOLARGE;
	if (crlf == NULL || (size_t)(crlf - (m->buf + m->off)) + 2 > *budget)
		goto out;
	*line = m->buf + m->off;
	*len = (size_t)(crlf - *line);
	*budget -= *len + 2;
	m->off += *len + 2;
	rc = REQ_OK;
out:
	return rc;
}

/* Undoes in place the HTML standard's escaping of a name or file name:
 * "%22", "%0D" and "%0A" become '"', CR and LF, which a browser cannot
 * put in its quoted-string.  Nothing else is escaped, '%' included, so
 * any other '%' stays as sent (and a name that really holds "%22" reads
 * as '"': the standard leaves no way to tell). */
static void
mp_unescape(char *s, size_t *n)
{
	size_t	 i, j = 0;
	char	 c;

	for (i = 0; i < *n; i++) {
		c = s[i];
		if (c == '%' && *n - i >= 3) {
			if (s[i + 1] == '2' && s[i + 2] == '2')
				c = '"';
			else if (s[i + 1] == '0' && s[i + 2] == 'D')
				c = '\r';
			else if (s[i + 1] == '0' && s[i + 2] == 'A')
				c = '\n';
			if (c != '%')
				i += 2;
		}
		s[j++] = c;
	}
	s[j] = '\0';
	*n = j;
}

/* Keeps the last path component of a client's file name.  Browsers send
 * the name alone, in which a backslash is an ordinary character (a file
 * made on Linux may be called "du-lieu\"); only a Windows path, as old
 * Internet Explorer sent it ("C:\dir\f.txt", "\\host\share\f.txt",
 * "\dir\f.txt": a backslash first), is cut at backslashes.  An empty
 * name stays empty (no file chosen); ".", ".." and a trailing separator
 * are refused, and so are control characters (a CR or LF sent as %0D or
 * %0A included). */
static enum req_err
mp_basename(char *fn, size_t n, char **out)
{
	size_t		 i, start = 0;
	int		 win;
	enum req_err	 rc = REQ_BADUTF8;

	if (!req_text_clean(fn, n))
		goto out;
	win = (n > 2 && isalpha((unsigned char)fn[0]) && fn[1] == ':' &&
	    fn[2] == '\\') || (n > 0 && fn[0] == '\\');
	for (i = 0; i < n; i++)
		if (fn[i] == '/' || (win && fn[i] == '\\'))
			start = i + 1;
	rc = REQ_MALFORMED;
	if (n > 0 && (start == n || strcmp(fn + start, ".") == 0 ||
	    strcmp(fn + start, "..") == 0))
		goto out;
	*out = fn + start;
	rc = REQ_OK;
out:
	return rc;
}

/* Decodes the RFC 8187 ext-value v (`UTF-8''b%E1%BA%A3n.pdf`, which is
 * how Python's email package writes a name that is not ASCII) into *out,
 * NUL-terminated arena memory.  Only UTF-8 is taken; the language is
 * ignored. */
static enum req_err
mp_ext_value(struct arena *a, const struct hdr_param *v, char **out,
    size_t *outlen)
{
	const char	*q1, *q2, *end = v->val + v->vlen;
	enum req_err	 rc = REQ_MALFORMED;

	if ((q1 = memchr(v->val, '\'', v->vlen)) == NULL ||
	    (q2 = memchr(q1 + 1, '\'', (size_t)(end - q1 - 1))) == NULL ||
	    !req_ci_eq(v->val, (size_t)(q1 - v->val), "utf-8") ||
	    !req_pctdecode(a, q2 + 1, (size_t)(end - q2 - 1), 0, out, outlen))
		goto out;
	rc = REQ_OK;
out:
	return rc;
}

/* 1 if h holds an RFC 2231 continuation of the file name (filename*0=,
 * filename*1*=...), which would leave a file without its name. */
static int
mp_continued(const struct hdr *h)
{
	size_t	 i;
	int	 found = 0;

	for (i = 0; i < h->np; i++)
		found |= h->p[i].nlen > 9 &&
		    strncasecmp(h->p[i].name, "filename*", 9) == 0;
	return found;
}

/* Reads the file name of a part into pt: filename*= (RFC 8187) over
 * filename=, which is unescaped as browsers escape it. */
static enum req_err
mp_filename(struct arena *a, const struct hdr *h, struct mp_part *pt)
{
	const struct hdr_param	*fn, *fnx;
	char			*v;
	size_t			 n;
	enum req_err		 rc;

	if ((rc = hdr_get(h, "filename", &fn)) != REQ_OK ||
	    (rc = hdr_get(h, "filename*", &fnx)) != REQ_OK)
		goto out;
	rc = REQ_MALFORMED;
	if (mp_continued(h))
		goto out;
	rc = REQ_OK;
	if (fnx != NULL)
		rc = mp_ext_value(a, fnx, &v, &n);
	else if (fn != NULL) {
		v = fn->val;
		n = fn->vlen;
		mp_unescape(v, &n);
	} else
		goto out;
	if (rc == REQ_OK)
		rc = mp_basename(v, n, &pt->filename);
out:
	return rc;
}

/* Parses `form-data; name="..."[; filename="..."]` into pt.  The header
 * is read as RFC 9110 writes quoted-strings, and when that does not
 * parse, as the HTML standard does (see cur_quoted): a browser's
 * name="a\" parses only the second way, Python's filename="say \"hi\""
 * only the first.  A name is clean text, like a file name. */
static enum req_err
mp_disposition(struct arena *a, const char *s, size_t n, struct mp_part *pt)
{
	struct hdr		 h;
	const struct hdr_param	*name;
	size_t			 nlen;
	enum req_err		 rc;

	if (hdr_parse(a, s, n, 1, &h) != REQ_OK &&
	    (rc = hdr_parse(a, s, n, 0, &h)) != REQ_OK)
		goto out;
	if ((rc = hdr_get(&h, "name", &name)) != REQ_OK)
		goto out;
	rc = REQ_MALFORMED;
	if (!req_ci_eq(h.type, h.tlen, "form-data") || name == NULL ||
	    name->vlen == 0)
		goto out;
	nlen = name->vlen;
	mp_unescape(name->val, &nlen);
	rc = REQ_BADUTF8;
	if (!req_text_clean(name->val, nlen))
		goto out;
	pt->name = name->val;
	rc = mp_filename(a, &h, pt);
out:
	return rc;
}

/* Parses one header line of a part into pt; other headers are ignored.
 * Control characters (a bare CR or LF included) and folding are refused. */
static enum req_err
mp_header(struct arena *a, const char *s, size_t n, struct mp_part *pt)
{
	const char	*colon = memchr(s, ':', n), *v;
	size_t		 i, nlen, vlen;
	enum req_err	 rc = REQ_MALFORMED;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') ||
		    s[i] == 0x7F)
			goto out;
	nlen = colon != NULL ? (size_t)(colon - s) : 0;
	if (colon == NULL || !req_token_valid(s, nlen))
		goto out;
	vlen = n - nlen - 1;
	v = req_ows_trim(colon + 1, &vlen);
	if (req_ci_eq(s, nlen, "content-disposition")) {
		if (pt->has_cd++ == 0)
			rc = mp_disposition(a, v, vlen, pt);
	} else if (req_ci_eq(s, nlen, "content-type")) {
		if (pt->ctype != NULL)
			goto out;
		rc = REQ_BADUTF8;
		if (!valid_utf8(v, vlen))
			goto out;
		pt->ctype = arena_strndup(a, v, vlen);
		rc = REQ_OK;
	} else
		rc = REQ_OK;
out:
	return rc;
}

/* Reads the header block of a part, up to its empty line. */
static enum req_err
mp_headers(struct mp *m, struct mp_part *pt)
{
	const char	*line;
	size_t		 budget = MP_HEADER_MAX, len;
	enum req_err	 rc;

	while ((rc = mp_line(m, &budget, &line, &len)) == REQ_OK && len > 0)
		if ((rc = mp_header(m->a, line, len, pt)) != REQ_OK)
			break;
	if (rc == REQ_OK && pt->name == NULL)
		rc = REQ_MALFORMED;
	return rc;
}

static enum req_err
mp_sink_discard(void *arg, const char *p, size_t n)
{
	(void)arg;
	(void)p;
	(void)n;
	return REQ_OK;
}

/* Appends to a value, growing it by doubling up to max + 1 bytes. */
static enum req_err
mp_sink_val(void *arg, const char *p, size_t n)
{
	struct mp_val	*v = arg;
	char		*np;
	size_t		 cap;
	enum req_err	 rc = REQ_TOOLARGE;

	if (n > v->max - v->n)
		goto out;
	if (v->n + n + 1 > v->cap) {
		cap = v->cap > MP_VAL0 / 2 ? v->cap * 2 : MP_VAL0;
		if (cap < v->n + n + 1)
			cap = v->n + n + 1;
		if (cap > v->max + 1)
			cap = v->max + 1;
		np = arena_alloc(v->a, cap);
		if (v->n > 0)
			memcpy(np, v->p, v->n);
		v->p = np;
		v->cap = cap;
	}
	if (n > 0)
		memcpy(v->p + v->n, p, n);
	v->n += n;
	rc = REQ_OK;
out:
	return rc;
}

/* Keeps the file's first bytes, up to REQ_HEAD_MAX, from the n at p: the
 * buffer grows as they come (doubling), so that many small files do not
 * take REQ_HEAD_MAX each. */
static void
mp_head_keep(struct mp_file *f, const char *p, size_t n)
{
	size_t	 want, cap;
	char	*np;

	if (f->headlen >= REQ_HEAD_MAX || n == 0)
		return;
	want = n < REQ_HEAD_MAX - f->headlen ? f->headlen + n : REQ_HEAD_MAX;
	if (want > f->headcap) {
		cap = f->headcap * 2 > want ? f->headcap * 2 : want;
		if (cap > REQ_HEAD_MAX)
			cap = REQ_HEAD_MAX;
		np = arena_alloc(f->a, cap);
		if (f->headlen > 0)
			memcpy(np, f->head, f->headlen);
		f->head = np;
		f->headcap = cap;
	}
	memcpy(f->head + f->headlen, p, want - f->headlen);
	f->headlen = want;
}

/* Appends to the temporary file, up to max bytes in all.  A file over
 * the process's file size limit is too large (413); a full spool or any
 * other write error is the server's (503), errno telling which. */
static enum req_err
mp_sink_file(void *arg, const char *p, size_t n)
{
	struct mp_file	*f = arg;
	ssize_t		 w = 0;
	enum req_err	 rc = REQ_TOOLARGE;

	if (n > f->max - f->size)
		goto out;
	mp_head_keep(f, p, n);
	sha256_update(f->sha, p, n);
	while (n > 0) {
		if ((w = f->write(f->fd, p, n)) < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		n -= (size_t)w;
		f->size += (size_t)w;
	}
	if (n == 0)
		rc = REQ_OK;
	else if (w == 0 || errno != EFBIG) {
		if (w == 0)
			errno = ENOSPC;
		rc = REQ_SPOOL;
	}
out:
	return rc;
}

/* Removes a spooled file, once: an emptied path is one already gone, so
 * that a later call cannot remove another request's file of the same
 * name.  errno is kept for the caller's message. */
static void
mp_unlink(void *arg)
{
	char	*path = arg;
	int	 e = errno;

	if (path[0] != '\0')
		(void)unlink(path);
	path[0] = '\0';
	errno = e;
}

/* Reads a non-file part's data as a strict UTF-8 value. */
static enum req_err
mp_value(struct mp *m, const struct mp_part *pt, struct req_kvlist *l)
{
	struct mp_val	 v = { m->a, NULL, 0, 0, m->lim->value_max };
	struct req_kv	*kv;
	enum req_err	 rc;

	if ((rc = mp_scan(m, mp_sink_val, &v)) != REQ_OK)
		goto out;
	if (v.p == NULL)
		v.p = arena_alloc(m->a, 1);
	v.p[v.n] = '\0';
	rc = REQ_BADUTF8;
	if (!valid_utf8(v.p, v.n))
		goto out;
	kv = req_kv_add(m->a, l);
	kv->key = pt->name;
	kv->val = v.p;
	kv->vlen = v.n;
	kv->ctype = pt->ctype;
	rc = REQ_OK;
out:
	return rc;
}

/* The entry of spooled file f at path: its SHA-256 and first bytes.
 * Returns REQ_OK, or REQ_SPOOL when the hash failed (out of memory). */
static enum req_err
mp_file_kv(struct mp *m, const struct mp_part *pt, struct req_kvlist *l,
    struct mp_file *f, const char *path)
{
	char		*hex = arena_alloc(m->a, SHA256_HEX_LEN);
	struct req_kv	*kv;

	if (!sha256_final(f->sha, hex)) {
		errno = ENOMEM;
		return REQ_SPOOL;
	}
	kv = req_kv_add(m->a, l);
	kv->key = pt->name;
	kv->filename = pt->filename;
	kv->ctype = pt->ctype;
	kv->path = path;
	kv->fsize = f->size;
	kv->sha256 = hex;
	kv->head = f->head;
	kv->headlen = f->headlen;
	return REQ_OK;
}

/* Streams a file part into a new mode 0600 file in tmpdir, which is
 * unlinked when the arena is freed, or at once when this part fails: no
 * half file stays behind.  A spool that cannot take the file is
 * REQ_SPOOL with errno set. */
static enum req_err
mp_file(struct mp *m, const struct mp_part *pt, struct req_kvlist *l)
{
	const char	*dir = m->lim->tmpdir ? m->lim->tmpdir : "/tmp";
	char		*path = arena_printf(m->a, "%s/portal-up-XXXXXX", dir);
	struct mp_file	 f;
	enum req_err	 rc = REQ_SPOOL;
	int		 fd, e;

	memset(&f, 0, sizeof(f));
	f.a = m->a;
	f.fd = -1;
	f.max = m->lim->file_max;
	f.write = m->lim->spool_write != NULL ? m->lim->spool_write : write;
	f.head = "";
	f.sha = arena_calloc(m->a, 1, sizeof(*f.sha));
	if (!sha256_init(f.sha)) {
		errno = ENOMEM;
		path[0] = '\0';
		goto out;
	}
	arena_defer(m->a, sha256_free_cb, f.sha);
	if ((f.fd = mkostemp(path, O_CLOEXEC)) == -1) {
		path[0] = '\0';
		goto out;
	}
	arena_defer(m->a, mp_unlink, path);
	if ((rc = mp_scan(m, mp_sink_file, &f)) != REQ_OK)
		goto out;
	fd = f.fd;
	f.fd = -1;
	rc = REQ_SPOOL;
	if (close(fd) == -1)
		goto out;
	rc = mp_file_kv(m, pt, l, &f, path);
out:
	if (f.fd != -1) {
		e = errno;
		close(f.fd);
		errno = e;
	}
	if (rc != REQ_OK)
		mp_unlink(path);
	return rc;
}

/* Reads one part after its delimiter line.  A part whose filename is
 * empty (a file input left blank) is read and dropped: no entry. */
static enum req_err
mp_part(struct mp *m, struct req_kvlist *l)
{
	struct mp_part	 pt;
	enum req_err	 rc;

	memset(&pt, 0, sizeof(pt));
	if ((rc = mp_headers(m, &pt)) != REQ_OK)
		goto out;
	if (pt.filename != NULL && pt.filename[0] == '\0')
		rc = mp_scan(m, mp_sink_discard, NULL);
	else if (l->n >= m->lim->fields_max)
		rc = REQ_TOOMANY;
	else if (pt.filename != NULL)
		rc = mp_file(m, &pt, l);
	else
		rc = mp_value(m, &pt, l);
out:
	return rc;
}

/* Drops the entries from n0 on after an error, removing their spooled
 * files now rather than when the arena is freed. */
static void
mp_forget(struct req_kvlist *l, size_t n0)
{
	size_t	 i;

	/* The paths are this parser's arena memory (mp_file). */
	for (i = n0; i < l->n; i++)
		if (l->v[i].path != NULL)
			mp_unlink((char *)(uintptr_t)l->v[i].path);
	l->n = n0;
}

/* Streams the body through a fixed buffer.  Reading stops after the
 * close delimiter: the caller drains any epilogue. */
enum req_err
req_parse_multipart(struct arena *a, const char *ctype, req_read_fn rd,
    void *ctx, const struct req_limits *lim, struct req_kvlist *l)
{
	struct mp	 m;
	size_t		 n0 = l->n;
	int		 last = 0;
	enum req_err	 rc;

	memset(&m, 0, sizeof(m));
	m.read = rd;
	m.ctx = ctx;
	m.lim = lim;
	if ((rc = mp_init(&m, a, ctype)) != REQ_OK ||
	    (rc = mp_scan(&m, mp_sink_discard, NULL)) != REQ_OK)
		goto out;
	while ((rc = mp_delim_end(&m, &last)) == REQ_OK && !last)
		if ((rc = mp_part(&m, l)) != REQ_OK)
			break;
out:
	if (rc != REQ_OK)
		mp_forget(l, n0);
	return rc;
}
