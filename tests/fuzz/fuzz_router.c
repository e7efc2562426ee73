/* libFuzzer target: router_match on an arbitrary path, against the real
 * route list (h/route_list.h, expanded here with dummy handlers) and a few
 * patterns of our own (four placeholders, too many, unknown and malformed
 * types).  The first byte picks the method; the rest, up to a NUL, is the
 * path.  An independent matcher (segments compared one by one, types
 * checked with the validators) says what must match; the router must
 * agree: 200 for the first route of the path with the method, its
 * arguments NUL-terminated copies of the path's segments named as in the
 * pattern, id-typed ones parsing back to their number, the pattern with
 * each placeholder replaced by its argument giving the path back; 405
 * with allow the methods of every route of the path; 404 when no route
 * has the path.  Method names convert both ways (the path serves as an
 * untrusted REQUEST_METHOD too). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/valid.h"
#include "http/router.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

#define FZ_SEGS		64	/* segments of a path the reference splits */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fz_handler(struct request *r)
{
	(void)r;
	return 200;
}

#define GET	(METHOD_GET | METHOD_HEAD)
#define FORM	(METHOD_GET | METHOD_HEAD | METHOD_POST)
#define POST	METHOD_POST
#define K(k)	0u
#define ROLE(r)	0u
#define ROUTE(name, methods, pattern, scope, roles, keys) \
	{ 0, methods, pattern, fz_handler, SCOPE_##scope, roles, keys, #name },

static const struct route fz_routes[] = {
#include "h/route_list.h"
	/* Our own: every type at once, more placeholders than the router
	 * holds, types it does not know, a placeholder without a type or
	 * without its end, and a path of another method only. */
	ROUTE(fz_four, FORM, "/fz/{a:slug}/{b:id}/{c:idslug}/{d:slug}",
	    PUBLIC, 0, 0)
	ROUTE(fz_five, GET, "/fz/{a:id}/{b:id}/{c:id}/{d:id}/{e:id}",
	    PUBLIC, 0, 0)
	ROUTE(fz_bogus, GET, "/fz/kieu/{a:bogus}", PUBLIC, 0, 0)
	ROUTE(fz_notype, GET, "/fz/khong/{a}", PUBLIC, 0, 0)
	ROUTE(fz_open, GET, "/fz/mo/{a:id", PUBLIC, 0, 0)
	ROUTE(fz_put, METHOD_PUT | METHOD_DELETE, "/fz/{a:id}", PUBLIC, 0, 0)
	ROUTE(fz_same, METHOD_PATCH, "/fz/{a:id}", PUBLIC, 0, 0)
};
#undef ROUTE

#define FZ_NROUTES	(sizeof(fz_routes) / sizeof(fz_routes[0]))

/* One segment [s, s + n) of a path or pattern. */
struct fz_seg {
	const char	*s;
	size_t		 n;
};

/* Splits s at every '/' into at most FZ_SEGS segments; returns how many,
 * or 0 when there are more. */
static size_t
fz_split(const char *s, struct fz_seg *seg)
{
	size_t	 n = 0;
	const char *e;

	for (;;) {
		if (n == FZ_SEGS)
			return 0;
		e = strchr(s, '/');
		seg[n].s = s;
		seg[n].n = e != NULL ? (size_t)(e - s) : strlen(s);
		n++;
		if (e == NULL)
			return n;
		s = e + 1;
	}
}

/* Whether segment v has type t[0..tn), and its number; -1 when the type
 * is unknown. */
static int
fz_type(const char *t, size_t tn, const struct fz_seg *v, uint64_t *id)
{
	const char	*dash;
	size_t		 dn;

	*id = 0;
	if (tn == 4 && memcmp(t, "slug", 4) == 0)
		return valid_slug(v->s, v->n);
	if (tn == 2 && memcmp(t, "id", 2) == 0)
		return valid_uint(v->s, v->n, VALID_ID_MAX, id) && *id > 0;
	if (tn != 6 || memcmp(t, "idslug", 6) != 0)
		return -1;
	dash = memchr(v->s, '-', v->n);
	dn = dash != NULL ? (size_t)(dash - v->s) : v->n;
	if (!valid_uint(v->s, dn, VALID_ID_MAX, id) || *id == 0)
		return 0;
	return dash == NULL || valid_slug(dash + 1, v->n - dn - 1);
}

/* What one placeholder segment p ("{name:type}") expects of v.  Returns
 * 1 when v matches, adding to *need the bytes the router keeps for it. */
static int
fz_placeholder(const struct fz_seg *p, const struct fz_seg *v, size_t *need)
{
	const char	*colon;
	uint64_t	 id;

	if (p->n < 2 || p->s[p->n - 1] != '}' || v->n == 0 ||
	    (colon = memchr(p->s, ':', p->n)) == NULL)
		return 0;
	if (fz_type(colon + 1, (size_t)(p->s + p->n - 1 - colon - 1), v,
	    &id) != 1)
		return 0;
	*need += v->n + 1 + p->n - 1;
	return 1;
}

/* The reference: 1 when path has the route's pattern (placeholders only
 * as whole segments, at most ROUTE_ARGS_MAX, their text within the
 * router's buffer). */
static int
fz_ref_match(const char *pattern, const char *path)
{
	struct fz_seg	 ps[FZ_SEGS], vs[FZ_SEGS];
	size_t		 np = fz_split(pattern, ps), nv = fz_split(path, vs);
	size_t		 i, args = 0, need = 0;

	if (np == 0 || np != nv)
		return 0;
	for (i = 0; i < np; i++) {
		if (ps[i].n > 0 && ps[i].s[0] == '{') {
			if (++args > ROUTE_ARGS_MAX ||
			    !fz_placeholder(&ps[i], &vs[i], &need))
				return 0;
		} else if (ps[i].n != vs[i].n ||
		    memcmp(ps[i].s, vs[i].s, ps[i].n) != 0)
			return 0;
	}
	return need <= sizeof(((struct route_match *)0)->buf);
}

/* The arguments of a match: one per placeholder, in order, named as in
 * the pattern, each a NUL-terminated copy (in m->buf) of its segment,
 * with the number of its type. */
static void
fz_check_args(const struct route_match *m, const char *path)
{
	struct fz_seg	 ps[FZ_SEGS], vs[FZ_SEGS];
	size_t		 np = fz_split(m->route->pattern, ps);
	size_t		 i, k = 0, len;
	const char	*colon;
	uint64_t	 id;

	FZ_CHECK(np == fz_split(path, vs));
	for (i = 0; i < np; i++) {
		if (ps[i].n == 0 || ps[i].s[0] != '{')
			continue;
		FZ_CHECK(k < m->nargs);
		colon = memchr(ps[i].s, ':', ps[i].n);
		FZ_CHECK(colon != NULL);
		len = (size_t)(colon - ps[i].s - 1);
		FZ_CHECK(m->args[k].name >= m->buf &&
		    m->args[k].name < m->buf + sizeof(m->buf));
		FZ_CHECK(strlen(m->args[k].name) == len &&
		    memcmp(m->args[k].name, ps[i].s + 1, len) == 0);
		FZ_CHECK(m->args[k].s >= m->buf &&
		    m->args[k].s + vs[i].n < m->buf + sizeof(m->buf));
		FZ_CHECK(strlen(m->args[k].s) == vs[i].n &&
		    memcmp(m->args[k].s, vs[i].s, vs[i].n) == 0);
		FZ_CHECK(fz_type(colon + 1, (size_t)(ps[i].s + ps[i].n - 2 -
		    colon), &vs[i], &id) == 1);
		FZ_CHECK(m->args[k].id == id);
		FZ_CHECK(id <= VALID_ID_MAX);
		k++;
	}
	FZ_CHECK(k == m->nargs && k <= ROUTE_ARGS_MAX);
}

/* The pattern of m's route with each "{name:type}" replaced by the next
 * argument, character by character (not by segments as above), is path:
 * a link built from the route and the arguments leads to the same page. */
static void
fz_check_rebuild(const struct route_match *m, const char *path)
{
	const char	*p = m->route->pattern, *close;
	size_t		 k = 0, n = strlen(path), len, j = 0;

	while (*p != '\0') {
		if (*p != '{') {
			FZ_CHECK(j < n && path[j] == *p);
			j++;
			p++;
			continue;
		}
		FZ_CHECK(k < m->nargs);
		FZ_CHECK((close = strchr(p, '}')) != NULL);
		len = strlen(m->args[k].s);
		FZ_CHECK(len > 0 && n - j >= len &&
		    memcmp(path + j, m->args[k].s, len) == 0);
		j += len;
		k++;
		p = close + 1;
	}
	FZ_CHECK(j == n && k == m->nargs);
}

/* The Allow header's text for allow: the names of its method bits (the
 * seven known ones), ", "-separated; in a buffer of bufsz, the same text
 * cut to fit, NUL-terminated, nothing written past it. */
static void
fz_check_allow(unsigned allow, size_t bufsz)
{
	char		 full[80], cut[80], *tok, *save;
	unsigned	 seen = 0;
	enum method	 meth;

	router_allow_str(allow, full, sizeof(full));
	FZ_CHECK(strlen(full) < sizeof(full) - 1);
	memset(cut, 'x', sizeof(cut));
	router_allow_str(allow, cut, bufsz);
	FZ_CHECK(memchr(cut, '\0', bufsz) != NULL);
	FZ_CHECK(bufsz == sizeof(cut) || cut[bufsz] == 'x');
	FZ_CHECK(strncmp(cut, full, strlen(cut)) == 0);
	FZ_CHECK(strlen(cut) == strlen(full) || strlen(cut) == bufsz - 1);
	for (tok = strtok_r(full, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		meth = router_method(tok);
		FZ_CHECK(meth != METHOD_OTHER && (allow & meth) &&
		    !(seen & meth));
		seen |= meth;
	}
	FZ_CHECK(seen == (allow & (METHOD_OTHER - 1)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct route_match	 m;
	enum method		 meth;
	unsigned		 allow = 0;
	size_t			 i, first = FZ_NROUTES, n;
	char			*path;
	int			 rc;

	if (size == 0)
		return 0;
	meth = (enum method)(1u << (data[0] & 7));
	n = strnlen((const char *)data + 1, size - 1);
	/* Exactly sized, so that ASan sees a read past the path. */
	if ((path = malloc(n + 1)) == NULL)
		abort();
	memcpy(path, data + 1, n);
	path[n] = '\0';
	memset(&m, 0xa5, sizeof(m));
	rc = router_match(fz_routes, FZ_NROUTES, path, meth, &m);
	for (i = 0; i < FZ_NROUTES; i++)
		if (fz_ref_match(fz_routes[i].pattern, path)) {
			if (first == FZ_NROUTES &&
			    (fz_routes[i].methods & meth))
				first = i;
			if (first == FZ_NROUTES)
				allow |= fz_routes[i].methods;
		}
	if (first < FZ_NROUTES) {
		FZ_CHECK(rc == 200 && m.route == &fz_routes[first]);
		fz_check_args(&m, path);
		fz_check_rebuild(&m, path);
	} else if (allow != 0) {
		FZ_CHECK(rc == 405 && m.route == NULL && m.allow == allow);
		FZ_CHECK((m.allow & meth) == 0);
	} else
		FZ_CHECK(rc == 404 && m.route == NULL && m.allow == 0);
	/* The path as a REQUEST_METHOD (nginx passes any token): a method
	 * known by name comes back as that name, and every name as its
	 * method. */
	meth = router_method(path);
	FZ_CHECK(meth == METHOD_OTHER ?
	    strcmp(router_method_str(meth), "OTHER") == 0 :
	    strcmp(router_method_str(meth), path) == 0);
	meth = (enum method)(1u << (data[0] & 7));
	FZ_CHECK(router_method(router_method_str(meth)) == meth);
	/* The high bits of the first byte: other method sets and buffers. */
	fz_check_allow(data[0] >> 3 ? (unsigned)data[0] << 1 : m.allow,
	    1 + (size_t)(data[0] >> 3) * 3 % 80);
	free(path);
	return 0;
}
