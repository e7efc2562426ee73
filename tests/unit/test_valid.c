/* Unit tests of valid.c: refusals first, then what is accepted. */
#include <stdint.h>

#include "core/valid.h"
#include "t.h"

#define S(s)	(s), strlen(s)

static int
vu(const char *s, uint64_t max, uint64_t *out)
{
	return valid_uint(s, strlen(s), max, out);
}

static int
vi(const char *s, int64_t min, int64_t max, int64_t *out)
{
	return valid_int(s, strlen(s), min, max, out);
}

/* ---- valid_uint ---- */

static void
test_uint_empty(void)
{
	uint64_t	v = 7;

	CHECK(!valid_uint("", 0, UINT64_MAX, &v));
	CHECK(!valid_uint(NULL, 0, UINT64_MAX, &v));
	CHECK_INT(v, 7);
}

static void
test_uint_sign(void)
{
	uint64_t	v = 7;

	CHECK(!vu("+1", UINT64_MAX, &v));
	CHECK(!vu("-1", UINT64_MAX, &v));
	CHECK(!vu("-0", UINT64_MAX, &v));
	CHECK(!vu("+", UINT64_MAX, &v));
	CHECK_INT(v, 7);
}

static void
test_uint_whitespace(void)
{
	uint64_t	v = 7;

	CHECK(!vu(" 1", UINT64_MAX, &v));
	CHECK(!vu("1 ", UINT64_MAX, &v));
	CHECK(!vu("1 2", UINT64_MAX, &v));
	CHECK(!vu("\t1", UINT64_MAX, &v));
	CHECK(!vu("1\n", UINT64_MAX, &v));
	CHECK_INT(v, 7);
}

static void
test_uint_not_digits(void)
{
	uint64_t	v = 7;

	CHECK(!vu("1a", UINT64_MAX, &v));
	CHECK(!vu("0x10", UINT64_MAX, &v));
	CHECK(!vu("1e3", UINT64_MAX, &v));
	CHECK(!vu("1.0", UINT64_MAX, &v));
	CHECK(!vu("\xD9\xA1", UINT64_MAX, &v));	/* Arabic-Indic one */
	CHECK(!valid_uint("1\0" "2", 3, UINT64_MAX, &v));
	CHECK_INT(v, 7);
}

static void
test_uint_overflow(void)
{
	uint64_t	v = 7;

	CHECK(!vu("18446744073709551616", UINT64_MAX, &v));
	CHECK(!vu("18446744073709551620", UINT64_MAX, &v));
	CHECK(!vu("99999999999999999999999", UINT64_MAX, &v));
	CHECK_INT(v, 7);
	CHECK(vu("18446744073709551615", UINT64_MAX, &v));
	CHECK(v == UINT64_MAX);
}

static void
test_uint_max(void)
{
	uint64_t	v = 7;

	CHECK(!vu("101", 100, &v));
	CHECK(!vu("1000", 100, &v));
	CHECK(!vu("1", 0, &v));
	CHECK_INT(v, 7);
	CHECK(vu("100", 100, &v));
	CHECK_INT(v, 100);
	CHECK(vu("0", 0, &v));
	CHECK_INT(v, 0);
}

static void
test_uint_ok(void)
{
	uint64_t	v = 7;

	CHECK(vu("42", UINT64_MAX, &v));
	CHECK_INT(v, 42);
	CHECK(vu("007", UINT64_MAX, &v));
	CHECK_INT(v, 7);
	CHECK(vu("0000000000000000000000000001", 1, &v));
	CHECK_INT(v, 1);
	CHECK(valid_uint("123", 2, UINT64_MAX, &v));
	CHECK_INT(v, 12);
	CHECK(vu("5", 10, NULL));
}

/* ---- valid_int ---- */

