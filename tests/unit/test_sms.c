/* app/sms.c and app/notify.c: the JSON the gateway gets (with and
 * without diacritics), the back-off, the recipients as staff see them;
 * sms_post against a one-request HTTP server on a loopback port (2xx
 * sent; 503, a closed port, no gateway: not sent, with the reason). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "app/notify.h"
#include "app/sms.h"
#include "core/arena.h"
#include "t.h"

static void
test_sms_payload_invalid_utf8(void)
{
	struct arena	*a = arena_new();
	struct sms_conf	 c = { .ascii = 1 };

	CHECK(sms_payload(a, &c, 1, "0912000041", "H\xe1\xbb") == NULL);
	c.ascii = 0;
	CHECK(sms_payload(a, &c, 1, "0912000041", "H\xe1\xbb") == NULL);
	arena_free(a);
}

static void
test_sms_payload_ascii(void)
{
	struct arena	*a = arena_new();
	struct sms_conf	 c = { .ascii = 1 };

	CHECK_STR(sms_payload(a, &c, 42, "0912000041", "Hồ sơ PY-1 đã được "
	    "tiếp nhận, hẹn trả kết quả ngày 05/12/2026. Tra cứu: "
	    "http://x/tra-cuu?ma=PY-1"), "{\"id\":42,\"to\":\"0912000041\","
	    "\"text\":\"Ho so PY-1 da duoc tiep nhan, hen tra ket qua ngay "
	    "05/12/2026. Tra cuu: http://x/tra-cuu?ma=PY-1\"}");
	arena_free(a);
}

static void
test_sms_payload_unicode(void)
{
	struct arena	*a = arena_new();
	struct sms_conf	 c = { .ascii = 0 };

	CHECK_STR(sms_payload(a, &c, 7, "0912000041", "Đã \"xong\""),
	    "{\"id\":7,\"to\":\"0912000041\",\"text\":\"Đã \\\"xong\\\"\"}");
	arena_free(a);
}

static void
test_sms_backoff(void)
{
	CHECK_INT(sms_backoff(30, 0), 30);
	CHECK_INT(sms_backoff(30, 1), 60);
	CHECK_INT(sms_backoff(30, 3), 240);
	CHECK_INT(sms_backoff(30, 9), 3600);
	CHECK_INT(sms_backoff(1, 2), 4);
	CHECK_INT(sms_backoff(0, 0), 1);
	CHECK_INT(sms_backoff(3600, 4000000000u), 3600);
}

static void
test_notify_mask(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(notify_mask(a, "sms", "0912000041"), "•••••••041");
	CHECK_STR(notify_mask(a, "sms", "041"), "…");
	CHECK_STR(notify_mask(a, "email", "dan@example.com"),
	    "d…@example.com");
	CHECK_STR(notify_mask(a, "email", "ấn@ví-dụ.vn"), "ấ…@ví-dụ.vn");
	CHECK_STR(notify_mask(a, "email", "@example.com"), "…");
	CHECK_STR(notify_mask(a, "email", "dan@"), "…");
	CHECK_STR(notify_mask(a, "email", "dan"), "…");
	arena_free(a);
}

/* A server that answers one request with status and keeps what it got. */
struct gw {
	int	 fd;
	int	 port;
	int	 status;
	char	 got[4096];
};

static void *
gw_serve(void *arg)
{
	struct gw	*g = arg;
	char		 reply[128];
	size_t		 n = 0;
	ssize_t		 k;
	int		 c;

	if ((c = accept(g->fd, NULL, NULL)) < 0)
		return NULL;
	/* The request is small: read until the JSON body's closing brace. */
	while (n < sizeof(g->got) - 1 &&
	    (k = read(c, g->got + n, sizeof(g->got) - 1 - n)) > 0) {
		n += (size_t)k;
		g->got[n] = '\0';
		if (strstr(g->got, "\r\n\r\n") != NULL &&
		    g->got[n - 1] == '}')
			break;
	}
	snprintf(reply, sizeof(reply), "HTTP/1.1 %d X\r\nContent-Length: 2"
	    "\r\nConnection: close\r\n\r\nok", g->status);
	if (write(c, reply, strlen(reply)) < 0)
		g->status = -1;
	close(c);
	return NULL;
}

/* Listens on a free loopback port; returns 0 when it cannot. */
static int
gw_listen(struct gw *g)
{
	struct sockaddr_in	 sa = { .sin_family = AF_INET };
	socklen_t		 len = sizeof(sa);

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((g->fd = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    bind(g->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(g->fd, 1) < 0 ||
	    getsockname(g->fd, (struct sockaddr *)&sa, &len) < 0)
		return 0;
	g->port = ntohs(sa.sin_port);
	return 1;
}

/* POSTs json to a server answering status; *got the request. */
static int
gw_post(int status, const char *token, char *got, size_t gotsz, char *err,
    size_t errsz)
{
	struct gw	 g = { .status = status };
	struct sms_conf	 c = { .token = token, .timeout_ms = 5000 };
	char		 url[64];
	pthread_t	 t;
	int		 ok;

	if (!gw_listen(&g))
		return -1;
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/sms", g.port);
	c.url = url;
	pthread_create(&t, NULL, gw_serve, &g);
	ok = sms_post(&c, "{\"id\":1,\"to\":\"0912000041\",\"text\":\"x\"}",
	    err, errsz);
	pthread_join(t, NULL);
	close(g.fd);
	snprintf(got, gotsz, "%s", g.got);
	return ok;
}

static void
test_sms_post_refused(void)
{
	struct sms_conf	 c = { .timeout_ms = 1000 };
	struct gw	 g;
	char		 err[256], got[4096], url[64];

	CHECK(!sms_post(&c, "{}", err, sizeof(err)));
	CHECK_STR(err, "no [sms] gateway_url");
	CHECK_INT(gw_post(503, NULL, got, sizeof(got), err, sizeof(err)), 0);
	CHECK_STR(err, "gateway answered HTTP 503");
	CHECK_INT(gw_post(404, NULL, got, sizeof(got), err, sizeof(err)), 0);
	CHECK_STR(err, "gateway answered HTTP 404");
	/* A port nobody listens on: bound, then closed. */
	CHECK(gw_listen(&g));
	close(g.fd);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/sms", g.port);
	c.url = url;
	CHECK(!sms_post(&c, "{}", err, sizeof(err)));
	CHECK(strstr(err, "connect") != NULL);
}

static void
test_sms_post_sent(void)
{
	char	 err[256] = "", got[4096];

	CHECK_INT(gw_post(200, NULL, got, sizeof(got), err, sizeof(err)), 1);
	CHECK(strncmp(got, "POST /sms HTTP/1.1\r\n", 20) == 0);
	CHECK(strstr(got, "Content-Type: application/json; charset=utf-8\r\n")
	    != NULL);
	CHECK(strstr(got, "Authorization") == NULL);
	CHECK(strstr(got, "\r\n\r\n{\"id\":1,\"to\":\"0912000041\"") != NULL);
	CHECK_INT(gw_post(202, "bí-mật.123", got, sizeof(got), err,
	    sizeof(err)), 1);
	CHECK(strstr(got, "\r\nAuthorization: Bearer bí-mật.123\r\n") != NULL);
}

int
main(void)
{
	RUN(test_sms_payload_invalid_utf8);
	RUN(test_sms_payload_ascii);
	RUN(test_sms_payload_unicode);
	RUN(test_sms_backoff);
	RUN(test_notify_mask);
	RUN(test_sms_post_refused);
	RUN(test_sms_post_sent);
	return T_END();
}
