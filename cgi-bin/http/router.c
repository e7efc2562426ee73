/* Path matching against a route table, with typed path parameters. */
#include <stdio.h>
#include <string.h>

#include "core/valid.h"
#include "http/router.h"

static const char *const method_names[] = {
	"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
};

static const char *const scope_names[SCOPE__MAX] = {
	"public",	/* SCOPE_PUBLIC */
	"user",		/* SCOPE_USER */
	"role",		/* SCOPE_ROLE */
	"unit",		/* SCOPE_UNIT */
	"owner",	/* SCOPE_OWNER */
};

/* The types a path parameter may have: each validates one segment. */
static int
arg_slug(const char *s, size_t n, uint64_t *id)
{
	*id = 0;
	return valid_slug(s, n);
}

static int
arg_id(const char *s, size_t n, uint64_t *id)
{
	return valid_uint(s, n, VALID_ID_MAX, id) && *id > 0;
}

static int
arg_idslug(const char *s, size_t n, uint64_t *id)
{
	return valid_id_slug(s, n, id);
}

static int
arg_code(const char *s, size_t n, uint64_t *id)
{
	*id = 0;
	return valid_proc_code(s, n);
}

static int
arg_media(const char *s, size_t n, uint64_t *id)
{
	*id = 0;
	return valid_media_name(s, n);
}

static const struct {
	const char	*name;
	int		(*check)(const char *, size_t, uint64_t *);
} arg_types[] = {
	{ "slug", arg_slug },
	{ "id", arg_id },
	{ "idslug", arg_idslug },
	{ "code", arg_code },	/* a procedure's national code */
	{ "media", arg_media },	/* a media file: <sha256>.<ext> */
};

const char *
router_scope_name(enum scope s)
{
	return s < SCOPE__MAX ? scope_names[s] : "?";
}

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

/* Checks segment seg[0..n) against "{name:type}" at pat (pe: its '}');
 * fills arg, copying value and name to copy.  Returns 1 when the segment
 * has the type. */
static int
router_arg(const char *pat, const char *pe, const char *seg, size_t n,
    struct route_arg *arg, char *copy)
{
	const char	*colon = memchr(pat, ':', (size_t)(pe - pat));
	size_t		 i, tlen;

	if (colon == NULL)
		return 0;
	tlen = (size_t)(pe - colon - 1);
	for (i = 0; i < sizeof(arg_types) / sizeof(arg_types[0]); i++)
		if (strlen(arg_types[i].name) == tlen &&
		    memcmp(arg_types[i].name, colon + 1, tlen) == 0)
			break;
	if (i == sizeof(arg_types) / sizeof(arg_types[0]) ||
	    !arg_types[i].check(seg, n, &arg->id))
		return 0;
	memcpy(copy, seg, n);
	copy[n] = '\0';
	arg->s = copy;
	copy += n + 1;
	memcpy(copy, pat + 1, (size_t)(colon - pat - 1));
	copy[colon - pat - 1] = '\0';
	arg->name = copy;
	return 1;
}

/* Matches path against one pattern, collecting "{...}" segments into m.
 * Returns 1 on a match. */
static int
router_match_one(const char *pat, const char *path, struct route_match *m)
{
	size_t	 n = 0, used = 0;

	while (*pat != '\0' && *path != '\0') {
		if (*pat == '{') {
			const char *pe = strchr(pat, '}');
			size_t len = strcspn(path, "/");
			/* the value and the name, each NUL-terminated */
			size_t need = len + 1 + (pe ? (size_t)(pe - pat) : 0);
			if (pe == NULL || len == 0 || n == ROUTE_ARGS_MAX ||
			    used + need > sizeof(m->buf) ||
			    !router_arg(pat, pe, path, len, &m->args[n],
			    m->buf + used))
				return 0;
			n++;
			used += need;
			pat = pe + 1;
			path += len;
		} else if (*pat++ != *path++)
			return 0;
	}
	if (*pat != '\0' || *path != '\0')
		return 0;
	m->nargs = n;
	return 1;
}

/* Finds the route of table[0..n) for path and method.  Returns 200 with
 * m->route and m->args set, 405 with m->allow set when the path exists
 * for other methods only, or 404. */
int
router_match(const struct route *table, size_t n, const char *path,
    enum method meth, struct route_match *m)
{
	size_t	 i;

	m->allow = 0;
	m->route = NULL;
	m->nargs = 0;
	for (i = 0; i < n; i++) {
		if (!router_match_one(table[i].pattern, path, m))
			continue;
		if (table[i].methods & meth) {
			m->route = &table[i];
			return 200;
		}
		m->allow |= table[i].methods;
	}
	return m->allow ? 405 : 404;
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
