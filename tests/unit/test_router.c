/* The route table and path matching, with typed path parameters. */
#include <stdlib.h>
#include <string.h>

#include "h/h.h"
#include "http/router.h"
#include "t.h"

static struct route_match m;

static int
match(const char *path, enum method meth)
{
	return router_match(h_routes, ROUTE__MAX, path, meth, &m);
}

static void
test_router_unknown_404(void)
{
	CHECK_INT(match("", METHOD_GET), 404);
	CHECK_INT(match("/x", METHOD_GET), 404);
	CHECK_INT(match("//", METHOD_GET), 404);
	CHECK_INT(match("/don-vi/", METHOD_GET), 404);
	CHECK_INT(match("/don-vi//", METHOD_GET), 404);
	CHECK_INT(match("/don-vi/a", METHOD_GET), 404);
	CHECK_INT(match("/don-vi/a/b/", METHOD_GET), 404);
	CHECK_INT(match("/healthz/", METHOD_GET), 404);
	CHECK_INT(match("/don-vi/a/tin-tuc/", METHOD_GET), 404);
	CHECK_INT(match("/don-vi/a/tin-tuc/1/", METHOD_GET), 404);
	CHECK(m.route == NULL);
}

/* A segment that is not of the placeholder's type matches no route. */
static void
test_router_wrong_type_404(void)
{
	CHECK_INT(match("/don-vi/Ba_Hang/", METHOD_GET), 404);
	CHECK_INT(match("/don-vi/ba-hang/tin-tuc/le-hoi", METHOD_GET), 404);
	CHECK_INT(match("/don-vi/ba-hang/tin-tuc/0-le-hoi", METHOD_GET), 404);
	CHECK_INT(match("/quan-tri/nguoi-dung/12a", METHOD_GET), 404);
	CHECK_INT(match("/quan-tri/nguoi-dung/0", METHOD_GET), 404);
	CHECK_INT(match("/quan-tri/nguoi-dung/-1", METHOD_GET), 404);
	CHECK_INT(match("/quan-tri/nguoi-dung/99999999999999999999",
	    METHOD_GET), 404);
	CHECK_INT(match("/bien-tap/bai-viet/abc", METHOD_GET), 404);
	/* a wrong type on a path that exists for POST only: still 404 */
	CHECK_INT(match("/quan-tri/nguoi-dung/x/khoa", METHOD_GET), 404);
}

static void
test_router_wrong_method_405(void)
{
	char buf[64];

	CHECK_INT(match("/", METHOD_POST), 405);
	CHECK_INT(m.allow, METHOD_GET | METHOD_HEAD);
	router_allow_str(m.allow, buf, sizeof(buf));
	CHECK_STR(buf, "GET, HEAD");
	CHECK_INT(match("/metrics", METHOD_DELETE), 405);
	router_allow_str(m.allow, buf, sizeof(buf));
	CHECK_STR(buf, "GET");
	CHECK_INT(match("/", METHOD_OTHER), 405);
	CHECK_INT(match("/quan-tri/nguoi-dung/7/khoa", METHOD_GET), 405);
}

static void
test_router_args(void)
{
	CHECK_INT(match("/don-vi/ba-hang/", METHOD_GET), 200);
	CHECK(m.route != NULL && m.route->id == ROUTE_unit);
	CHECK_INT(m.nargs, 1);
	CHECK_STR(m.args[0].s, "ba-hang");
	CHECK_STR(m.args[0].name, "unit");
	CHECK_INT(match("/don-vi/ba-hang/tin-tuc/12-le-hoi", METHOD_HEAD), 200);
	CHECK(m.route != NULL && m.route->id == ROUTE_article);
	CHECK_INT(m.nargs, 2);
	CHECK_STR(m.args[0].s, "ba-hang");
	CHECK_STR(m.args[1].s, "12-le-hoi");
	CHECK_STR(m.args[1].name, "article");
	CHECK_INT(m.args[1].id, 12);
	CHECK_INT(match("/quan-tri/nguoi-dung/42/cap-quyen", METHOD_POST), 200);
	CHECK(m.route->id == ROUTE_admin_user_grant);
	CHECK_INT(m.args[0].id, 42);
	CHECK_STR(m.args[0].name, "user");
	/* "moi" is not an id: the new-article form, not an article */
	CHECK_INT(match("/bien-tap/bai-viet/moi", METHOD_GET), 200);
	CHECK(m.route->id == ROUTE_editor_new);
	CHECK_INT(match("/bien-tap/bai-viet/5", METHOD_POST), 200);
	CHECK(m.route->id == ROUTE_editor_edit);
	CHECK_INT(m.args[0].id, 5);
}

static void
test_router_arg_too_long(void)
{
	char path[2048];

	memset(path, 'a', sizeof(path));
	memcpy(path, "/don-vi/", 8);
	memcpy(path + sizeof(path) - 2, "/", 2);
	CHECK_INT(match(path, METHOD_GET), 404);
}

static void
test_router_table_consistent(void)
{
	size_t i, j;

	for (i = 0; i < ROUTE__MAX; i++) {
		const struct route *r = &h_routes[i];
		CHECK_INT(r->id, i);
		CHECK(r->pattern[0] == '/');
		CHECK(r->handler != NULL);
		CHECK(r->methods != 0);
		/* a route for some roles names them; others name none */
		CHECK((r->scope == SCOPE_PUBLIC || r->scope == SCOPE_USER) ==
		    (r->roles == 0));
		/* every placeholder is typed */
		for (const char *p = r->pattern; (p = strchr(p, '{')); p++)
			CHECK(strchr(p, ':') != NULL &&
			    strchr(p, ':') < strchr(p, '}'));
		for (j = 0; j < i; j++)
			CHECK(strcmp(r->name, h_routes[j].name) != 0);
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
	CHECK_STR(router_scope_name(SCOPE_OWNER), "owner");
}

int
main(void)
{
	RUN(test_router_unknown_404);
	RUN(test_router_wrong_type_404);
	RUN(test_router_wrong_method_405);
	RUN(test_router_arg_too_long);
	RUN(test_router_args);
	RUN(test_router_table_consistent);
	RUN(test_router_method_names);
	return T_END();
}
