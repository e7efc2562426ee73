/* Working days (core/workday.h).  The rule, from the one-stop-shop
 * regulation (Decree 61/2018/ND-CP and the procedures' own "after 15:00,
 * the next working day"): an application counts as received on the day it
 * came in when that is a working day and it came before the cut-off, else
 * on the next working day; its appointment is the processing time's
 * number of working days after the day received (0 days: that same day). */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/valid.h"
#include "core/workday.h"

/* Days from 1970-01-01 of the proleptic Gregorian date y-m-d (Howard
 * Hinnant's days_from_civil). */
int32_t
workday_civil(int y, int m, int d)
{
	int	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of day (the inverse of workday_civil). */
void
workday_ymd(int32_t day, int *y, int *m, int *d)
{
	int	 z = day + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* "YYYY-MM-DD" (years 1900-2199) into *day.  Returns 1 when it is a date
 * that exists. */
int
workday_parse(const char *s, int32_t *day)
{
	uint64_t	 y, m, d;
	int		 yy, mm, dd;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !valid_uint(s, 4, 2199, &y) || !valid_uint(s + 5, 2, 12, &m) ||
	    !valid_uint(s + 8, 2, 31, &d) || y < 1900 || m < 1 || d < 1)
		return 0;
	*day = workday_civil((int)y, (int)m, (int)d);
	workday_ymd(*day, &yy, &mm, &dd);
	return dd == (int)d;		/* 31 April is 1 May: refused */
}

/* Day number day as YYYY-MM-DD, in arena a: workday_parse's inverse. */
const char *
workday_iso(struct arena *a, int32_t day)
{
	int	 y, m, d;

	workday_ymd(day, &y, &m, &d);
	return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* "HH:MM" (00:00-23:59) into minutes after midnight.  Returns 1 when
 * valid. */
int
workday_hhmm(const char *s, int *minutes)
{
	uint64_t	 h, m;

	if (s == NULL || strlen(s) != 5 || s[2] != ':' ||
	    !valid_uint(s, 2, 23, &h) || !valid_uint(s + 3, 2, 59, &m))
		return 0;
	*minutes = (int)(h * 60 + m);
	return 1;
}

static int
workday_off(const struct workday_cal *c, int32_t day)
{
	size_t	 lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->off[mid] == day)
			return 1;
		if (c->off[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* 1 when day is neither a Saturday, a Sunday nor a day off of c.  Day 0
 * was a Thursday. */
int
workday_is_work(const struct workday_cal *c, int32_t day)
{
	int	 wd = (int)(((int64_t)day % 7 + 7 + 4) % 7);	/* 0: Sunday */

	return wd != 0 && wd != 6 && !workday_off(c, day);
}

static int32_t
workday_next(const struct workday_cal *c, int32_t day)
{
	do
		day++;
	while (!workday_is_work(c, day));
	return day;
}

/* The day an application that came in at t (UTC seconds) counts as
 * received, in a zone tz_seconds east of UTC, with the afternoon cut-off
 * at cutoff_minutes after local midnight. */
int32_t
workday_received(const struct workday_cal *c, int64_t t, int tz_seconds,
    int cutoff_minutes)
{
	int64_t	 local = t + tz_seconds;
	int64_t	 day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	int64_t	 secs = local - day * 86400;

	if (workday_is_work(c, (int32_t)day) && secs < cutoff_minutes * 60)
		return (int32_t)day;
	return workday_next(c, (int32_t)day);
}

/* The appointment: days working days after received (received itself
 * when days is 0). */
int32_t
workday_due(const struct workday_cal *c, int32_t received, unsigned days)
{
	while (days-- > 0)
		received = workday_next(c, received);
	return received;
}
