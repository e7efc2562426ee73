/* The handlers: one feature a file; each returns the HTTP status it
 * answered.  The routes that lead to them are in h/route_list.h. */
#ifndef H_H
#define H_H

#include "http/router.h"

struct request;
struct tmpl_dict;

#define ROUTE(name, methods, pattern, scope, roles, keys)	ROUTE_##name,
enum route_id {
#include "h/route_list.h"
	ROUTE__MAX
};
#undef ROUTE

#define ROUTE(name, methods, pattern, scope, roles, keys) \
	int h_##name(struct request *);
#include "h/route_list.h"
#undef ROUTE

extern const struct route h_routes[ROUTE__MAX];
int	h_routes_check(void);

int	h_init(void);
int	h_track_init(void);
/* Thái Nguyên ID (h/h_tnid.c), for the sign-in, sign-out and account
 * pages. */
int	h_tnid_init(void);
void	h_tnid_button(struct tmpl_dict *);
void	h_tnid_account(struct request *, struct tmpl_dict *);
const char *h_tnid_logout_url(struct request *);
int	h_tnid_logout_page(struct request *, const char *url);

#endif
