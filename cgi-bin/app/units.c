/* Units as they change: a new unit, a merger, host names (app/units.h).
 * A merger is refused, changing nothing, unless every old unit and the
 * new one are current (no valid_to, no successor) and distinct: so a
 * chain of successors never loops back on itself. */
#include <string.h>

#include "app/audit.h"
#include "app/units.h"
#include "core/arena.h"
#include "core/text.h"
#include "core/valid.h"
#include "data/db.h"

#define DAY_SECONDS	86400LL

static const char *const units_msgs[UNITS__MAX] = {
	[UNITS_OK] = "xong",
	[UNITS_BAD] = "tham số không hợp lệ",
	[UNITS_UNKNOWN] = "không có đơn vị này",
	[UNITS_SELF] = "không thể sáp nhập một đơn vị vào chính nó",
	[UNITS_TWICE] = "một đơn vị cũ được nêu hai lần",
	[UNITS_MERGED] = "đơn vị cũ đã được sáp nhập trước đó",
	[UNITS_NOT_CURRENT] = "đơn vị mới đã được sáp nhập vào đơn vị khác "
	    "(sẽ tạo vòng hoặc chuỗi sai)",
	[UNITS_DATE] = "ngày sáp nhập phải sau ngày bắt đầu của đơn vị cũ",
	[UNITS_DUP] = "mã định danh (slug) hoặc tên miền đã có",
	[UNITS_NO_HOST] = "không có tên miền này",
	[UNITS_DB] = "lỗi cơ sở dữ liệu",
};

/* The message (Vietnamese) of e. */
const char *
units_err_msg(enum units_err e)
{
	return (unsigned)e < UNITS__MAX ? units_msgs[e] : units_msgs[UNITS_DB];
}

/* A host name as nginx gives it: lower-case labels of letters, digits
 * and inner hyphens, dot-separated, at most 253 bytes.  1 when valid. */
int
units_valid_host(const char *h)
{
	size_t	 n = strlen(h), label = 0, i;
	int	 ok = n > 0 && n <= 253 && h[0] != '.' && h[n - 1] != '.';

	for (i = 0; ok && i < n; i++) {
		char c = h[i];
		if (c == '.') {
			ok = label > 0 && h[i - 1] != '-';
			label = 0;
		} else {
			ok = ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			    (c == '-' && label > 0)) && ++label <= 63;
		}
	}
	return ok && h[n - 1] != '-';
}

/* Commits on e == UNITS_OK, rolls back otherwise; returns e, or
 * UNITS_DB when the commit fails. */
static enum units_err
units_end(struct db *db, enum units_err e)
{
	if (e == UNITS_OK && db_commit(db) == DB_OK)
		return UNITS_OK;
	db_rollback(db);
	return e == UNITS_OK ? UNITS_DB : e;
}

static enum units_err
units_db(enum db_err e)
{
	return e == DB_OK ? UNITS_OK : e == DB_DUP ? UNITS_DUP :
	    e == DB_NOTFOUND ? UNITS_UNKNOWN : UNITS_DB;
}

/* Adds a current unit: code (5 digits), kind ("phuong" or "xa"), name
 * (without the kind), slug, valid from day (days since 1970-01-01). */
enum units_err
units_add(struct db *db, struct arena *a, const struct actor *who,
    const char *code, const char *kind, const char *name, const char *slug,
    int32_t from_day, uint64_t *id)
{
	enum units_err	 e;

	if (!valid_unit_code(code, strlen(code)) || !valid_slug(slug,
	    strlen(slug)) || (strcmp(kind, "phuong") != 0 &&
	    strcmp(kind, "xa") != 0) || !valid_line(name, strlen(name), 100) ||
	    (name = text_trim(a, name, strlen(name))) == NULL || *name == '\0')
		return UNITS_BAD;
	if (db_begin(db) != DB_OK)
		return UNITS_DB;
	e = units_db(db_exec(db, STMT_SITES_UNIT_ADD, NULL, id, "ssssi", code,
	    kind, name, slug, (long long)from_day * DAY_SECONDS));
	if (e == UNITS_OK)
		e = units_db(audit_add(db, who, "unit_add", "unit", *id,
		    arena_printf(a, "%s %s %s", code, kind, slug)));
	return units_end(db, e);
}

