/* Unit tests of the key table (http/key.c): refusals and the blank rule
 * first, then what each kind of key makes of a value.  Expected values
 * are written by hand. */
#include <stdlib.h>

#include "core/arena.h"
#include "core/role.h"
#include "http/key.h"
#include "t.h"

static struct arena	*A;
static struct kval	 V;

/* Checks raw as key k into V; returns V.valid. */
static int
chk(enum key k, const char *raw)
{
	memset(&V, 0, sizeof(V));
	V.present = 1;
	V.raw = raw;
	return key_check(A, k, &V);
}

static void
test_key_past_the_table(void)
{
	CHECK_INT(chk(KEY__MAX, "1"), 0);
	CHECK(V.s == NULL);
	CHECK_STR(key_name(KEY__MAX), "");
	CHECK_INT(key_strict(KEY__MAX), 0);
	CHECK(key_why(KEY__MAX) == NULL);
	CHECK_INT(chk(KEY_PAGE, NULL), 0);
}

/* An invalid value keeps its raw text only. */
static void
test_key_invalid_has_no_text(void)
{
	CHECK_INT(chk(KEY_PAGE, "abc"), 0);
	CHECK_INT(chk(KEY_PAGE, "0"), 0);
	CHECK_INT(chk(KEY_PAGE, "10001"), 0);
	CHECK_INT(chk(KEY_PHONE, "0212345678"), 0);
	CHECK(V.s == NULL);
	CHECK_STR(V.raw, "0212345678");
	CHECK_INT(chk(KEY_EMAIL, "a@b@c.vn"), 0);
	CHECK(V.s == NULL);
	CHECK_INT(chk(KEY_TITLE, "a\x01z"), 0);
	CHECK(V.s == NULL);
	CHECK_INT(chk(KEY_BODY, "a\x7fz"), 0);
	CHECK_INT(chk(KEY_ROLE, "user"), 0);	/* never stored */
	CHECK_INT(chk(KEY_ROLE, "Admin"), 0);
	CHECK_INT(chk(KEY_NOTICE, "da-xoa"), 0);
	CHECK_INT(chk(KEY_NEXT, "//evil.example/"), 0);
	CHECK_INT(chk(KEY_NEXT, "/\\evil.example"), 0);
	CHECK_INT(chk(KEY_ACTION, "Đăng"), 0);
}

static void
test_key_strict_ones_say_why(void)
{
	enum key	 k;

	for (k = 0; k < KEY__MAX; k++) {
		CHECK(*key_name(k) != '\0');
		CHECK(!key_strict(k) || key_why(k) != NULL);
	}
	CHECK_INT(key_strict(KEY_PAGE), 1);
	CHECK_STR(key_why(KEY_PAGE), "Số trang không hợp lệ.");
	CHECK_INT(key_strict(KEY_TITLE), 0);
	CHECK_STR(key_name(KEY_FULL_NAME), "ho_ten");
}

/* Empty: valid and blank, whatever the key. */
static void
test_key_empty_is_blank(void)
{
	enum key	 k;

	for (k = 0; k < KEY__MAX; k++) {
		CHECK_INT(chk(k, ""), 1);
		CHECK(V.s == NULL);
		CHECK_INT(V.u, 0);
	}
}

/* A value that normalises to nothing is blank too: a title of spaces is
 * no title (the editor's form asks for one). */
static void
test_key_white_space_line_is_blank(void)
{
	CHECK_INT(chk(KEY_TITLE, "   "), 1);
	CHECK(V.s == NULL);
	CHECK_INT(chk(KEY_Q, " \t\r\n "), 1);
	CHECK(V.s == NULL);
	CHECK_INT(chk(KEY_FULL_NAME, "   "), 0);
	CHECK_INT(chk(KEY_BODY, "\r\r"), 1);
	CHECK(V.s == NULL);
}

/* A CR is dropped before NFC, not after: "a", CR, U+0301 is "á". */
static void
test_key_text_nfc_after_cr(void)
{
	CHECK_INT(chk(KEY_BODY, "a\r\xcc\x81"), 1);
	CHECK_STR(V.s, "\xc3\xa1");
	CHECK_INT(chk(KEY_SUMMARY, "Dòng một\r\nDo\r\xcc\x80ng hai\r\n"), 1);
	CHECK_STR(V.s, "Dòng một\nDòng hai\n");
}

static void
test_key_numbers(void)
{
	CHECK_INT(chk(KEY_PAGE, "2"), 1);
	CHECK_INT(V.u, 2);
	CHECK_INT(chk(KEY_PAGE, "10000"), 1);
	CHECK_INT(chk(KEY_UNIT, "4294967295"), 1);
	CHECK_INT(V.u, 4294967295u);
	CHECK_INT(chk(KEY_UNIT, "4294967296"), 0);
}

