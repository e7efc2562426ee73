/* The procedure catalogue's operations: seeding it from the national data
 * and adding a version of a procedure.  A version is never changed once
 * written: an application keeps the version in force when it was
 * submitted (applications.procedure_version). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/audit.h"
#include "app/procedure.h"
#include "app/search.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/text.h"
#include "data/db.h"

#define PROC_DAYS_MAX	365

/* The working days a channel's time states when it begins with them
 * ("01 ngày làm việc; ..." and "Bổ sung ...: 03 ngày làm việc" give 1 and
 * 3); 0 when its first number is not a count of working days ("01 ngày
 * (...)", "Trong ngày ... 15 giờ"): such a time is shown as written. */
uint64_t
proc_days(const char *time)
{
	static const char	 wd[] = " ngày làm việc";
	const char		*p;
	char			*end;
	unsigned long		 v;

	if (time == NULL)
		return 0;
	p = time + strcspn(time, "0123456789");
	if (*p == '\0')
		return 0;
	v = strtoul(p, &end, 10);
	if (strncmp(end, wd, sizeof(wd) - 1) != 0 || v > PROC_DAYS_MAX)
		return 0;
	return v;
}

/* procedure_versions.online_level of the national data's label (NFC). */
const char *
proc_online_level(const char *label)
{
	if (label != NULL && strcmp(label, "toàn trình") == 0)
		return "toan_trinh";
	if (label != NULL && strcmp(label, "một phần") == 0)
		return "mot_phan";
	return "truc_tiep";
}

/* j as compact JSON text in arena memory; j is released. */
static char *
proc_dump(struct arena *a, json_t *j)
{
	char	*s = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;
	char	*out = arena_strdup(a, s != NULL ? s : "[]");

	free(s);
	json_decref(j);
	return out;
}

/* The lines of text, trimmed, blank ones left out, as a new JSON array of
 * strings.  NULL text gives an empty array. */
static json_t *
proc_lines(struct arena *a, const char *text)
{
	json_t		*arr = json_array();
	const char	*p = text, *nl;
	char		*line;

	while (p != NULL && *p != '\0') {
		nl = p + strcspn(p, "\n");
		line = text_trim(a, p, (size_t)(nl - p));
		if (line != NULL && *line != '\0')
			json_array_append_new(arr, json_string(line));
		p = *nl != '\0' ? nl + 1 : nl;
	}
	return arr;
}

/* An administrator's "one a line" (steps, legal basis) as a JSON array
 * of strings, in arena memory. */
char *
proc_lines_json(struct arena *a, const char *text)
{
	return proc_dump(a, proc_lines(a, text));
}

/* The documents of text, one a line, as JSON objects: a line naming a
 * document of old (the version in force, JSON) keeps that document's
 * quantity and form template; another line is a document by name only. */
char *
proc_docs_json(struct arena *a, const char *text, const char *old)
{
	json_t	*prev = old != NULL ? json_loads(old, 0, NULL) : NULL;
	json_t	*lines = proc_lines(a, text), *out = json_array(), *line, *d;
	size_t	 i, j;

	json_array_foreach(lines, i, line) {
		const char *name = json_string_value(line);
		json_t *keep = NULL;
		json_array_foreach(prev, j, d)
			if (json_is_object(d) && json_is_string(json_object_get(
			    d, "name")) && strcmp(json_string_value(
			    json_object_get(d, "name")), name) == 0) {
				keep = d;
				break;
			}
		json_array_append_new(out, keep != NULL ? json_deep_copy(keep) :
		    json_pack("{s:s}", "name", name));
	}
	json_decref(lines);
	json_decref(prev);
	return proc_dump(a, out);
}

/* Adds version *version of the procedure code from e: the channels and
 * the e-form of the version in force are carried over; the new version
 * is put in force.  One transaction with its audit row and its row of
 * the search index.  DB_NOTFOUND
 * when there is no such procedure. */
enum db_err
proc_new_version(struct db *db, struct arena *a, const struct actor *who,
    const char *code, const struct proc_edit *e, uint64_t *version)
{
	struct row_PROC_GET_LOCKED	 cur;
	struct row_PROC_LAST_VERSION	 last;
	uint64_t			 vid = 0;
	enum db_err			 err;

	if ((err = db_begin(db)) != DB_OK)
		return err;
	err = db_one(db, a, PROC_GET_LOCKED, &cur, "s", code);
	if (err == DB_OK)
		err = db_one(db, a, PROC_LAST_VERSION, &last, "u",
		    (unsigned long long)cur.id);
	if (err == DB_OK) {
		*version = last.last + 1;
		err = db_exec(db, STMT_PROC_VERSION_INSERT, NULL, &vid,
		    "uususssnisssssssssn", (unsigned long long)cur.id,
		    (unsigned long long)*version, e->name,
		    (unsigned long long)e->sector_id, e->level ? e->level : "",
		    e->body ? e->body : "", e->online_level,
		    (unsigned long long)e->days, (long long)e->published,
		    proc_lines_json(a, e->steps), cur.channels,
		    proc_docs_json(a, e->documents, cur.documents),
		    e->applicants ? e->applicants : "",
		    e->result ? e->result : "",
		    e->conditions ? e->conditions : "",
		    proc_lines_json(a, e->legal), e->fees ? e->fees : "",
		    cur.eform, (unsigned long long)who->id);
	}
	if (err == DB_OK)
		err = db_exec(db, STMT_PROC_SET_CURRENT, NULL, NULL, "uu",
		    (unsigned long long)vid, (unsigned long long)cur.id);
	if (err == DB_OK)
		err = search_sync(db, a, SEARCH_PROCEDURE, cur.id);
	if (err == DB_OK)
		err = audit_add(db, who, "procedure_version", "procedure",
		    cur.id, arena_printf(a, "%s v%llu", code,
		    (unsigned long long)*version));
	if (err == DB_OK && (err = db_commit(db)) == DB_OK)
		return DB_OK;
	db_rollback(db);
	return err;
}

