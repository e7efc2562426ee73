/* The demo content of every current unit, from the tab-separated files
 * of <seed>/content/ (their README names the placeholders): invented,
 * marked "Nội dung minh hoạ", with the units' real names.  Each row is
 * found by its natural key and updated in place, so a second run changes
 * nothing; every seeded article and document is put in the search index
 * (search_sync), each unit in one transaction. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/search.h"
#include "app/seed_content.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/week.h"
#include "core/workday.h"
#include "data/db.h"

#define SEED_FIELDS	8

/* A unit as the placeholders name it. */
struct seed_unit {
	uint64_t	 id;
	const char	*ten, *dv, *dvh, *slug, *ma, *ct, *pct, *so, *mail;
	unsigned	 index;
};

/* The rows of one file: fields[i * SEED_FIELDS + k]. */
struct seed_file {
	char		**f;
	size_t		 n;
};

/* Invented names of the leaders, chosen by the unit's index. */
static const char *const seed_family[] = { "Nguyễn Văn", "Trần Thị",
	"Lê Văn", "Phạm Thị", "Hoàng Văn", "Vũ Thị", "Đỗ Văn", "Ngô Thị",
	"Dương Văn" };
static const char *const seed_given[] = { "An", "Bình", "Cường", "Dung",
	"Giang", "Hải", "Hoà", "Khánh", "Lâm", "Minh", "Nga", "Phúc", "Quang",
	"Sơn", "Thảo", "Tuấn", "Vân", "Yến", "Hạnh" };

/* Reads <dir>/content/<name> into rows of exactly nf tab-separated fields
 * ("\n" a new line); '#' lines and empty ones skipped.  0 on error. */
static int
seed_read(struct arena *a, const char *dir, const char *name, size_t nf,
    struct seed_file *out)
{
	char	*path = arena_printf(a, "%s/content/%s", dir, name);
	FILE	*fp = fopen(path, "r");
	char	 line[16384];
	size_t	 cap = 64;

	out->n = 0;
	out->f = arena_calloc(a, cap * SEED_FIELDS, sizeof(char *));
	if (fp == NULL) {
		LOGE("%s: cannot open", path);
		return 0;
	}
	while (fgets(line, sizeof(line), fp) != NULL && out->n < cap) {
		char *p = line, *tab, *r, *w;
		size_t k;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (k = 0; k < nf; k++, p = tab + 1) {
			tab = strchr(p, '\t');
			if ((tab == NULL) != (k == nf - 1))
				break;
			if (tab != NULL)
				*tab = '\0';
			out->f[out->n * SEED_FIELDS + k] = r = w =
			    arena_strdup(a, p);
			for (; *r != '\0'; r++, w++)
				*w = (r[0] == '\\' && r[1] == 'n') ? (r++, '\n') : *r;
			*w = '\0';
			if (tab == NULL)
				break;
		}
		if (k != nf - 1) {
			LOGE("%s: a line without %zu fields: %.40s", path, nf, line);
			fclose(fp);
			return 0;
		}
		out->n++;
	}
	fclose(fp);
	return 1;
}

/* Template t with the placeholders of unit u replaced (arena memory). */
static const char *
seed_subst(struct arena *a, const char *t, const struct seed_unit *u)
{
	const char *const keys[][2] = { { "{TEN}", u->ten }, { "{DV}", u->dv },
		{ "{DVH}", u->dvh }, { "{SLUG}", u->slug }, { "{MA}", u->ma },
		{ "{CT}", u->ct }, { "{PCT}", u->pct }, { "{SO}", u->so } };
	const char	*out = "";
	size_t		 k;

	while (*t != '\0') {
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (strncmp(t, keys[k][0], strlen(keys[k][0])) == 0)
				break;
		if (k < sizeof(keys) / sizeof(keys[0])) {
			out = arena_printf(a, "%s%s", out, keys[k][1]);
			t += strlen(keys[k][0]);
		} else {
			out = arena_printf(a, "%s%c", out, *t);
			t++;
		}
	}
	return out;
}

