/* The pixel size an image declares in its header, read before anything
 * decodes it (core/imgsize.c). */
#ifndef IMGSIZE_H
#define IMGSIZE_H
#include <stddef.h>
#include <stdint.h>

int	 imgsize(const unsigned char *, size_t, uint32_t *w, uint32_t *h);

#endif