static void
test_key_lines(void)
{
	char	 name[256];

	CHECK_INT(chk(KEY_TITLE, "  Lê\xcc\x83   hội\tđua thuyền  "), 1);
	CHECK_STR(V.s, "Lễ hội đua thuyền");
	memset(name, 'a', 100);
	name[100] = '\0';
	CHECK_INT(chk(KEY_FULL_NAME, name), 1);
	name[100] = 'a';
	name[101] = '\0';
	CHECK_INT(chk(KEY_FULL_NAME, name), 0);
}

static void
test_key_accounts(void)
{
	CHECK_INT(chk(KEY_PHONE, "+84 912.345.678"), 1);
	CHECK_STR(V.s, "0912345678");
	CHECK_INT(chk(KEY_EMAIL, "An.Nguyen@Example.VN"), 1);
	CHECK_STR(V.s, "an.nguyen@example.vn");
	CHECK_INT(chk(KEY_ACCOUNT, "0912 345 678"), 1);
	CHECK_STR(V.s, "0912345678");
	CHECK_INT(chk(KEY_ACCOUNT, "A@B.VN"), 1);
	CHECK_STR(V.s, "a@b.vn");
	CHECK_INT(chk(KEY_ID_NUMBER, " 001099012345 "), 1);
	CHECK_STR(V.s, "001099012345");
	CHECK_INT(chk(KEY_PASSWORD, " mật khẩu "), 1);
	CHECK_STR(V.s, " mật khẩu ");	/* secrets as typed */
}

static void
test_key_words(void)
{
	CHECK_INT(chk(KEY_ROLE, "editor"), 1);
	CHECK_INT(V.u, ROLE_EDITOR);
	CHECK_STR(V.s, "editor");
	CHECK_INT(chk(KEY_NOTICE, "da-luu"), 1);
	CHECK_STR(V.s, "Đã lưu thay đổi.");
	CHECK_INT(chk(KEY_ACTION, "dang"), 1);
	CHECK_STR(V.s, "dang");
	CHECK_INT(chk(KEY_NEXT, "/tai-khoan?tab=1"), 1);
	CHECK_STR(V.s, "/tai-khoan?tab=1");
}

/* The newsroom's keys (issue 11, part B): local times of a
 * datetime-local input, kinds, status filters. */
static void
test_key_newsroom(void)
{
	CHECK_INT(chk(KEY_PUBLISH_AT, "1970-01-02T01:02"), 1);
	CHECK_INT(V.u, 86400 + 3600 + 120);
	CHECK_STR(V.s, "1970-01-02T01:02");
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01T14:05:09"), 1);
	CHECK_INT(V.u % 86400, 14 * 3600 + 5 * 60 + 9);
	CHECK_INT(chk(KEY_EXPIRES, "2028-02-29T00:00"), 1);
	CHECK_INT(chk(KEY_EXPIRES, "2026-02-29T00:00"), 0);
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01T24:00"), 0);
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01T23:60"), 0);
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01 14:05"), 0);
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01T14:5"), 0);
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01T+1:05"), 0);
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01T14:05:"), 0);
	CHECK_INT(chk(KEY_EXPIRES, "2026-12-01"), 0);
	CHECK(V.s == NULL);
	CHECK_INT(chk(KEY_KIND, "announcement"), 1);
	CHECK_INT(V.u, 1);
	CHECK_INT(chk(KEY_KIND, "tin-tuc"), 0);
	CHECK_INT(key_strict(KEY_KIND), 1);
	CHECK_INT(chk(KEY_FILTER, "submitted"), 1);
	CHECK_INT(chk(KEY_FILTER, "SUBMITTED"), 0);
	CHECK_INT(chk(KEY_NAME, "An ninh – trật tự"), 1);
	CHECK_INT(chk(KEY_NAME, "a123456789b123456789c123456789d123456789"
	    "e123456789f123456789g123456789h123456789i123456789j123456789x"), 0);
}

int
main(void)
{
	if ((A = arena_new()) == NULL)
		return 1;
	RUN(test_key_past_the_table);
	RUN(test_key_invalid_has_no_text);
	RUN(test_key_strict_ones_say_why);
	RUN(test_key_empty_is_blank);
	RUN(test_key_white_space_line_is_blank);
	RUN(test_key_text_nfc_after_cr);
	RUN(test_key_numbers);
	RUN(test_key_lines);
	RUN(test_key_accounts);
	RUN(test_key_words);
	RUN(test_key_newsroom);
	arena_free(A);
	return T_END();
}
