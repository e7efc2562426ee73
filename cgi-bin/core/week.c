/* ISO 8601 weeks: the leaders' weekly schedule is addressed by them. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/valid.h"
#include "core/week.h"
#include "core/workday.h"

/* 0 for Monday ... 6 for Sunday (day 0, 1970-01-01, was a Thursday). */
int
week_weekday(int32_t day)
{
	int32_t	 w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* The Monday of day's week. */
int32_t
week_monday(int32_t day)
{
	return day - week_weekday(day);
}

/* The Monday of week 1 of ISO year y: the week of 4 January. */
static int32_t
week_first(int y)
{
	return week_monday(workday_civil(y, 1, 4));
}

/* The ISO year and week of day: those of its week's Thursday. */
void
week_of(int32_t day, int *year, int *week)
{
	int32_t	 thu = week_monday(day) + 3;
	int	 m, d;

	workday_ymd(thu, year, &m, &d);
	*week = (int)((thu - week_first(*year)) / 7) + 1;
}

/* 52 or 53: the week of 28 December is the year's last. */
int
week_count(int year)
{
	int	 y, w;

	week_of(workday_civil(year, 12, 28), &y, &w);
	return w;
}

/* "YYYY-Www" (years 1970 to 9999, the week existing in its year) into
 * its Monday.  Returns 1 when valid. */
int
week_parse(const char *s, int32_t *monday)
{
	uint64_t	 y, w;

	if (s == NULL || strlen(s) != 8 || s[4] != '-' || s[5] != 'W' ||
	    !valid_uint(s, 4, 9999, &y) || y < 1970 ||
	    !valid_uint(s + 6, 2, 53, &w) || w < 1 ||
	    (int)w > week_count((int)y))
		return 0;
	*monday = week_first((int)y) + (int32_t)(w - 1) * 7;
	return 1;
}

/* The week of day as "YYYY-Www", in arena a. */
const char *
week_fmt(struct arena *a, int32_t day)
{
	int	 y, w;

	week_of(day, &y, &w);
	return arena_printf(a, "%04d-W%02d", y, w);
}
