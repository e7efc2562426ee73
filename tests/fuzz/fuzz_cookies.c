/* libFuzzer target: req_parse_cookies on an arbitrary header value, once
 * keeping every cookie and once keeping only ours. */
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

/* Our cookies, as the responder names them (http/sess.c). */
static const char *const fz_ours[] = { "sid", "__Host-sid", "csrf", NULL };

static int
fz_is_ours(const char *key)
{
	size_t	i;

	for (i = 0; fz_ours[i] != NULL; i++)
		if (strcmp(key, fz_ours[i]) == 0)
			return 1;
	return 0;
}

/* Parses hdr keeping names (NULL: every cookie); checks what any parse
 * must give and returns the error. */
static enum req_err
fz_parse(struct arena *a, const char *hdr, const char *const *names,
    struct req_kvlist *l)
{
	struct req_limits	 lim = { 1 << 20, 16, 64, 0, NULL, names,
				    NULL };
	enum req_err		 rc;
	size_t			 i;

	rc = req_parse_cookies(a, hdr, &lim, l);
	FZ_CHECK((unsigned)rc < REQ_ERR__MAX);
	FZ_CHECK(rc == REQ_OK || l->n == 0);
	FZ_CHECK(l->n <= lim.fields_max);
	for (i = 0; i < l->n; i++) {
		fz_cookie(&l->v[i], &lim);
		FZ_CHECK(names == NULL || fz_is_ours(l->v[i].key));
	}
	return rc;
}

/* Keeping only our names is the strict parse with the others left out:
 * whatever the strict parse accepts, the filtered one accepts and keeps
 * exactly our entries of it, in order; what the filtered one refuses,
 * the strict one refuses too. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_kvlist	 all = { NULL, 0, 0 }, ours = { NULL, 0, 0 };
	struct arena		*a = arena_new();
	char			*hdr = malloc(size + 1);
	enum req_err		 rc_all, rc_ours;
	size_t			 i, j = 0;

	if (hdr == NULL)
		abort();
	memcpy(hdr, data, size);
	hdr[size] = '\0';
	rc_all = fz_parse(a, hdr, NULL, &all);
	rc_ours = fz_parse(a, hdr, fz_ours, &ours);
	FZ_CHECK(rc_ours == REQ_OK || rc_all != REQ_OK);
	if (rc_all == REQ_OK) {
		for (i = 0; i < all.n; i++) {
			if (!fz_is_ours(all.v[i].key))
				continue;
			FZ_CHECK(j < ours.n);
			FZ_CHECK(strcmp(all.v[i].key, ours.v[j].key) == 0);
			FZ_CHECK(all.v[i].vlen == ours.v[j].vlen &&
			    memcmp(all.v[i].val, ours.v[j].val,
			    all.v[i].vlen) == 0);
			j++;
		}
		FZ_CHECK(j == ours.n);
	}
	free(hdr);
	arena_free(a);
	return 0;
}
