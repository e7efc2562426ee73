/* Parsers for untrusted request bytes: percent-encoding, query strings,
 * application/x-www-form-urlencoded, multipart/form-data (streamed) and
 * cookies.  Every parser works on memory or a read callback, never on
 * FastCGI directly, so that unit tests and fuzz targets drive it alone.
 * All memory comes from the caller's arena. */
#ifndef REQ_H
#define REQ_H
#include <stddef.h>
#include <sys/types.h>

struct arena;

enum req_err {
	REQ_OK,
	REQ_MALFORMED,	/* syntax error: 400 */
	REQ_BADUTF8,	/* a name or value is not strict UTF-8: 400 */
	REQ_TOOMANY,	/* more fields than limits.fields_max: 413 */
	REQ_TOOLARGE,	/* a field, file or the body over its limit: 413 */
	REQ_IO,		/* short read: 400 */
	REQ_SPOOL,	/* the upload spool failed or is full: 503 */
	REQ_ERR__MAX
};

/* What the parsers accept.  Cookies are the browser's jar for the whole
 * domain, other sites' included: only those named in cookies are kept and
 * checked (strictly; fields_max bounds how many), the others are skipped
 * unread.  cookies NULL: every cookie is kept and checked. */
struct req_limits {
	size_t		 body_max;	/* whole body, bytes */
	size_t		 fields_max;	/* fields (and cookies) per source */
	size_t		 value_max;	/* one non-file value, bytes */
	size_t		 file_max;	/* one file part, bytes */
	const char	*tmpdir;	/* where file parts are spooled */
	const char *const *cookies;	/* names kept, NULL-terminated */
	/* Writes to the spool: NULL is write(2); tests inject faults. */
	ssize_t		(*spool_write)(int, const void *, size_t);
};

/* The first bytes of a spooled file the parser keeps (for sniffing). */
#define REQ_HEAD_MAX	65536

/* One field.  For a file part of a multipart body, path names a temporary
 * file (removed when the arena is freed), fsize its size, sha256 the
 * SHA-256 of its bytes (hashed as they were written, lower-case hex) and
 * head its first headlen bytes (at most REQ_HEAD_MAX); val is NULL. */
struct req_kv {
	const char	*key;
	const char	*val;		/* NUL-terminated, valid UTF-8 */
	size_t		 vlen;
	const char	*filename;	/* multipart file parts only */
	const char	*ctype;		/* multipart part Content-Type or NULL */
	const char	*path;		/* spooled file or NULL */
	size_t		 fsize;
	const char	*sha256;	/* spooled file's, or NULL */
	const char	*head;		/* spooled file's first bytes */
	size_t		 headlen;
};

struct req_kvlist {
	struct req_kv	*v;
	size_t		 n;
	size_t		 cap;
};

/* Reads up to len bytes into buf; returns bytes read, 0 at end, -1 on error. */
typedef ssize_t (*req_read_fn)(void *ctx, char *buf, size_t len);

int		 req_pctdecode(struct arena *, const char *, size_t, int plus,
		    char **, size_t *);
enum req_err	 req_parse_urlencoded(struct arena *, const char *, size_t,
		    const struct req_limits *, struct req_kvlist *);
enum req_err	 req_parse_cookies(struct arena *, const char *,
		    const struct req_limits *, struct req_kvlist *);
enum req_err	 req_parse_multipart(struct arena *, const char *ctype,
		    req_read_fn, void *ctx, const struct req_limits *,
		    struct req_kvlist *);
const char	*req_err_str(enum req_err);
int		 req_err_status(enum req_err);

#endif
