/* Mail: address validation, refusal before the database, and SMTP
 * delivery through libcurl to a real SMTP sink (Debian's aiosmtpd, started
 * here on a free loopback port, writing a maildir).  The delivered message
 * is decoded twice: by Python's email package (an independent RFC 2047 /
 * MIME reader) and by the base64 decoder of libsodium.  The outbox flow
 * with the database is tested through the stack:
 * tests/integration/test_mail.py. */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app/mail.h"
#include "app/mail_msg.h"
#include "core/valid.h"
#include "t.h"

#define PY	"/usr/bin/python3"

static char	 tmpdir[] = "/tmp/test_mail.XXXXXX";
static char	 maildir[64];
static pid_t	 sink_pid = -1;
static int	 sink_port;

/* A Vietnamese subject long enough for several encoded words, with
 * three-byte characters near every split point. */
static const char *const SUBJECT =
    "Hồ sơ PY-250101-0001 của ông/bà đã được tiếp nhận — Bộ phận một cửa "
    "phường Ba Hàng, thành phố Phổ Yên";
static const char *const BODY =
    "Kính gửi ông/bà Nguyễn Văn Ấn,\n\n"
    "Để đặt lại mật khẩu, mở liên kết sau trong 30 phút:\n"
    "http://127.0.0.1:8080/quen-mat-khau?token=SECRET-TOKEN-123\n"
    ".dòng bắt đầu bằng dấu chấm\n"
    "Trân trọng.\n";

