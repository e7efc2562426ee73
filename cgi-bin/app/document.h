/* Legal and directive documents (văn bản) of a unit: one transaction a
 * change, with its audit row and the search index made again
 * (app/document.c). */
#ifndef DOCUMENT_H
#define DOCUMENT_H
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;

/* A document as the editor's form gives it; dates "YYYY-MM-DD",
 * effective NULL for none; status "draft", "published" or
 * "unpublished". */
struct document_in {
	const char	*number, *type, *issuer, *signer, *issued, *effective;
	const char	*title, *summary, *status;
	uint64_t	 pdf;		/* a media id, 0: keep the one it has */
};

enum db_err	 document_save(struct db *, struct arena *, const struct actor *,
		    uint64_t unit, uint64_t *id, const struct document_in *);
const char	*document_type_label(const char *type);

#endif
