/* Unit tests of store.c: refusals first (not initialised, oversize, a
 * text file named .pdf, an empty file, faults while writing: a full and
 * a read-only tmpfs, a failing write and fsync), each leaving nothing in
 * the store; then files accepted by their content whatever their name,
 * content addressing (one file for the same bytes), the clamd scanner
 * against a fake clamd in Python (clean, infected, unreachable, silent),
 * an upload cut short (nothing reaches the store), the check of stored files and the names recorded for uploads. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include "app/store.h"
#include "core/arena.h"
#include "http/req.h"
#include "t.h"

#define PY	"/usr/bin/python3"

static char		 tmpdir[] = "/tmp/test_store.XXXXXX";
static char		 storedir[128], srcdir[128], mnt[128];
static struct arena	*A;

/* A fake clamd: one unix socket, INSTREAM only; it writes the SHA-256 of
 * the bytes it was sent to argv[3] and answers FOUND when they hold
 * "EICAR", OK otherwise; in mode "silent" it reads and never answers. */
static const char FAKE_CLAMD[] =
    "import hashlib, os, socket, struct, sys, time\n"
    "path, mode, out = sys.argv[1:4]\n"
    "s = socket.socket(socket.AF_UNIX)\n"
    "s.bind(path)\n"
    "s.listen(8)\n"
    "while True:\n"
    "    c, _ = s.accept()\n"
    "    f = c.makefile('rb')\n"
    "    cmd = b''\n"
    "    while not cmd.endswith(b'\\0') and len(cmd) < 64:\n"
    "        b = f.read(1)\n"
    "        if not b:\n"
    "            break\n"
    "        cmd += b\n"
    "    if cmd != b'zINSTREAM\\0':\n"
    "        c.close()\n"
    "        continue\n"
    "    h, data = hashlib.sha256(), b''\n"
    "    while True:\n"
    "        n = struct.unpack('>I', f.read(4))[0]\n"
    "        if n == 0:\n"
    "            break\n"
    "        chunk = f.read(n)\n"
    "        h.update(chunk)\n"
    "        data += chunk\n"
    "    with open(out + '.new', 'w') as o:\n"
    "        o.write(h.hexdigest())\n"
    "    os.rename(out + '.new', out)\n"
    "    if mode == 'silent':\n"
    "        time.sleep(30)\n"
    "    elif b'EICAR' in data:\n"
    "        c.sendall(b'stream: Eicar-Signature FOUND\\0')\n"
    "    else:\n"
    "        c.sendall(b'stream: OK\\0')\n"
    "    c.close()\n";

/* ---- sample files ---- */

static const unsigned char PNG[] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
	0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
	0x90, 0x77, 0x53, 0xde,
	0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
};
static const unsigned char JPEG[] = {
	0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
	0, 1, 0, 0, 0xff, 0xd9,
};
static const char PDF[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
static const char TEXT[] = "Đơn đề nghị cấp giấy khai sinh\n";

/* Writes n bytes of p, then pad more bytes, to srcdir/name; returns its
 * path (static buffer). */
static const char *
sample(const char *name, const void *p, size_t n, size_t pad)
{
	static char	 path[256];
	FILE		*f;
	size_t		 i;

	snprintf(path, sizeof(path), "%s/%s", srcdir, name);
	f = fopen(path, "w");
	fwrite(p, 1, n, f);
	for (i = 0; i < pad; i++)
		fputc((int)(i * 7 % 251), f);
	fclose(f);
	return path;
}

static void
sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char	 d[32];
	size_t		 i;

	crypto_hash_sha256(d, p, n);
	for (i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* Entries (files and directories) under dir, dir excluded. */
static int	 counted;

static int
count_entry(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)p; (void)st; (void)flag;
	counted += f->level > 0;
	return 0;
}

static int
entries(const char *dir)
{
	counted = 0;
	nftw(dir, count_entry, 16, FTW_PHYS);
	return counted;
}

/* Files (not directories) under dir. */
static int
count_file(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)p; (void)st; (void)f;
	counted += flag == FTW_F;
	return 0;
}

static int
files(const char *dir)
{
	counted = 0;
	nftw(dir, count_file, 16, FTW_PHYS);
	return counted;
}

