/* ISO 8601 weeks ("2026-W49": Monday to Sunday, week 1 holds the year's
 * first Thursday) over days counted from 1970-01-01 (day 0), as
 * core/workday.h counts them.  Pure. */
#ifndef WEEK_H
#define WEEK_H
#include <stdint.h>

struct arena;

int		 week_weekday(int32_t day);
int32_t		 week_monday(int32_t day);
void		 week_of(int32_t day, int *year, int *week);
int		 week_count(int year);
int		 week_parse(const char *, int32_t *monday);
const char	*week_fmt(struct arena *, int32_t day);

#endif
