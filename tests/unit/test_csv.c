/* core/csv.c: RFC 4180 quoting and the formula guard. */
#include <string.h>

#include "core/arena.h"
#include "core/csv.h"
#include "t.h"

static struct arena	*a;

static void
test_csv_formula_equals(void)
{
	CHECK_STR(csv_cell(a, "=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
}

static void
test_csv_formula_plus_minus_at(void)
{
	CHECK_STR(csv_cell(a, "+84912"), "\"'+84912\"");
	CHECK_STR(csv_cell(a, "-1+1"), "\"'-1+1\"");
	CHECK_STR(csv_cell(a, "@SUM(A1)"), "\"'@SUM(A1)\"");
	CHECK_STR(csv_cell(a, "\tx"), "\"'\tx\"");
}

static void
test_csv_quote_comma_quote_newline(void)
{
	CHECK_STR(csv_cell(a, "a,b"), "\"a,b\"");
	CHECK_STR(csv_cell(a, "say \"hi\""), "\"say \"\"hi\"\"\"");
	CHECK_STR(csv_cell(a, "line\r\nnext"), "\"line\r\nnext\"");
}

static void
test_csv_plain(void)
{
	CHECK_STR(csv_cell(a, "Nguyễn Văn A"), "Nguyễn Văn A");
	CHECK_STR(csv_cell(a, "a=b"), "a=b");
	CHECK_STR(csv_cell(a, ""), "");
	CHECK_STR(csv_cell(a, NULL), "");
}

int
main(void)
{
	a = arena_new();
	RUN(test_csv_formula_equals);
	RUN(test_csv_formula_plus_minus_at);
	RUN(test_csv_quote_comma_quote_newline);
	RUN(test_csv_plain);
	arena_free(a);
	return T_END();
}
