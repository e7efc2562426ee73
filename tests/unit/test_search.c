/* app/search_text.c: folding Vietnamese for the search index and its
 * queries, parsing a query, and the snippet of a hit with the words of
 * the query marked in the original text. */
#include <string.h>

#include "app/search_text.h"
#include "core/arena.h"
#include "t.h"

/* The segments as one string, marked words in [brackets]. */
static const char *
show(struct arena *a, const struct search_seg *s, size_t n)
{
	const char	*out = "";
	size_t		 i;

	for (i = 0; i < n; i++)
		out = arena_printf(a, s[i].mark ? "%s[%s]" : "%s%s", out,
		    s[i].text);
	return out;
}

/* The snippet of text for query q, shown. */
static const char *
snip(struct arena *a, const char *q, const char *text, size_t chars)
{
	struct search_query	 sq;
	struct search_seg	*s;
	size_t			 n;

	if (search_query_parse(a, q, &sq) != SEARCH_Q_OK)
		return "(no query)";
	n = search_snippet(a, text, &sq, chars, &s);
	return show(a, s, n);
}

static void
test_search_fold_invalid_utf8(void)
{
	struct arena	*a = arena_new();

	CHECK(search_fold(a, "H\xe1\xbb s\xc6") == NULL);
	CHECK(search_fold(a, "\xff") == NULL);
	CHECK(search_fold(a, "\xed\xa0\x80") == NULL);	/* a surrogate */
	arena_free(a);
}

static void
test_search_fold_diacritics_and_case(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(search_fold(a, "Đắc Sơn"), "dac son");
	CHECK_STR(search_fold(a, "ĐẮC SƠN"), "dac son");
	CHECK_STR(search_fold(a, "đắc sơn"), "dac son");
	CHECK_STR(search_fold(a, "dac son"), "dac son");
	/* NFD: letters followed by combining marks */
	CHECK_STR(search_fold(a, "\xc4\x90" "a\xcc\x86\xcc\x81" "c So\xcc\x9bn"),
	    "dac son");
	CHECK_STR(search_fold(a, "Phường Bãi Bông, thành phố Phổ Yên"),
	    "phuong bai bong thanh pho pho yen");
	CHECK_STR(search_fold(a, "Y tế; ý kiến – ỷ lại, Ỹ"), "y te y kien y lai y");
	arena_free(a);
}

static void
test_search_fold_separators(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(search_fold(a, ""), "");
	CHECK_STR(search_fold(a, "  ...  "), "");
	CHECK_STR(search_fold(a, "15/2026/QĐ-UBND"), "15 2026 qd ubnd");
	CHECK_STR(search_fold(a, "Mã 1.001193"), "ma 1 001193");
	CHECK_STR(search_fold(a, "“Ngày hội” — 50.000 ₫"), "ngay hoi 50 000");
	/* letters that are no Latin letter separate words */
	CHECK_STR(search_fold(a, "aßb 中文 c"), "a b c");
	arena_free(a);
}

static void
test_search_query_refused(void)
{
	struct arena		*a = arena_new();
	struct search_query	 q;

	CHECK_INT(search_query_parse(a, "", &q), SEARCH_Q_EMPTY);
	CHECK_INT(search_query_parse(a, " ?!… ", &q), SEARCH_Q_EMPTY);
	CHECK_INT(search_query_parse(a, "\xc3", &q), SEARCH_Q_BADUTF8);
	CHECK_INT(search_query_parse(a, "a b c d e f g h i j k l m n o p q",
	    &q), SEARCH_Q_TOO_MANY);
	CHECK(*search_qerr_msg(SEARCH_Q_TOO_MANY) != '\0');
	CHECK(*search_qerr_msg(SEARCH_Q__MAX) != '\0');
	arena_free(a);
}

