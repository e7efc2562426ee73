/* Working days: the appointment date of an application, from the moment
 * it came in, the procedure's processing time in working days, and the
 * calendar of days off besides weekends (the holidays table).  Pure: days
 * are counted from 1970-01-01 (day 0) in the city's time zone. */
#ifndef WORKDAY_H
#define WORKDAY_H
#include <stddef.h>
#include <stdint.h>

/* The days off besides Saturdays and Sundays, ascending. */
struct workday_cal {
	const int32_t	*off;
	size_t		 n;
};

struct arena;

int32_t	 workday_civil(int y, int m, int d);
void	 workday_ymd(int32_t day, int *y, int *m, int *d);
int	 workday_parse(const char *, int32_t *day);
const char *workday_iso(struct arena *, int32_t day);
int	 workday_hhmm(const char *, int *minutes);
int	 workday_is_work(const struct workday_cal *, int32_t day);
int32_t	 workday_received(const struct workday_cal *, int64_t t,
	    int tz_seconds, int cutoff_minutes);
int32_t	 workday_due(const struct workday_cal *, int32_t received,
	    unsigned days);

#endif
