/* The newsroom's media: the size an image declares (core/imgsize.c), read
 * from images libgd writes and from forged headers; the resized copy's
 * size; public names (app/media.c, core/valid.c). */
#include <stdlib.h>
#include <string.h>

#include <gd.h>

#include "app/media.h"
#include "core/arena.h"
#include "core/imgsize.h"
#include "core/valid.h"
#include "t.h"

/* An image of w x h encoded by libgd as fmt ('j', 'p' or 'w'). */
static unsigned char *
encode(char fmt, int w, int h, int *n)
{
	gdImagePtr	 im = gdImageCreateTrueColor(w, h);
	void		*p;

	gdImageFilledRectangle(im, 0, 0, w / 2, h / 2,
	    gdTrueColor(200, 30, 30));
	p = fmt == 'j' ? gdImageJpegPtr(im, n, 80) : fmt == 'p' ?
	    gdImagePngPtr(im, n) : gdImageWebpPtrEx(im, n, 80);
	gdImageDestroy(im);
	return p;
}

static void
test_imgsize_of_real_images(void)
{
	static const char	 fmts[] = "jpw";
	static const int	 sizes[][2] = { { 1, 1 }, { 640, 480 },
				    { 1200, 90 }, { 33, 2000 } };
	size_t			 f, i;
	uint32_t		 w, h;
	int			 n;

	for (f = 0; f < 3; f++)
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			unsigned char *p = encode(fmts[f], sizes[i][0],
			    sizes[i][1], &n);
			CHECK(p != NULL && imgsize(p, (size_t)n, &w, &h));
			CHECK_INT(w, sizes[i][0]);
			CHECK_INT(h, sizes[i][1]);
			/* Cut before the size: unknown, never a guess. */
			CHECK(!imgsize(p, fmts[f] == 'p' ? 20 : 10, &w, &h));
			CHECK(w == 0 && h == 0);
			gdFree(p);
		}
}

static void
test_imgsize_refuses_what_is_not_an_image(void)
{
	static const char *const not[] = { "%PDF-1.4\n", "GIF89a\x01\x00\x01",
	    "", "\xff", "RIFF\x10\x00\x00\x00WAVEfmt " };
	uint32_t	 w = 7, h = 7;
	size_t		 i;

	for (i = 0; i < sizeof(not) / sizeof(not[0]); i++) {
		CHECK(!imgsize((const unsigned char *)not[i],
		    strlen(not[i]), &w, &h));
		CHECK(w == 0 && h == 0);
	}
}

/* A few bytes may declare a huge image: the size is read, not trusted. */
static void
test_imgsize_reads_a_bomb_s_declared_size(void)
{
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"
	    "\0\0\xea\x60\0\0\xea\x60\x08\x02\0\0\0";
	uint32_t	 w, h;

	CHECK(imgsize(png, sizeof(png) - 1, &w, &h));
	CHECK_INT(w, 60000);
	CHECK_INT(h, 60000);
}

static void
test_media_thumb_size(void)
{
	unsigned	 w, h;

	CHECK(!media_thumb_size(480, 300, 480, &w, &h));
	CHECK(w == 480 && h == 300);
	CHECK(!media_thumb_size(20, 3000, 480, &w, &h));
	CHECK(media_thumb_size(1920, 1080, 480, &w, &h));
	CHECK(w == 480 && h == 270);
	CHECK(media_thumb_size(4000, 3, 480, &w, &h));
	CHECK(w == 480 && h == 1);	/* never 0 pixels high */
	CHECK(media_thumb_size(1000, 333, 480, &w, &h));
	CHECK_INT(h, 160);		/* 159.84, rounded */
}

static void
test_media_names(void)
{
	struct arena	*a = arena_new();
	char		 name[80];
	const char	*sha = "0123456789abcdef0123456789abcdef"
			    "0123456789abcdef0123456789abcdef";

	CHECK_STR(media_url(a, sha, "image/webp"), arena_printf(a,
	    "/media/%s.webp", sha));
	CHECK_STR(media_url(a, sha, "application/pdf"), arena_printf(a,
	    "/media/%s.pdf", sha));
	CHECK_STR(media_mime("jpg"), "image/jpeg");
	CHECK(media_mime("svg") == NULL && media_mime("") == NULL);
	snprintf(name, sizeof(name), "%s.png", sha);
	CHECK(valid_media_name(name, strlen(name)));
	CHECK(!valid_media_name(name, strlen(name) - 1));	/* ".pn" */
	name[3] = 'A';						/* upper case */
	CHECK(!valid_media_name(name, strlen(name)));
	snprintf(name, sizeof(name), "%s.svg", sha);
	CHECK(!valid_media_name(name, strlen(name)));
	snprintf(name, sizeof(name), "%.63s.png", sha);
	CHECK(!valid_media_name(name, strlen(name)));
	CHECK_INT(media_err_status(MEDIA_TYPE), 415);
	CHECK(strstr(media_err_msg(MEDIA_TYPE, MEDIA_PDF), "PDF") != NULL);
	CHECK(strstr(media_err_msg(MEDIA_TYPE, MEDIA_IMAGE), "WebP") != NULL);
	arena_free(a);
}

int
main(void)
{
	RUN(test_imgsize_of_real_images);
	RUN(test_imgsize_refuses_what_is_not_an_image);
	RUN(test_imgsize_reads_a_bomb_s_declared_size);
	RUN(test_media_thumb_size);
	RUN(test_media_names);
	return T_END();
}
