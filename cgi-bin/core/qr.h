/* QR codes for printed pages (libqrencode): a symbol as one SVG path. */
#ifndef QR_H
#define QR_H

struct arena;

const char	*qr_svg_path(struct arena *, const char *text, int *size);

#endif
