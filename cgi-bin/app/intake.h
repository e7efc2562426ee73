/* Counter intake (issue 9): staff of a one-stop desk register a walk-in
 * application, already received (status 2), for an applicant found by
 * phone or given a new account, with the paper documents scanned into
 * the store; one transaction. */
#ifndef INTAKE_H
#define INTAKE_H
#include <stddef.h>
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;
struct upload_file;

struct intake {
	uint64_t		 unit_id;	/* where who is staff */
	uint64_t		 version_id;	/* procedure_versions.id */
	int64_t			 processing_days; /* -1: not set */
	const char		*phone;		/* 0xxxxxxxxx */
	const char		*full_name;	/* for a new account */
	const char		*email;		/* for a new account, or NULL */
	const char		*note;		/* the staff's, or "" */
	const char		*idem_key;	/* 64 hex digits */
	int64_t			 now;		/* UTC seconds */
	const struct upload_file *files;	/* in the store already */
	size_t			 nfiles;
};

enum intake_err {
	INTAKE_OK,
	INTAKE_DONE,		/* the key registered one already: *code set */
	INTAKE_NOTFOUND,	/* the unit is not current */
	INTAKE_TAKEN,		/* a new account's email is another's */
	INTAKE_FULL,		/* the files over [storage] application_max */
	INTAKE_ERR,
	INTAKE_ERR__MAX
};

enum intake_err	 intake_submit(struct db *, struct arena *,
		    const struct actor *, const struct intake *,
		    const char **code);

#endif
