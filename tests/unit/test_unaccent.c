/* core/text.c's text_unaccent: Vietnamese without diacritics for an SMS
 * gateway that takes only ASCII (README: notifications, [sms] ascii). */
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "t.h"

static void
test_unaccent_invalid_utf8(void)
{
	struct arena	*a = arena_new();

	CHECK(text_unaccent(a, "H\xe1\xbb s\xc6") == NULL);
	CHECK(text_unaccent(a, "\xff") == NULL);
	arena_free(a);
}

static void
test_unaccent_sentences(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(text_unaccent(a, "Hồ sơ PY-261201-0001 đã được tiếp nhận, "
	    "hẹn trả kết quả ngày 05/12/2026."), "Ho so PY-261201-0001 da "
	    "duoc tiep nhan, hen tra ket qua ngay 05/12/2026.");
	CHECK_STR(text_unaccent(a, "Đề nghị công dân bổ sung giấy tờ: "
	    "Giấy chứng sinh bản chính"), "De nghi cong dan bo sung giay to: "
	    "Giay chung sinh ban chinh");
	CHECK_STR(text_unaccent(a, "UBND PHƯỜNG BÃI BÔNG, THÀNH PHỐ PHỔ YÊN"),
	    "UBND PHUONG BAI BONG, THANH PHO PHO YEN");
	CHECK_STR(text_unaccent(a, "Yêu cầu thực hiện nghĩa vụ tài chính"),
	    "Yeu cau thuc hien nghia vu tai chinh");
	CHECK_STR(text_unaccent(a, "Công dân yêu cầu rút hồ sơ"),
	    "Cong dan yeu cau rut ho so");
	arena_free(a);
}

static void
test_unaccent_decomposed_input(void)
{
	struct arena	*a = arena_new();

	/* "tờ": o + combining horn + combining grave, already NFD */
	CHECK_STR(text_unaccent(a, "to\xcc\x9b\xcc\x80 khai"), "to khai");
	/* ỹ composed and decomposed */
	CHECK_STR(text_unaccent(a, "Mỹ Mỹ"), "My My");
	arena_free(a);
}

static void
test_unaccent_keeps_the_rest(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(text_unaccent(a, ""), "");
	CHECK_STR(text_unaccent(a, "https://127.0.0.1:8080/tra-cuu?ma=x"),
	    "https://127.0.0.1:8080/tra-cuu?ma=x");
	CHECK_STR(text_unaccent(a, "Tiền: 50.000 ₫ — xong"),
	    "Tien: 50.000 ₫ — xong");
	arena_free(a);
}

int
main(void)
{
	RUN(test_unaccent_invalid_utf8);
	RUN(test_unaccent_sentences);
	RUN(test_unaccent_decomposed_input);
	RUN(test_unaccent_keeps_the_rest);
	return T_END();
}