#define F(file, i, k)	((file)->f[(i) * SEED_FIELDS + (k)])
#define S(file, i, k)	seed_subst(a, F(file, i, k), u)

/* The categories, then the articles (with their search rows). */
static enum db_err
seed_articles(struct db *db, struct arena *a, const struct seed_unit *u,
    const struct seed_file *cat, const struct seed_file *art)
{
	unsigned long long	 id = (unsigned long long)u->id;
	struct row_SEED_CT_ARTICLE_ID row;
	enum db_err		 e = DB_OK;
	size_t			 i;

	for (i = 0; e == DB_OK && i < cat->n; i++)
		e = db_exec(db, STMT_SEED_CT_CATEGORY, NULL, NULL, "usis", id,
		    F(cat, i, 0), atoll(F(cat, i, 1)), F(cat, i, 2));
	for (i = 0; e == DB_OK && i < art->n; i++) {
		e = db_exec(db, STMT_SEED_CT_ARTICLE, NULL, NULL, "usssssiius",
		    id, F(art, i, 1), F(art, i, 0), S(art, i, 5), S(art, i, 6),
		    S(art, i, 7), atoll(F(art, i, 4)), atoll(F(art, i, 3)) +
		    (long long)u->index * 2, id, F(art, i, 2));
		if (e == DB_OK)
			e = db_one(db, a, SEED_CT_ARTICLE_ID, &row, "us", id,
			    F(art, i, 0));
		if (e == DB_OK)
			e = search_sync(db, a, SEARCH_ARTICLE, row.id);
	}
	return e;
}

/* The local day d days from today, "YYYY-MM-DD". */
static const char *
seed_day(struct arena *a, long d)
{
	return workday_iso(a, (int32_t)(clock_day((int64_t)time(NULL)) + d));
}

/* The documents (published, with their search rows). */
static enum db_err
seed_documents(struct db *db, struct arena *a, const struct seed_unit *u,
    const struct seed_file *doc)
{
	unsigned long long	 uid = (unsigned long long)u->id;
	struct row_SEED_CT_DOC_ID row;
	enum db_err		 e = DB_OK;
	size_t			 i;

	for (i = 0; e == DB_OK && i < doc->n; i++) {
		const char *num = S(doc, i, 0), *issuer = arena_printf(a,
		    "Ủy ban nhân dân %s", u->dv), *signer = strcmp(F(doc, i, 4),
		    "CT") == 0 ? u->ct : u->pct;
		long ago = atol(F(doc, i, 2));
		e = db_one(db, a, SEED_CT_DOC_ID, &row, "us", uid, num);
		if (e == DB_NOTFOUND && (e = db_exec(db, STMT_SEED_CT_DOC_INSERT,
		    NULL, &row.id, "usssssss" "s", uid, num, F(doc, i, 1), issuer,
		    signer, seed_day(a, -ago), strcmp(F(doc, i, 3), "-") == 0 ?
		    NULL : seed_day(a, atol(F(doc, i, 3)) - ago), S(doc, i, 5),
		    S(doc, i, 6))) != DB_OK)
			break;
		else if (e == DB_OK)
			e = db_exec(db, STMT_SEED_CT_DOC_UPDATE, NULL, NULL,
			    "sssssu", F(doc, i, 1), issuer, signer, S(doc, i, 5),
			    S(doc, i, 6), (unsigned long long)row.id);
		if (e == DB_OK)
			e = search_sync(db, a, SEARCH_DOCUMENT, row.id);
	}
	return e;
}

