/* core/text.c's text_upper: the name of a unit in capitals, as the
 * header of the desk's printed forms (Mẫu 01-05) writes it. */
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "t.h"

static void
test_text_upper_invalid_utf8(void)
{
	struct arena *a = arena_new();

	CHECK_STR(text_upper(a, "\xff bad"), "\xff bad");
	CHECK_STR(text_upper(a, "Ph\xe1\xbb"), "Ph\xe1\xbb");
	arena_free(a);
}

static void
test_text_upper_vietnamese(void)
{
	/* "ườ" decomposed: u + horn, o + horn + grave */
	const char *nfd = "Phu\xcc\x9bo\xcc\x9b\xcc\x80ng";
	struct arena *a = arena_new();

	CHECK_STR(text_upper(a, "Phường Ba Hàng"), "PHƯỜNG BA HÀNG");
	CHECK_STR(text_upper(a, "xã Thành Công"), "XÃ THÀNH CÔNG");
	CHECK_STR(text_upper(a, "đắc sơn"), "ĐẮC SƠN");
	CHECK_STR(text_upper(a, "Ủy ban nhân dân"), "ỦY BAN NHÂN DÂN");
	CHECK_STR(text_upper(a, nfd), "PHƯỜNG");
	CHECK_STR(text_upper(a, "1.001193"), "1.001193");
	CHECK_STR(text_upper(a, ""), "");
	arena_free(a);
}

int
main(void)
{
	RUN(test_text_upper_invalid_utf8);
	RUN(test_text_upper_vietnamese);
	return T_END();
}
