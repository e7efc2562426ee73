/* Documents (văn bản): saved by a unit's editor, each save one
 * transaction with its audit row and search_sync, so that the search
 * index never shows a document that is not published. */
#include <string.h>

#include "app/audit.h"
#include "app/document.h"
#include "app/search.h"
#include "data/db.h"

/* documents.doc_type and its Vietnamese name, in the order of the
 * column's ENUM (and of key_doc_type). */
static const char *const document_types[][2] = {
	{ "quyet-dinh", "Quyết định" },
	{ "chi-thi", "Chỉ thị" },
	{ "ke-hoach", "Kế hoạch" },
	{ "thong-bao", "Thông báo" },
	{ "cong-van", "Công văn" },
	{ "nghi-quyet", "Nghị quyết" },
	{ "bao-cao", "Báo cáo" },
	{ "khac", "Văn bản khác" },
};

/* The Vietnamese name of a document type; "" for an unknown one. */
const char *
document_type_label(const char *type)
{
	size_t	 i;

	for (i = 0; type != NULL && i < sizeof(document_types) /
	    sizeof(document_types[0]); i++)
		if (strcmp(type, document_types[i][0]) == 0)
			return document_types[i][1];
	return "";
}

/* The insert or the update of d, by the editor who; *id 0 inserts (and
 * is set). */
static enum db_err
document_write(struct db *db, const struct actor *who, uint64_t unit,
    uint64_t *id, const struct document_in *d)
{
	unsigned long long	 ed = (unsigned long long)who->id;
	uint64_t		 n = 0;
	enum db_err		 e;

	if (*id == 0)
		e = db_exec(db, STMT_CT_DOC_INSERT, &n, id, "ssssssssssuuu",
		    d->number, d->type, d->issuer, d->signer, d->issued,
		    d->effective, d->title, d->summary, d->status, d->status,
		    ed, (unsigned long long)unit, ed);
	else
		e = db_exec(db, STMT_CT_DOC_UPDATE, &n, NULL, "ssssssssssuu",
		    d->number, d->type, d->issuer, d->signer, d->issued,
		    d->effective, d->title, d->summary, d->status, d->status,
		    (unsigned long long)*id, ed);
	if (e == DB_OK && n != 1)
		e = DB_NOTFOUND;
	if (e == DB_OK && d->pdf != 0)
		e = db_exec(db, STMT_CT_DOC_PDF, NULL, NULL, "uuu",
		    (unsigned long long)d->pdf, (unsigned long long)*id, ed);
	return e;
}

/* Saves document d of unit (*id 0: a new one, *id set) by the editor
 * who, in one transaction with the audit row (document_create,
 * document_update) and the search index.  Returns DB_OK, DB_NOTFOUND
 * (not one of the editor's units or documents) or DB_ERR. */
enum db_err
document_save(struct db *db, struct arena *a, const struct actor *who,
    uint64_t unit, uint64_t *id, const struct document_in *d)
{
	int		 created = *id == 0;
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = document_write(db, who, unit, id, d);
	if (e == DB_OK)
		e = search_sync(db, a, SEARCH_DOCUMENT, *id);
	if (e == DB_OK)
		e = audit_add(db, who, created ? "document_create" :
		    "document_update", "document", *id, d->status);
	if (e == DB_OK)
		e = db_commit(db);
	if (e != DB_OK)
		db_rollback(db);
	return e;
}
