/* The serving loop of a worker process: T threads, each with its own
 * database connection and arena, answering one request at a time. */
#ifndef SERVE_H
#define SERVE_H
#include <stddef.h>
#include <sys/types.h>

#include "data/db.h"
#include "http/req.h"

struct serve_conf {
	int			 fd;		/* listening socket */
	int			 threads;
	size_t			 header_max;
	struct req_limits	 lim;
	struct db_opts		 db;
};

void	serve_main(const struct serve_conf *, pid_t master)
	    __attribute__((noreturn));

#endif
