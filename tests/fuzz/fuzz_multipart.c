/* libFuzzer target: req_parse_multipart.  Input:
 *
 *   byte 0  the Content-Type (and so the boundary): one of fz_ctypes, or
 *           (FZ_CT_INPUT) the bytes after byte 3 up to the first LF;
 *   byte 1  the read size (low 6 bits, 0 = as much as asked), faults of
 *           the spool (bit 6: writes of at most 7 bytes, every other one
 *           interrupted, and after byte 3's high nibble times 1000 bytes
 *           failing with ENOSPC, EIO, EFBIG or writing nothing), whether
 *           the end of input is a read error (bit 7);
 *   byte 2  limits: body_max (bits 0-2), value_max (3-5), file_max (6-7);
 *   byte 3  fields_max (bits 0-3) and the spool's fault (bits 4-7);
 *
 * the rest is the body.  Zero bytes 1-3 are the old fixed limits.  The
 * limits reach past the parser's 16 KiB buffer, its 8 KiB header block and
 * its first 256-byte value allocation; run with -len_control=0 and a
 * -max_len over 16 KiB (tests/run does).  Files go to a private directory
 * under $TMPDIR (or /tmp), which must be empty again after each input and
 * already before the arena is freed when the parse failed. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/valid.h"
#include "http/req.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fz_ctypes[] = {
	"multipart/form-data; boundary=XyZ",
	"multipart/form-data; boundary=a",
	"multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
	"multipart/form-data; charset=utf-8; boundary=\"a b:c\"",
	"Multipart/Form-Data;boundary=\"XyZ\";x=y",
	("multipart/form-data; boundary="
	    "0123456789012345678901234567890123456789012345678901234567890123456789"),
	"multipart/form-data; boundary=\"XyZ",
	"multipart/form-data",
};

#define FZ_NCT		(sizeof(fz_ctypes) / sizeof(fz_ctypes[0]))
#define FZ_CT_INPUT	FZ_NCT		/* byte 0: Content-Type in the input */

static const size_t fz_body_max[8] = {
	4096, 16384, 16385, 20000, 40000, 70000, 1 << 20, 100 };
static const size_t fz_value_max[8] = {
	64, 0, 1, 255, 256, 257, 1000, 65536 };
static const size_t fz_file_max[4] = { 512, 0, 20000, 1 << 20 };
static const int fz_errnos[4] = { ENOSPC, EIO, EFBIG, 0 }; /* 0: writes 0 */

/* The spool's faults for one input (byte 1 bit 6, byte 3 bits 4-7). */
struct fz_fault {
	int		 on;
	size_t		 after;		/* bytes written before failing */
	int		 err;
	size_t		 done;
	unsigned	 calls;
	int		 fired;
};

static struct fz_fault	fz_fault;

static char	fz_dir[4096];

struct fz_rd {
	const char	*p;
	size_t		 n;
	size_t		 off;
	size_t		 chunk;
	int		 fail;
};

static ssize_t
fz_read(void *ctx, char *buf, size_t len)
{
	struct fz_rd	*r = ctx;
	size_t		 k = r->n - r->off;

	if (k == 0)
		return r->fail ? -1 : 0;
	if (k > len)
		k = len;
	if (r->chunk > 0 && k > r->chunk)
		k = r->chunk;
	memcpy(buf, r->p + r->off, k);
	r->off += k;
	return (ssize_t)k;
}

static ssize_t
fz_write(int fd, const void *p, size_t n)
{
	struct fz_fault	*f = &fz_fault;

	if (f->calls++ % 2 == 0) {
		errno = EINTR;
		return -1;
	}
	if (n > 7)
		n = 7;
	if (n > f->after - f->done)
		n = f->after - f->done;
	if (n == 0) {
		f->fired = 1;
		errno = f->err;
		return f->err != 0 ? -1 : 0;
	}
	f->done += n;
	return write(fd, p, n);
}

static void
fz_rmdir(void)
{
	if (fz_dir[0] != '\0')
		rmdir(fz_dir);
}

/* Creates the private temporary directory once. */
static const char *
fz_tmpdir(void)
{
	const char	*t;

	if (fz_dir[0] == '\0') {
		t = getenv("TMPDIR");
		snprintf(fz_dir, sizeof(fz_dir), "%s/fuzz_multipart.XXXXXX",
		    t != NULL && t[0] != '\0' ? t : "/tmp");
		if (mkdtemp(fz_dir) == NULL) {
			perror(fz_dir);
			abort();
		}
		atexit(fz_rmdir);
	}
	return fz_dir;
}

static int
fz_dir_empty(void)
{
	DIR		*d = opendir(fz_dir);
	struct dirent	*e;
	int		 empty = 1;

	FZ_CHECK(d != NULL);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = 0;
	closedir(d);
	return empty;
}

