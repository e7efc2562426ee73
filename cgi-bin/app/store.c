/* The attachment store (see store.h for the call sequence).  A file is
 * checked (size, type by content, scanner) before anything is written;
 * then copied to a temporary name in its final directory, fsync'd,
 * renamed and the directory fsync'd, so that a row naming it can commit.
 * Same content, same name: a file already stored is not written again. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <magic.h>
#include <sodium.h>

#include "app/store.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/sha256.h"
#include "core/text.h"
#include "data/db.h"

#define CHUNK		65536
#define FILENAME_MAX_CHARS 255

static const struct {
	const char	*msg;
	int		 status;
} errs[STORE_ERR__MAX] = {
	{ "", 200 },						/* STORE_OK */
	{ "Tệp vượt quá dung lượng cho phép của mỗi tệp.", 413 },
								/* STORE_TOOBIG */
	{ "Tổng dung lượng các tệp của hồ sơ vượt quá giới hạn cho phép.",
	  413 },						/* STORE_APPFULL */
	{ "Tệp không đúng định dạng: chỉ nhận tệp PDF, JPEG hoặc PNG.", 415 },
								/* STORE_TYPE */
	{ "Tệp bị nhiễm mã độc.", 422 },			/* STORE_VIRUS */
	{ "Không tìm thấy tệp.", 404 },				/* STORE_NOTFOUND */
	{ "Hệ thống tạm thời không lưu được tệp. Vui lòng thử lại sau ít "
	  "phút.", 503 },					/* STORE_IO */
	{ "Hệ thống tạm thời không kiểm tra được tệp. Vui lòng thử lại sau "
	  "ít phút.", 503 },					/* STORE_SCAN */
	{ "Hệ thống gặp sự cố khi lưu hồ sơ. Vui lòng thử lại sau.", 500 },
								/* STORE_DB */
};

/* The types the store knows, as libmagic names them; each caller of
 * store_put_typed says which of them it accepts (STORE_T_* bits, by row). */
static const struct {
	const char	*mime;
	const char	*ext;
} types[] = {
	{ "application/pdf", "pdf" },	/* STORE_T_PDF */
	{ "image/jpeg", "jpg" },	/* STORE_T_JPEG */
	{ "image/png", "png" },		/* STORE_T_PNG */
	{ "image/webp", "webp" },	/* STORE_T_WEBP */
};

static struct store_conf conf;

/* libmagic's handles are not thread-safe: one per thread, made on first
 * use, closed when the thread ends (or by store_thread_end). */
static pthread_key_t	magic_key;
static pthread_once_t	magic_once = PTHREAD_ONCE_INIT;

static void
magic_free(void *m)
{
	magic_close(m);
}

static void
magic_key_make(void)
{
	if (pthread_key_create(&magic_key, magic_free) != 0)
		abort();
}

static magic_t
store_magic(void)
{
	magic_t	 m;

	pthread_once(&magic_once, magic_key_make);
	if ((m = pthread_getspecific(magic_key)) != NULL)
		return m;
	m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS |
	    MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_ELF);
	if (m == NULL || magic_load(m, NULL) != 0) {
		LOGE("libmagic: %s", m ? magic_error(m) : log_errno(errno));
		if (m != NULL)
			magic_close(m);
		return NULL;
	}
	pthread_setspecific(magic_key, m);
	return m;
}

void
store_thread_end(void)
{
	magic_t	 m;

	pthread_once(&magic_once, magic_key_make);
	if ((m = pthread_getspecific(magic_key)) != NULL) {
		magic_close(m);
		pthread_setspecific(magic_key, NULL);
	}
}

/* The configuration: [storage] dir, clamd_socket, clamd_timeout_ms,
 * application_max; the per-file limit is [limits] file_max. */
void
store_conf_load(struct store_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->dir = cfg_str("storage", "dir", "var/dev/store");
	c->clamd_socket = cfg_str("storage", "clamd_socket", "");
	c->clamd_timeout_ms = (unsigned)cfg_int("storage", "clamd_timeout_ms",
	    30000, 100, 600000);
	c->file_max = (size_t)cfg_int("limits", "file_max", 10 << 20, 1024,
	    1L << 30);
	c->app_max = (size_t)cfg_int("storage", "application_max", 30 << 20,
	    1024, 1L << 34);
}

