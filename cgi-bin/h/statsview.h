/* What the statistics' pages and API share (h/statsview.c): the range
 * asked for, the indicators' columns (the page's table, its CSV, the
 * JSON fields) and the charts. */
#ifndef STATSVIEW_H
#define STATSVIEW_H
#include <stddef.h>
#include <stdint.h>

struct arena;
struct request;
struct stats;
struct stats_ind;
struct tmpl_dict;

struct st_range {
	uint64_t	 unit;		/* 0: every unit */
	int32_t		 from, to;	/* the city's days, both in */
};

const char	*statsview_range(struct request *, struct st_range *);
size_t		 statsview_ncols(void);
const char *const *statsview_heads(void);
const char	*statsview_cell(struct arena *, const struct stats_ind *,
		    size_t);
int		 statsview_kpi(size_t);
const char	*statsview_json_name(size_t);
double		 statsview_value(const struct stats_ind *, size_t, int *null,
		    int *integer);
void		 statsview_chart_units(struct request *, struct tmpl_dict *,
		    const struct stats *);
void		 statsview_chart_rank(struct request *, struct tmpl_dict *,
		    const struct stats *);
void		 statsview_chart_trend(struct request *, struct tmpl_dict *,
		    const struct stats *);
#endif