/* One procedure of the seed files, as procedure_versions holds it. */
struct proc_rec {
	const char	*code, *name, *sector, *level, *body, *online_level;
	uint64_t	 days;
	int		 published;
	const char	*steps, *channels, *documents, *applicants, *result;
	const char	*conditions, *legal, *fees;
};

/* Puts every string of j in NFC (the national data is not always). */
static void
proc_json_nfc(struct arena *a, json_t *j)
{
	const char	*k;
	json_t		*v;
	size_t		 i;
	char		*s;

	if (json_is_string(j)) {
		s = text_nfc(a, json_string_value(j), json_string_length(j));
		if (s != NULL)
			json_string_set(j, s);
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			proc_json_nfc(a, v);
	} else if (json_is_object(j)) {
		json_object_foreach(j, k, v)
			proc_json_nfc(a, v);
	}
}

/* The string o[key], or "" (arena memory either way). */
static const char *
proc_str(struct arena *a, json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return arena_strdup(a, s != NULL ? s : "");
}

/* The strings of the array o[key] joined with sep. */
static const char *
proc_join(struct arena *a, json_t *o, const char *key, const char *sep)
{
	json_t		*v;
	const char	*out = "";
	size_t		 i;

	json_array_foreach(json_object_get(o, key), i, v)
		if (json_is_string(v))
			out = arena_printf(a, "%s%s%s", out, *out ? sep : "",
			    json_string_value(v));
	return out;
}

/* The array o[key] as JSON text ("[]" when missing). */
static const char *
proc_sub(struct arena *a, json_t *o, const char *key)
{
	return proc_dump(a, json_incref(json_object_get(o, key)));
}

/* A detailed record's fees: the channels' fee when they agree, else one
 * line per channel ("Trực tiếp: ..."). */
static const char *
proc_fees(struct arena *a, json_t *channels)
{
	const char	*first = NULL, *all = "", *fee;
	json_t		*c;
	size_t		 i;
	int		 same = 1;

	json_array_foreach(channels, i, c) {
		fee = json_string_value(json_object_get(c, "fee"));
		if (fee == NULL)
			continue;
		if (first == NULL)
			first = fee;
		same = same && strcmp(first, fee) == 0;
		all = arena_printf(a, "%s%s%s: %s", all, *all ? "\n" : "",
		    proc_str(a, c, "channel"), fee);
	}
	return first == NULL ? "" : same ? arena_strdup(a, first) : all;
}

/* A record of procedures-detailed.json: every field, published. */
static void
proc_rec_detailed(struct arena *a, json_t *o, struct proc_rec *r)
{
	json_t	*ch = json_object_get(o, "channels");

	r->code = proc_str(a, o, "code");
	r->name = proc_str(a, o, "name");
	r->sector = proc_str(a, o, "sector");
	r->level = proc_str(a, o, "level");
	r->body = proc_str(a, o, "body");
	r->online_level = proc_online_level(proc_str(a, o, "online_level"));
	/* The first channel's time: the channels of these records agree. */
	r->days = proc_days(json_string_value(json_object_get(
	    json_array_get(ch, 0), "time")));
	r->published = 1;
	r->steps = proc_sub(a, o, "steps");
	r->channels = proc_sub(a, o, "channels");
	r->documents = proc_sub(a, o, "documents");
	r->applicants = proc_str(a, o, "applicants");
	r->result = proc_str(a, o, "result");
	r->conditions = proc_str(a, o, "conditions");
	r->legal = proc_sub(a, o, "legal_basis");
	r->fees = proc_fees(a, ch);
}

/* A line of procedures-commune-catalog.jsonl: a catalogue entry whose
 * details are to be published by the unit.  Its sector is the first of
 * "sectors" (one entry of 462 has two; a version has one sector). */
static void
proc_rec_catalog(struct arena *a, json_t *o, struct proc_rec *r)
{
	const char	*sector = json_string_value(json_array_get(
			    json_object_get(o, "sectors"), 0));

	memset(r, 0, sizeof(*r));
	r->code = proc_str(a, o, "code");
	r->name = proc_str(a, o, "name");
	r->sector = sector != NULL ? sector : "Chưa phân loại";
	r->level = "";
	r->body = proc_join(a, o, "bodies", "; ");
	r->online_level = "truc_tiep";
	r->steps = r->channels = r->documents = r->legal = "[]";
	r->applicants = proc_join(a, o, "applicants", "; ");
	r->result = r->conditions = r->fees = "";
}