/* Locks the unit of slug into v: UNITS_OK or UNITS_UNKNOWN. */
static enum units_err
units_lock(struct db *db, struct arena *a, const char *slug,
    struct row_SITES_UNIT_LOCK *v)
{
	if (!valid_slug(slug, strlen(slug)))
		return UNITS_UNKNOWN;
	return units_db(db_one(db, a, SITES_UNIT_LOCK, v, "s", slug));
}

/* Checks that the old units are distinct, not the new one, current, and
 * began before the day of the merger; *bad names the unit refused. */
static enum units_err
units_merge_check(const struct row_SITES_UNIT_LOCK *old, size_t n,
    const struct row_SITES_UNIT_LOCK *into, int32_t from_day,
    const char **bad)
{
	enum units_err	 e = UNITS_OK;
	size_t		 i, j;

	*bad = into->slug;
	if (into->valid_to != 0 || into->successor_id != 0)
		return UNITS_NOT_CURRENT;
	for (i = 0; e == UNITS_OK && i < n; i++) {
		*bad = old[i].slug;
		if (old[i].id == into->id)
			e = UNITS_SELF;
		for (j = 0; e == UNITS_OK && j < i; j++)
			if (old[j].id == old[i].id)
				e = UNITS_TWICE;
		if (e == UNITS_OK && (old[i].valid_to != 0 ||
		    old[i].successor_id != 0))
			e = UNITS_MERGED;
		if (e == UNITS_OK && old[i].valid_from >= (int64_t)from_day *
		    DAY_SECONDS)
			e = UNITS_DATE;
	}
	return e;
}

/* Records that the units of slugs old (nold) merged into the unit of
 * slug into from day (days since 1970-01-01): each old unit's validity
 * ends the day before, its successor is the new unit, one audit row
 * each.  Nothing of theirs moves: their articles keep their unit.  On a
 * refusal, *bad (when not NULL) is the slug refused. */
enum units_err
units_merge(struct db *db, struct arena *a, const struct actor *who,
    const char *const *old, size_t nold, const char *into, int32_t from_day,
    const char **bad)
{
	const char			*which = into;
	struct row_SITES_UNIT_LOCK	 v[UNITS_MERGE_MAX], to;
	enum units_err			 e = UNITS_OK;
	uint64_t			 n;
	size_t				 i;

	if (nold == 0 || nold > UNITS_MERGE_MAX || from_day <= 0)
		return UNITS_BAD;
	if (db_begin(db) != DB_OK)
		return UNITS_DB;
	e = units_lock(db, a, into, &to);
	for (i = 0; e == UNITS_OK && i < nold; i++)
		e = units_lock(db, a, (which = old[i]), &v[i]);
	if (e == UNITS_OK)
		e = units_merge_check(v, nold, &to, from_day, &which);
	for (i = 0; e == UNITS_OK && i < nold; i++) {
		e = units_db(db_exec(db, STMT_SITES_UNIT_MERGE, &n, NULL, "iuu",
		    (long long)from_day * DAY_SECONDS,
		    (unsigned long long)to.id, (unsigned long long)v[i].id));
		if (e == UNITS_OK && n != 1)
			e = UNITS_MERGED;
		if (e == UNITS_OK)
			e = units_db(audit_add(db, who, "unit_merge", "unit",
			    v[i].id, arena_printf(a, "%s into %s", v[i].slug,
			    to.slug)));
	}
	if (bad != NULL)
		*bad = e == UNITS_OK ? NULL : which;
	return units_end(db, e);
}

/* Maps host to the unit of slug (add 1), or removes the mapping of host
 * (add 0, slug ignored). */
enum units_err
units_host(struct db *db, struct arena *a, const struct actor *who,
    const char *host, const char *slug, int add)
{
	struct row_SITES_UNIT_LOCK	 u;
	enum units_err			 e = UNITS_OK;
	uint64_t			 n = 0;

	if (!units_valid_host(host))
		return UNITS_BAD;
	if (db_begin(db) != DB_OK)
		return UNITS_DB;
	if (add && (e = units_lock(db, a, slug, &u)) == UNITS_OK)
		e = units_db(db_exec(db, STMT_SITES_HOST_ADD, NULL, NULL, "su",
		    host, (unsigned long long)u.id));
	else if (!add && (e = units_db(db_exec(db, STMT_SITES_HOST_REMOVE, &n,
	    NULL, "s", host))) == UNITS_OK && n == 0)
		e = UNITS_NO_HOST;
	if (e == UNITS_OK)
		e = units_db(audit_add(db, who, add ? "unit_host_add" :
		    "unit_host_remove", "unit", add ? u.id : 0, host));
	return units_end(db, e);
}
