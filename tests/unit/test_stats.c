/* app/stats.c's pure parts (the percentile, working days, months back)
 * and core/chart.c's geometry: answers worked out by hand. */
#include <stdint.h>
#include <string.h>

#include "app/stats.h"
#include "core/arena.h"
#include "core/chart.h"
#include "core/workday.h"
#include "t.h"

static struct arena	*a;

static void
test_percentile_empty(void)
{
	int64_t	 h[4] = { 0 };

	CHECK_INT(stats_percentile(h, 4, 90), -1);
	CHECK_INT(stats_percentile(h, 0, 90), -1);
}

static void
test_percentile_nearest_rank(void)
{
	/* 1, 4, 7 days: the 90th percentile's rank is ceil(2.7) = 3. */
	int64_t	 h[10] = { 0 };

	h[1] = h[4] = h[7] = 1;
	CHECK_INT(stats_percentile(h, 10, 90), 7);
	CHECK_INT(stats_percentile(h, 10, 50), 4);
	CHECK_INT(stats_percentile(h, 10, 0), 1);
	CHECK_INT(stats_percentile(h, 10, 100), 7);
}

static void
test_percentile_ten_values(void)
{
	/* 0..9 once each: rank 9 of 10 is 8 days; nine of ten took 8 or
	 * fewer. */
	int64_t	 h[10];
	size_t	 i;

	for (i = 0; i < 10; i++)
		h[i] = 1;
	CHECK_INT(stats_percentile(h, 10, 90), 8);
	h[9] = 91;	/* a hundred: ranks 10..100 are 9 days */
	CHECK_INT(stats_percentile(h, 10, 90), 9);
	CHECK_INT(stats_percentile(h, 10, 9), 8);
}

static void
test_workdays_week_and_holiday(void)
{
	/* 2026-03-02 is a Monday; 2026-04-27 a Monday off (Giỗ Tổ, made
	 * up), 2026-04-30 a Thursday off. */
	int32_t			 off[] = { workday_civil(2026, 4, 27),
				    workday_civil(2026, 4, 30) };
	struct workday_cal	 c = { off, 2 };
	int32_t			 mon = workday_civil(2026, 3, 2);

	CHECK_INT(stats_workdays(&c, mon, mon), 0);
	CHECK_INT(stats_workdays(&c, mon, mon + 4), 4);		/* to Friday */
	CHECK_INT(stats_workdays(&c, mon, mon + 6), 4);		/* to Sunday */
	CHECK_INT(stats_workdays(&c, mon, mon + 7), 5);		/* to Monday */
	CHECK_INT(stats_workdays(&c, mon - 1, mon), 1);		/* Sun -> Mon */
	CHECK_INT(stats_workdays(&c, mon, mon - 3), 0);		/* backwards */
	CHECK_INT(stats_workdays(&c, workday_civil(2026, 4, 24),
	    workday_civil(2026, 5, 1)), 3);	/* Fri -> Fri: Tue, Wed, Fri */
}

static void
test_month_back(void)
{
	int	 y, m;

	stats_month_back(2026, 3, 11, &y, &m);
	CHECK_INT(y, 2025);
	CHECK_INT(m, 4);
	stats_month_back(2026, 1, 1, &y, &m);
	CHECK_INT(y, 2025);
	CHECK_INT(m, 12);
	stats_month_back(2026, 12, 0, &y, &m);
	CHECK_INT(y, 2026);
	CHECK_INT(m, 12);
}

static void
test_ratio(void)
{
	CHECK(stats_ratio(1, 0) == 0.0);
	CHECK(stats_ratio(3, 4) == 0.75);
}

static void
test_chart_nice(void)
{
	CHECK_INT(chart_nice(0), 1);
	CHECK_INT(chart_nice(1), 1);
	CHECK_INT(chart_nice(3), 5);
	CHECK_INT(chart_nice(7), 10);
	CHECK_INT(chart_nice(11), 20);
	CHECK_INT(chart_nice(20), 20);
	CHECK_INT(chart_nice(4321), 5000);
	CHECK_INT(chart_nice(INT64_MAX), INT64_MAX);
}

static void
test_chart_len(void)
{
	CHECK_INT(chart_len(0, 100, 360), 0);
	CHECK_INT(chart_len(-5, 100, 360), 0);
	CHECK_INT(chart_len(5, 0, 360), 0);
	CHECK_INT(chart_len(50, 100, 360), 180);
	CHECK_INT(chart_len(1, 3, 100), 33);	/* 33.3 */
	CHECK_INT(chart_len(2, 3, 100), 67);	/* 66.7 */
	CHECK_INT(chart_len(150, 100, 360), 360);
	CHECK_INT(chart_len(667, 1000, 360), 240);	/* 240.12 */
}

static void
test_chart_points(void)
{
	int64_t	 v[3] = { 0, 5, 10 };

	CHECK_INT(chart_step(12, 552), 50);
	CHECK_INT(chart_step(1, 552), 0);
	CHECK_STR(chart_points(a, v, 3, 10, 64, 16, 100, 200),
	    "64,216 114,116 164,16");
	CHECK_STR(chart_points(a, v, 0, 10, 64, 16, 100, 200), "");
}

static void
test_chart_pct(void)
{
	CHECK_STR(chart_pct(a, 2, 3), "66,7%");
	CHECK_STR(chart_pct(a, 1, 3), "33,3%");
	CHECK_STR(chart_pct(a, 0, 5), "0,0%");
	CHECK_STR(chart_pct(a, 5, 5), "100,0%");
	CHECK_STR(chart_pct(a, 1, 0), "—");
	CHECK_STR(chart_pct(a, 1, 8), "12,5%");	/* 12.5 exactly */
}

int
main(void)
{
	a = arena_new();
	RUN(test_percentile_empty);
	RUN(test_percentile_nearest_rank);
	RUN(test_percentile_ten_values);
	RUN(test_workdays_week_and_holiday);
	RUN(test_month_back);
	RUN(test_ratio);
	RUN(test_chart_nice);
	RUN(test_chart_len);
	RUN(test_chart_points);
	RUN(test_chart_pct);
	arena_free(a);
	return T_END();
}
