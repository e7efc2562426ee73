/* Unit tests of core/week.c: ISO 8601 weeks across year ends, 53-week
 * years, and what week_parse refuses. */
#include <stdint.h>

#include "core/arena.h"
#include "core/week.h"
#include "core/workday.h"
#include "t.h"

#define D(y, m, d)	workday_civil((y), (m), (d))

static void
test_parse_refuses(void)
{
	static const char *const bad[] = { "", "2026", "2026-49", "2026-W0",
	    "2026-W00", "2026-W54", "2025-W53", "2026W49", "2026-w49",
	    "1969-W01", "+026-W01", "2026-W4a", "2026-W-1", "2026-W490",
	    " 2026-W49" };
	int32_t	 m;
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!week_parse(bad[i], &m));
	CHECK(!week_parse(NULL, &m));
}

static void
test_weekday(void)
{
	CHECK_INT(week_weekday(0), 3);			/* Thursday */
	CHECK_INT(week_weekday(D(2026, 11, 30)), 0);	/* Monday */
	CHECK_INT(week_weekday(D(2026, 12, 6)), 6);	/* Sunday */
	CHECK_INT(week_monday(D(2026, 12, 6)), D(2026, 11, 30));
	CHECK_INT(week_weekday(-1), 2);
}

/* 1 January 2027 is a Friday: it belongs to 2026's week 53. */
static void
test_year_end(void)
{
	struct arena	*a = arena_new();
	int32_t		 m;
	int		 y, w;

	week_of(D(2027, 1, 1), &y, &w);
	CHECK_INT(y, 2026);
	CHECK_INT(w, 53);
	CHECK_INT(week_count(2026), 53);
	CHECK_INT(week_count(2025), 52);
	CHECK(week_parse("2026-W53", &m));
	CHECK_INT(m, D(2026, 12, 28));
	CHECK(week_parse("2027-W01", &m));
	CHECK_INT(m, D(2027, 1, 4));
	/* 29 December 2025 (Monday) is 2026's week 1. */
	CHECK(week_parse("2026-W01", &m));
	CHECK_INT(m, D(2025, 12, 29));
	CHECK_STR(week_fmt(a, D(2025, 12, 31)), "2026-W01");
	CHECK_STR(week_fmt(a, D(2027, 1, 3)), "2026-W53");
	CHECK_STR(week_fmt(a, D(2026, 12, 1)), "2026-W49");
	arena_free(a);
}

static void
test_roundtrip(void)
{
	struct arena	*a = arena_new();
	int32_t		 d, m;

	for (d = D(1970, 1, 5); d < D(2100, 1, 1); d += 3) {
		if (!week_parse(week_fmt(a, d), &m) || m != week_monday(d)) {
			CHECK_INT(m, week_monday(d));
			break;
		}
		arena_reset(a);
	}
	arena_free(a);
}

int
main(void)
{
	RUN(test_parse_refuses);
	RUN(test_weekday);
	RUN(test_year_end);
	RUN(test_roundtrip);
	return T_END();
}
