/* The route table, made from h/route_list.h. */
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
