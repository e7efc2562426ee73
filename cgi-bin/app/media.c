/* The newsroom's images and PDFs.  A file goes into the content-addressed
 * store (app/store.c: type sniffed by libmagic, size bounded, scanned
 * when a scanner is configured); an image is refused before decoding
 * when its header declares too many pixels (core/imgsize.c), then libgd
 * makes its resized copy for listings, stored the same way.  One media
 * row per unit and content; the public name of a file is its SHA-256
 * and its type's extension (GET /media/{name}, h/h_media.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gd.h>

#include "app/media.h"
#include "app/store.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/imgsize.h"
#include "core/log.h"
#include "data/db.h"

static const struct {
	const char	*msg;
	int		 status;
} errs[MEDIA_ERR__MAX] = {
	{ "", 200 },						/* MEDIA_OK */
	{ "Tệp vượt quá dung lượng cho phép.", 413 },		/* MEDIA_TOOBIG */
	{ NULL, 415 },	/* MEDIA_TYPE: media_err_msg says what is allowed */
	{ "Ảnh quá lớn (quá nhiều điểm ảnh) hoặc bị hỏng, không đọc được.",
	  422 },						/* MEDIA_PIXELS */
	{ "Tệp bị nhiễm mã độc.", 422 },			/* MEDIA_VIRUS */
	{ "Hệ thống tạm thời không lưu được tệp. Vui lòng thử lại sau ít "
	  "phút.", 503 },					/* MEDIA_IO */
	{ "Hệ thống gặp sự cố khi lưu tệp. Vui lòng thử lại sau.", 500 },
								/* MEDIA_DB */
};

/* The types of the newsroom: store bit, MEDIA_* kind. */
static const struct {
	const char	*mime;
	const char	*ext;
	unsigned	 store;
	unsigned	 kind;
} types[] = {
	{ "image/jpeg", "jpg", STORE_T_JPEG, MEDIA_IMAGE },
	{ "image/png", "png", STORE_T_PNG, MEDIA_IMAGE },
	{ "image/webp", "webp", STORE_T_WEBP, MEDIA_IMAGE },
	{ "application/pdf", "pdf", STORE_T_PDF, MEDIA_PDF },
};
#define NTYPES (sizeof(types) / sizeof(types[0]))

int
media_err_status(enum media_err e)
{
	return e < MEDIA_ERR__MAX ? errs[e].status : 500;
}

/* The Vietnamese message of e; for a refused type, the types allow
 * admits. */
const char *
media_err_msg(enum media_err e, unsigned allow)
{
	if (e != MEDIA_TYPE)
		return e < MEDIA_ERR__MAX ? errs[e].msg : errs[MEDIA_DB].msg;
	if (allow == MEDIA_IMAGE)
		return "Tệp không đúng định dạng: chỉ nhận ảnh JPEG, PNG hoặc "
		    "WebP.";
	if (allow == MEDIA_PDF)
		return "Tệp không đúng định dạng: chỉ nhận tệp PDF.";
	return "Tệp không đúng định dạng: chỉ nhận ảnh JPEG, PNG, WebP hoặc "
	    "tệp PDF.";
}

/* The row of types for mime, or NTYPES. */
static size_t
media_type(const char *mime)
{
	size_t	 i;

	for (i = 0; i < NTYPES && mime != NULL; i++)
		if (strcmp(mime, types[i].mime) == 0)
			return i;
	return NTYPES;
}

/* The type of a public name's extension ("png"), or NULL. */
const char *
media_mime(const char *ext)
{
	size_t	 i;

	for (i = 0; i < NTYPES && ext != NULL; i++)
		if (strcmp(ext, types[i].ext) == 0)
			return types[i].mime;
	return NULL;
}

/* The public URL of the stored file sha256 of type mime:
 * /media/<sha256>.<ext> (arena memory). */
const char *
media_url(struct arena *a, const char *sha256, const char *mime)
{
	size_t	 t = media_type(mime);

	return arena_printf(a, "/media/%s.%s", sha256,
	    t < NTYPES ? types[t].ext : "bin");
}

/* The size of the copy of a w x h image at most max_w wide, into *tw and
 * *th.  Returns 1 when the image needs a smaller copy, 0 when it is small
 * enough as it is (then *tw, *th = w, h). */
