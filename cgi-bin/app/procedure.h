/* The procedure catalogue's operations, shared by the web and portalctl:
 * seeding it from the national data (migrations/seed/procedures-*) and
 * adding a version of a procedure (one transaction with its audit row).
 * Also the pure helpers they rest on, unit-tested alone. */
#ifndef PROCEDURE_H
#define PROCEDURE_H
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;

/* What an administrator's form gives of a new version.  Text fields are
 * NFC; steps, documents and legal are one item a line; days 0 means
 * "not stated" (NULL). */
struct proc_edit {
	const char	*name;
	uint64_t	 sector_id;
	const char	*level;
	const char	*body;
	const char	*online_level;	/* toan_trinh, mot_phan, truc_tiep */
	uint64_t	 days;
	int		 published;
	const char	*steps, *documents, *legal;
	const char	*applicants, *result, *conditions, *fees;
};

enum db_err	 proc_new_version(struct db *, struct arena *,
		    const struct actor *, const char *code,
		    const struct proc_edit *, uint64_t *version);
int		 proc_seed(struct db *, struct arena *, const char *dir);

uint64_t	 proc_days(const char *time);
const char	*proc_online_level(const char *label);
char		*proc_lines_json(struct arena *, const char *text);
char		*proc_docs_json(struct arena *, const char *text,
		    const char *old);

#endif
