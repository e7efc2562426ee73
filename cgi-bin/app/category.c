/* A unit's categories of articles (app/category.h). */
#include "app/audit.h"
#include "app/category.h"
#include "core/arena.h"
#include "core/text.h"
#include "data/db.h"

/* Commits when e is DB_OK and the audit row is written; else rolls back.
 * Returns the outcome. */
static enum category_err
category_end(struct db *db, const struct actor *who, enum db_err e,
    const char *action, uint64_t id, const char *detail)
{
	if (e == DB_OK && audit_add(db, who, action, "category", id, detail) ==
	    DB_OK && db_commit(db) == DB_OK)
		return CAT_OK;
	db_rollback(db);
	return e == DB_DUP ? CAT_DUP : e == DB_NOTFOUND ? CAT_NOTFOUND :
	    CAT_ERR;
}

/* A category name in unit, last in its order; its slug from the name. */
enum category_err
category_add(struct db *db, struct arena *a, const struct actor *who,
    uint64_t unit, const char *name)
{
	struct row_ED_UNIT_MINE	 u;
	uint64_t		 id = 0;
	enum db_err		 e;

	if (db_begin(db) != DB_OK)
		return CAT_ERR;
	e = db_one(db, a, ED_UNIT_MINE, &u, "uu", (unsigned long long)unit,
	    (unsigned long long)who->id);
	if (e == DB_OK)
		e = db_exec(db, STMT_CAT_ADD, NULL, &id, "ussu",
		    (unsigned long long)unit, text_slug(a, name, 60), name,
		    (unsigned long long)unit);
	return category_end(db, who, e, "category_add", id, name);
}

enum category_err
category_rename(struct db *db, struct arena *a, const struct actor *who,
    uint64_t id, const char *name)
{
	struct row_CAT_OWNED	 c;
	enum db_err		 e;

	if (db_begin(db) != DB_OK)
		return CAT_ERR;
	e = db_one(db, a, CAT_OWNED, &c, "uu", (unsigned long long)id,
	    (unsigned long long)who->id);
	if (e == DB_OK)
		e = db_exec(db, STMT_CAT_RENAME, NULL, NULL, "suu", name,
		    (unsigned long long)id, (unsigned long long)c.unit_id);
	return category_end(db, who, e, "category_rename", id, name);
}

/* Swaps category id with the one before it (up) or after it; at the end
 * of the list nothing moves. */
enum category_err
category_move(struct db *db, struct arena *a, const struct actor *who,
    uint64_t id, int up)
{
	struct row_CAT_OWNED	 c;
	struct row_CAT_NEIGHBOUR nb;
	enum db_err		 e;

	if (db_begin(db) != DB_OK)
		return CAT_ERR;
	e = db_one(db, a, CAT_OWNED, &c, "uu", (unsigned long long)id,
	    (unsigned long long)who->id);
	if (e == DB_OK && (e = db_one(db, a, CAT_NEIGHBOUR, &nb, "uuiiii",
	    (unsigned long long)id, (unsigned long long)c.unit_id,
	    (long long)up, (long long)up, (long long)up, (long long)up)) ==
	    DB_NOTFOUND)
		e = DB_OK;	/* first or last already */
	else if (e == DB_OK && (e = db_exec(db, STMT_CAT_SET_POSITION, NULL,
	    NULL, "uuu", (unsigned long long)nb.position,
	    (unsigned long long)id, (unsigned long long)c.unit_id)) == DB_OK)
		e = db_exec(db, STMT_CAT_SET_POSITION, NULL, NULL, "uuu",
		    (unsigned long long)c.position,
		    (unsigned long long)nb.id, (unsigned long long)c.unit_id);
	return category_end(db, who, e, "category_move", id, up ? "up" :
	    "down");
}
