/* An application's attachment, downloaded: GET /ho-so/{code}/tep/{file}.
 * Only the applicant and the staff and leaders of the application's unit
 * get it (the query names the user); anyone else, like a file that does
 * not exist, gets 404.  Always a download (Content-Disposition:
 * attachment) of the type sniffed when it was stored; nginx adds
 * X-Content-Type-Options: nosniff to every answer. */
#include <string.h>

#include "app/store.h"
#include "core/arena.h"
#include "core/log.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

int
h_file(struct request *r)
{
	struct row_FILE_GET	 row;
	const char		*ext, *name;
	char			*body;
	uint64_t		 uid = r->user->id;
	enum db_err		 e;
	enum store_err		 se;

	e = db_one(r->db, r->a, FILE_GET, &row, "usuu",
	    (unsigned long long)r->args[1].id, r->args[0].s,
	    (unsigned long long)uid, (unsigned long long)uid);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if ((ext = store_ext(row.mime)) == NULL) {
		LOGE("attachment %llu: type %s", (unsigned long long)row.id,
		    row.mime);
		return resp_error(r, 500, NULL);
	}
	if ((se = store_read(r->a, row.sha256, row.size, &body)) != STORE_OK) {
		/* A row without its file: the store lost it (logged). */
		LOGE("attachment %llu: %s", (unsigned long long)row.id,
		    store_err_str(se));
		return resp_error(r, 503, store_err_str(STORE_IO));
	}
	name = page_file_name(r->a, row.filename, ext);
	if (!resp_header(r, "Content-Disposition",
	    page_attachment(r->a, name, ext)))
		return resp_error(r, 500, NULL);
	resp_header(r, "Cache-Control", "private, no-store");
	return resp_text(r, 200, row.mime, body, row.size);
}
