/* Unit tests of core/workday.c: appointment dates across weekends, Tết
 * and the afternoon cut-off, with the calendar of migration 0013. */
#include <stdint.h>

#include "core/workday.h"
#include "t.h"

#define D(y, m, d)	workday_civil((y), (m), (d))
#define TZ		(7 * 3600)
#define CUT		(15 * 60)

static int32_t	 off[32];
static struct workday_cal cal = { off, 0 };

/* The 2026 days off of migration 0013 that fall on weekdays, and a few
 * weekend ones (harmless). */
static void
cal_2026(void)
{
	static const int md[][2] = { {1, 1}, {2, 14}, {2, 15}, {2, 16},
	    {2, 17}, {2, 18}, {2, 19}, {2, 20}, {2, 21}, {2, 22}, {4, 27},
	    {4, 30}, {5, 1}, {9, 1}, {9, 2} };
	size_t	 i;

	for (i = 0; i < sizeof(md) / sizeof(md[0]); i++)
		off[i] = D(2026, md[i][0], md[i][1]);
	cal.n = i;
}

/* Local time y-m-d hh:mm (UTC+7) as UTC seconds. */
static int64_t
at(int y, int m, int d, int hh, int mm)
{
	return (int64_t)D(y, m, d) * 86400 + hh * 3600 + mm * 60 - TZ;
}

static void
test_parse_refuses(void)
{
	int32_t	 day;
	int	 min;

	CHECK(!workday_parse("2026-02-30", &day));
	CHECK(!workday_parse("2026-13-01", &day));
	CHECK(!workday_parse("2026-1-01", &day));
	CHECK(!workday_parse("26-01-01xx", &day));
	CHECK(!workday_parse("", &day));
	CHECK(!workday_parse(NULL, &day));
	CHECK(!workday_hhmm("24:00", &min));
	CHECK(!workday_hhmm("15:60", &min));
	CHECK(!workday_hhmm("1500", &min));
	CHECK(workday_parse("2028-02-29", &day));
	CHECK_INT(day, D(2028, 2, 29));
	CHECK(workday_hhmm("15:00", &min));
	CHECK_INT(min, 900);
}

static void
test_civil_roundtrip(void)
{
	int32_t	 day;
	int	 y, m, d;

	CHECK_INT(D(1970, 1, 1), 0);
	for (day = D(1999, 12, 25); day < D(2031, 1, 10); day++) {
		workday_ymd(day, &y, &m, &d);
		if (D(y, m, d) != day) {
			CHECK_INT(D(y, m, d), day);
			break;
		}
	}
}

static void
test_weekend(void)
{
	cal.n = 0;
	CHECK(!workday_is_work(&cal, D(2026, 11, 28)));		/* Sat */
	CHECK(!workday_is_work(&cal, D(2026, 11, 29)));		/* Sun */
	CHECK(workday_is_work(&cal, D(2026, 11, 30)));		/* Mon */
	/* Friday morning, 3 days: Tuesday. */
	CHECK_INT(workday_due(&cal, workday_received(&cal,
	    at(2026, 11, 27, 9, 0), TZ, CUT), 3), D(2026, 12, 2));
	/* Saturday: received Monday, 1 day: Tuesday. */
	CHECK_INT(workday_received(&cal, at(2026, 11, 28, 9, 0), TZ, CUT),
	    D(2026, 11, 30));
	CHECK_INT(workday_due(&cal, D(2026, 11, 30), 1), D(2026, 12, 1));
	/* 0 days: the day received. */
	CHECK_INT(workday_due(&cal, D(2026, 11, 30), 0), D(2026, 11, 30));
}

static void
test_cutoff(void)
{
	cal.n = 0;
	/* 14:59 counts today, 15:00 the next working day. */
	CHECK_INT(workday_received(&cal, at(2026, 12, 1, 14, 59), TZ, CUT),
	    D(2026, 12, 1));
	CHECK_INT(workday_received(&cal, at(2026, 12, 1, 15, 0), TZ, CUT),
	    D(2026, 12, 2));
	/* Friday after the cut-off: Monday. */
	CHECK_INT(workday_received(&cal, at(2026, 12, 4, 16, 30), TZ, CUT),
	    D(2026, 12, 7));
	/* 23:30 local is the same local day though UTC is still 16:30. */
	CHECK_INT(workday_received(&cal, at(2026, 12, 1, 23, 30), TZ, CUT),
	    D(2026, 12, 2));
	/* 00:30 local is already the next local day (UTC: the day before). */
	CHECK_INT(workday_received(&cal, at(2026, 12, 2, 0, 30), TZ, CUT),
	    D(2026, 12, 2));
}

static void
test_tet_2026(void)
{
	cal_2026();
	/* Friday 13 Feb before the cut-off, 1 day: Monday 23 Feb (the nine
	 * days 14-22 Feb are off). */
	CHECK_INT(workday_due(&cal, workday_received(&cal,
	    at(2026, 2, 13, 10, 0), TZ, CUT), 1), D(2026, 2, 23));
	/* ... after the cut-off: received 23 Feb, 3 days: Thursday 26. */
	CHECK_INT(workday_received(&cal, at(2026, 2, 13, 15, 30), TZ, CUT),
	    D(2026, 2, 23));
	CHECK_INT(workday_due(&cal, D(2026, 2, 23), 3), D(2026, 2, 26));
	/* During Tết: received the first working day after it. */
	CHECK_INT(workday_received(&cal, at(2026, 2, 17, 9, 0), TZ, CUT),
	    D(2026, 2, 23));
	/* 5 days from Thursday 12 Feb: 13, 23, 24, 25, 26 Feb. */
	CHECK_INT(workday_due(&cal, D(2026, 2, 12), 5), D(2026, 2, 26));
}

static void
test_april_may_2026(void)
{
	cal_2026();
	/* Friday 24 Apr, 3 days: 28 Apr (27: Giỗ Tổ moved), 29 Apr, then
	 * 30/4, 1/5 and the weekend: Monday 4 May. */
	CHECK_INT(workday_due(&cal, D(2026, 4, 24), 3), D(2026, 5, 4));
	/* Quốc khánh: Monday 31 Aug, 1 day: Thursday 3 Sep. */
	CHECK_INT(workday_due(&cal, D(2026, 8, 31), 1), D(2026, 9, 3));
	/* New Year: Wednesday 31 Dec 2025 after the cut-off: Friday 2 Jan. */
	CHECK_INT(workday_received(&cal, at(2025, 12, 31, 15, 1), TZ, CUT),
	    D(2026, 1, 2));
}

int
main(void)
{
	RUN(test_parse_refuses);
	RUN(test_civil_roundtrip);
	RUN(test_weekend);
	RUN(test_cutoff);
	RUN(test_tet_2026);
	RUN(test_april_may_2026);
	return T_END();
}
