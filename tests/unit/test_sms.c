/* app/sms.c and app/notify.c, their pure parts: the JSON the gateway
 * gets (with and without diacritics), the back-off, the recipients as
 * staff see them. */
#include <string.h>

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

int
main(void)
{
	RUN(test_sms_payload_invalid_utf8);
	RUN(test_sms_payload_ascii);
	RUN(test_sms_payload_unicode);
	RUN(test_sms_backoff);
	RUN(test_notify_mask);
	return T_END();
}