/* This week's schedule (local times). */
static enum db_err
seed_schedule(struct db *db, struct arena *a, const struct seed_unit *u,
    const struct seed_file *s)
{
	int32_t			 monday = week_monday((int32_t)clock_day(
				    (int64_t)time(NULL)));
	unsigned long long	 uid = (unsigned long long)u->id;
	struct row_SEED_CT_SCHED_ID row;
	enum db_err		 e = DB_OK;
	size_t			 i;

	for (i = 0; e == DB_OK && i < s->n; i++) {
		const char *at = arena_printf(a, "%s %s:00", workday_iso(a,
		    monday + atoi(F(s, i, 0))), F(s, i, 1));
		const char *who = arena_printf(a, "%s %s", strcmp(F(s, i, 2),
		    "CT") == 0 ? "Chủ tịch UBND" : "Phó Chủ tịch UBND",
		    strcmp(F(s, i, 2), "CT") == 0 ? u->ct : u->pct);
		e = db_one(db, a, SEED_CT_SCHED_ID, &row, "us", uid, at);
		if (e == DB_NOTFOUND)
			e = db_exec(db, STMT_SEED_CT_SCHED_INSERT, NULL, NULL,
			    "usssss", uid, at, S(s, i, 3), S(s, i, 4), who,
			    S(s, i, 5));
		else if (e == DB_OK)
			e = db_exec(db, STMT_SEED_CT_SCHED_UPDATE, NULL, NULL,
			    "ssssu", S(s, i, 3), S(s, i, 4), who, S(s, i, 5),
			    (unsigned long long)row.id);
	}
	return e;
}

/* The introduction pages and the contacts. */
static enum db_err
seed_pages(struct db *db, struct arena *a, const struct seed_unit *u,
    const struct seed_file *pg, const struct seed_file *c)
{
	unsigned long long	 uid = (unsigned long long)u->id;
	struct row_SEED_CT_CONTACT_ID row;
	struct seed_unit	 m = *u;
	enum db_err		 e = DB_OK;
	size_t			 i;

	m.slug = u->mail;
	for (i = 0; e == DB_OK && i < pg->n; i++)
		e = db_exec(db, STMT_SEED_CT_PAGE, NULL, NULL, "usiss", uid,
		    F(pg, i, 0), atoll(F(pg, i, 1)), S(pg, i, 2), S(pg, i, 3));
	for (i = 0; e == DB_OK && i < c->n; i++) {
		const char *person = strcmp(F(c, i, 2), "CT") == 0 ? u->ct :
		    strcmp(F(c, i, 2), "PCT") == 0 ? u->pct : "";
		const char *phone = arena_printf(a, "0208 38%02u %s", u->index,
		    F(c, i, 3));
		const char *mail = arena_printf(a, "%s@phoyen.thainguyen.gov.vn",
		    seed_subst(a, F(c, i, 4), &m));
		e = db_one(db, a, SEED_CT_CONTACT_ID, &row, "us", uid,
		    F(c, i, 1));
		if (e == DB_NOTFOUND)
			e = db_exec(db, STMT_SEED_CT_CONTACT_INSERT, NULL, NULL,
			    "uissssss", uid, atoll(F(c, i, 0)), F(c, i, 1),
			    person, phone, mail, S(c, i, 5), S(c, i, 6));
		else if (e == DB_OK)
			e = db_exec(db, STMT_SEED_CT_CONTACT_UPDATE, NULL, NULL,
			    "isssssu", atoll(F(c, i, 0)), person, phone, mail,
			    S(c, i, 5), S(c, i, 6), (unsigned long long)row.id);
	}
	return e;
}

/* The published questions and answers. */
static enum db_err
seed_questions(struct db *db, struct arena *a, const struct seed_unit *u,
    const struct seed_file *q)
{
	unsigned long long	 uid = (unsigned long long)u->id;
	struct row_SEED_CT_QA_ID row;
	enum db_err		 e = DB_OK;
	size_t			 i;

	for (i = 0; e == DB_OK && i < q->n; i++) {
		long long ago = atoll(F(q, i, 0));
		e = db_one(db, a, SEED_CT_QA_ID, &row, "us", uid, S(q, i, 2));
		if (e == DB_NOTFOUND)
			e = db_exec(db, STMT_SEED_CT_QA_INSERT, NULL, NULL,
			    "ussssiii", uid, F(q, i, 1), S(q, i, 2), S(q, i, 3),
			    S(q, i, 4), ago, ago, ago);
		else if (e == DB_OK)
			e = db_exec(db, STMT_SEED_CT_QA_UPDATE, NULL, NULL, "ssu",
			    S(q, i, 3), S(q, i, 4), (unsigned long long)row.id);
	}
	return e;
}