/* Inserts r as version 1 of a new procedure, unless its code is known
 * (seeding again changes nothing, an administrator's versions
 * included).  Adds 1 to *added for a new one. */
static enum db_err
proc_seed_one(struct db *db, struct arena *a, const struct proc_rec *r,
    uint64_t *added)
{
	uint64_t	 pid = 0, sid = 0, vid = 0, n = 0;
	enum db_err	 e;

	e = db_exec(db, STMT_PROC_INSERT, &n, &pid, "s", r->code);
	if (e != DB_OK || n == 0)
		return e;
	e = db_exec(db, STMT_SECTOR_UPSERT, NULL, &sid, "ss", r->sector,
	    text_slug(a, r->sector, 120));
	if (e == DB_OK)
		e = db_exec(db, STMT_PROC_VERSION_INSERT, NULL, &vid,
		    "uususssnisssssssssn", (unsigned long long)pid, 1ULL,
		    r->name, (unsigned long long)sid, r->level, r->body,
		    r->online_level, (unsigned long long)r->days,
		    (long long)r->published, r->steps, r->channels,
		    r->documents, r->applicants, r->result, r->conditions,
		    r->legal, r->fees, NULL, 0ULL);
	if (e == DB_OK)
		e = db_exec(db, STMT_PROC_SET_CURRENT, NULL, NULL, "uu",
		    (unsigned long long)vid, (unsigned long long)pid);
	if (e == DB_OK)
		e = search_sync(db, a, SEARCH_PROCEDURE, pid);
	*added += e == DB_OK;
	return e;
}

/* Seeds the records of the array recs (each put in NFC first), in one
 * transaction; prints how many procedures were added. */
static int
proc_seed_array(struct db *db, struct arena *a, const char *file,
    json_t *recs, void (*conv)(struct arena *, json_t *, struct proc_rec *))
{
	struct proc_rec	 r;
	uint64_t	 added = 0;
	enum db_err	 e;
	json_t		*o;
	size_t		 i;

	if ((e = db_begin(db)) != DB_OK)
		return 1;
	json_array_foreach(recs, i, o) {
		if (!json_is_object(o) || !json_is_string(json_object_get(o,
		    "code"))) {
			LOGE("%s: record %zu has no code", file, i + 1);
			e = DB_ERR;
			break;
		}
		proc_json_nfc(a, o);
		conv(a, o, &r);
		if ((e = proc_seed_one(db, a, &r, &added)) != DB_OK) {
			LOGE("%s: procedure %s not seeded", file, r.code);
			break;
		}
	}
	if (e == DB_OK && (e = db_commit(db)) == DB_OK) {
		printf("%s: %llu procedures added\n", file,
		    (unsigned long long)added);
		return 0;
	}
	db_rollback(db);
	return 1;
}

/* The lines of a JSON Lines file as one array; NULL (logged) when a line
 * is not JSON. */
static json_t *
proc_load_lines(const char *path)
{
	json_t		*arr = NULL, *o;
	json_error_t	 err;
	FILE		*f;
	char		*line = NULL;
	size_t		 cap = 0, n = 0;

	if ((f = fopen(path, "r")) == NULL) {
		LOGE("%s: cannot open", path);
		return NULL;
	}
	arr = json_array();
	while (arr != NULL && getline(&line, &cap, f) > 0) {
		n++;
		if (line[strspn(line, " \t\r\n")] == '\0')
			continue;
		if ((o = json_loads(line, 0, &err)) == NULL) {
			LOGE("%s:%zu: %s", path, n, err.text);
			json_decref(arr);
			arr = NULL;
		} else
			json_array_append_new(arr, o);
	}
	free(line);
	fclose(f);
	return arr;
}

/* Seeds the catalogue from dir: the detailed procedures first, then the
 * national catalogue's entries, whose codes the detailed records already
 * hold are left alone (the detailed record wins).  Idempotent: a known
 * code is never touched.  Returns 0, or 1 (logged). */
int
proc_seed(struct db *db, struct arena *a, const char *dir)
{
	static const char	 det[] = "procedures-detailed.json";
	static const char	 cat[] = "procedures-commune-catalog.jsonl";
	json_error_t		 err;
	json_t			*d, *c;
	int			 rc = 1;

	d = json_load_file(arena_printf(a, "%s/%s", dir, det), 0, &err);
	c = proc_load_lines(arena_printf(a, "%s/%s", dir, cat));
	if (d == NULL)
		LOGE("%s: line %d: %s", det, err.line, err.text);
	else if (!json_is_array(d))
		LOGE("%s: not an array", det);
	else if (c != NULL &&
	    proc_seed_array(db, a, det, d, proc_rec_detailed) == 0)
		rc = proc_seed_array(db, a, cat, c, proc_rec_catalog);
	json_decref(d);
	json_decref(c);
	return rc;
}
