/* The geometry of the statistics' charts (inline SVG written by
 * templates): pure arithmetic on numbers, no drawing. */
#ifndef CHART_H
#define CHART_H
#include <stdint.h>

struct arena;

int64_t		 chart_nice(int64_t max);
int		 chart_len(int64_t v, int64_t max, int px);
int		 chart_step(int n, int px);
const char	*chart_points(struct arena *, const int64_t *v, int n,
		    int64_t max, int x0, int y0, int w, int h);
const char	*chart_pct(struct arena *, int64_t num, int64_t den);
#endif
