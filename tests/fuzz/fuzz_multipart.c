/* libFuzzer target: req_parse_multipart.  Input: byte 0 picks the
 * Content-Type (and so the boundary), byte 1 the read size (low 6 bits,
 * 0 = as much as asked) and whether the end of input is a read error (top
 * bit); the rest is the body.  Files go to a private directory under
 * $TMPDIR (or /tmp), which must be empty again after each input. */
#include <dirent.h>
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
	FZ_CHECK(kv->key != NULL && kv->key[0] != '\0');
	FZ_CHECK(valid_utf8(kv->key, strlen(kv->key)));
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_limits	 lim = { 4096, 8, 64, 512, fz_tmpdir(), NULL, NULL };
	struct req_kvlist	 l = { NULL, 0, 0 };
	struct fz_rd		 r = { NULL, 0, 0, 0, 0 };
	struct arena		*a;
	const char		*ct;
	enum req_err		 rc;
	size_t			 i;

	if (size < 2)
		return 0;
	ct = fz_ctypes[data[0] % (sizeof(fz_ctypes) / sizeof(fz_ctypes[0]))];
	r.chunk = data[1] & 0x3F;
	r.fail = (data[1] & 0x80) != 0;
	r.p = (const char *)data + 2;
	r.n = size - 2;
	a = arena_new();
	rc = req_parse_multipart(a, ct, fz_read, &r, &lim, &l);
	FZ_CHECK((unsigned)rc < REQ_ERR__MAX);
	FZ_CHECK(r.off <= lim.body_max);
	FZ_CHECK(rc == REQ_OK || l.n == 0);
	FZ_CHECK(l.n <= lim.fields_max);
	for (i = 0; i < l.n; i++)
		fz_kv(&l.v[i], &lim);
	arena_free(a);
	FZ_CHECK(fz_dir_empty());
	return 0;
}
