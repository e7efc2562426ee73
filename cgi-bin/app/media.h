/* The newsroom's images and PDFs (app/media.c): stored by content in
 * the file store, sniffed, an image with a resized copy for listings,
 * one media row per unit and content. */
#ifndef MEDIA_H
#define MEDIA_H
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* What media_add may accept, bits of its allow. */
#define MEDIA_IMAGE	0x1u	/* JPEG, PNG, WebP */
#define MEDIA_PDF	0x2u

enum media_err {
	MEDIA_OK,
	MEDIA_TOOBIG,	/* over [media] image_max or [limits] file_max: 413 */
	MEDIA_TYPE,	/* not of an allowed type by its content: 415 */
	MEDIA_PIXELS,	/* an image too large in pixels, or unreadable: 422 */
	MEDIA_VIRUS,	/* the scanner found malware: 422 */
	MEDIA_IO,	/* the store, the scanner or libgd failed: 503 */
	MEDIA_DB,	/* the database failed: 500 */
	MEDIA_ERR__MAX
};

struct media {
	uint64_t	 id;
	char		 sha256[65];
	char		 thumb_sha256[65];	/* "" for a PDF */
	size_t		 thumb_size;
	const char	*mime;			/* static */
	size_t		 size;
	unsigned	 width, height;		/* 0 for a PDF */
};

enum media_err	 media_add(struct db *, struct arena *, uint64_t unit_id,
		    uint64_t user_id, const char *path, const char *filename,
		    unsigned allow, struct media *);
int		 media_err_status(enum media_err);
const char	*media_err_msg(enum media_err, unsigned allow);
const char	*media_url(struct arena *, const char *sha256,
		    const char *mime);
const char	*media_mime(const char *ext);
int		 media_thumb_size(unsigned w, unsigned h, unsigned max_w,
		    unsigned *tw, unsigned *th);

#endif
