/* A newsroom file, public: GET /media/{sha256}.{ext}.  The name is the
 * content's: a file never changes under its name, so it may be cached for
 * a year. */
#include <string.h>

#include "app/media.h"
#include "app/store.h"
#include "core/arena.h"
#include "core/log.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

int
h_media(struct request *r)
{
	struct row_MEDIA_BY_SHA	 row;
	const char		*name = r->args[0].s, *ext = name + 65;
	char			 sha[65], *body;
	enum db_err		 e;

	memcpy(sha, name, 64);
	sha[64] = '\0';
	if ((e = db_one(r->db, r->a, MEDIA_BY_SHA, &row, "ss", sha, sha)) !=
	    DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (media_mime(ext) == NULL || strcmp(media_mime(ext), row.mime) != 0)
		return resp_error(r, 404, NULL);
	if (store_read(r->a, sha, row.size, &body) != STORE_OK) {
		LOGE("media %s: not in the store", name);
		return resp_error(r, 503, media_err_msg(MEDIA_IO, 0));
	}
	/* An image is shown where it is linked; a PDF is saved under the
	 * name the editor gave it. */
	if (!resp_header(r, "Content-Disposition", strcmp(ext, "pdf") != 0 ?
	    "inline" : page_attachment(r->a, page_file_name(r->a,
	    *row.filename ? row.filename : "tai-lieu", ext), ext)))
		return resp_error(r, 500, NULL);
	resp_header(r, "Cache-Control", "public, max-age=31536000, immutable");
	return resp_text(r, 200, row.mime, body, row.size);
}
