/* Applications (hồ sơ) as the resident makes them: drafts saved and
 * resumed, and the submission, one transaction: the unit's number of the
 * day, the appointment date in working days, the application row with
 * its one-time key, its files, its first event and its audit row. */
#ifndef APPLICATION_H
#define APPLICATION_H
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;
struct upload_file;

struct application_new {
	uint64_t	 applicant;
	uint64_t	 version_id;	/* procedure_versions.id */
	uint64_t	 unit_id;	/* a current unit */
	uint64_t	 draft_id;	/* the draft it submits, or 0 */
	const char	*form_data;	/* JSON */
	const char	*idem_key;	/* 64 hex digits */
	int64_t		 processing_days; /* -1: not published */
	int64_t		 now;		/* UTC seconds */
	uint64_t	 assisted_by;	/* the digital-team member who
					 * submits for applicant, or 0 */
	const char	*helper;	/* that member's name */
	/* Files in the store already (app/upload.h), recorded in the
	 * transaction; and the ids of the draft's files it drops. */
	const struct upload_file *files;
	size_t		 nfiles;
	const uint64_t	*drops;
	size_t		 ndrops;
};

enum application_err {
	APPLICATION_OK,
	APPLICATION_DONE,	/* the key was submitted already: *code set */
	APPLICATION_NOTFOUND,	/* no such draft or unit */
	APPLICATION_FULL,	/* the files over [storage] application_max */
	APPLICATION_ERR,
	APPLICATION_ERR__MAX
};

int		 application_init(void);
enum application_err application_draft(struct db *, struct arena *,
		    const struct actor *, const struct application_new *,
		    uint64_t *id);
enum application_err application_submit(struct db *, struct arena *,
		    const struct actor *, const struct application_new *,
		    const char **code);
const char	*application_due(struct db *, struct arena *, int64_t now,
		    int64_t days);
const char	*application_number(struct db *, struct arena *,
		    uint64_t unit_id, int64_t now);

#endif
