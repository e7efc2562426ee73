/* Unit tests of core/qr.c: the SVG path of a QR symbol. */
#include <string.h>

#include "core/arena.h"
#include "core/qr.h"
#include "t.h"

static void
test_qr_tracking_url(void)
{
	struct arena	*a = arena_new();
	int		 size = 0;
	const char	*d = qr_svg_path(a, "http://127.0.0.1:8080/tra-cuu?ma="
			    "05860-261130-0001", &size);

	CHECK(d != NULL);
	/* Version 4 at level M holds 50 bytes: 33 modules and the quiet
	 * zone of 4 on each side. */
	CHECK_INT(size, 41);
	/* The top-left finder pattern: a row of 7 dark modules at (4, 4). */
	CHECK(d != NULL && strncmp(d, "M4,4h7v1h-7z", 12) == 0);
	CHECK(d != NULL && strspn(d, "0123456789,Mhvz-") == strlen(d));
	arena_free(a);
}

static void
test_qr_empty(void)
{
	struct arena	*a = arena_new();
	int		 size = 0;

	/* libqrencode refuses an empty string: no path, no crash. */
	CHECK(qr_svg_path(a, "", &size) == NULL);
	arena_free(a);
}

int
main(void)
{
	RUN(test_qr_tracking_url);
	RUN(test_qr_empty);
	return T_END();
}
