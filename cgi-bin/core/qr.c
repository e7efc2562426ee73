/* QR codes (core/qr.h). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <qrencode.h>

#include "core/arena.h"
#include "core/qr.h"

#define QR_QUIET	4	/* modules of white around the symbol */

/* The QR symbol of text (error correction M) as the "d" of one SVG path
 * of unit squares, in a square of *size modules with its quiet zone
 * (viewBox "0 0 size size").  Arena memory; NULL when text cannot be
 * encoded. */
const char *
qr_svg_path(struct arena *a, const char *text, int *size)
{
	QRcode		*q = QRcode_encodeString(text, 0, QR_ECLEVEL_M,
			    QR_MODE_8, 1);
	char		*d = NULL, *w;
	size_t		 cap;
	int		 x, y, run;

	if (q == NULL)
		goto out;
	/* At most one run per two modules, each "M123,123h123v1h-123z". */
	cap = (size_t)q->width * (size_t)q->width / 2 * 24 + 1;
	w = d = arena_alloc(a, cap);
	*d = '\0';
	for (y = 0; y < q->width; y++)
		for (x = 0; x < q->width; x += run > 0 ? run : 1) {
			for (run = 0; x + run < q->width &&
			    (q->data[y * q->width + x + run] & 1); run++)
				continue;
			if (run > 0)
				w += snprintf(w, cap - (size_t)(w - d),
				    "M%d,%dh%dv1h-%dz", x + QR_QUIET,
				    y + QR_QUIET, run, run);
		}
	*size = q->width + 2 * QR_QUIET;
out:
	if (q != NULL)
		QRcode_free(q);
	return d;
}
