/* Statistics of the one-stop desks (issue 12): the indicators of the
 * applications received in a range of the city's days, city-wide and per
 * unit, per month and per procedure, computed from the applications and
 * their timeline (README: "Statistics" defines each) and kept a minute
 * in a per-process cache. */
#ifndef STATS_H
#define STATS_H
#include <stddef.h>
#include <stdint.h>

#include "data/db.h"

struct arena;
struct db;
struct store_file;
struct workday_cal;

#define STATS_UNITS_MAX		64
#define STATS_PROCS_MAX		20
#define STATS_MONTHS		12
#define STATS_DAYS_MAX		366	/* processing times beyond: counted here */

/* The indicators of one set of applications (a unit, or the city). */
struct stats_ind {
	int64_t	 received, online, counter, post;
	int64_t	 finished, on_time, late, pending, overdue;
	int64_t	 digitised, ratings, rating_sum, satisfied, supplements;
	int64_t	 timed;		/* finished with a processing time */
	double	 days_avg;	/* working days, received -> decided */
	int64_t	 days_p90;
	int64_t	 articles, answers;
};

struct stats_unit {
	uint64_t		 id;
	char			 slug[64];
	char			 kind[8];
	char			 name[128];	/* without the kind */
	struct stats_ind	 v;
};

struct stats_month {
	int			 y, m;
	int64_t			 received, online, on_time, late;
};

struct stats_proc {
	char			 code[32];
	char			 name[512];
	int64_t			 received, online, on_time, late, overdue;
};

/* The answer for (unit or 0 for the city, from, to, today). */
struct stats {
	uint64_t		 unit;
	int32_t			 from, to, today;	/* days since 1970 */
	struct stats_ind	 all;
	size_t			 nunits;
	struct stats_unit	 units[STATS_UNITS_MAX];
	struct stats_month	 months[STATS_MONTHS];
	size_t			 nprocs;
	struct stats_proc	 procs[STATS_PROCS_MAX];
};

enum stats_err {
	STATS_OK,
	STATS_DB,		/* the database failed */
	STATS__MAX
};

enum stats_err	 stats_get(struct db *, struct arena *, uint64_t unit,
		    int32_t from, int32_t to, struct stats **out);
enum db_err	 stats_history(struct db *, struct arena *, unsigned seed,
		    unsigned days, unsigned rows, const struct store_file *,
		    uint64_t *n);
const char	*stats_gauges(struct db *, struct arena *);
int64_t		 stats_percentile(const int64_t *hist, size_t nbins,
		    unsigned pct);
int64_t		 stats_workdays(const struct workday_cal *, int32_t from,
		    int32_t to);
double		 stats_ratio(int64_t num, int64_t den);
void		 stats_month_back(int y, int m, int back, int *oy, int *om);

#endif