int
media_thumb_size(unsigned w, unsigned h, unsigned max_w, unsigned *tw,
    unsigned *th)
{
	*tw = w;
	*th = h;
	if (w <= max_w || w == 0)
		return 0;
	*tw = max_w;
	*th = (unsigned)(((unsigned long long)h * max_w + w / 2) / w);
	if (*th == 0)
		*th = 1;
	return 1;
}

static enum media_err
media_from_store(enum store_err e)
{
	switch (e) {
	case STORE_OK:
		return MEDIA_OK;
	case STORE_TOOBIG:
		return MEDIA_TOOBIG;
	case STORE_TYPE:
		return MEDIA_TYPE;
	case STORE_VIRUS:
		return MEDIA_VIRUS;
	default:
		return MEDIA_IO;
	}
}

/* Decodes the image buf[0..n) of type row t.  Returns the image (the
 * caller gdImageDestroy's it), or NULL. */
static gdImagePtr
media_decode(size_t t, char *buf, size_t n)
{
	if (n > (size_t)0x7fffffff)
		return NULL;
	switch (types[t].store) {
	case STORE_T_JPEG:
		return gdImageCreateFromJpegPtr((int)n, buf);
	case STORE_T_PNG:
		return gdImageCreateFromPngPtr((int)n, buf);
	case STORE_T_WEBP:
		return gdImageCreateFromWebpPtr((int)n, buf);
	default:
		return NULL;
	}
}

/* Encodes im as type row t.  Returns gdMalloc'd bytes (gdFree them), their
 * count in *n, or NULL. */
static void *
media_encode(size_t t, gdImagePtr im, int *n)
{
	switch (types[t].store) {
	case STORE_T_JPEG:
		return gdImageJpegPtr(im, n, 82);
	case STORE_T_PNG:
		gdImageSaveAlpha(im, 1);
		return gdImagePngPtr(im, n);
	case STORE_T_WEBP:
		return gdImageWebpPtrEx(im, n, 80);
	default:
		return NULL;
	}
}

/* Writes p[0..n) to a new temporary file in the store's directory and
 * stores it as type bit store.  Fills f.  Returns MEDIA_OK or MEDIA_IO. */
static enum media_err
media_put_bytes(const void *p, size_t n, unsigned store,
    struct store_file *f)
{
	char		 path[4096];
	int		 fd;
	enum media_err	 e = MEDIA_IO;

	if ((size_t)snprintf(path, sizeof(path), "%s/.media.XXXXXX",
	    store_dir()) >= sizeof(path) || (fd = mkstemp(path)) < 0) {
		LOGE("media: temporary file: %s", log_errno(errno));
		return MEDIA_IO;
	}
	if (write(fd, p, n) == (ssize_t)n)
		e = media_from_store(store_put_typed(path, store, n, f));
	else
		LOGE("media: temporary file: %s", log_errno(errno));
	close(fd);
	unlink(path);
	return e == MEDIA_OK ? MEDIA_OK : MEDIA_IO;
}

/* Makes m's resized copy from im (t its type row), at most [media]
 * thumb_width wide; a narrower image is its own copy.  Returns MEDIA_OK,
 * or MEDIA_IO when libgd or the store failed. */
static enum media_err
media_thumb(size_t t, gdImagePtr im, struct media *m)
{
	struct store_file	 f;
	gdImagePtr		 small = NULL;
	void			*bytes = NULL;
	unsigned		 tw, th;
	int			 n = 0;
	enum media_err		 e = MEDIA_IO;

	if (!media_thumb_size(m->width, m->height, (unsigned)cfg_int("media",
	    "thumb_width", 480, 64, 4096), &tw, &th)) {
		memcpy(m->thumb_sha256, m->sha256, sizeof(m->sha256));
		m->thumb_size = m->size;
		return MEDIA_OK;
	}
	if (!gdImageTrueColor(im))
		gdImagePaletteToTrueColor(im);
	gdImageSetInterpolationMethod(im, GD_BILINEAR_FIXED);
	if ((small = gdImageScale(im, tw, th)) == NULL ||
	    (bytes = media_encode(t, small, &n)) == NULL || n <= 0)
		goto out;
	if ((e = media_put_bytes(bytes, (size_t)n, types[t].store, &f)) ==
	    MEDIA_OK) {
		memcpy(m->thumb_sha256, f.sha256, sizeof(f.sha256));
		m->thumb_size = f.size;
	}
out:
	if (e != MEDIA_OK)
		LOGE("media %s: no resized copy", m->sha256);
	if (bytes != NULL)
		gdFree(bytes);
	if (small != NULL)
		gdImageDestroy(small);
	return e;
}

