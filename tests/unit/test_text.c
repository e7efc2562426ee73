/* core/text.c's case helpers: a prefix compared without letter case or
 * normal form (the procedure page's "Tờ khai" document), the first letter
 * lowered (the title of the printable declaration). */
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "t.h"

static void
test_text_prefix_ci_invalid_utf8(void)
{
	CHECK(!text_prefix_ci("T\xe1\xbb khai", "Tờ khai"));
	CHECK(!text_prefix_ci("Tờ khai", "T\xff"));
}

static void
test_text_prefix_ci_refuses(void)
{
	CHECK(!text_prefix_ci("Tờ", "Tờ khai"));
	CHECK(!text_prefix_ci("", "Tờ khai"));
	CHECK(!text_prefix_ci("To khai dang ky", "Tờ khai"));
	CHECK(!text_prefix_ci("Tơ khai", "Tờ khai"));
	CHECK(!text_prefix_ci("Bản sao Tờ khai", "Tờ khai"));
}

static void
test_text_prefix_ci_case_and_form(void)
{
	/* "tờ" decomposed: o + combining horn + combining grave */
	const char *nfd = "to\xcc\x9b\xcc\x80 khai đăng ký khai sinh";

	CHECK(text_prefix_ci("Tờ khai đăng ký khai sinh", "Tờ khai"));
	CHECK(text_prefix_ci("TỜ KHAI ĐĂNG KÝ", "tờ khai"));
	CHECK(text_prefix_ci(nfd, "Tờ khai"));
	CHECK(text_prefix_ci("Tờ khai", "TỜ KHAI"));
	CHECK(text_prefix_ci("anything", ""));
}

static void
test_text_lower_first(void)
{
	struct arena *a = arena_new();

	CHECK_STR(text_lower_first(a, "Đăng ký thành lập"), "đăng ký thành lập");
	CHECK_STR(text_lower_first(a, "Chứng thực"), "chứng thực");
	CHECK_STR(text_lower_first(a, "Ủy ban"), "ủy ban");
	CHECK_STR(text_lower_first(a, "đã thấp"), "đã thấp");
	CHECK_STR(text_lower_first(a, "1.001193"), "1.001193");
	CHECK_STR(text_lower_first(a, ""), "");
	CHECK_STR(text_lower_first(a, "\xff bad"), "\xff bad");
	arena_free(a);
}

int
main(void)
{
	RUN(test_text_prefix_ci_invalid_utf8);
	RUN(test_text_prefix_ci_refuses);
	RUN(test_text_prefix_ci_case_and_form);
	RUN(test_text_lower_first);
	return T_END();
}
