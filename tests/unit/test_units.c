/* app/units.c: the pure parts (host names, messages); the mergers
 * themselves are tested through portalctl (tests/integration/
 * test_sites.py). */
#include "app/units.h"
#include "t.h"

static void
test_units_host_refused(void)
{
	static const char *const bad[] = {
		"", ".", "a..b", ".a.b", "a.b.", "-a.b", "a-.b", "a.-b",
		"A.b", "a b", "a_b.vn", "a/b", "a:80", "xã.vn", "a.b\n",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.vn",
	};
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (units_valid_host(bad[i])) {
			printf("  accepted \"%s\"\n", bad[i]);
			CHECK(0);
		}
}

static void
test_units_host_accepted(void)
{
	CHECK(units_valid_host("phoyen.thainguyen.gov.vn"));
	CHECK(units_valid_host("ba-hang.phoyen.gov.vn"));
	CHECK(units_valid_host("localhost"));
	CHECK(units_valid_host("x1.y2-z3.vn"));
	CHECK(units_valid_host(
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.vn"));
}

static void
test_units_messages(void)
{
	int	 e;

	for (e = 0; e < UNITS__MAX; e++)
		CHECK(units_err_msg((enum units_err)e) != NULL &&
		    *units_err_msg((enum units_err)e) != '\0');
	CHECK_STR(units_err_msg((enum units_err)UNITS__MAX),
	    units_err_msg(UNITS_DB));
}

int
main(void)
{
	RUN(test_units_host_refused);
	RUN(test_units_host_accepted);
	RUN(test_units_messages);
	return T_END();
}
