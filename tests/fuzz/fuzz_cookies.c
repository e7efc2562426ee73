/* libFuzzer target: req_parse_cookies on an arbitrary header value. */
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

/* 1 if c is an RFC 9110 token character. */
static int
fz_tchar(unsigned char c)
{
	return c > 0x20 && c < 0x7F && strchr("\"(),/:;<=>?@[\\]{}", c) == NULL;
}

static void
fz_cookie(const struct req_kv *kv, const struct req_limits *lim)
{
	size_t	i, klen;

	FZ_CHECK(kv->key != NULL && kv->val != NULL);
	klen = strlen(kv->key);
	FZ_CHECK(klen > 0 && klen <= lim->value_max);
	for (i = 0; i < klen; i++)
		FZ_CHECK(fz_tchar((unsigned char)kv->key[i]));
	FZ_CHECK(strlen(kv->val) == kv->vlen && kv->vlen <= lim->value_max);
	FZ_CHECK(valid_utf8(kv->val, kv->vlen));
	for (i = 0; i < kv->vlen; i++)
		FZ_CHECK((unsigned char)kv->val[i] >= 0x20 &&
		    kv->val[i] != 0x7F && kv->val[i] != ';');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_limits	 lim = { 1 << 20, 16, 64, 0, NULL };
	struct req_kvlist	 l = { NULL, 0, 0 };
	struct arena		*a = arena_new();
	char			*hdr = malloc(size + 1);
	enum req_err		 rc;
	size_t			 i;

	if (hdr == NULL)
		abort();
	memcpy(hdr, data, size);
	hdr[size] = '\0';
	rc = req_parse_cookies(a, hdr, &lim, &l);
	FZ_CHECK((unsigned)rc < REQ_ERR__MAX);
	FZ_CHECK(rc == REQ_OK || l.n == 0);
	FZ_CHECK(l.n <= lim.fields_max);
	for (i = 0; i < l.n; i++)
		fz_cookie(&l.v[i], &lim);
	free(hdr);
	arena_free(a);
	return 0;
}