static void
test_int_sign(void)
{
	int64_t		v = 7;

	CHECK(!vi("+1", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("-", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("--1", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("-+1", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("1-", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi(" -1", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("- 1", INT64_MIN, INT64_MAX, &v));
	CHECK_INT(v, 7);
}

static void
test_int_overflow(void)
{
	int64_t		v = 7;

	CHECK(!vi("9223372036854775808", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("-9223372036854775809", INT64_MIN, INT64_MAX, &v));
	CHECK(!vi("-99999999999999999999", INT64_MIN, INT64_MAX, &v));
	CHECK_INT(v, 7);
	CHECK(vi("9223372036854775807", INT64_MIN, INT64_MAX, &v));
	CHECK(v == INT64_MAX);
	CHECK(vi("-9223372036854775808", INT64_MIN, INT64_MAX, &v));
	CHECK(v == INT64_MIN);
}

static void
test_int_bounds(void)
{
	int64_t		v = 7;

	CHECK(!vi("-11", -10, 10, &v));
	CHECK(!vi("11", -10, 10, &v));
	CHECK(!vi("0", 1, 10, &v));
	CHECK(!vi("5", 10, 1, &v));
	CHECK_INT(v, 7);
	CHECK(vi("-10", -10, 10, &v));
	CHECK_INT(v, -10);
	CHECK(vi("10", -10, 10, &v));
	CHECK_INT(v, 10);
}

static void
test_int_ok(void)
{
	int64_t		v = 7;

	CHECK(vi("-0", -1, 1, &v));
	CHECK_INT(v, 0);
	CHECK(vi("-042", -100, 100, &v));
	CHECK_INT(v, -42);
	CHECK(vi("123", 0, 1000, NULL));
}

/* ---- valid_slug ---- */

static void
test_slug_bad(void)
{
	CHECK(!valid_slug("", 0));
	CHECK(!valid_slug(NULL, 0));
	CHECK(!valid_slug(S("-a")));
	CHECK(!valid_slug(S("a-")));
	CHECK(!valid_slug(S("-")));
	CHECK(!valid_slug(S("a--b")));
	CHECK(!valid_slug(S("A")));
	CHECK(!valid_slug(S("le_hoi")));
	CHECK(!valid_slug(S("le hoi")));
	CHECK(!valid_slug(S("l\xC3\xAA")));
	CHECK(!valid_slug(S("a/b")));
	CHECK(!valid_slug(S("a.b")));
	CHECK(!valid_slug("ab\0c", 4));
}

static void
test_slug_too_long(void)
{
	char	s[66];

	memset(s, 'a', 65);
	s[65] = '\0';
	CHECK(!valid_slug(s, 65));
	CHECK(valid_slug(s, 64));
}

static void
test_slug_ok(void)
{
	CHECK(valid_slug(S("a")));
	CHECK(valid_slug(S("0")));
	CHECK(valid_slug(S("le-hoi-lang")));
	CHECK(valid_slug(S("pho-yen-2025")));
	CHECK(valid_slug(S("a-b-c-1-2-3")));
}

/* ---- valid_text and valid_line ---- */

static void
test_text_bad_utf8(void)
{
	CHECK(!valid_text(S("\xFF"), 100));
	CHECK(!valid_text(S("\xC0\x80"), 100));
	CHECK(!valid_text(S("\xE0\x80\xAF"), 100));
	CHECK(!valid_text(S("\xED\xA0\x80"), 100));
	CHECK(!valid_text(S("\xF4\x90\x80\x80"), 100));
	CHECK(!valid_text(S("abc\xE1\xBB"), 100));
	CHECK(!valid_text(S("\x80"), 100));
}

static void
test_text_nul(void)
{
	CHECK(!valid_text("a\0b", 3, 100));
	CHECK(!valid_line("a\0b", 3, 100));
}

static void
test_text_controls(void)
{
	CHECK(!valid_text(S("a\x01"), 100));
	CHECK(!valid_text(S("a\x1B[31m"), 100));
	CHECK(!valid_text(S("a\x7F"), 100));
	CHECK(!valid_text(S("a\xC2\x80"), 100));	/* C1 */
	CHECK(!valid_text(S("a\xC2\x9F"), 100));
	CHECK(!valid_text(S("a\x0B"), 100));
	CHECK(!valid_text(S("a\x0C"), 100));
}

static void
test_text_maxchars(void)
{
	CHECK(!valid_text(S("abcd"), 3));
	CHECK(!valid_text(S("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"), 3));
	CHECK(!valid_text(S("a"), 0));
	CHECK(valid_text(S("\xC3\xA9\xC3\xA9\xC3\xA9"), 3));
	CHECK(valid_text(S("\xF0\x9D\x84\x9E\xF0\x9D\x84\x9E"), 2));
	CHECK(valid_text(S("abc"), 3));
}

static void
test_text_ok(void)
{
	CHECK(valid_text("", 0, 0));
	CHECK(valid_text(S("D\xC3\xB2ng 1\r\nD\xC3\xB2ng 2\n\tth\xE1\xBB\xA5t"),
	    100));
	CHECK(valid_text(S("\xC2\xA0\xC2\xA9 \xE2\x80\x8B"), 10));
	CHECK(valid_text(S("Ph\xE1\xBB\x95 Y\xC3\xAAn"), 7));
}

static void
test_line_whitespace(void)
{
	CHECK(!valid_line(S("a\nb"), 100));
	CHECK(!valid_line(S("a\rb"), 100));
	CHECK(!valid_line(S("a\tb"), 100));
	CHECK(!valid_line(S("a\x01"), 100));
	CHECK(!valid_line(S("a\xC2\x85"), 100));
	CHECK(!valid_line(S("\xED\xA0\x80"), 100));
	CHECK(!valid_line(S("abcd"), 3));
}

static void
test_line_ok(void)
{
	CHECK(valid_line("", 0, 10));
	CHECK(valid_line(S("L\xE1\xBB\x85 h\xE1\xBB\x99i l\xC3\xA0ng"), 11));
	CHECK(valid_line(S("a b ~!@#$%^&*()"), 100));
}

/* ---- valid_unit_code ---- */

static void
test_unit_code_bad(void)
{
	CHECK(!valid_unit_code("", 0));
	CHECK(!valid_unit_code(S("1234")));
	CHECK(!valid_unit_code(S("123456")));
	CHECK(!valid_unit_code(S("1234a")));
	CHECK(!valid_unit_code(S(" 1234")));
	CHECK(!valid_unit_code(S("-1234")));
	CHECK(!valid_unit_code(S("+1234")));
	CHECK(!valid_unit_code("1234\0", 5));
}

static void
test_unit_code_ok(void)
{
	CHECK(valid_unit_code(S("05665")));
	CHECK(valid_unit_code(S("00000")));
	CHECK(valid_unit_code("123456", 5));
}

/* ---- valid_id_slug ---- */

static void
test_id_slug_bad_id(void)
{
	uint64_t	id = 7;

	CHECK(!valid_id_slug("", 0, &id));
	CHECK(!valid_id_slug(NULL, 0, &id));
	CHECK(!valid_id_slug(S("0"), &id));
	CHECK(!valid_id_slug(S("0-le-hoi"), &id));
	CHECK(!valid_id_slug(S("-le-hoi"), &id));
	CHECK(!valid_id_slug(S("+12-le-hoi"), &id));
	CHECK(!valid_id_slug(S("12a-le-hoi"), &id));
	CHECK(!valid_id_slug(S("le-hoi"), &id));
	CHECK(!valid_id_slug(S(" 12"), &id));
	CHECK(!valid_id_slug(S("12 "), &id));
	CHECK(!valid_id_slug(S("9007199254740993"), &id));	/* 2^53 + 1 */
	CHECK(!valid_id_slug(S("18446744073709551616-x"), &id));
	CHECK_INT(id, 7);
}

static void
test_id_slug_bad_slug(void)
{
	uint64_t	id = 7;

	CHECK(!valid_id_slug(S("12-"), &id));
	CHECK(!valid_id_slug(S("12--le"), &id));
	CHECK(!valid_id_slug(S("12-le-"), &id));
	CHECK(!valid_id_slug(S("12-Le-Hoi"), &id));
	CHECK(!valid_id_slug(S("12-l\xC3\xAA"), &id));
	CHECK(!valid_id_slug(S("12-le hoi"), &id));
	CHECK(!valid_id_slug(S("12-le/../x"), &id));
	CHECK(!valid_id_slug("12-le\0", 6, &id));
	CHECK_INT(id, 7);
}

static void
test_id_slug_ok(void)
{
	uint64_t	id = 7;

	CHECK(valid_id_slug(S("12-le-hoi-lang"), &id));
	CHECK_INT(id, 12);
	CHECK(valid_id_slug(S("12"), &id));
	CHECK_INT(id, 12);
	CHECK(valid_id_slug(S("1-a"), &id));
	CHECK_INT(id, 1);
	CHECK(valid_id_slug(S("9007199254740992-x"), &id));	/* 2^53 */
	CHECK(id == (UINT64_C(1) << 53));
	CHECK(valid_id_slug(S("5-2025"), NULL));
}

static void
test_phone_bad(void)
{
	char out[11] = "unchanged!";

	CHECK(!valid_phone("", 0, out));
	CHECK(!valid_phone("12345", 5, out));
	CHECK(!valid_phone("0212345678", 10, out));	/* landline */
	CHECK(!valid_phone("091234567", 9, out));	/* too short */
	CHECK(!valid_phone("09123456789", 11, out));	/* too long */
	CHECK(!valid_phone("+85912345678", 12, out));
	CHECK(!valid_phone("0912 345 67x", 12, out));
	CHECK(!valid_phone(" 0912345678", 11, out));
	CHECK(!valid_phone("0912345678 ", 11, out));
	CHECK(!valid_phone("0912\0345678", 11, out));
	CHECK(!valid_phone("++84912345678", 13, out));
	CHECK_STR(out, "unchanged!");
}

static void
test_phone_forms(void)
{
	char out[11];

	CHECK(valid_phone("0912345678", 10, out));
	CHECK_STR(out, "0912345678");
	CHECK(valid_phone("+84912345678", 12, out));
	CHECK_STR(out, "0912345678");
	CHECK(valid_phone("84 912 345 678", 14, out));
	CHECK_STR(out, "0912345678");
	CHECK(valid_phone("0912.345.678", 12, out));
	CHECK(valid_phone("0387-654-321", 12, out));
	CHECK_STR(out, "0387654321");
}

static void
test_email_bad(void)
{
	char out[300];

	CHECK(!valid_email("", 0, out, sizeof(out)));
	CHECK(!valid_email("a", 1, out, sizeof(out)));
	CHECK(!valid_email("a@b", 3, out, sizeof(out)));
	CHECK(!valid_email("@example.com", 12, out, sizeof(out)));
	CHECK(!valid_email("a@@example.com", 14, out, sizeof(out)));
	CHECK(!valid_email("a@b@example.com", 15, out, sizeof(out)));
	CHECK(!valid_email(".a@example.com", 14, out, sizeof(out)));
	CHECK(!valid_email("a.@example.com", 14, out, sizeof(out)));
	CHECK(!valid_email("a..b@example.com", 16, out, sizeof(out)));
	CHECK(!valid_email("a\0b@example.com", 15, out, sizeof(out)));
	CHECK(!valid_email("a b@example.com", 15, out, sizeof(out)));
	CHECK(!valid_email("a@-example.com", 14, out, sizeof(out)));
	CHECK(!valid_email("a@example.123", 13, out, sizeof(out)));
	CHECK(!valid_email("a@example..com", 14, out, sizeof(out)));
	CHECK(!valid_email("dân@example.com", 16, out, sizeof(out)));
	CHECK(!valid_email("a@example.com", 13, out, 13));	/* no room */
}

static void
test_email_ok(void)
{
	char out[300];

	CHECK(valid_email("Dan.Nguyen+tin@Example.COM", 26, out, sizeof(out)));
	CHECK_STR(out, "dan.nguyen+tin@example.com");
	CHECK(valid_email("a@b.vn", 6, out, sizeof(out)));
	CHECK(valid_email("ubnd@phoyen.thainguyen.gov.vn", 29, out,
	    sizeof(out)));
}

static void
test_id_number(void)
{
	CHECK(!valid_id_number("", 0));
	CHECK(!valid_id_number("01912345678", 11));
	CHECK(!valid_id_number("0191234567890", 13));
	CHECK(!valid_id_number("01912345678x", 12));
	CHECK(!valid_id_number("000123456789", 12));	/* province 000 */
	CHECK(!valid_id_number("097123456789", 12));	/* no province 97 */
	CHECK(valid_id_number("019123456789", 12));
	CHECK(valid_id_number("001123456789", 12));
	CHECK(valid_id_number("096123456789", 12));
}

static void
test_token_and_path(void)
{
	CHECK(!valid_token("abc", 3));
	CHECK(!valid_token("TSzP4YhfMXGAg-V0a2xiN3W2KhrTsXbrpEUbwbXOUW=", 43));
	CHECK(valid_token("TSzP4YhfMXGAg-V0a2xiN3W2KhrTsXbrpEUbwbXOUWM", 43));
	CHECK(!valid_local_path("", 0));
	CHECK(!valid_local_path("http://evil.example/", 20));
	CHECK(!valid_local_path("//evil.example/", 15));
	CHECK(!valid_local_path("/\\evil.example/", 15));
	CHECK(!valid_local_path("/a\nb", 4));
	CHECK(valid_local_path("/", 1));
	CHECK(valid_local_path("/tai-khoan?tb=x", 15));
}

/* ---- valid_proc_code ---- */

static void
test_proc_code_refused(void)
{
	CHECK(!valid_proc_code(S("")));
	CHECK(!valid_proc_code(S(".1")));
	CHECK(!valid_proc_code(S("1.")));
	CHECK(!valid_proc_code(S("1..2")));
	CHECK(!valid_proc_code(S("1.00119a")));
	CHECK(!valid_proc_code(S("1-001193")));
	CHECK(!valid_proc_code(S("12345678901.1")));
	CHECK(!valid_proc_code(S("1.2.3.4.5.6.7.8.9.10.1")));
	CHECK(valid_proc_code(S("1.001193")));
	CHECK(valid_proc_code(S("2.000986")));
	CHECK(valid_proc_code(S("7")));
}

int
main(void)
{
	RUN(test_uint_empty);
	RUN(test_proc_code_refused);
	RUN(test_uint_sign);
	RUN(test_uint_whitespace);
	RUN(test_uint_not_digits);
	RUN(test_uint_overflow);
	RUN(test_uint_max);
	RUN(test_uint_ok);

	RUN(test_int_sign);
	RUN(test_int_overflow);
	RUN(test_int_bounds);
	RUN(test_int_ok);

	RUN(test_slug_bad);
	RUN(test_slug_too_long);
	RUN(test_slug_ok);

	RUN(test_text_bad_utf8);
	RUN(test_text_nul);
	RUN(test_text_controls);
	RUN(test_text_maxchars);
	RUN(test_text_ok);
	RUN(test_line_whitespace);
	RUN(test_line_ok);

	RUN(test_unit_code_bad);
	RUN(test_unit_code_ok);

	RUN(test_id_slug_bad_id);
	RUN(test_id_slug_bad_slug);
	RUN(test_id_slug_ok);
	RUN(test_phone_bad);
	RUN(test_phone_forms);
	RUN(test_email_bad);
	RUN(test_email_ok);
	RUN(test_id_number);
	RUN(test_token_and_path);
	return T_END();
}
