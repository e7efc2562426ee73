/* The width and height a PNG, JPEG or WebP file declares, read from its
 * first bytes, so that an image is refused before libgd decodes it when
 * it would take too much memory (a few kilobytes of PNG may declare
 * 60,000 x 60,000 pixels).  Untrusted input: every read is bounded by
 * n, and tests/fuzz/fuzz_imgsize.c runs it. */
#include <string.h>

#include "core/imgsize.h"

static uint32_t
be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static uint32_t
le16(const unsigned char *p)
{
	return (uint32_t)p[1] << 8 | p[0];
}

static uint32_t
le24(const unsigned char *p)
{
	return (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* PNG: the signature, then IHDR's width and height. */
static int
png_size(const unsigned char *b, size_t n, uint32_t *w, uint32_t *h)
{
	if (n < 24 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0 ||
	    memcmp(b + 12, "IHDR", 4) != 0)
		return 0;
	*w = be32(b + 16);
	*h = be32(b + 20);
	return 1;
}

/* JPEG: the segments after SOI up to the first start-of-frame marker
 * (C0-CF but C4, C8 and CC), whose height and width it carries. */
static int
jpeg_size(const unsigned char *b, size_t n, uint32_t *w, uint32_t *h)
{
	size_t	 i = 2;

	if (n < 4 || b[0] != 0xff || b[1] != 0xd8)
		return 0;
	while (i + 4 <= n) {
		unsigned char m = b[i + 1];
		if (b[i] != 0xff)
			return 0;
		if (m == 0xff) {		/* fill byte */
			i++;
			continue;
		}
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 &&
		    m != 0xcc) {
			if (i + 9 > n)
				return 0;
			*h = be16(b + i + 5);
			*w = be16(b + i + 7);
			return 1;
		}
		if (m == 0xd9 || m == 0xda)	/* end, or scan: no frame */
			return 0;
		i += 2 + (m >= 0xd0 && m <= 0xd7 ? 0 : be16(b + i + 2));
	}
	return 0;
}

/* WebP: RIFF....WEBP, then a VP8 (lossy), VP8L (lossless) or VP8X
 * (extended) chunk. */
static int
webp_size(const unsigned char *b, size_t n, uint32_t *w, uint32_t *h)
{
	if (n < 30 || memcmp(b, "RIFF", 4) != 0 ||
	    memcmp(b + 8, "WEBP", 4) != 0)
		return 0;
	if (memcmp(b + 12, "VP8 ", 4) == 0) {
		if (b[23] != 0x9d || b[24] != 0x01 || b[25] != 0x2a)
			return 0;
		*w = le16(b + 26) & 0x3fff;
		*h = le16(b + 28) & 0x3fff;
		return 1;
	}
	if (memcmp(b + 12, "VP8L", 4) == 0) {
		if (b[20] != 0x2f)
			return 0;
		*w = 1 + ((uint32_t)b[21] | ((uint32_t)b[22] & 0x3f) << 8);
		*h = 1 + ((uint32_t)b[22] >> 6 | (uint32_t)b[23] << 2 |
		    ((uint32_t)b[24] & 0xf) << 10);
		return 1;
	}
	if (memcmp(b + 12, "VP8X", 4) == 0) {
		*w = 1 + le24(b + 24);
		*h = 1 + le24(b + 27);
		return 1;
	}
	return 0;
}

/* The size the image b[0..n) declares into *w and *h.  Returns 1, or 0
 * when b is not a PNG, JPEG or WebP whose size is within n bytes. */
int
imgsize(const unsigned char *b, size_t n, uint32_t *w, uint32_t *h)
{
	*w = *h = 0;
	return png_size(b, n, w, h) || jpeg_size(b, n, w, h) ||
	    webp_size(b, n, w, h);
}
