/* The geometry of the statistics' charts: scales rounded to a readable
 * top (1, 2 or 5 times a power of ten), bar lengths and the points of a
 * line, in the SVG's user units.  The templates draw; these only count. */
#include <stdint.h>

#include "core/arena.h"
#include "core/chart.h"

/* The smallest 1, 2 or 5 times a power of ten not below max (1 at
 * least): the top of an axis. */
int64_t
chart_nice(int64_t max)
{
	int64_t	 p = 1;

	for (;;) {
		if (max <= p)
			return p;
		if (max <= 2 * p)
			return 2 * p;
		if (max <= 5 * p)
			return 5 * p;
		if (p > INT64_MAX / 100)
			return max;
		p *= 10;
	}
}

/* The length of v on an axis of px units whose top is max, rounded to
 * the nearest unit, within [0, px]. */
int
chart_len(int64_t v, int64_t max, int px)
{
	int64_t	 len;

	if (max <= 0 || v <= 0 || px <= 0)
		return 0;
	if (v >= max)
		return px;
	len = (v * px * 2 + max) / (max * 2);
	return (int)len;
}

/* The distance between n points spread over px units, ends included. */
int
chart_step(int n, int px)
{
	return n > 1 ? px / (n - 1) : 0;
}

/* The points of a line through v[0..n-1] ("x,y x,y ..."), from x0 with
 * chart_step(n, w) between points, the axis of h units from its bottom
 * y0 + h up to y0 (max at the top). */
const char *
chart_points(struct arena *a, const int64_t *v, int n, int64_t max, int x0,
    int y0, int w, int h)
{
	const char	*s = "";
	int		 i, step = chart_step(n, w);

	for (i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%d,%d", s, i ? " " : "", x0 + i * step,
		    y0 + h - chart_len(v[i], max, h));
	return s;
}

/* num / den as a Vietnamese percentage with one decimal ("87,5%"); "—"
 * when den is 0. */
const char *
chart_pct(struct arena *a, int64_t num, int64_t den)
{
	int64_t	 t;

	if (den <= 0)
		return "—";
	t = (num * 2000 + den) / (den * 2);	/* tenths of a per cent */
	return arena_printf(a, "%lld,%lld%%", (long long)(t / 10),
	    (long long)(t % 10));
}