/* Checks the stored image m (t its type row): its declared size within
 * [media] max_pixels, then decodes it and makes its resized copy.
 * Returns MEDIA_OK, MEDIA_PIXELS (too large or unreadable) or MEDIA_IO. */
static enum media_err
media_image(struct arena *a, size_t t, struct media *m)
{
	unsigned long long	 maxpx = (unsigned long long)cfg_int("media",
				    "max_pixels", 16000000L, 10000L,
				    100000000L);
	gdImagePtr		 im;
	uint32_t		 w, h;
	char			*buf;
	enum media_err		 e;

	if (store_read(a, m->sha256, m->size, &buf) != STORE_OK)
		return MEDIA_IO;
	if (!imgsize((unsigned char *)buf, m->size, &w, &h) || w == 0 ||
	    h == 0 || (unsigned long long)w * h > maxpx)
		return MEDIA_PIXELS;
	if ((im = media_decode(t, buf, m->size)) == NULL)
		return MEDIA_PIXELS;
	m->width = (unsigned)gdImageSX(im);
	m->height = (unsigned)gdImageSY(im);
	e = media_thumb(t, im, m);
	gdImageDestroy(im);
	return e;
}

/* The store's types (STORE_T_* bits) of allow, and the largest size a
 * file of them may have, into *max. */
static unsigned
media_store_types(unsigned allow, size_t *max)
{
	unsigned	 bits = 0;
	size_t		 i;

	for (i = 0; i < NTYPES; i++)
		if (allow & types[i].kind)
			bits |= types[i].store;
	*max = (allow & MEDIA_PDF) ? store_file_max() :
	    (size_t)cfg_int("media", "image_max", 5L << 20, 1024, 1L << 30);
	return bits;
}

/* Stores the uploaded file at path (named filename by its sender) for
 * unit_id, uploaded by user_id, if it is of a kind of allow (MEDIA_IMAGE,
 * MEDIA_PDF) by its content and within the limits: an image at most
 * [media] image_max bytes and max_pixels pixels, a PDF at most [limits]
 * file_max.  Inserts its media row, or finds the unit's row of the same
 * content.  Fills m.  Returns MEDIA_OK or what was wrong
 * (media_err_status, media_err_msg). */
enum media_err
media_add(struct db *db, struct arena *a, uint64_t unit_id, uint64_t user_id,
    const char *path, const char *filename, unsigned allow, struct media *m)
{
	struct store_file	 f;
	size_t			 max, t;
	unsigned		 bits;
	uint64_t		 id = 0;
	enum media_err		 e;

	memset(m, 0, sizeof(*m));
	bits = media_store_types(allow, &max);
	if ((e = media_from_store(store_put_typed(path, bits, max, &f))) !=
	    MEDIA_OK)
		return e;
	t = media_type(f.mime);
	memcpy(m->sha256, f.sha256, sizeof(f.sha256));
	m->mime = types[t].mime;
	m->size = f.size;
	if (types[t].kind == MEDIA_IMAGE && f.size > (size_t)cfg_int("media",
	    "image_max", 5L << 20, 1024, 1L << 30))
		return MEDIA_TOOBIG;
	if (types[t].kind == MEDIA_IMAGE && (e = media_image(a, t, m)) !=
	    MEDIA_OK)
		return e;
	if (db_exec(db, STMT_MEDIA_INSERT, NULL, &id, "ususnnsnsn",
	    (unsigned long long)unit_id, m->sha256, (unsigned long long)m->size,
	    m->mime, (unsigned long long)m->width,
	    (unsigned long long)m->height,
	    m->thumb_sha256[0] ? m->thumb_sha256 : NULL,
	    (unsigned long long)m->thumb_size, filename ? filename : "",
	    (unsigned long long)user_id) != DB_OK)
		return MEDIA_DB;
	m->id = id;
	return MEDIA_OK;
}