/* The files of <dir>/content/, by enum seed_kind. */
enum seed_kind { SK_CATEGORIES, SK_ARTICLES, SK_DOCUMENTS, SK_SCHEDULE,
	SK_PAGES, SK_CONTACTS, SK_QUESTIONS, SK__MAX };
static const struct {
	const char	*name;
	size_t		 nfields;
} seed_files[SK__MAX] = {
	{ "categories.tsv", 3 },	/* SK_CATEGORIES */
	{ "articles.tsv", 8 },		/* SK_ARTICLES */
	{ "documents.tsv", 7 },		/* SK_DOCUMENTS */
	{ "schedule.tsv", 6 },		/* SK_SCHEDULE */
	{ "pages.tsv", 4 },		/* SK_PAGES */
	{ "contacts.tsv", 7 },		/* SK_CONTACTS */
	{ "questions.tsv", 5 },		/* SK_QUESTIONS */
};

/* Unit row v, the i-th current unit, as the placeholders name it. */
static void
seed_unit_of(struct arena *a, const struct row_UNITS_CURRENT *v, unsigned i,
    struct seed_unit *u)
{
	const char	*kind = strcmp(v->kind, "xa") == 0 ? "xã" : "phường";
	char		*m = arena_strdup(a, v->slug), *w = m;
	const char	*r;

	for (r = v->slug; *r != '\0'; r++)
		if (*r != '-')
			*w++ = *r;
	*w = '\0';
	u->id = v->id;
	u->index = i + 1;
	u->ten = v->name;
	u->dv = arena_printf(a, "%s %s", kind, v->name);
	u->dvh = arena_printf(a, "%s %s", strcmp(v->kind, "xa") == 0 ? "Xã" :
	    "Phường", v->name);
	u->slug = v->slug;
	u->mail = m;
	u->ma = v->code;
	u->so = arena_printf(a, "%u", 10 + i * 3);
	u->ct = arena_printf(a, "%s %s", seed_family[i % 9],
	    seed_given[(i * 2) % 19]);
	u->pct = arena_printf(a, "%s %s", seed_family[(i + 4) % 9],
	    seed_given[(i * 2 + 7) % 19]);
}

/* One unit's content in one transaction. */
static enum db_err
seed_one(struct db *db, struct arena *a, const struct seed_unit *u,
    const struct seed_file *f)
{
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = seed_articles(db, a, u, &f[SK_CATEGORIES], &f[SK_ARTICLES]);
	if (e == DB_OK)
		e = seed_documents(db, a, u, &f[SK_DOCUMENTS]);
	if (e == DB_OK)
		e = seed_schedule(db, a, u, &f[SK_SCHEDULE]);
	if (e == DB_OK)
		e = seed_pages(db, a, u, &f[SK_PAGES], &f[SK_CONTACTS]);
	if (e == DB_OK)
		e = seed_questions(db, a, u, &f[SK_QUESTIONS]);
	if (e == DB_OK)
		e = db_commit(db);
	if (e != DB_OK)
		db_rollback(db);
	return e;
}

/* Seeds every current unit from <dir>/content/.  Returns 0, or 1 (logged)
 * on a missing or malformed file or a database error. */
int
seed_content(struct db *db, struct arena *a, const char *dir)
{
	struct seed_file		 f[SK__MAX];
	struct row_UNITS_CURRENT	*v;
	struct seed_unit		 u;
	size_t				 i, n;

	for (i = 0; i < SK__MAX; i++)
		if (!seed_read(a, dir, seed_files[i].name, seed_files[i].nfields,
		    &f[i]))
			return 1;
	if (db_all(db, a, UNITS_CURRENT, &v, &n, "") != DB_OK)
		return 1;
	for (i = 0; i < n; i++) {
		seed_unit_of(a, &v[i], (unsigned)i, &u);
		if (seed_one(db, a, &u, f) != DB_OK) {
			LOGE("seed: the content of %s failed", v[i].slug);
			return 1;
		}
	}
	printf("content: %zu units\n", n);
	return 0;
}
