/* Counters shared by all worker processes (one anonymous shared mapping,
 * made by the master before it forks), rendered as Prometheus text. */
#ifndef METRICS_H
#define METRICS_H
#include <stddef.h>
#include "router.h"

struct arena;

int	 metrics_init(void);
void	 metrics_observe(int route, int status, double seconds);
void	 metrics_db_error(void);
void	 metrics_worker_restart(void);
char	*metrics_render(struct arena *, size_t *len);

#endif