static int
free_port(void)
{
	struct sockaddr_in	 sa;
	socklen_t		 len = sizeof(sa);
	int			 fd, port = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return 0;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
		port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

static int
port_open(int port)
{
	struct sockaddr_in	 sa;
	int			 fd, ok;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((unsigned short)port);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return 0;
	ok = connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
	close(fd);
	return ok;
}

/* Starts aiosmtpd on a free port writing into maildir; waits (10 s at
 * most) until it accepts connections.  Returns 1 when it does. */
static int
sink_start(void)
{
	char	 listen[32];
	int	 i, fd, status;

	sink_port = free_port();
	snprintf(listen, sizeof(listen), "127.0.0.1:%d", sink_port);
	if ((sink_pid = fork()) == 0) {
		if ((fd = open("/dev/null", O_RDWR)) >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl(PY, PY, "-m", "aiosmtpd", "-n", "-l", listen, "-c",
		    "aiosmtpd.handlers.Mailbox", maildir, (char *)NULL);
		_exit(127);
	}
	for (i = 0; sink_pid > 0 && i < 200; i++) {
		if (port_open(sink_port))
			return 1;
		if (waitpid(sink_pid, &status, WNOHANG) == sink_pid) {
			sink_pid = -1;
			break;
		}
		usleep(50 * 1000);
	}
	printf("  aiosmtpd did not start on port %d\n", sink_port);
	return 0;
}

static void
sink_stop(void)
{
	if (sink_pid > 0) {
		kill(sink_pid, SIGTERM);
		waitpid(sink_pid, NULL, 0);
	}
	sink_pid = -1;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

static void
conf_for(struct mail_conf *c, int port)
{
	static char	 url[64];

	snprintf(url, sizeof(url), "smtp://127.0.0.1:%d", port);
	memset(c, 0, sizeof(*c));
	c->smtp_url = url;
	c->from = "Cổng thông tin điện tử Phổ Yên <no-reply@phoyen.example>";
}

/* Path of the one message in maildir/new, into path; 0 when not one. */
static int
delivered(char *path, size_t pathsz)
{
	char		 dir[128];
	DIR		*d;
	struct dirent	*e;
	int		 n = 0;

	snprintf(dir, sizeof(dir), "%s/new", maildir);
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.') {
			snprintf(path, pathsz, "%s/%s", dir, e->d_name);
			n++;
		}
	closedir(d);
	return n == 1;
}

static void
clear_maildir(void)
{
	char	 path[512];

	while (delivered(path, sizeof(path)))
		unlink(path);
}

/* Reads a whole file (NUL-terminated, caller frees). */
static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	*s = NULL;
	size_t	 n = 0;
	long	 sz;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (sz = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		s = malloc((size_t)sz + 1);
		n = fread(s, 1, (size_t)sz, f);
		s[n] = '\0';
	}
	fclose(f);
	return s;
}

/* Python's reading of the message: subject, From display name, From
 * address, To address, body, envelope sender, envelope recipients,
 * number of defects; each hex-encoded on a line of its own. */
static const char PY_DECODE[] =
    "import email, email.policy, sys\n"
    "m = email.message_from_binary_file(open(sys.argv[1], 'rb'),"
    " policy=email.policy.default)\n"
    "f = m['from'].addresses[0]\n"
    "bad = len(m.defects) + sum(len(m[h].defects)"
    " for h in ('subject', 'from', 'to', 'date', 'message-id'))\n"
    "for v in (m['subject'], f.display_name, f.addr_spec,"
    " m['to'].addresses[0].addr_spec, m.get_content(),"
    " m['x-mailfrom'], m['x-rcptto'], str(bad),"
    " str(m['date'].datetime.utcoffset()), m.get_content_type(),"
    " m.get_content_charset()):\n"
    "    print(v.encode().hex())\n";

#define PY_FIELDS	11

/* Runs PY_DECODE on path; fields get the decoded strings (caller frees
 * each).  Returns the number read. */
static int
py_decode(const char *path, char *fields[PY_FIELDS])
{
	char	 cmd[1024];
	char	*line = NULL;
	size_t	 cap = 0, binlen;
	ssize_t	 n;
	FILE	*p;
	int	 i = 0;

	snprintf(cmd, sizeof(cmd), PY " -c \"$PYDECODE\" '%s'", path);
	setenv("PYDECODE", PY_DECODE, 1);
	if ((p = popen(cmd, "r")) == NULL)
		return 0;
	while (i < PY_FIELDS && (n = getline(&line, &cap, p)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		fields[i] = calloc(1, (size_t)n / 2 + 1);
		if (sodium_hex2bin((unsigned char *)fields[i], (size_t)n / 2 + 1,
		    line, (size_t)n, NULL, &binlen, NULL) != 0) {
			free(fields[i]);
			break;
		}
		i++;
	}
	free(line);
	pclose(p);
	return i;
}

/* The body with every LF made CRLF: the canonical form mail carries. */
static char *
crlf(const char *s)
{
	char	*out = malloc(strlen(s) * 2 + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '\n')
			*o++ = '\r';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* Checks one encoded word w of n characters: at most 75, UTF-8 in base64,
 * whole characters only (RFC 2047 section 5). */
static void
check_word(const char *w, size_t n)
{
	unsigned char	 bin[64];
	size_t		 binlen;

	CHECK(n <= 75);
	CHECK(strncmp(w, "=?UTF-8?B?", 10) == 0);
	if (n > 75 || n < 12)
		return;
	CHECK(sodium_base642bin(bin, sizeof(bin), w + 10, n - 12, NULL,
	    &binlen, NULL, sodium_base64_VARIANT_ORIGINAL) == 0);
	if (!valid_utf8((const char *)bin, binlen))
		printf("  encoded word cuts a character: %.*s\n", (int)n, w);
	CHECK(valid_utf8((const char *)bin, binlen));
}

/* Checks the raw message: line lengths, encoded words of at most 75
 * characters, the fixed headers; returns the body decoded by libsodium
 * (caller frees) or NULL. */
static char *
check_raw(const char *raw)
{
	const char	*p, *e, *hdr_end, *w, *we;
	char		*b64, *bin, *o;
	size_t		 len, binlen;

	hdr_end = strstr(raw, "\n\n");
	CHECK(hdr_end != NULL);
	if (hdr_end == NULL)
		return NULL;
	for (p = raw; *p != '\0'; p = e + (*e != '\0')) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		len = (size_t)(e - p) - (e > p && e[-1] == '\r');
		if (len > 76)
			printf("  line of %zu chars: %.40s...\n", len, p);
		CHECK(len <= 76);
	}
	for (w = strstr(raw, "=?"); w != NULL && w < hdr_end;
	    w = strstr(we, "=?")) {
		we = strstr(w + 2, "?=");
		while (we != NULL && we - w < 10)	/* "=?UTF-8?B?" */
			we = strstr(we + 1, "?=");
		CHECK(we != NULL);
		if (we == NULL)
			break;
		we += 2;
		check_word(w, (size_t)(we - w));
	}
	CHECK(strstr(raw, "\nMIME-Version: 1.0") != NULL);
	CHECK(strstr(raw, "\nContent-Transfer-Encoding: base64") != NULL);
	CHECK(strstr(raw, "@phoyen.example>") != NULL);
	CHECK(strstr(raw, "SECRET-TOKEN") == NULL);
	/* The body: base64 lines of 76 characters, the last maybe shorter. */
	b64 = o = malloc(strlen(hdr_end) + 1);
	for (p = hdr_end + 2; *p != '\0'; p++)
		if (*p != '\n' && *p != '\r')
			*o++ = *p;
	*o = '\0';
	bin = calloc(1, strlen(b64) + 1);
	if (sodium_base642bin((unsigned char *)bin, strlen(b64), b64,
	    strlen(b64), NULL, &binlen, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0) {
		CHECK(!"body is not base64");
		free(bin);
		bin = NULL;
	}
	free(b64);
	return bin;
}

/* Collapses runs of spaces into one, in place. */
static char *
squeeze(char *s)
{
	char	*r = s, *w = s;

	for (; s != NULL && *r != '\0'; r++)
		if (*r != ' ' || w == s || w[-1] != ' ')
			*w++ = *r;
	if (s != NULL)
		*w = '\0';
	return s;
}

/* Sends subject and body to the sink from the display name (the default
 * one when NULL) and checks what arrived. */
static void
check_delivery_from(const char *name, const char *subject, const char *body)
{
	struct mail_conf	 c;
	char			 err[256], path[512], *raw, *bin, *want;
	char			*f[PY_FIELDS] = { 0 };
	char			 from[256], want_name[256];
	int			 i, n;

	conf_for(&c, sink_port);
	if (name != NULL) {
		snprintf(from, sizeof(from), "%s <no-reply@phoyen.example>",
		    name);
		c.from = from;
	} else
		name = "Cổng thông tin điện tử Phổ Yên";
	/* Python keeps the folding space between encoded words of a display
	 * name (RFC 2047 says drop it); mail_words splits after a space. */
	if (name[0] == '"')	/* quotes are syntax, not part of the name */
		snprintf(want_name, sizeof(want_name), "%.*s",
		    (int)strlen(name) - 2, name + 1);
	else
		snprintf(want_name, sizeof(want_name), "%s", name);
	clear_maildir();
	CHECK_INT(mail_smtp_send(&c, "cong.dan@example.vn", subject, body,
	    err, sizeof(err)), 1);
	if (*err != '\0')
		printf("  err: %s\n", err);
	CHECK(delivered(path, sizeof(path)));
	if ((raw = slurp(path)) == NULL) {
		CHECK(!"no message in the maildir");
		return;
	}
	want = crlf(body);
	bin = check_raw(raw);
	CHECK_STR(bin, want);
	n = py_decode(path, f);
	CHECK_INT(n, PY_FIELDS);
	if (n == PY_FIELDS) {
		CHECK_STR(f[0], subject);
		CHECK_STR(squeeze(f[1]), want_name);
		CHECK_STR(f[2], "no-reply@phoyen.example");
		CHECK_STR(f[3], "cong.dan@example.vn");
		CHECK_STR(f[4], want);
		CHECK_STR(f[5], "no-reply@phoyen.example");
		CHECK_STR(f[6], "cong.dan@example.vn");
		CHECK_STR(f[7], "0");
		CHECK_STR(f[8], "0:00:00");
		CHECK_STR(f[9], "text/plain");
		CHECK_STR(f[10], "utf-8");
	}
	for (i = 0; i < n; i++)
		free(f[i]);
	free(want);
	free(bin);
	free(raw);
}

static void
check_delivery(const char *subject, const char *body)
{
	check_delivery_from(NULL, subject, body);
}

static void
test_addr_valid_refuses(void)
{
	char	 longaddr[300];

	CHECK(!mail_msg_addr_valid(NULL));
	CHECK(!mail_msg_addr_valid(""));
	CHECK(!mail_msg_addr_valid("a@b.vn\r\nBcc: x@y.vn"));
	CHECK(!mail_msg_addr_valid("a@b.vn\n"));
	CHECK(!mail_msg_addr_valid("a@b.vn\r"));
	CHECK(!mail_msg_addr_valid("khong-a-con.vn"));
	CHECK(!mail_msg_addr_valid("a@b@c.vn"));
	CHECK(!mail_msg_addr_valid("@b.vn"));
	CHECK(!mail_msg_addr_valid("a@"));
	CHECK(!mail_msg_addr_valid("a b@c.vn"));
	CHECK(!mail_msg_addr_valid("<a@b.vn>"));
	CHECK(!mail_msg_addr_valid("a@b.vn, c@d.vn"));
	CHECK(!mail_msg_addr_valid("\"a\"@b.vn"));
	CHECK(!mail_msg_addr_valid("ấn@b.vn"));
	CHECK(!mail_msg_addr_valid("a\t@b.vn"));
	memset(longaddr, 'a', sizeof(longaddr));
	memcpy(longaddr + 240, "@example.vn", 12);	/* 251 bytes */
	CHECK(mail_msg_addr_valid(longaddr));
	memcpy(longaddr + 244, "@example.vn", 12);	/* 255 bytes */
	CHECK(!mail_msg_addr_valid(longaddr));
}

static void
test_addr_valid_accepts(void)
{
	CHECK(mail_msg_addr_valid("cong.dan@example.vn"));
	CHECK(mail_msg_addr_valid("a+tag@phoyen.thainguyen.gov.vn"));
	CHECK(mail_msg_addr_valid("x@y"));
}

/* Refused before the database is touched: db NULL must not matter. */
static void
test_queue_refuses_crlf_without_db(void)
{
	CHECK_INT(mail_queue(NULL, "a@b.vn\r\nBcc: x@y.vn", "Chào", "x"), 0);
	CHECK_INT(mail_queue(NULL, "a@b.vn\n", "Chào", "x"), 0);
	CHECK_INT(mail_queue(NULL, "khong-co-a-cong", "Chào", "x"), 0);
	CHECK_INT(mail_queue(NULL, "a@b.vn", "Chào\r\nBcc: x@y.vn", "x"), 0);
	CHECK_INT(mail_queue(NULL, "a@b.vn", "Chào\n", "x"), 0);
	CHECK_INT(mail_queue(NULL, "a@b.vn", NULL, "x"), 0);
	CHECK_INT(mail_queue(NULL, "a@b.vn", "Chào", NULL), 0);
}

static void
test_send_server_down(void)
{
	struct mail_conf	 c;
	char			 err[256] = "";
	time_t			 t0 = time(NULL);

	conf_for(&c, free_port());
	CHECK_INT(mail_smtp_send(&c, "a@b.vn", SUBJECT, BODY, err,
	    sizeof(err)), 0);
	CHECK(*err != '\0');
	CHECK(strstr(err, "SECRET") == NULL);
	CHECK(time(NULL) - t0 < 5);
	printf("  err: %s\n", err);
}

static void
test_send_refuses_bad_recipient_and_subject(void)
{
	struct mail_conf	 c;
	char			 err[256] = "";

	conf_for(&c, free_port());
	CHECK_INT(mail_smtp_send(&c, "a@b.vn\r\nRCPT TO:<x@y.vn>", "Chào",
	    "x", err, sizeof(err)), 0);
	CHECK(*err != '\0');
	*err = '\0';
	CHECK_INT(mail_smtp_send(&c, "a@b.vn", "Chào\r\nBcc: x@y.vn", "x",
	    err, sizeof(err)), 0);
	CHECK(*err != '\0');
}

static void
test_send_refuses_bad_from(void)
{
	struct mail_conf	 c;
	char			 err[256] = "";

	conf_for(&c, free_port());
	c.from = "Phổ Yên <no-reply>";
	CHECK_INT(mail_smtp_send(&c, "a@b.vn", "Chào", "x", err,
	    sizeof(err)), 0);
	CHECK(strstr(err, "from") != NULL);
	c.from = "Phổ Yên <no-reply@phoyen.example";
	CHECK_INT(mail_smtp_send(&c, "a@b.vn", "Chào", "x", err,
	    sizeof(err)), 0);
}

static void
test_conf_defaults_and_env(void)
{
	struct mail_conf	 c;

	unsetenv("PORTAL_MAIL_SMTP_URL");
	unsetenv("PORTAL_MAIL_USER");
	unsetenv("PORTAL_MAIL_TLS");
	mail_conf_load(&c);
	CHECK_STR(c.smtp_url, "smtp://127.0.0.1:2525");
	/* the city's own name comes from [mail] from, not from the code */
	CHECK_STR(c.from, "Cổng thông tin điện tử <no-reply@localhost>");
	CHECK(c.user == NULL);
	CHECK(c.password == NULL);
	CHECK_INT(c.tls, 0);
	setenv("PORTAL_MAIL_SMTP_URL", "smtp://mail.example.vn:587", 1);
	setenv("PORTAL_MAIL_TLS", "true", 1);
	setenv("PORTAL_MAIL_USER", "portal", 1);
	mail_conf_load(&c);
	CHECK_STR(c.smtp_url, "smtp://mail.example.vn:587");
	CHECK_INT(c.tls, 1);
	CHECK_STR(c.user, "portal");
	unsetenv("PORTAL_MAIL_SMTP_URL");
	unsetenv("PORTAL_MAIL_USER");
	unsetenv("PORTAL_MAIL_TLS");
}

static void
test_send_vietnamese_delivered(void)
{
	CHECK(strlen(SUBJECT) > 3 * 39);	/* several encoded words */
	check_delivery(SUBJECT, BODY);
}

/* Every split point of the encoded words, with one to four byte
 * characters, decodes to the original. */
static void
test_send_subject_splits(void)
{
	static const char *const subjects[] = {
		"a", "", "Đ", "ấấấấấấấấấấấấấ", "xấấấấấấấấấấấấấ",
		"xxấấấấấấấấấấấấấ", "😀😀😀😀😀😀😀😀😀😀😀😀",
		"x😀😀😀😀😀😀😀😀😀😀😀😀", "Thông báo",
	};
	size_t	 i;

	for (i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++)
		check_delivery(subjects[i], i % 2 ? "" : "một dòng");
}

/* A display name longer than one encoded word; and one with quotes. */
static void
test_send_long_display_name(void)
{
	check_delivery_from("Ủy ban nhân dân phường Ba Hàng, thành phố Phổ Yên, "
	    "tỉnh Thái Nguyên", "Thông báo", "x");
	check_delivery_from("\"UBND phường Bãi Bông\"", "Thông báo", "x");
}

static void
test_send_long_body(void)
{
	char	*body = malloc(200 * 1024 + 1);
	size_t	 i;

	for (i = 0; i < 200 * 1024; i++)
		body[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
	body[i] = '\0';
	check_delivery("Tệp lớn", body);
	free(body);
}

int
main(void)
{
	int	 up;

	if (sodium_init() < 0 || mkdtemp(tmpdir) == NULL)
		return 1;
	snprintf(maildir, sizeof(maildir), "%s/mail", tmpdir);
	RUN(test_addr_valid_refuses);
	RUN(test_addr_valid_accepts);
	RUN(test_queue_refuses_crlf_without_db);
	RUN(test_send_server_down);
	RUN(test_send_refuses_bad_recipient_and_subject);
	RUN(test_send_refuses_bad_from);
	RUN(test_conf_defaults_and_env);
	up = sink_start();
	if (up) {
		RUN(test_send_vietnamese_delivered);
		RUN(test_send_subject_splits);
		RUN(test_send_long_display_name);
		RUN(test_send_long_body);
	} else
		printf("FAIL aiosmtpd_start\n");
	sink_stop();
	nftw(tmpdir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	return t_failed || !up ? 1 : 0;
}
