/* The route table, made from h/route_list.h. */
#include <string.h>

#include "core/log.h"
#include "core/role.h"
#include "h/h.h"
#include "http/request.h"
#include "http/router.h"

#define GET	(METHOD_GET | METHOD_HEAD)
#define FORM	(METHOD_GET | METHOD_HEAD | METHOD_POST)
#define POST	METHOD_POST
#define K(k)	KEY_BIT(KEY_##k)
#define ROLE(r)	ROLE_BIT(ROLE_##r)

#define ROUTE(name, methods, pattern, scope, roles, keys) \
	[ROUTE_##name] = { ROUTE_##name, methods, pattern, h_##name, \
	    SCOPE_##scope, roles, keys, #name },
const struct route h_routes[ROUTE__MAX] = {
#include "h/route_list.h"
};

/* Two keys may share a parameter name ("ma": a reset or confirmation
 * token, an application's code) only if no route reads both.  Returns 1
 * when none does; logs the first that does. */
int
h_routes_check(void)
{
	size_t	 i;
	int	 j, k;

	for (i = 0; i < ROUTE__MAX; i++)
		for (j = 0; j < KEY__MAX; j++)
			for (k = j + 1; k < KEY__MAX; k++)
				if ((h_routes[i].keys & KEY_BIT(j)) &&
				    (h_routes[i].keys & KEY_BIT(k)) &&
				    strcmp(key_name(j), key_name(k)) == 0) {
					LOGE("route %s reads \"%s\" twice",
					    h_routes[i].name, key_name(j));
					return 0;
				}
	return 1;
}
