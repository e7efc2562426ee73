/* The route table and path matching. */
#include <stdlib.h>

#include "request.h"
#include "router.h"
#include "t.h"

static int
match(const char *path, enum method m, const struct route **r,
    const char **args, size_t *nargs, unsigned *allow)
{
	static char argbuf[512];

	return router_match(path, m, r, args, nargs, allow, argbuf,
	    sizeof(argbuf));
}

static void
test_router_unknown_404(void)
{
	const struct route *r;
	const char *args[ROUTE_ARGS_MAX];
	size_t n;
	unsigned allow;

	CHECK_INT(match("", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("/x", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("//", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("/don-vi/", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("/don-vi//", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("/don-vi/a", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("/don-vi/a/b/", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("/healthz/", METHOD_GET, &r, args, &n, &allow), 404);
	CHECK_INT(match("/don-vi/a/tin-tuc/", METHOD_GET, &r, args, &n,
	    &allow), 404);
	CHECK_INT(match("/don-vi/a/tin-tuc/1/", METHOD_GET, &r, args, &n,
	    &allow), 404);
	CHECK(r == NULL);
}

static void
test_router_wrong_method_405(void)
{
	const struct route *r;
	const char *args[ROUTE_ARGS_MAX];
	size_t n;
	unsigned allow;
	char buf[64];

	CHECK_INT(match("/", METHOD_POST, &r, args, &n, &allow), 405);
	CHECK_INT(allow, METHOD_GET | METHOD_HEAD);
	router_allow_str(allow, buf, sizeof(buf));
	CHECK_STR(buf, "GET, HEAD");
	CHECK_INT(match("/metrics", METHOD_DELETE, &r, args, &n, &allow),
	    405);
	router_allow_str(allow, buf, sizeof(buf));
	CHECK_STR(buf, "GET");
	CHECK_INT(match("/", METHOD_OTHER, &r, args, &n, &allow), 405);
}

static void
test_router_args(void)
{
	const struct route *r;
	const char *args[ROUTE_ARGS_MAX];
	size_t n;
	unsigned allow;

	CHECK_INT(match("/don-vi/ba-hang/", METHOD_GET, &r, args, &n,
	    &allow), 200);
	CHECK(r != NULL && r->id == ROUTE_UNIT);
	CHECK_INT(n, 1);
	CHECK_STR(args[0], "ba-hang");
	CHECK_INT(match("/don-vi/ba-hang/tin-tuc/12-le-hoi", METHOD_HEAD,
	    &r, args, &n, &allow), 200);
	CHECK(r != NULL && r->id == ROUTE_ARTICLE);
	CHECK_INT(n, 2);
	CHECK_STR(args[0], "ba-hang");
	CHECK_STR(args[1], "12-le-hoi");
}

static void
test_router_arg_too_long(void)
{
	const struct route *r;
	const char *args[ROUTE_ARGS_MAX];
	char path[2048], argbuf[16];
	size_t n;
	unsigned allow;

	memset(path, 'a', sizeof(path));
	memcpy(path, "/don-vi/", 8);
	memcpy(path + sizeof(path) - 2, "/", 2);
	CHECK_INT(router_match(path, METHOD_GET, &r, args, &n, &allow,
	    argbuf, sizeof(argbuf)), 404);
}

static void
test_router_table_consistent(void)
{
	size_t i, j;

	for (i = 0; i < ROUTE__MAX; i++) {
		CHECK_INT(router_table[i].id, i);
		CHECK(router_table[i].pattern[0] == '/');
		CHECK(router_table[i].handler != NULL);
		CHECK(router_table[i].methods != 0);
		for (j = 0; j < i; j++)
			CHECK(strcmp(router_table[i].name,
			    router_table[j].name) != 0);
	}
}

static void
test_router_method_names(void)
{
	CHECK_INT(router_method("GET"), METHOD_GET);
	CHECK_INT(router_method("PATCH"), METHOD_PATCH);
	CHECK_INT(router_method("get"), METHOD_OTHER);
	CHECK_INT(router_method(NULL), METHOD_OTHER);
	CHECK_INT(router_method("BREW"), METHOD_OTHER);
	CHECK_STR(router_method_str(METHOD_POST), "POST");
}

int
main(void)
{
	RUN(test_router_unknown_404);
	RUN(test_router_wrong_method_405);
	RUN(test_router_arg_too_long);
	RUN(test_router_args);
	RUN(test_router_table_consistent);
	RUN(test_router_method_names);
	return T_END();
}
