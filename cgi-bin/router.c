/* The static route table and path matching.  A pattern is a sequence of
 * '/'-separated segments; "{name}" matches one non-empty segment and
 * hands it to the handler as an argument; a trailing '/' is significant. */
#include <stdio.h>
#include <string.h>

#include "h.h"
#include "request.h"
#include "router.h"

const struct route router_table[ROUTE__MAX] = {
	/* ROUTE_HOME */
	{ ROUTE_HOME, METHOD_GET | METHOD_HEAD, "/", h_home,
	  ROLE_ANON, 0, 0, "home" },
	/* ROUTE_UNIT */
	{ ROUTE_UNIT, METHOD_GET | METHOD_HEAD, "/don-vi/{unit}/", h_unit,
	  ROLE_ANON, 0, KEY_BIT(KEY_PAGE), "unit" },
	/* ROUTE_ARTICLE */
	{ ROUTE_ARTICLE, METHOD_GET | METHOD_HEAD,
	  "/don-vi/{unit}/tin-tuc/{article}", h_article,
	  ROLE_ANON, 0, 0, "article" },
	/* ROUTE_HEALTHZ */
	{ ROUTE_HEALTHZ, METHOD_GET | METHOD_HEAD, "/healthz", h_healthz,
	  ROLE_ANON, 0, 0, "healthz" },
	/* ROUTE_METRICS */
	{ ROUTE_METRICS, METHOD_GET, "/metrics", h_metrics,
	  ROLE_ANON, 0, 0, "metrics" },
};

static const char *const method_names[] = {
	"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
};

enum method
router_method(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && i < sizeof(method_names) /
	    sizeof(method_names[0]); i++)
		if (strcmp(s, method_names[i]) == 0)
			return (enum method)(1u << i);
	return METHOD_OTHER;
}

const char *
router_method_str(enum method m)
{
	size_t	 i;

	for (i = 0; i < sizeof(method_names) / sizeof(method_names[0]); i++)
		if (m == (enum method)(1u << i))
			return method_names[i];
	return "OTHER";
}

/* Matches path against one pattern, collecting "{...}" segments into
 * args (pointers into argbuf, which holds copies).  Returns 1 on a match. */
static int
router_match_one(const char *pat, const char *path, const char **args,
    size_t *nargs, char *argbuf, size_t argbufsz)
{
	size_t	 n = 0, used = 0;

	while (*pat != '\0' && *path != '\0') {
		if (*pat == '{') {
			const char *pe = strchr(pat, '}');
			size_t len = strcspn(path, "/");
			if (pe == NULL || len == 0 || n == ROUTE_ARGS_MAX ||
			    used + len + 1 > argbufsz)
				return 0;
			memcpy(argbuf + used, path, len);
			argbuf[used + len] = '\0';
			args[n++] = argbuf + used;
			used += len + 1;
			pat = pe + 1;
			path += len;
		} else if (*pat++ != *path++)
			return 0;
	}
	if (*pat != '\0' || *path != '\0')
		return 0;
	*nargs = n;
	return 1;
}

/* Finds the route for path and method.  Returns 200 with *out and args
 * set (args point into argbuf), 405 with *allow set when the path exists
 * for other methods only, or 404. */
int
router_match(const char *path, enum method m, const struct route **out,
    const char **args, size_t *nargs, unsigned *allow, char *argbuf,
    size_t argbufsz)
{
	size_t	 i;

	*allow = 0;
	*out = NULL;
	for (i = 0; i < ROUTE__MAX; i++) {
		const struct route *r = &router_table[i];
		if (!router_match_one(r->pattern, path, args, nargs, argbuf,
		    argbufsz))
			continue;
		if (r->methods & m) {
			*out = r;
			return 200;
		}
		*allow |= r->methods;
	}
	return *allow ? 405 : 404;
}

/* Writes the Allow header value for the method bits in allow. */
void
router_allow_str(unsigned allow, char *buf, size_t bufsz)
{
	size_t	 i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(method_names) / sizeof(method_names[0]); i++)
		if (allow & (1u << i))
			n += (size_t)snprintf(buf + n, n < bufsz ? bufsz - n : 0,
			    "%s%s", n ? ", " : "", method_names[i]);
}
