/* libFuzzer target: req_pctdecode and req_parse_urlencoded on arbitrary
 * bytes, called twice into one list so that appending is exercised. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/valid.h"
#include "http/req.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A returned string: NUL-terminated at len, no NUL before, strict UTF-8. */
static void
fz_str(const char *s, size_t len)
{
	FZ_CHECK(s != NULL);
	FZ_CHECK(strlen(s) == len);
	FZ_CHECK(valid_utf8(s, len));
}

static void
fz_list(const struct req_kvlist *l, size_t n0, enum req_err rc,
    const struct req_limits *lim)
{
	size_t	i;

	FZ_CHECK((unsigned)rc < REQ_ERR__MAX);
	FZ_CHECK(rc == REQ_OK || l->n == n0);
	FZ_CHECK(l->n <= lim->fields_max && l->n <= l->cap);
	for (i = 0; i < l->n; i++) {
		FZ_CHECK(l->v[i].key != NULL && l->v[i].key[0] != '\0');
		fz_str(l->v[i].key, strlen(l->v[i].key));
		fz_str(l->v[i].val, l->v[i].vlen);
		FZ_CHECK(l->v[i].vlen <= lim->value_max);
		FZ_CHECK(l->v[i].path == NULL && l->v[i].filename == NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_limits	 lim = { 1 << 20, 32, 128, 0, NULL, NULL,
				    NULL };
	struct req_kvlist	 l = { NULL, 0, 0 };
	struct arena		*a = arena_new();
	const char		*s = (const char *)data;
	char			*out;
	size_t			 outlen, n0;
	enum req_err		 rc;

	if (req_pctdecode(a, s, size, size % 2, &out, &outlen)) {
		fz_str(out, outlen);
		FZ_CHECK(outlen <= size);
	}
	rc = req_parse_urlencoded(a, s, size, &lim, &l);
	fz_list(&l, 0, rc, &lim);
	n0 = l.n;
	rc = req_parse_urlencoded(a, s, size / 2, &lim, &l);
	fz_list(&l, n0, rc, &lim);
	arena_free(a);
	return 0;
}
