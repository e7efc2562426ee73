/* Statuses (app/status.c), application codes (valid_app_code) and the
 * city's day (clock_day): the pure parts of tracking. */
#include <stdint.h>
#include <string.h>

#include "app/status.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/valid.h"
#include "http/key.h"
#include "t.h"

static struct arena	*A;

/* Checks raw as key k: 1/0, *v filled. */
static int
kc(enum key k, const char *raw, struct kval *v)
{
	memset(v, 0, sizeof(*v));
	v->raw = raw;
	return key_check(A, k, v);
}

static int
code_ok(const char *s)
{
	return valid_app_code(s, strlen(s));
}

static void
test_app_code_bad(void)
{
	CHECK(!code_ok(""));
	CHECK(!code_ok("05860-261130-001"));
	CHECK(!code_ok("05860-261130-00011"));
	CHECK(!code_ok("0586-0261130-0001"));
	CHECK(!code_ok("05860_261130_0001"));
	CHECK(!code_ok("05860-26113a-0001"));
	CHECK(!code_ok(" 05860-261130-0001"));
	CHECK(!code_ok("05860-261130-0001\n"));
	CHECK(!code_ok("05860--61130-0001"));
	CHECK(!valid_app_code("05860-261130-0001", 16));
}

static void
test_app_code_good(void)
{
	CHECK(code_ok("05860-261130-0001"));
	CHECK(code_ok("00000-000000-0000"));
	CHECK(code_ok("99999-991231-9999"));
}

static void
test_status_names(void)
{
	CHECK_STR(status_name(0), "Bản nháp");
	CHECK_STR(status_name(1), "Mới đăng ký");
	CHECK_STR(status_name(2), "Được tiếp nhận");
	CHECK_STR(status_name(3), "Không được tiếp nhận");
	CHECK_STR(status_name(4), "Đang xử lý");
	CHECK_STR(status_name(5), "Yêu cầu bổ sung giấy tờ");
	CHECK_STR(status_name(6), "Yêu cầu thực hiện nghĩa vụ tài chính");
	CHECK_STR(status_name(7), "Công dân yêu cầu rút hồ sơ");
	CHECK_STR(status_name(8), "Dừng xử lý");
	CHECK_STR(status_name(9), "Đã xử lý xong");
	CHECK_STR(status_name(10), "Đã trả kết quả");
	CHECK_STR(status_name(11), "Không xác định");
	CHECK_STR(status_name(-1), "Không xác định");
}

static void
test_status_late_closed(void)
{
	long long	 closed[] = { 0, 3, 7, 8, 9, 10, 11, -1 };
	size_t		 i;

	for (i = 0; i < sizeof(closed) / sizeof(closed[0]); i++)
		CHECK(!status_late(closed[i], 100, 101));
}

static void
test_status_late_open(void)
{
	long long	 open[] = { 1, 2, 4, 5, 6 };
	size_t		 i;

	for (i = 0; i < sizeof(open) / sizeof(open[0]); i++) {
		CHECK(status_late(open[i], 100, 101));
		CHECK(!status_late(open[i], 100, 100));	/* due today */
		CHECK(!status_late(open[i], 101, 100));
		CHECK(!status_late(open[i], 0, 100));	/* no appointment */
	}
}

static void
test_status_withdraw(void)
{
	long long	 s;

	for (s = -1; s <= 11; s++)
		CHECK_INT(status_can_withdraw(s), s == 1 || s == 2 || s == 4 ||
		    s == 5 || s == 6);
}

static void
test_status_rate(void)
{
	long long	 s;

	for (s = -1; s <= 11; s++)
		CHECK_INT(status_can_rate(s), s == 10);
}

/* 2026-11-30 17:00 UTC is 2026-12-01 00:00 in Vietnam (UTC+7). */
static void
test_clock_day_vietnam(void)
{
	int64_t	 nov30 = 20787;		/* days from 1970-01-01 */

	CHECK(clock_init("+07:00"));
	CHECK_INT(clock_day(nov30 * 86400), nov30);
	CHECK_INT(clock_day(nov30 * 86400 + 16 * 3600 + 3599), nov30);
	CHECK_INT(clock_day(nov30 * 86400 + 17 * 3600), nov30 + 1);
	CHECK(clock_init("-05:00"));
	CHECK_INT(clock_day(nov30 * 86400 + 4 * 3600), nov30 - 1);
	CHECK_INT(clock_day(0), -1);
	CHECK(clock_init("+07:00"));
}

/* The keys of tracking: refusals first. */
static void
test_keys_bad(void)
{
	struct kval	 v;

	CHECK(!kc(KEY_APP_CODE, "05860-261130-001", &v));
	CHECK(!kc(KEY_APP_CODE, "05860 261130 0001", &v));
	CHECK(!kc(KEY_VERIFY, "123", &v));
	CHECK(!kc(KEY_VERIFY, "12345", &v));
	CHECK(!kc(KEY_VERIFY, "12a4", &v));
	CHECK(!kc(KEY_VERIFY, "-123", &v));
	CHECK(!kc(KEY_VERIFY, "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4", &v));
	CHECK(!kc(KEY_RATING, "0", &v));
	CHECK(!kc(KEY_RATING, "6", &v));
	CHECK(!kc(KEY_RATING, "10", &v));
	CHECK(!kc(KEY_RATING, "+5", &v));
	CHECK(!kc(KEY_VERSION, "-1", &v));
	CHECK(!kc(KEY_VERSION, "4294967296", &v));
	CHECK_STR(key_name(KEY_APP_CODE), "ma");
	CHECK_STR(key_name(KEY_VERIFY), "xac-minh");
	CHECK(!key_strict(KEY_APP_CODE) && !key_strict(KEY_VERIFY));
}

static void
test_keys_good(void)
{
	struct kval	 v;

	CHECK(kc(KEY_APP_CODE, " 05860-261130-0001 ", &v));
	CHECK_STR(v.s, "05860-261130-0001");
	CHECK(kc(KEY_VERIFY, "0042", &v));
	CHECK_STR(v.s, "0042");
	CHECK(kc(KEY_RATING, "5", &v) && v.u == 5);
	CHECK(kc(KEY_RATING, "", &v) && v.u == 0);	/* blank: the handler's */
	CHECK(kc(KEY_VERSION, "7", &v) && v.u == 7);
}

int
main(void)
{
	if ((A = arena_new()) == NULL)
		return 1;
	RUN(test_app_code_bad);
	RUN(test_app_code_good);
	RUN(test_status_names);
	RUN(test_status_late_closed);
	RUN(test_status_late_open);
	RUN(test_status_withdraw);
	RUN(test_status_rate);
	RUN(test_clock_day_vietnam);
	RUN(test_keys_bad);
	RUN(test_keys_good);
	arena_free(A);
	return T_END();
}