static int
rm_entry(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static void
rm_rf(const char *dir)
{
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void
conf_for(struct store_conf *c, const char *dir)
{
	memset(c, 0, sizeof(*c));
	c->dir = dir;
	c->file_max = 64 * 1024;
	c->app_max = 256 * 1024;
	c->clamd_timeout_ms = 500;
}

/* (Re)initialises the store on storedir, emptied. */
static void
fresh(void)
{
	struct store_conf	 c;

	rm_rf(storedir);
	conf_for(&c, storedir);
	CHECK_INT(store_init(&c), 1);
}

/* ---- refusals ---- */

static void
test_store_not_initialised(void)
{
	struct store_file	 f;
	char			 path[256];

	CHECK_INT(store_put(sample("a.png", PNG, sizeof(PNG), 0), &f),
	    STORE_IO);
	CHECK_INT(store_path("00", path, sizeof(path)), 0);
}

static void
test_store_oversize(void)
{
	struct store_file	 f;

	fresh();
	CHECK_INT(store_put(sample("big.png", PNG, sizeof(PNG),
	    64 * 1024), &f), STORE_TOOBIG);
	CHECK_INT(store_err_status(STORE_TOOBIG), 413);
	CHECK(f.mime == NULL && f.size == 0);
	CHECK_INT(entries(storedir), 0);
	/* Exactly at the limit is accepted. */
	CHECK_INT(store_put(sample("max.png", PNG, sizeof(PNG),
	    64 * 1024 - sizeof(PNG)), &f), STORE_OK);
	CHECK_INT(f.size, 64 * 1024);
}

/* A text file is refused whatever its name says; so is an empty file, a
 * file of another type, and one that does not exist. */
static void
test_store_wrong_magic(void)
{
	static const char zip[] = "PK\003\004\024\0\0\0\010\0";
	struct store_file	 f;

	fresh();
	CHECK_INT(store_put(sample("don.pdf", TEXT, sizeof(TEXT) - 1, 0), &f),
	    STORE_TYPE);
	CHECK_INT(store_put(sample("anh.png", TEXT, sizeof(TEXT) - 1, 0), &f),
	    STORE_TYPE);
	CHECK_INT(store_put(sample("rong.pdf", "", 0, 0), &f), STORE_TYPE);
	CHECK_INT(store_put(sample("x.pdf", zip, sizeof(zip) - 1, 200), &f),
	    STORE_TYPE);
	CHECK_INT(store_put(sample("page.pdf", "<html><script>alert(1)"
	    "</script></html>", 38, 0), &f), STORE_TYPE);
	CHECK_INT(store_put("/nonexistent/file.pdf", &f), STORE_IO);
	CHECK_INT(store_err_status(STORE_TYPE), 415);
	CHECK(strstr(store_err_str(STORE_TYPE), "PDF, JPEG hoặc PNG") != NULL);
	CHECK_INT(entries(storedir), 0);
}

/* A failing write (the disk full), a failing fsync: STORE_IO, no file
 * and no temporary file left. */
static ssize_t
write_enospc(int fd, const void *p, size_t n)
{
	(void)fd; (void)p; (void)n;
	errno = ENOSPC;
	return -1;
}

static ssize_t
write_short(int fd, const void *p, size_t n)
{
	return write(fd, p, n > 10 ? 10 : n) > 0 ? 0 : -1;
}

static int
fsync_eio(int fd)
{
	(void)fd;
	errno = EIO;
	return -1;
}

static void
test_store_write_faults(void)
{
	ssize_t			(*writes[])(int, const void *, size_t) = {
					    write_enospc, write_short };
	struct store_conf	 c;
	struct store_file	 f;
	size_t			 i;
	char			 path[512];

	for (i = 0; i < 4; i++) {
		rm_rf(storedir);
		conf_for(&c, storedir);
		if (i == 3) {
			/* The directories made already: the file's own
			 * fsync is the one that fails. */
			CHECK_INT(store_init(&c), 1);
			CHECK_INT(store_put(sample("a.pdf", PDF, sizeof(PDF) -
			    1, 0), &f), STORE_OK);
			CHECK_INT(store_path(f.sha256, path, sizeof(path)), 1);
			CHECK_INT(unlink(path), 0);
		}
		if (i < 2)
			c.write = writes[i];
		else
			c.fsync = fsync_eio;
		CHECK_INT(store_init(&c), 1);
		CHECK_INT(store_put(sample("a.pdf", PDF, sizeof(PDF) - 1, 0),
		    &f), STORE_IO);
		CHECK_INT(files(storedir), 0);
		CHECK_INT(store_err_status(STORE_IO), 503);
	}
	fresh();
}

/* A store on a tmpfs: full (64 KiB) or read-only.  Needs root; without
 * it the case says so and checks nothing. */
static void
test_store_tmpfs(void)
{
	struct store_conf	 c;
	struct store_file	 f;

	if (mount("tmpfs", mnt, "tmpfs", 0, "size=64k,mode=0700") != 0) {
		printf("  skipped: cannot mount a tmpfs (%s)\n",
		    strerror(errno));
		return;
	}
	conf_for(&c, mnt);
	c.file_max = 1 << 20;
	CHECK_INT(store_init(&c), 1);
	CHECK_INT(store_put(sample("a.png", PNG, sizeof(PNG), 100 * 1024),
	    &f), STORE_IO);
	CHECK_INT(files(mnt), 0);
	/* A small one still fits. */
	CHECK_INT(store_put(sample("b.png", PNG, sizeof(PNG), 0), &f),
	    STORE_OK);
	CHECK_INT(files(mnt), 1);
	umount(mnt);
	if (mount("tmpfs", mnt, "tmpfs", MS_RDONLY, "size=64k") != 0) {
		CHECK(0);
		return;
	}
	CHECK_INT(store_put(sample("c.jpg", JPEG, sizeof(JPEG), 0), &f),
	    STORE_IO);
	CHECK_INT(entries(mnt), 0);
	umount(mnt);
	fresh();
}

/* ---- accepted files ---- */

/* The content decides: a PNG named .pdf is a PNG. */
static void
test_store_types(void)
{
	struct store_file	 f;
	char			 sha[65], path[512];
	struct stat		 st;

	fresh();
	CHECK_INT(store_put(sample("giay-to.pdf", PNG, sizeof(PNG), 0), &f),
	    STORE_OK);
	CHECK_STR(f.mime, "image/png");
	CHECK_STR(f.ext, "png");
	CHECK_INT(f.size, sizeof(PNG));
	sha256_hex(PNG, sizeof(PNG), sha);
	CHECK_STR(f.sha256, sha);
	CHECK_INT(store_path(f.sha256, path, sizeof(path)), 1);
	CHECK(strncmp(path, storedir, strlen(storedir)) == 0);
	CHECK(stat(path, &st) == 0 && (size_t)st.st_size == sizeof(PNG) &&
	    (st.st_mode & 0777) == 0600);
	CHECK_INT(store_put(sample("anh", JPEG, sizeof(JPEG), 0), &f),
	    STORE_OK);
	CHECK_STR(f.mime, "image/jpeg");
	CHECK_STR(f.ext, "jpg");
	CHECK_INT(store_put(sample("don.png", PDF, sizeof(PDF) - 1, 0), &f),
	    STORE_OK);
	CHECK_STR(f.mime, "application/pdf");
	CHECK_STR(store_ext("application/pdf"), "pdf");
	CHECK(store_ext("text/html") == NULL);
	CHECK_INT(files(storedir), 3);
}

/* The same bytes twice: one file, not written again. */
static void
test_store_dedupe(void)
{
	struct store_file	 f, g;
	char			 path[512];
	struct stat		 st1, st2;

	fresh();
	CHECK_INT(store_put(sample("a.pdf", PDF, sizeof(PDF) - 1, 3000), &f),
	    STORE_OK);
	CHECK_INT(store_path(f.sha256, path, sizeof(path)), 1);
	CHECK_INT(stat(path, &st1), 0);
	CHECK_INT(store_put(sample("khac-ten.pdf", PDF, sizeof(PDF) - 1,
	    3000), &g), STORE_OK);
	CHECK_STR(f.sha256, g.sha256);
	CHECK_INT(stat(path, &st2), 0);
	CHECK(st1.st_ino == st2.st_ino);
	CHECK_INT(files(storedir), 1);
}

/* The spool of a file of n bytes of p padded (sample), as the multipart
 * parser describes it: its path, size, SHA-256 and first bytes. */
static void
spool_of(struct store_spool *sp, const char *name, const void *p, size_t n,
    size_t pad, char sha[65], char *head, size_t headmax)
{
	struct stat	 st;
	FILE		*f;

	sp->path = sample(name, p, n, pad);
	CHECK_INT(stat(sp->path, &st), 0);
	sp->size = (size_t)st.st_size;
	f = fopen(sp->path, "r");
	sp->headlen = fread(head, 1, headmax, f);
	fclose(f);
	sha256_hex(head, sp->headlen, sha);	/* headmax >= the file */
	sp->sha256 = sha;
	sp->head = head;
}

/* A spooled upload is linked into the store, not copied: the store's
 * file is the spool's inode, of the same bytes; the spool may go. */
static void
test_store_spool_link(void)
{
	struct store_spool	 sp;
	struct store_file	 f;
	struct stat		 a, b;
	char			 sha[65], head[8192], path[512];

	fresh();
	spool_of(&sp, "up.pdf", PDF, sizeof(PDF) - 1, 3000, sha, head,
	    sizeof(head));
	CHECK_INT(store_put_spool(&sp, &f), STORE_OK);
	CHECK_STR(f.sha256, sha);
	CHECK_STR(f.mime, "application/pdf");
	CHECK_INT(f.size, sp.size);
	CHECK_INT(store_path(f.sha256, path, sizeof(path)), 1);
	CHECK_INT(stat(sp.path, &a), 0);
	CHECK_INT(stat(path, &b), 0);
	CHECK(a.st_ino == b.st_ino);
	CHECK_INT(unlink(sp.path), 0);
	CHECK_INT(store_check(f.sha256, f.size, 1), STORE_OK);
	/* The same content again: recorded once, still one file. */
	spool_of(&sp, "up2.pdf", PDF, sizeof(PDF) - 1, 3000, sha, head,
	    sizeof(head));
	CHECK_INT(store_put_spool(&sp, &f), STORE_OK);
	CHECK_INT(files(storedir), 1);
	/* Refused by its first bytes: nothing stored. */
	spool_of(&sp, "up.txt", TEXT, sizeof(TEXT) - 1, 0, sha, head,
	    sizeof(head));
	CHECK_INT(store_put_spool(&sp, &f), STORE_TYPE);
	CHECK_INT(files(storedir), 1);
}

/* The spool's fsync fails: STORE_IO and nothing linked into the store. */
static void
test_store_spool_fsync(void)
{
	struct store_conf	 c;
	struct store_spool	 sp;
	struct store_file	 f;
	char			 sha[65], head[8192];

	rm_rf(storedir);
	conf_for(&c, storedir);
	c.fsync = fsync_eio;
	CHECK_INT(store_init(&c), 1);
	spool_of(&sp, "up.png", PNG, sizeof(PNG), 100, sha, head,
	    sizeof(head));
	CHECK_INT(store_put_spool(&sp, &f), STORE_IO);
	CHECK_INT(files(storedir), 0);
	fresh();
}

/* store_read and store_check: the bytes back; a missing or damaged file
 * said so. */
static void
test_store_read_check(void)
{
	struct store_file	 f;
	char			*buf, path[512];
	const char		*zero = "0000000000000000000000000000000000000000"
				    "000000000000000000000000";
	FILE			*fp;

	fresh();
	CHECK_INT(store_put(sample("a.png", PNG, sizeof(PNG), 500), &f),
	    STORE_OK);
	CHECK_INT(store_read(A, f.sha256, f.size, &buf), STORE_OK);
	CHECK(buf != NULL && memcmp(buf, PNG, sizeof(PNG)) == 0);
	CHECK_INT(store_read(A, f.sha256, f.size + 1, &buf), STORE_NOTFOUND);
	CHECK_INT(store_read(A, zero, 10, &buf), STORE_NOTFOUND);
	CHECK_INT(store_read(A, "../../etc/passwd", 10, &buf),
	    STORE_NOTFOUND);
	CHECK_INT(store_check(f.sha256, f.size, 1), STORE_OK);
	CHECK_INT(store_check(zero, 10, 0), STORE_NOTFOUND);
	/* Same size, other bytes: only a rehash sees it. */
	CHECK_INT(store_path(f.sha256, path, sizeof(path)), 1);
	fp = fopen(path, "r+");
	fputc('X', fp);
	fclose(fp);
	CHECK_INT(store_check(f.sha256, f.size, 0), STORE_OK);
	CHECK_INT(store_check(f.sha256, f.size, 1), STORE_IO);
	CHECK_INT(store_check(f.sha256, f.size - 1, 0), STORE_IO);
}

/* ---- the scanner ---- */

static pid_t
clamd_start(const char *sock, const char *mode, const char *out)
{
	pid_t	 pid;
	int	 i, fd;

	unlink(sock);
	if ((pid = fork()) == 0) {
		if ((fd = open("/dev/null", O_RDWR)) >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
		}
		execl(PY, PY, "-c", FAKE_CLAMD, sock, mode, out, (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 200 && access(sock, F_OK) != 0; i++)
		usleep(25 * 1000);
	return pid;
}

static void
clamd_stop(pid_t pid)
{
	if (pid > 0) {
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
	}
}

static void
read_line(const char *path, char *buf, size_t n)
{
	FILE	*f = fopen(path, "r");

	buf[0] = '\0';
	if (f != NULL) {
		if (fgets(buf, (int)n, f) == NULL)
			buf[0] = '\0';
		fclose(f);
	}
}

static void
test_store_clamd(void)
{
	static const char eicar[] = "%PDF-1.4\n% X5O!P%@AP[4\\PZX54(P^)7CC)7}"
	    "$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n%%EOF\n";
	struct store_conf	 c;
	struct store_file	 f;
	char			 sock[160], silent[160], out[160], got[80];
	pid_t			 ok, hang;

	snprintf(sock, sizeof(sock), "%s/clamd.sock", tmpdir);
	snprintf(silent, sizeof(silent), "%s/silent.sock", tmpdir);
	snprintf(out, sizeof(out), "%s/clamd.out", tmpdir);
	ok = clamd_start(sock, "ok", out);
	hang = clamd_start(silent, "silent", out);
	rm_rf(storedir);
	conf_for(&c, storedir);
	c.clamd_socket = sock;
	CHECK_INT(store_init(&c), 1);
	/* Clean: scanned (clamd saw every byte), then stored. */
	CHECK_INT(store_put(sample("a.pdf", PDF, sizeof(PDF) - 1, 200000 -
	    sizeof(PDF)), &f), STORE_TOOBIG);
	CHECK_INT(store_put(sample("a.pdf", PDF, sizeof(PDF) - 1, 60000), &f),
	    STORE_OK);
	read_line(out, got, sizeof(got));
	CHECK_STR(got, f.sha256);
	CHECK_INT(files(storedir), 1);
	/* Infected: refused, nothing stored. */
	CHECK_INT(store_put(sample("virus.pdf", eicar, sizeof(eicar) - 1, 0),
	    &f), STORE_VIRUS);
	CHECK_INT(store_err_status(STORE_VIRUS), 422);
	CHECK_STR(store_err_str(STORE_VIRUS), "Tệp bị nhiễm mã độc.");
	CHECK_INT(files(storedir), 1);
	/* A scanner that never answers, and none at all: 503, nothing. */
	c.clamd_socket = silent;
	CHECK_INT(store_init(&c), 1);
	CHECK_INT(store_put(sample("b.png", PNG, sizeof(PNG), 0), &f),
	    STORE_SCAN);
	c.clamd_socket = "/nonexistent/clamd.sock";
	CHECK_INT(store_init(&c), 1);
	CHECK_INT(store_put(sample("b.png", PNG, sizeof(PNG), 0), &f),
	    STORE_SCAN);
	CHECK_INT(store_err_status(STORE_SCAN), 503);
	CHECK_INT(files(storedir), 1);
	clamd_stop(ok);
	clamd_stop(hang);
	fresh();
}

/* ---- an upload cut short ---- */

struct cut {
	const char	*p;
	size_t		 n, off;
};

/* The body's bytes, then the connection fails. */
static ssize_t
cut_read(void *ctx, char *buf, size_t len)
{
	struct cut	*c = ctx;
	size_t		 k = c->n - c->off;

	if (k == 0)
		return -1;
	if (k > len)
		k = len;
	memcpy(buf, c->p + c->off, k);
	c->off += k;
	return (ssize_t)k;
}

/* A file part that stops mid-upload: the parser fails, its spool is
 * removed with the request, and store_put is never reached: nothing in
 * the store, no row. */
static void
test_store_upload_cut(void)
{
	char			 spool[160], body[4096];
	struct arena		*a = arena_new();
	struct req_kvlist	 l = { 0 };
	struct req_limits	 lm;
	struct cut		 c;
	int			 n;

	fresh();
	snprintf(spool, sizeof(spool), "%s/spool", tmpdir);
	mkdir(spool, 0700);
	memset(&lm, 0, sizeof(lm));
	lm.body_max = lm.file_max = 1 << 20;
	lm.fields_max = 16;
	lm.value_max = 1024;
	lm.tmpdir = spool;
	n = snprintf(body, sizeof(body), "--B\r\nContent-Disposition: "
	    "form-data; name=\"giay_to\"; filename=\"a.png\"\r\n"
	    "Content-Type: image/png\r\n\r\n");
	memcpy(body + n, PNG, sizeof(PNG));
	memset(body + n + sizeof(PNG), 'x', 2000);
	c.p = body;
	c.n = (size_t)n + sizeof(PNG) + 2000;
	c.off = 0;
	CHECK_INT(req_parse_multipart(a, "multipart/form-data; boundary=B",
	    cut_read, &c, &lm, &l), REQ_IO);
	arena_free(a);
	CHECK_INT(entries(spool), 0);
	CHECK_INT(entries(storedir), 0);
}

/* ---- names ---- */

static void
test_store_filename(void)
{
	char	 longname[400];

	CHECK_STR(store_filename(A, "Giấy khai sinh.pdf"), "Giấy khai sinh.pdf");
	/* NFD in, NFC out. */
	CHECK_STR(store_filename(A, "Gia\xcc\x81y.pdf"), "Giáy.pdf");
	CHECK_STR(store_filename(A, "C:\\fakepath\\don.pdf"), "don.pdf");
	CHECK_STR(store_filename(A, "../../etc/passwd"), "passwd");
	CHECK_STR(store_filename(A, "a\tb\r\nc.png"), "abc.png");
	CHECK_STR(store_filename(A, "  hai   khoang  .png "), "hai khoang .png");
	/* A right-to-left override that would show "x.fdp.exe" as another
	 * name is dropped. */
	CHECK_STR(store_filename(A, "x\xe2\x80\xaegpj.exe"), "xgpj.exe");
	CHECK_STR(store_filename(A, ""), "tep");
	CHECK_STR(store_filename(A, NULL), "tep");
	CHECK_STR(store_filename(A, "dir/"), "tep");
	CHECK_STR(store_filename(A, ".."), "tep");
	memset(longname, 'a', 300);
	strcpy(longname + 300, ".pdf");
	{
		const char *n = store_filename(A, longname);
		CHECK_INT(strlen(n), 255);
		CHECK(strcmp(n + 251, ".pdf") == 0);
	}
}

static int	 walked;

static int
walk_one(void *ctx, const char *path, const char *name)
{
	(void)ctx;
	walked += strstr(path, name) != NULL;
	return 1;
}

static void
test_store_walk(void)
{
	struct store_file	 f;

	fresh();
	CHECK_INT(store_put(sample("a.png", PNG, sizeof(PNG), 0), &f),
	    STORE_OK);
	CHECK_INT(store_put(sample("b.pdf", PDF, sizeof(PDF) - 1, 0), &f),
	    STORE_OK);
	walked = 0;
	CHECK_INT(store_walk(walk_one, NULL), 1);
	CHECK_INT(walked, 2);
}

int
main(void)
{
	if (sodium_init() < 0 || mkdtemp(tmpdir) == NULL)
		return 1;
	snprintf(storedir, sizeof(storedir), "%s/store", tmpdir);
	snprintf(srcdir, sizeof(srcdir), "%s/src", tmpdir);
	snprintf(mnt, sizeof(mnt), "%s/mnt", tmpdir);
	mkdir(srcdir, 0700);
	mkdir(mnt, 0700);
	A = arena_new();
	RUN(test_store_not_initialised);
	RUN(test_store_oversize);
	RUN(test_store_wrong_magic);
	RUN(test_store_write_faults);
	RUN(test_store_tmpfs);
	RUN(test_store_types);
	RUN(test_store_dedupe);
	RUN(test_store_spool_link);
	RUN(test_store_spool_fsync);
	RUN(test_store_read_check);
	RUN(test_store_clamd);
	RUN(test_store_upload_cut);
	RUN(test_store_filename);
	RUN(test_store_walk);
	arena_free(A);
	store_thread_end();
	store_end();
	rm_rf(tmpdir);
	return T_END();
}
