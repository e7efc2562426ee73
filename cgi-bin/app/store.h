/* The attachment store: the files of applications, content-addressed
 * (<[storage] dir>/ab/cd/<sha256>, outside the web root), their type
 * sniffed with libmagic (PDF, JPEG, PNG only), optionally scanned by clamd,
 * made durable before the database row that names them commits.
 *
 * The intended call sequence (a handler of the application form; the
 * multipart parser spooled each file part to kv->path, see http/req.h):
 *
 *	struct store_file f;
 *	enum store_err	  e;
 *
 *	// 1. Outside any transaction: size, type, scan, then the file is
 *	//    fsync'd and linked (a spool on another file system: written,
 *	//    fsync'd and renamed) into the store, and its directory
 *	//    fsync'd.  Refused files leave nothing behind.
 *	if ((e = store_put_spool(&sp, &f)) != STORE_OK)
 *		-> answer store_err_status(e) with store_err_str(e), next to
 *		   the form field; nothing was written.
 *	// 2. One transaction: the application's rows, then one
 *	//    store_attach per file, then commit.  A rollback leaves the
 *	//    stored file unreferenced (portalctl check-store lists it),
 *	//    never a row without its file.
 *	db_begin(db);
 *	... insert or lock the application ...
 *	e = store_attach(db, a, app_id, "giay_to_1",
 *	    store_filename(a, kv->filename), &f, &attachment_id);
 *	if (e != STORE_OK) -> db_rollback, answer store_err_status(e)
 *	db_commit(db);	// only now acknowledge (receipt)
 *
 * Serving: store_read(a, sha256, size, &buf) (h/h_file.c).
 * The limits to announce on the form: store_file_max(), store_app_max().
 */
#ifndef STORE_H
#define STORE_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct arena;
struct db;

enum store_err {
	STORE_OK,
	STORE_TOOBIG,	/* the file is over the per-file limit: 413 */
	STORE_APPFULL,	/* the application's files over their limit: 413 */
	STORE_TYPE,	/* not a PDF, JPEG or PNG by its content: 415 */
	STORE_VIRUS,	/* the scanner found malware: 422 */
	STORE_NOTFOUND,	/* no such file, or no such application: 404 */
	STORE_IO,	/* the store or its disk failed: 503 */
	STORE_SCAN,	/* the scanner could not be asked: 503 */
	STORE_DB,	/* the database failed: 500 (503 if it is away) */
	STORE_ERR__MAX
};

/* A stored file: what store_put found and store_attach records. */
/* The types of store_put_typed, bits of its set. */
#define STORE_T_PDF	0x1u
#define STORE_T_JPEG	0x2u
#define STORE_T_PNG	0x4u
#define STORE_T_WEBP	0x8u
/* What an application's files may be (store_put, store_put_spool). */
#define STORE_T_APPLICATION	(STORE_T_PDF | STORE_T_JPEG | STORE_T_PNG)

struct store_file {
	char		 sha256[65];	/* lower-case hex */
	size_t		 size;
	const char	*mime;		/* static: "application/pdf", ... */
	const char	*ext;		/* static: "pdf", "jpg", "png" */
};

struct store_conf {
	const char	*dir;		/* the store; made 0700 if missing */
	const char	*clamd_socket;	/* unix socket; NULL or "": no scan */
	unsigned	 clamd_timeout_ms;
	size_t		 file_max;	/* bytes per file */
	size_t		 app_max;	/* bytes per application, all files */
	/* NULL: write(2) and fsync(2); tests inject faults. */
	ssize_t		(*write)(int, const void *, size_t);
	int		(*fsync)(int);
};

void		 store_conf_load(struct store_conf *);
int		 store_init(const struct store_conf *);
void		 store_end(void);
void		 store_thread_end(void);
size_t		 store_file_max(void);
size_t		 store_app_max(void);
const char	*store_dir(void);

/* A spooled upload that its parser hashed as it wrote it (http/req.h's
 * req_kv: path, fsize, sha256, head, headlen): store_put_spool neither
 * reads it again nor copies it, but links it into the store. */
struct store_spool {
	const char	*path;
	size_t		 size;
	const char	*sha256;	/* lower-case hex */
	const char	*head;		/* its first bytes, for sniffing */
	size_t		 headlen;
};

enum store_err	 store_put(const char *path, struct store_file *);
enum store_err	 store_put_spool(const struct store_spool *,
		    struct store_file *);
enum store_err	 store_put_typed(const char *path, unsigned allow,
		    size_t max, struct store_file *);
enum store_err	 store_attach(struct db *, struct arena *, uint64_t app_id,
		    const char *slot, const char *filename,
		    const struct store_file *, uint64_t *id);
int		 store_open(const char *sha256, size_t *size);
enum store_err	 store_read(struct arena *, const char *sha256, size_t size,
		    char **buf);
char		*store_filename(struct arena *, const char *raw);
enum store_err	 store_check(const char *sha256, size_t size, int rehash);
int		 store_walk(int (*)(void *, const char *path,
		    const char *name), void *);
int		 store_path(const char *sha256, char *buf, size_t bufsz);
int		 store_valid_sha256(const char *);
const char	*store_ext(const char *mime);

const char	*store_err_str(enum store_err);
int		 store_err_status(enum store_err);

#endif
