/* Authorization, in one place: a route's scope and roles against the
 * signed-in user and, for unit-scoped routes, the unit the path names or
 * the unit that owns the path's object.  SQL ownership filters in the data
 * layer stay as the second line of defence. */
#ifndef AUTHZ_H
#define AUTHZ_H
#include <stdint.h>

struct request;
struct user;

int	authz_check(struct request *);
int	authz_has(const struct user *, unsigned roles, uint64_t unit_id);

#endif
