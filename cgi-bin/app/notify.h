/* Telling applicants what became of their applications. */
#ifndef NOTIFY_H
#define NOTIFY_H
#include <stdint.h>

#include "data/db.h"

struct arena;

enum db_err	 notify_status(struct db *, struct arena *, uint64_t app);

#endif
