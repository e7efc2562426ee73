/* Time for people: instants are kept in UTC (seconds since the epoch);
 * they are shown in the city's time zone, one setting ([site] timezone,
 * an offset such as +07:00). */
#ifndef CLOCK_H
#define CLOCK_H
#include <stdint.h>

struct arena;

int		 clock_init(const char *offset);
char		*clock_fmt(struct arena *, int64_t t, const char *fmt);
const char	*clock_date(struct arena *, int64_t t);
const char	*clock_datetime(struct arena *, int64_t t);
const char	*clock_iso_date(struct arena *, int64_t t);
int64_t		 clock_day(int64_t t);
long		 clock_offset(void);

#endif