/* Takes the configuration (copied) and makes the store's directory,
 * mode 0700, if it is missing.  Returns 1, or 0 (logged). */
int
store_init(const struct store_conf *c)
{
	struct stat	 st;

	store_end();
	conf = *c;
	conf.dir = xstrdup(c->dir);
	conf.clamd_socket = xstrdup(c->clamd_socket ? c->clamd_socket : "");
	if (mkdir(conf.dir, 0700) != 0 && errno != EEXIST) {
		LOGE("store %s: %s", conf.dir, log_errno(errno));
		return 0;
	}
	if (stat(conf.dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		LOGE("store %s: not a directory", conf.dir);
		return 0;
	}
	return 1;
}

void
store_end(void)
{
	free((char *)(uintptr_t)conf.dir);
	free((char *)(uintptr_t)conf.clamd_socket);
	memset(&conf, 0, sizeof(conf));
}

size_t
store_file_max(void)
{
	return conf.file_max;
}

size_t
store_app_max(void)
{
	return conf.app_max;
}

const char *
store_dir(void)
{
	return conf.dir;
}

const char *
store_err_str(enum store_err e)
{
	return e < STORE_ERR__MAX ? errs[e].msg : errs[STORE_IO].msg;
}

int
store_err_status(enum store_err e)
{
	return e < STORE_ERR__MAX ? errs[e].status : 500;
}

/* The extension of an accepted type, or NULL. */
const char *
store_ext(const char *mime)
{
	size_t	 i;

	for (i = 0; mime != NULL && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(mime, types[i].mime) == 0)
			return types[i].ext;
	return NULL;
}

/* 1 when s is 64 lower-case hex digits. */
int
store_valid_sha256(const char *s)
{
	return s != NULL && strlen(s) == 64 &&
	    strspn(s, "0123456789abcdef") == 64;
}

/* The file's path in the store, <dir>/ab/cd/<sha256>, into buf.  Returns
 * 1, or 0 for a name that is not a SHA-256 or a buffer too small. */
int
store_path(const char *sha256, char *buf, size_t bufsz)
{
	int	 n;

	if (!store_valid_sha256(sha256) || conf.dir == NULL)
		return 0;
	n = snprintf(buf, bufsz, "%s/%.2s/%.2s/%s", conf.dir, sha256,
	    sha256 + 2, sha256);
	return n > 0 && (size_t)n < bufsz;
}

static ssize_t
store_write_all(int fd, const char *p, size_t n)
{
	ssize_t	(*wr)(int, const void *, size_t) = conf.write ? conf.write :
		    write;
	ssize_t	 w;
	size_t	 done = 0;

	while (done < n) {
		w = wr(fd, p + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		done += (size_t)w;
	}
	return (ssize_t)done;
}

static ssize_t
store_read_full(int fd, char *buf, size_t n)
{
	ssize_t	 r;
	size_t	 done = 0;

	while (done < n) {
		r = read(fd, buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		done += (size_t)r;
	}
	return (ssize_t)done;
}

static void
hex(const unsigned char *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t	 i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

/* Reads fd from the start to its end: its SHA-256 (hex) into sha, its
 * length into *size, and when head is not NULL its first CHUNK bytes
 * (*headlen of them) for sniffing.  Optionally copies every byte to out
 * (not -1).  Returns 1, or 0 on a read or write error (errno set). */
static int
store_pass(int fd, int out, char *head, size_t *headlen, char sha[65],
    size_t *size)
{
	struct sha256	 st = { NULL };
	char		*buf = xmalloc(CHUNK);
	ssize_t		 r;
	int		 ok = 0;

	*size = 0;
	if (lseek(fd, 0, SEEK_SET) != 0 || !sha256_init(&st))
		goto out;
	while ((r = store_read_full(fd, buf, CHUNK)) > 0) {
		if (head != NULL && *size == 0) {
			memcpy(head, buf, (size_t)r);
			*headlen = (size_t)r;
		}
		sha256_update(&st, buf, (size_t)r);
		if (out != -1 && store_write_all(out, buf, (size_t)r) < 0)
			goto out;
		*size += (size_t)r;
	}
	if (r < 0)
		goto out;
	ok = sha256_final(&st, sha);
out:
	sha256_free(&st);
	free(buf);
	return ok;
}

/* Sets f's type from the bytes head[0..n) as libmagic reads them.
 * Returns 1 for a type of the set allow (STORE_T_* bits), 0 when refused
 * or when libmagic failed (*io set). */
static int
store_sniff(const char *head, size_t n, unsigned allow, struct store_file *f,
    int *io)
{
	magic_t		 m = store_magic();
	const char	*t;
	size_t		 i;

	*io = 0;
	if (m == NULL) {
		*io = 1;
		return 0;
	}
	if ((t = magic_buffer(m, head, n)) == NULL) {
		LOGE("libmagic: %s", magic_error(m));
		*io = 1;
		return 0;
	}
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if ((allow & (1u << i)) && strcmp(t, types[i].mime) == 0) {
			f->mime = types[i].mime;
			f->ext = types[i].ext;
			return 1;
		}
	LOGI("store: refused type %s", t);
	return 0;
}

/* ---- the scanner: clamd's INSTREAM over its unix socket ---- */

static int
clamd_connect(void)
{
	struct sockaddr_un	 sun;
	struct timeval		 tv;
	int			 fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(conf.clamd_socket) >= sizeof(sun.sun_path))
		return -1;
	strcpy(sun.sun_path, conf.clamd_socket);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	tv.tv_sec = conf.clamd_timeout_ms / 1000;
	tv.tv_usec = (conf.clamd_timeout_ms % 1000) * 1000;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) != 0 ||
	    connect(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int
clamd_send(int sock, const void *p, size_t n)
{
	const char	*c = p;
	ssize_t		 w;

	while (n > 0) {
		w = send(sock, c, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return 0;
		c += w;
		n -= (size_t)w;
	}
	return 1;
}

/* Streams fd's bytes to clamd: "zINSTREAM\0", chunks of a 4-byte
 * big-endian length and the bytes, a zero length.  Then reads its answer,
 * NUL-terminated, into reply.  Returns 1, or 0 (errno may say why). */
static int
clamd_stream(int sock, int fd, char *reply, size_t replysz)
{
	static const char	 cmd[] = "zINSTREAM";
	char			*buf = xmalloc(CHUNK + 4);
	ssize_t			 r;
	size_t			 n = 0;
	int			 ok = 0;

	if (lseek(fd, 0, SEEK_SET) != 0 || !clamd_send(sock, cmd, sizeof(cmd)))
		goto out;
	do {
		if ((r = store_read_full(fd, buf + 4, CHUNK)) < 0)
			goto out;
		buf[0] = (char)((r >> 24) & 0xff);
		buf[1] = (char)((r >> 16) & 0xff);
		buf[2] = (char)((r >> 8) & 0xff);
		buf[3] = (char)(r & 0xff);
		if (!clamd_send(sock, buf, (size_t)r + 4))
			goto out;
	} while (r > 0);
	while (n + 1 < replysz && (r = recv(sock, reply + n, replysz - n - 1,
	    0)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto out;
		n += (size_t)r;
		if (memchr(reply, '\0', n) != NULL)
			break;
	}
	reply[n] = '\0';
	ok = n > 0;
out:
	free(buf);
	return ok;
}

/* Asks clamd about fd's bytes when [storage] clamd_socket is set.
 * Returns STORE_OK (clean, or no scanner), STORE_VIRUS or STORE_SCAN. */
static enum store_err
store_scan(int fd)
{
	char		 reply[256];
	size_t		 n;
	int		 sock;
	enum store_err	 e = STORE_SCAN;

	if (conf.clamd_socket == NULL || conf.clamd_socket[0] == '\0')
		return STORE_OK;
	if ((sock = clamd_connect()) < 0) {
		LOGE("clamd %s: %s", conf.clamd_socket, log_errno(errno));
		return STORE_SCAN;
	}
	if (!clamd_stream(sock, fd, reply, sizeof(reply))) {
		LOGE("clamd %s: no answer (%s)", conf.clamd_socket,
		    log_errno(errno));
		goto out;
	}
	n = strlen(reply);
	while (n > 0 && (reply[n - 1] == '\n' || reply[n - 1] == ' '))
		reply[--n] = '\0';
	if (strcmp(reply, "stream: OK") == 0)
		e = STORE_OK;
	else if (n > 6 && strcmp(reply + n - 6, " FOUND") == 0) {
		LOGW("clamd: %s", reply);
		e = STORE_VIRUS;
	} else
		LOGE("clamd: unexpected answer \"%.80s\"", reply);
out:
	close(sock);
	return e;
}

/* ---- writing ---- */

static int
store_fsync(int fd)
{
	return conf.fsync ? conf.fsync(fd) : fsync(fd);
}

/* fsyncs directory path.  Returns 1, or 0 (errno set). */
static int
store_fsync_dir(const char *path)
{
	int	 fd, ok;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return 0;
	ok = store_fsync(fd) == 0;
	close(fd);
	return ok;
}

/* Makes directory path (0700) if missing; a new one is made durable in
 * its parent.  Returns 1, or 0 (errno set). */
static int
store_mkdir(const char *path, const char *parent)
{
	if (mkdir(path, 0700) == 0)
		return store_fsync_dir(parent);
	return errno == EEXIST;
}

/* Copies src into the store as f->sha256 in directory dir: to a
 * temporary name, fsync'd, renamed, the directory fsync'd.  The copy is
 * hashed again: a file that changed meanwhile is refused.  Returns 1, or
 * 0 (logged, nothing left behind). */
static int
store_write(int src, const char *dir, const char *final,
    const struct store_file *f)
{
	unsigned char	 rnd[8];
	char		 tmp[4096], sha[65], rhex[17];
	size_t		 size;
	int		 fd, ok = 0;

	randombytes_buf(rnd, sizeof(rnd));
	hex(rnd, sizeof(rnd), rhex);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s/.tmp-%s-%s", dir,
	    f->sha256, rhex) >= sizeof(tmp))
		return 0;
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd < 0) {
		LOGE("store %s: %s", tmp, log_errno(errno));
		return 0;
	}
	if (!store_pass(src, fd, NULL, NULL, sha, &size))
		LOGE("store %s: %s", tmp, log_errno(errno));
	else if (size != f->size || strcmp(sha, f->sha256) != 0)
		LOGE("store %s: the file changed while stored", tmp);
	else if (store_fsync(fd) != 0)
		LOGE("store fsync %s: %s", tmp, log_errno(errno));
	else
		ok = 1;
	if (close(fd) != 0 && ok) {
		LOGE("store close %s: %s", tmp, log_errno(errno));
		ok = 0;
	}
	if (ok && rename(tmp, final) != 0) {
		LOGE("store rename %s: %s", final, log_errno(errno));
		ok = 0;
	}
	if (!ok)
		unlink(tmp);
	else if (!store_fsync_dir(dir)) {
		LOGE("store fsync %s: %s", dir, log_errno(errno));
		ok = 0;	/* renamed, maybe not durable: the caller refuses */
	}
	return ok;
}

/* Stores spooled file path (open as src, of f's content) as final in
 * directory dir by a hard link, no copy: the file fsync'd, linked, the
 * directory fsync'd.  A spool on another file system (or one that has no
 * hard links) is copied by store_write.  The spool's name is its owner's
 * to remove.  Returns 1, or 0 (logged). */
static int
store_link(int src, const char *path, const char *dir, const char *final,
    const struct store_file *f)
{
	struct stat	 st;
	int		 ok = 0;

	if (store_fsync(src) != 0) {
		LOGE("store fsync %s: %s", path, log_errno(errno));
		goto out;
	}
	if (link(path, final) != 0) {
		if (errno == EXDEV || errno == EPERM || errno == EMLINK ||
		    errno == EOPNOTSUPP) {
			ok = store_write(src, dir, final, f);
			goto out;
		}
		/* EEXIST: another writer stored the same content. */
		if (errno != EEXIST || stat(final, &st) != 0 ||
		    (size_t)st.st_size != f->size) {
			LOGE("store link %s: %s", final, log_errno(errno));
			goto out;
		}
	}
	if (!store_fsync_dir(dir))	/* the caller refuses */
		LOGE("store fsync %s: %s", dir, log_errno(errno));
	else
		ok = 1;
out:
	return ok;
}

/* Puts f (checked, hashed) into the store from src unless a file of that
 * content is there already: linked from spool when not NULL (the path
 * src was opened from), copied otherwise.  Returns STORE_OK or
 * STORE_IO. */
static enum store_err
store_place(int src, const char *spool, const struct store_file *f)
{
	char		 d1[4096], d2[4096], final[4096];
	struct stat	 st;
	int		 ok;

	if (!store_path(f->sha256, final, sizeof(final)) ||
	    (size_t)snprintf(d1, sizeof(d1), "%s/%.2s", conf.dir,
	    f->sha256) >= sizeof(d1) ||
	    (size_t)snprintf(d2, sizeof(d2), "%s/%.2s", d1,
	    f->sha256 + 2) >= sizeof(d2))
		return STORE_IO;
	/* Content-addressed: stored already.  Its directory is fsync'd
	 * again, in case the first writer's fsync failed after its rename. */
	if (stat(final, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == f->size)
		return store_fsync_dir(d2) ? STORE_OK : STORE_IO;
	if (!store_mkdir(d1, conf.dir) || !store_mkdir(d2, d1)) {
		LOGE("store %s: %s", d2, log_errno(errno));
		return STORE_IO;
	}
	ok = spool != NULL ? store_link(src, spool, d2, final, f) :
	    store_write(src, d2, final, f);
	return ok ? STORE_OK : STORE_IO;
}

/* Stores an application's file: store_put_typed with the PDF, JPEG and
 * PNG the applicant may send, within the per-file limit. */
enum store_err
store_put(const char *path, struct store_file *f)
{
	return store_put_typed(path, STORE_T_APPLICATION, conf.file_max, f);
}

/* f's SHA-256, size and first bytes (*head, *headlen): the spool's when
 * sp is not NULL and of st's size, else read from fd (*buf then holds
 * the first bytes, the caller frees it).  Returns 1, or 0 (logged). */
static int
store_measure(int fd, const struct stat *st, const struct store_spool *sp,
    struct store_file *f, char **buf, const char **head, size_t *headlen)
{
	if (sp != NULL && sp->sha256 != NULL && sp->head != NULL &&
	    sp->size == (size_t)st->st_size &&
	    store_valid_sha256(sp->sha256)) {
		memcpy(f->sha256, sp->sha256, sizeof(f->sha256));
		f->size = sp->size;
		*head = sp->head;
		*headlen = sp->headlen < CHUNK ? sp->headlen : CHUNK;
		return 1;
	}
	*buf = xmalloc(CHUNK);
	*head = *buf;
	if (store_pass(fd, -1, *buf, headlen, f->sha256, &f->size))
		return 1;
	LOGE("store: %s", log_errno(errno));
	return 0;
}

/* store_put_typed of the file at path, or of spool sp (path NULL). */
static enum store_err
store_put_from(const char *path, const struct store_spool *sp,
    unsigned allow, size_t max, struct store_file *f)
{
	struct stat	 st;
	char		*buf = NULL;
	const char	*head = NULL;
	size_t		 headlen = 0;
	int		 fd, io;
	enum store_err	 e = STORE_IO;

	memset(f, 0, sizeof(*f));
	if (sp != NULL)
		path = sp->path;
	if (conf.dir == NULL)
		return STORE_IO;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(fd, &st) != 0) {
		LOGE("store: %s: %s", path, log_errno(errno));
		goto out;
	}
	if ((size_t)st.st_size > max) {
		e = STORE_TOOBIG;
		goto out;
	}
	if (!store_measure(fd, &st, sp, f, &buf, &head, &headlen))
		goto out;
	if (f->size > max) {
		e = STORE_TOOBIG;
		goto out;
	}
	if (!store_sniff(head, headlen, allow, f, &io)) {
		e = io ? STORE_IO : STORE_TYPE;
		goto out;
	}
	if ((e = store_scan(fd)) != STORE_OK)
		goto out;
	e = store_place(fd, sp != NULL ? path : NULL, f);
out:
	free(buf);
	if (fd >= 0)
		close(fd);
	if (e != STORE_OK)
		memset(f, 0, sizeof(*f));
	return e;
}

/* Stores the file at path (a spooled upload) when it is at most max
 * bytes, of a type of the set allow by its content, and clean by the
 * scanner (when one is configured).  Fills f.  Returns STORE_OK, or
 * what was wrong; on any error nothing is left in the store. */
enum store_err
store_put_typed(const char *path, unsigned allow, size_t max,
    struct store_file *f)
{
	return store_put_from(path, NULL, allow, max, f);
}

/* store_put of an upload its parser spooled and hashed (sp): the file is
 * not read again but for the scanner, and linked into the store rather
 * than copied when the spool is on the store's file system. */
enum store_err
store_put_spool(const struct store_spool *sp, struct store_file *f)
{
	return store_put_from(NULL, sp, STORE_T_APPLICATION, conf.file_max, f);
}

/* Opens the stored file sha256 for reading; its size into *size.
 * Returns the descriptor, or -1 (errno ENOENT: no such file). */
int
store_open(const char *sha256, size_t *size)
{
	char		 path[4096];
	struct stat	 st;
	int		 fd;

	if (!store_path(sha256, path, sizeof(path))) {
		errno = ENOENT;
		return -1;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EIO;
		return -1;
	}
	*size = (size_t)st.st_size;
	return fd;
}

static void
mem_free(void *p)
{
	free(p);
}

/* Reads the stored file sha256 of size bytes whole (freed with the
 * arena) into *buf.  Returns STORE_OK, STORE_NOTFOUND (missing, or of
 * another size: logged, since a row names it) or STORE_IO. */
enum store_err
store_read(struct arena *a, const char *sha256, size_t size, char **buf)
{
	size_t		 have;
	ssize_t		 r;
	int		 fd;
	enum store_err	 e = STORE_IO;

	*buf = NULL;
	if ((fd = store_open(sha256, &have)) < 0) {
		LOGE("store: file %s: %s", sha256, log_errno(errno));
		return errno == ENOENT ? STORE_NOTFOUND : STORE_IO;
	}
	if (have != size) {
		LOGE("store: file %s has %zu bytes, not %zu", sha256, have,
		    size);
		e = STORE_NOTFOUND;
		goto out;
	}
	*buf = xmalloc(size + 1);
	arena_defer(a, mem_free, *buf);
	if ((r = store_read_full(fd, *buf, size)) < 0 || (size_t)r != size) {
		LOGE("store: read %s: %s", sha256, log_errno(errno));
		goto out;
	}
	e = STORE_OK;
out:
	close(fd);
	return e;
}

/* Is the stored file sha256 there, of size bytes, and (rehash) is its
 * content still what its name says?  Returns STORE_OK, STORE_NOTFOUND
 * (missing) or STORE_IO (damaged or unreadable). */
enum store_err
store_check(const char *sha256, size_t size, int rehash)
{
	char		 sha[65];
	size_t		 have;
	int		 fd;
	enum store_err	 e = STORE_OK;

	if ((fd = store_open(sha256, &have)) < 0)
		return errno == ENOENT ? STORE_NOTFOUND : STORE_IO;
	if (have != size)
		e = STORE_IO;
	else if (rehash && (!store_pass(fd, -1, NULL, NULL, sha, &have) ||
	    have != size || strcmp(sha, sha256) != 0))
		e = STORE_IO;
	close(fd);
	return e;
}

static int
hex2(const char *s)
{
	return strlen(s) == 2 && strspn(s, "0123456789abcdef") == 2;
}

/* dir/name into buf; 1, or 0 when it does not fit. */
static int
store_join(char *buf, size_t bufsz, const char *dir, const char *name)
{
	int	 n = snprintf(buf, bufsz, "%s/%s", dir, name);

	return n > 0 && (size_t)n < bufsz;
}

/* The entries of directory path at depth (0: the store, 1: dir/ab, 2:
 * dir/ab/cd, whose entries go to fn).  Returns 1 to go on, 0 to stop;
 * *ok cleared when a directory could not be read. */
static int
store_walk_dir(const char *path, int depth,
    int (*fn)(void *, const char *, const char *), void *ctx, int *ok)
{
	DIR		*d;
	struct dirent	*e;
	char		 sub[4096];
	int		 go = 1;

	if ((d = opendir(path)) == NULL) {
		*ok = 0;
		return 1;
	}
	while (go && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    (depth < 2 && !hex2(e->d_name)))
			continue;
		if (!store_join(sub, sizeof(sub), path, e->d_name))
			*ok = 0;
		else if (depth < 2)
			go = store_walk_dir(sub, depth + 1, fn, ctx, ok);
		else
			go = fn(ctx, sub, e->d_name);
	}
	closedir(d);
	return go;
}

/* Calls fn(ctx, path, name) for every entry of the store's second-level
 * directories (dir/ab/cd/name), in no particular order; stops when fn
 * returns 0.  Returns 1, or 0 when a directory could not be read or fn
 * stopped the walk. */
int
store_walk(int (*fn)(void *, const char *, const char *), void *ctx)
{
	int	 ok = 1;

	if (conf.dir == NULL)
		return 0;
	return store_walk_dir(conf.dir, 0, fn, ctx, &ok) && ok;
}

/* ---- recording ---- */

/* Records f, already in the store, as a file of application app_id in
 * the caller's transaction: locks the application, checks the
 * per-application limit, inserts the row (its id into *id when id is not
 * NULL).  filename as store_filename made it; slot an e-form slot name
 * (ASCII, 1-64).  Returns STORE_OK, STORE_NOTFOUND (no such application,
 * or the file is not in the store), STORE_APPFULL or STORE_DB. */
enum store_err
store_attach(struct db *db, struct arena *a, uint64_t app_id,
    const char *slot, const char *filename, const struct store_file *f,
    uint64_t *id)
{
	struct row_ATT_APP_LOCK	 app;
	char			 path[4096];
	struct stat		 st;
	uint64_t		 newid = 0;
	enum db_err		 e;

	if (!store_path(f->sha256, path, sizeof(path)) || stat(path, &st) != 0 ||
	    (size_t)st.st_size != f->size || f->mime == NULL) {
		LOGE("store_attach: %s is not in the store", f->sha256);
		return STORE_NOTFOUND;
	}
	if (slot == NULL || slot[0] == '\0' || strlen(slot) > 64 ||
	    filename == NULL || filename[0] == '\0')
		return STORE_DB;
	e = db_one(db, a, ATT_APP_LOCK, &app, "u", (unsigned long long)app_id);
	if (e != DB_OK)
		return e == DB_NOTFOUND ? STORE_NOTFOUND : STORE_DB;
	if (app.total + f->size > conf.app_max)
		return STORE_APPFULL;
	if (db_exec(db, STMT_ATT_INSERT, NULL, &newid, "usssus",
	    (unsigned long long)app_id, slot, filename, f->sha256,
	    (unsigned long long)f->size, f->mime) != DB_OK)
		return STORE_DB;
	if (id != NULL)
		*id = newid;
	return STORE_OK;
}

/* Length of a character at s to drop from a file name: a control
 * character, or a bidirectional override or isolate (U+202A-202E,
 * U+2066-2069), which can make "x.exe.pdf" look like another name.
 * 0: keep it. */
static size_t
filename_drop(const unsigned char *s)
{
	if (s[0] < 0x20 || s[0] == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;	/* C1 */
	if (s[0] == 0xe2 && ((s[1] == 0x80 && s[2] >= 0xaa && s[2] <= 0xae) ||
	    (s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)))
		return 3;
	return 0;
}

/* The name to record for an uploaded file named raw (valid UTF-8) by the
 * browser: its last path component (some browsers send C:\...\name),
 * control and bidirectional formatting characters dropped, white space
 * folded, NFC, at most 255 characters (a short extension kept); "tep"
 * when nothing is left.  Arena memory. */
char *
store_filename(struct arena *a, const char *raw)
{
	const char	*base = raw ? raw : "", *p, *dot;
	char		*clean, *name;
	size_t		 i, n = 0, k, cut;

	for (p = base; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	clean = arena_alloc(a, strlen(base) + 1);
	for (i = 0; base[i] != '\0'; i += k ? k : 1)
		if ((k = filename_drop((const unsigned char *)base + i)) == 0)
			clean[n++] = base[i];
	clean[n] = '\0';
	name = text_trim(a, clean, n);
	if (name == NULL || name[0] == '\0' || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0)
		return arena_strdup(a, "tep");
	if (text_chars(name) <= FILENAME_MAX_CHARS)
		return name;
	/* Too long: keep a short extension, cut the name before it. */
	dot = strrchr(name, '.');
	if (dot == NULL || strlen(dot) > 10)
		dot = name + strlen(name);
	cut = FILENAME_MAX_CHARS - text_chars(dot);
	for (i = 0, n = 0; name[i] != '\0' && n < cut; n++)
		do
			i++;
		while ((name[i] & 0xC0) == 0x80);
	return arena_printf(a, "%.*s%s", (int)i, name, dot);
}
