/* The small modules: arena, configuration, log lines, metrics. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/text.h"
#include "t.h"

static int cleaned;

static void
count_cleanup(void *arg)
{
	cleaned += *(int *)arg;
}

static void
test_arena_large_and_many(void)
{
	struct arena *a = arena_new();
	size_t i;
	char *big, *p;

	for (i = 0; i < 10000; i++) {
		p = arena_alloc(a, 33);
		CHECK(((uintptr_t)p & 15) == 0);
		memset(p, 'x', 33);
	}
	big = arena_alloc(a, 5 * 1024 * 1024);
	memset(big, 0, 5 * 1024 * 1024);
	CHECK(arena_calloc(a, 10, 10) != NULL);
	arena_reset(a);
	p = arena_alloc(a, 0);
	CHECK(p != NULL);
	arena_free(a);
}

static void
test_arena_strings_and_cleanups(void)
{
	struct arena *a = arena_new();
	int one = 1, ten = 10;

	CHECK_STR(arena_strndup(a, "Phổ Yên", 5), "Phổ");
	CHECK_STR(arena_printf(a, "%s-%d", "x", 42), "x-42");
	cleaned = 0;
	arena_defer(a, count_cleanup, &one);
	arena_defer(a, count_cleanup, &ten);
	arena_reset(a);
	CHECK_INT(cleaned, 11);
	arena_reset(a);
	CHECK_INT(cleaned, 11);
	arena_free(a);
}

static void
test_cfg_syntax_error_refused(void)
{
	char path[] = "/tmp/test_cfg.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	fputs("[db]\nthis line has no equals sign\n", f);
	fclose(f);
	CHECK(!cfg_load(path));
	CHECK(!cfg_load("/nonexistent/portal.conf"));
	cfg_free();
	unlink(path);
}

static void
test_cfg_env_overrides_file(void)
{
	char path[] = "/tmp/test_cfg.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	fputs("# comment\n[db]\n  name = portal  \nport=abc\n[site]\n"
	    "name=Phổ Yên\n; other\n", f);
	fclose(f);
	CHECK(cfg_load(path));
	CHECK_STR(cfg_str("db", "name", NULL), "portal");
	CHECK_STR(cfg_str("site", "name", NULL), "Phổ Yên");
	CHECK(cfg_str("db", "missing", NULL) == NULL);
	CHECK_INT(cfg_int("db", "port", 3306, 1, 65535), 3306);
	setenv("PORTAL_DB_NAME", "other", 1);
	setenv("PORTAL_DB_PORT", "3307", 1);
	setenv("PORTAL_SERVER_HTTPS", "yes", 1);
	CHECK_STR(cfg_str("db", "name", NULL), "other");
	CHECK_INT(cfg_int("db", "port", 3306, 1, 65535), 3307);
	CHECK_INT(cfg_bool("server", "https", 0), 1);
	setenv("PORTAL_DB_PORT", "70000", 1);
	CHECK_INT(cfg_int("db", "port", 3306, 1, 65535), 3306);
	unsetenv("PORTAL_DB_NAME");
	unsetenv("PORTAL_DB_PORT");
	unsetenv("PORTAL_SERVER_HTTPS");
	cfg_free();
	unlink(path);
}

static void
test_log_clean_strips_controls(void)
{
	char buf[64];

	CHECK_INT(log_clean(buf, sizeof(buf), "a\nb\rc\td\x1b[0m\"q\\"), 10);
	CHECK_STR(buf, "abcd[0m'q'");
	log_clean(buf, 4, "abcdef");
	CHECK_STR(buf, "abc");
	log_clean(buf, sizeof(buf), NULL);
	CHECK_STR(buf, "");
}

static void
test_metrics_render(void)
{
	struct arena *a = arena_new();
	size_t len;
	char *s;
	int i;

	static const char *const names[] = { "home", "unit" };

	CHECK(metrics_init(names, 2));
	for (i = 0; i < 1000; i++)
		metrics_observe(0, 200, 0.003);
	metrics_observe(1, 404, 7.0);
	metrics_observe(-1, 404, 0.0001);
	metrics_observe(2, 404, 0.0001);	/* no such route: "none" */
	metrics_observe(0, 418, 0.0001);
	metrics_db_error();
	metrics_event(EV_LOGIN_FAILED);
	metrics_event(EV_LOGIN_FAILED);
	metrics_event(EV_MAIL_SENT);
	s = metrics_render(a, &len);
	CHECK(strlen(s) == len);
	CHECK(strstr(s, "portal_requests_total{route=\"home\",status=\"200\"}"
	    " 1000\n") != NULL);
	CHECK(strstr(s, "{route=\"unit\",status=\"404\"} 1\n") != NULL);
	CHECK(strstr(s, "{route=\"none\",status=\"404\"} 2\n") != NULL);
	CHECK(strstr(s, "{route=\"home\",status=\"other\"} 1\n") != NULL);
	CHECK(strstr(s, "_bucket{le=\"0.005\"} 1003\n") != NULL);
	CHECK(strstr(s, "_bucket{le=\"+Inf\"} 1004\n") != NULL);
	CHECK(strstr(s, "portal_request_duration_seconds_count 1004\n"));
	CHECK(strstr(s, "portal_db_errors_total 1\n") != NULL);
	CHECK(strstr(s, "\nportal_login_failures_total 2\n") != NULL);
	CHECK(strstr(s, "\nportal_mail_sent_total 1\n") != NULL);
	CHECK(strstr(s, "\nportal_logins_total 0\n") != NULL);
	CHECK(strstr(s, "# TYPE portal_hash_busy_total counter\n") != NULL);
	arena_free(a);
}

static void
test_text_slug_vietnamese(void)
{
	struct arena *a = arena_new();

	CHECK_STR(text_slug(a, "Lễ hội Đền Lý Nam Đế – Phổ Yên!", 80),
	    "le-hoi-den-ly-nam-de-pho-yen");
	CHECK_STR(text_slug(a, "  ĐƯỜNG   Lê Lợi  ", 80), "duong-le-loi");
	CHECK_STR(text_slug(a, "Thông báo số 12/2026", 80),
	    "thong-bao-so-12-2026");
	CHECK_STR(text_slug(a, "Trận đấu", 4), "tran");
	CHECK_STR(text_slug(a, "!!! ???", 80), "bai-viet");
	CHECK_STR(text_slug(a, "", 80), "bai-viet");
	CHECK_STR(text_slug(a, "漢字", 80), "bai-viet");
	arena_free(a);
}

static void
test_text_trim_and_nfc(void)
{
	struct arena *a = arena_new();
	/* "Việt" decomposed: e + combining circumflex + combining dot below */
	const char *nfd = "Vie\xcc\x82\xcc\xa3t  Nam\n";

	CHECK_STR(text_trim(a, nfd, strlen(nfd)), "Việt Nam");
	CHECK_STR(text_trim(a, " \t ", 3), "");
	CHECK_INT(text_chars("Phổ Yên"), 7);
	CHECK_STR(text_urlencode(a, "/tai-khoan?x=1&y=Phổ"),
	    "%2Ftai-khoan%3Fx%3D1%26y%3DPh%E1%BB%95");
	arena_free(a);
}

int
main(void)
{
	RUN(test_arena_large_and_many);
	RUN(test_arena_strings_and_cleanups);
	RUN(test_cfg_syntax_error_refused);
	RUN(test_cfg_env_overrides_file);
	RUN(test_log_clean_strips_controls);
	RUN(test_metrics_render);
	RUN(test_text_slug_vietnamese);
	RUN(test_text_trim_and_nfc);
	return T_END();
}
