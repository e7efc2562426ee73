/* Formatting instants in the city's time zone. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/clock.h"

static long	 offset_seconds = 7 * 3600;

/* Reads an offset "+HH:MM" or "-HH:MM".  Returns 1/0 (then unchanged). */
int
clock_init(const char *offset)
{
	int	 h, m;
	char	 sign, end;

	if (offset == NULL || sscanf(offset, "%c%2d:%2d%c", &sign, &h, &m,
	    &end) != 3 || (sign != '+' && sign != '-') || h > 14 || m > 59 ||
	    h < 0 || m < 0 || strlen(offset) != 6)
		return 0;
	offset_seconds = (sign == '-' ? -1 : 1) * (h * 3600L + m * 60L);
	return 1;
}

/* t (UTC seconds) as local time through strftime format fmt; "" for 0,
 * the database's NULL. */
char *
clock_fmt(struct arena *a, int64_t t, const char *fmt)
{
	time_t	 local = (time_t)(t + offset_seconds);
	struct tm tm;
	char	 buf[64];

	if (t == 0 || gmtime_r(&local, &tm) == NULL ||
	    strftime(buf, sizeof(buf), fmt, &tm) == 0)
		return arena_strdup(a, "");
	return arena_strdup(a, buf);
}

/* 30/11/2026 */
const char *
clock_date(struct arena *a, int64_t t)
{
	return clock_fmt(a, t, "%d/%m/%Y");
}

/* 30/11/2026 14:05 */
const char *
clock_datetime(struct arena *a, int64_t t)
{
	return clock_fmt(a, t, "%d/%m/%Y %H:%M");
}

/* 2026-11-30, for <time datetime>. */
const char *
clock_iso_date(struct arena *a, int64_t t)
{
	return clock_fmt(a, t, "%Y-%m-%d");
}

/* The local (city) day of instant t: days since 1970-01-01, for comparing
 * dates; a DATE column read as midnight UTC gives its own day with
 * t / 86400. */
int64_t
clock_day(int64_t t)
{
	int64_t	 l = t + offset_seconds;

	return l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
}

/* The city's offset from UTC, in seconds ([site] timezone). */
long
clock_offset(void)
{
	return offset_seconds;
}
