/* Attachments as an application's applicant sends them (issue 8): the
 * files of a submission or a draft recorded in its transaction, and the
 * answer to a supplement request (status 5): the files, the mark that
 * the applicant answered (staff accept it: app/desk.c), the event and
 * audit rows, in one transaction.  The files
 * themselves are in the store already (store_put, app/store.h). */
#ifndef UPLOAD_H
#define UPLOAD_H
#include <stddef.h>
#include <stdint.h>

#include "app/audit.h"
#include "app/store.h"

struct arena;
struct db;

/* One file for one document slot of the e-form. */
struct upload_file {
	const char		*slot;		/* "giay_to_<n>", n from 1 */
	const char		*filename;	/* store_filename()'s */
	struct store_file	 f;		/* store_put()'s */
};

enum upload_err {
	UPLOAD_OK,
	UPLOAD_STALE,		/* not at status 5, or another version: 409 */
	UPLOAD_FULL,		/* over [storage] application_max: 413 */
	UPLOAD_ERR,		/* the database or the store: 500 */
	UPLOAD_ERR__MAX
};

const char	*upload_slot(struct arena *, size_t index);
enum store_err	 upload_attach(struct db *, struct arena *, uint64_t app_id,
		    const struct upload_file *, size_t n);
const char	*upload_names(struct arena *, const struct upload_file *,
		    size_t n);
enum upload_err	 upload_supplement(struct db *, struct arena *,
		    const struct actor *, uint64_t app_id, const char *code,
		    uint64_t version, const struct upload_file *, size_t n);

#endif