static void
test_search_query_words(void)
{
	struct arena		*a = arena_new();
	struct search_query	 q;

	CHECK_INT(search_query_parse(a, "ĐẮC  Sơn, đắc", &q), SEARCH_Q_OK);
	CHECK_INT(q.n, 2);
	CHECK_STR(q.word[0], "dac");
	CHECK_STR(q.word[1], "son");
	CHECK_STR(q.folded, "dac son dac");
	CHECK_STR(q.boolean, "+dac +son");
	/* sixteen words, repeated: allowed */
	CHECK_INT(search_query_parse(a, "a b c d e f g h i j k l m n o p a b",
	    &q), SEARCH_Q_OK);
	CHECK_INT(q.n, 16);
	/* operators of MariaDB's boolean mode are folded away */
	CHECK_INT(search_query_parse(a, "-ba +\"hang\"* (x) ~y @2", &q),
	    SEARCH_Q_OK);
	CHECK_STR(q.boolean, "+ba +hang +x +y +2");
	arena_free(a);
}

static void
test_search_snippet_marks_original_words(void)
{
	struct arena	*a = arena_new();

	CHECK_STR(snip(a, "dac son", "Xã Đắc Sơn tổ chức ngày hội", 0),
	    "Xã [Đắc] [Sơn] tổ chức ngày hội");
	CHECK_STR(snip(a, "ĐẮC SƠN", "Xã Đắc Sơn tổ chức ngày hội", 0),
	    "Xã [Đắc] [Sơn] tổ chức ngày hội");
	/* a syllable inside another word is not marked */
	CHECK_STR(snip(a, "an", "Ban An ninh, bàn ăn", 0),
	    "Ban [An] ninh, bàn [ăn]");
	/* punctuation stays outside the mark */
	CHECK_STR(snip(a, "hoi", "“Ngày hội”, (hội).", 0),
	    "“Ngày [hội]”, ([hội]).");
	/* NFD text: the mark keeps the combining marks */
	CHECK_STR(snip(a, "son", "So\xcc\x9bn La", 0), "[So\xcc\x9bn] La");
	CHECK_STR(snip(a, "xyz", "Không có gì", 0), "Không có gì");
	CHECK_STR(snip(a, "a", "", 0), "");
	arena_free(a);
}

static void
test_search_snippet_window(void)
{
	struct arena	*a = arena_new();
	const char	*text, *s;
	size_t		 i;

	text = "";
	for (i = 0; i < 60; i++)
		text = arena_printf(a, "%scâu %zu ", text, i);
	text = arena_printf(a, "%sĐắc Sơn cuối", text);
	s = snip(a, "dac son", text, 40);
	CHECK(strncmp(s, "… ", strlen("… ")) == 0);
	CHECK(strstr(s, "[Đắc] [Sơn] cuối") != NULL);
	CHECK(strstr(s, "câu 0 ") == NULL);
	/* no match: the beginning, cut at a word */
	s = snip(a, "khong", text, 20);
	CHECK(strncmp(s, "câu 0 câu 1", strlen("câu 0 câu 1")) == 0);
	CHECK(strstr(s, " …") != NULL);
	/* white space runs are one space */
	CHECK_STR(snip(a, "b", "a\n\n  b\tc", 100), "a [b] c");
	arena_free(a);
}

static void
test_search_segs_text(void)
{
	struct arena		*a = arena_new();
	struct search_query	 q;
	struct search_seg	*s;
	size_t			 n;

	search_query_parse(a, "son", &q);
	n = search_snippet(a, "Đắc Sơn, Phổ Yên", &q, 0, &s);
	CHECK_INT(n, 3);
	CHECK_STR(search_segs_text(a, s, n), "Đắc Sơn, Phổ Yên");
	arena_free(a);
}

int
main(void)
{
	RUN(test_search_fold_invalid_utf8);
	RUN(test_search_fold_diacritics_and_case);
	RUN(test_search_fold_separators);
	RUN(test_search_query_refused);
	RUN(test_search_query_words);
	RUN(test_search_snippet_marks_original_words);
	RUN(test_search_snippet_window);
	RUN(test_search_segs_text);
	return T_END();
}
