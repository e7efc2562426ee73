/* An application's attachment, downloaded: GET /ho-so/{code}/tep/{file}.
 * Only the applicant and the staff and leaders of the application's unit
 * get it (the query names the user); anyone else, like a file that does
 * not exist, gets 404.  Always a download (Content-Disposition:
 * attachment) of the type sniffed when it was stored; nginx adds
 * X-Content-Type-Options: nosniff to every answer. */
#include <string.h>
#include <strings.h>

#include "app/store.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/text.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

/* The name the file is saved under: the applicant's, with the sniffed
 * type's extension added when the name does not end in it (a PNG named
 * "a.pdf" downloads as "a.pdf.png", and opens as what it is). */
static const char *
file_name(struct arena *a, const char *name, const char *ext)
{
	const char	*dot = strrchr(name, '.');

	if (dot != NULL && (strcasecmp(dot + 1, ext) == 0 ||
	    (strcmp(ext, "jpg") == 0 && strcasecmp(dot + 1, "jpeg") == 0)))
		return name;
	return arena_printf(a, "%s.%s", name, ext);
}

/* Content-Disposition: attachment, with the name in UTF-8 (RFC 6266,
 * filename*) and an ASCII fallback (its letters without marks) for
 * clients that know only filename. */
static const char *
file_disposition(struct arena *a, const char *name, const char *ext)
{
	const char	*dot = strrchr(name, '.');
	char		*stem, *ascii;

	stem = arena_strndup(a, name, dot ? (size_t)(dot - name) :
	    strlen(name));
	ascii = text_slug(a, stem, 80);
	if (strcmp(ascii, "bai-viet") == 0)	/* text_slug's "nothing" */
		ascii = "tep";
	return arena_printf(a, "attachment; filename=\"%s.%s\"; "
	    "filename*=UTF-8''%s", ascii, ext, text_urlencode(a, name));
}

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
	name = file_name(r->a, row.filename, ext);
	if (!resp_header(r, "Content-Disposition",
	    file_disposition(r->a, name, ext)))
		return resp_error(r, 500, NULL);
	resp_header(r, "Cache-Control", "private, no-store");
	return resp_text(r, 200, row.mime, body, row.size);
}