static void
fz_file(const struct req_kv *kv, const struct req_limits *lim)
{
	struct stat	st;
	size_t		i;

	FZ_CHECK(kv->val == NULL && kv->filename != NULL);
	FZ_CHECK(kv->filename[0] != '\0');
	FZ_CHECK(valid_utf8(kv->filename, strlen(kv->filename)));
	for (i = 0; kv->filename[i] != '\0'; i++)
		FZ_CHECK((unsigned char)kv->filename[i] >= 0x20 &&
		    kv->filename[i] != '/');
	FZ_CHECK(strcmp(kv->filename, ".") && strcmp(kv->filename, ".."));
	FZ_CHECK(strncmp(kv->path, fz_dir, strlen(fz_dir)) == 0);
	FZ_CHECK(stat(kv->path, &st) == 0 && S_ISREG(st.st_mode));
	FZ_CHECK((st.st_mode & 0777) == 0600);
	FZ_CHECK((size_t)st.st_size == kv->fsize && kv->fsize <= lim->file_max);
}

static void
fz_kv(const struct req_kv *kv, const struct req_limits *lim)
{
	size_t	i;

	FZ_CHECK(kv->key != NULL && kv->key[0] != '\0');
	FZ_CHECK(valid_utf8(kv->key, strlen(kv->key)));
	for (i = 0; kv->key[i] != '\0'; i++)
		FZ_CHECK((unsigned char)kv->key[i] >= 0x20 &&
		    kv->key[i] != 0x7F);
	if (kv->ctype != NULL)
		FZ_CHECK(valid_utf8(kv->ctype, strlen(kv->ctype)));
	if (kv->path != NULL) {
		fz_file(kv, lim);
		return;
	}
	FZ_CHECK(kv->val != NULL && kv->filename == NULL);
	FZ_CHECK(strlen(kv->val) == kv->vlen && kv->vlen <= lim->value_max);
	FZ_CHECK(valid_utf8(kv->val, kv->vlen));
}

/* Reads the limits and faults of bytes 1-3. */
static void
fz_limits(const uint8_t *d, struct req_limits *lim)
{
	lim->body_max = fz_body_max[d[2] & 7];
	lim->value_max = fz_value_max[(d[2] >> 3) & 7];
	lim->file_max = fz_file_max[d[2] >> 6];
	lim->fields_max = (d[3] & 15) != 0 ? (size_t)(d[3] & 15) : 8;
	memset(&fz_fault, 0, sizeof(fz_fault));
	fz_fault.on = (d[1] & 0x40) != 0;
	fz_fault.after = (d[3] >> 4) == 15 ? SIZE_MAX : (size_t)(d[3] >> 4) *
	    1000;
	fz_fault.err = fz_errnos[(d[3] >> 4) % 4];
	lim->spool_write = fz_fault.on ? fz_write : NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_limits	 lim = { 0, 0, 0, 0, fz_tmpdir(), NULL, NULL };
	struct req_kvlist	 l = { NULL, 0, 0 };
	struct fz_rd		 r = { NULL, 0, 0, 0, 0 };
	struct arena		*a;
	const char		*ct, *lf;
	enum req_err		 rc;
	size_t			 i;

	if (size < 4)
		return 0;
	a = arena_new();
	fz_limits(data, &lim);
	r.p = (const char *)data + 4;
	r.n = size - 4;
	if (data[0] % (FZ_NCT + 1) < FZ_NCT)
		ct = fz_ctypes[data[0] % (FZ_NCT + 1)];
	else if ((lf = memchr(r.p, '\n', r.n)) != NULL) {
		ct = arena_strndup(a, r.p, (size_t)(lf - r.p));
		r.n -= (size_t)(lf + 1 - r.p);
		r.p = lf + 1;
	} else
		ct = NULL;
	r.chunk = data[1] & 0x3F;
	r.fail = (data[1] & 0x80) != 0;
	rc = req_parse_multipart(a, ct, fz_read, &r, &lim, &l);
	FZ_CHECK((unsigned)rc < REQ_ERR__MAX);
	FZ_CHECK(r.off <= lim.body_max);
	FZ_CHECK(rc == REQ_OK || l.n == 0);
	FZ_CHECK(l.n <= lim.fields_max);
	/* Only a failing spool fails so; it fails so whenever it fired. */
	FZ_CHECK((rc == REQ_SPOOL) == (fz_fault.fired &&
	    fz_fault.err != EFBIG));
	FZ_CHECK(!fz_fault.fired || rc == REQ_SPOOL || rc == REQ_TOOLARGE);
	for (i = 0; i < l.n; i++)
		fz_kv(&l.v[i], &lim);
	/* No half file, and nothing of a failed body, is left. */
	if (rc != REQ_OK)
		FZ_CHECK(fz_dir_empty());
	arena_free(a);
	FZ_CHECK(fz_dir_empty());
	return 0;
}
