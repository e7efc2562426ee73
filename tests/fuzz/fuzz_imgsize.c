/* libFuzzer target: core/imgsize.c reads the size an image declares from
 * untrusted bytes.  It must read nothing past the input (ASan, on an
 * input exactly its size), answer 0 with a size of 0 x 0 for what is not
 * a PNG, JPEG or WebP header, and say the same of the same bytes however
 * much follows them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/imgsize.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* 1 when b starts with the signature of a type imgsize knows. */
static int
fz_signed(const uint8_t *b, size_t n)
{
	return (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) ||
	    (n >= 2 && b[0] == 0xff && b[1] == 0xd8) ||
	    (n >= 12 && memcmp(b, "RIFF", 4) == 0 &&
	    memcmp(b + 8, "WEBP", 4) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t		*copy, *more;
	uint32_t	 w, h, w2, h2;
	int		 ok;

	copy = malloc(size ? size : 1);
	more = malloc(size + 64);
	if (copy == NULL || more == NULL)
		abort();
	memcpy(copy, data, size);
	ok = imgsize(copy, size, &w, &h);
	FZ_CHECK(ok || (w == 0 && h == 0));
	FZ_CHECK(!ok || fz_signed(copy, size));
	memcpy(more, data, size);
	memset(more + size, 0xff, 64);
	if (ok) {
		FZ_CHECK(imgsize(more, size + 64, &w2, &h2));
		FZ_CHECK(w2 == w && h2 == h);
	}
	free(more);
	free(copy);
	return 0;
}
