/* portalctl: the administrator's command line.
 *   portalctl [-c portal.conf] migrate   apply new migrations, in order
 *   portalctl [-c portal.conf] seed      load the units and demo data */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysql.h>
#include <sodium.h>

#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "log.h"
#include "valid.h"

#define MIGRATIONS_MAX	1000

static const char schema_migrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

/* Reads a whole file into arena memory; NULL (logged) on failure. */
static char *
slurp(struct arena *a, const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*buf = NULL;
	long	 n;

	if (f == NULL) {
		LOGE("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = arena_alloc(a, (size_t)n + 1);
		if (fread(buf, 1, (size_t)n, f) != (size_t)n)
			buf = NULL;
		else
			buf[n] = '\0';
	}
	fclose(f);
	return buf;
}

/* A migration file is NNNN_name.sql with name of [a-z0-9_]. */
static int
migration_version(const char *name, unsigned *version)
{
	size_t	 n = strlen(name);
	uint64_t v;

	if (n < 10 || strcmp(name + n - 4, ".sql") != 0 || name[4] != '_' ||
	    !valid_uint(name, 4, 9999, &v) ||
	    strspn(name + 5, "abcdefghijklmnopqrstuvwxyz0123456789_") != n - 9)
		return 0;
	*version = (unsigned)v;
	return 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists dir's migration files, sorted; returns how many (-1 on error). */
static int
migration_list(struct arena *a, const char *dir, char **names)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	unsigned	 v;
	int		 n = 0;

	if (d == NULL) {
		LOGE("%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL && n < MIGRATIONS_MAX)
		if (migration_version(e->d_name, &v))
			names[n++] = arena_strdup(a, e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof(*names), cmp_str);
	return n;
}

static int
migration_applied(const struct db_rows *done, unsigned v)
{
	size_t	 i;

	for (i = 0; i < done->nrows; i++)
		if ((unsigned)strtoul(done->v[i][0], NULL, 10) == v)
			return 1;
	return 0;
}

/* Applies, in order, each migration not yet in schema_migrations. */
static int
cmd_migrate(struct db *db, struct arena *a)
{
	const char	*dir = cfg_str("paths", "migrations", "migrations");
	char		*names[MIGRATIONS_MAX], *path, *sql;
	struct db_rows	 done;
	unsigned	 v;
	int		 i, n, applied = 0;

	if (db_script(db, schema_migrations) != DB_OK ||
	    (n = migration_list(a, dir, names)) < 0 ||
	    db_query(db, a, STMT_MIGRATIONS_APPLIED, &done, "") != DB_OK)
		return 1;
	for (i = 0; i < n; i++) {
		migration_version(names[i], &v);
		if (migration_applied(&done, v))
			continue;
		path = arena_printf(a, "%s/%s", dir, names[i]);
		if ((sql = slurp(a, path)) == NULL ||
		    db_script(db, sql) != DB_OK ||
		    db_exec(db, STMT_MIGRATION_RECORD, NULL, NULL, "is",
		    (long long)v, names[i]) != DB_OK) {
			LOGE("migration %s failed", names[i]);
			return 1;
		}
		printf("applied %s\n", names[i]);
		applied++;
	}
	printf("migrations: %d applied, %d in all\n", applied, n);
	return 0;
}

/* Splits line at tabs into at most max fields; returns how many. */
static size_t
split_tabs(char *line, char **f, size_t max)
{
	size_t	 n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return n;
}

/* units-pho-yen.tsv: code, kind (phường|xã), name, slug; header first. */
static int
seed_units(struct db *db, struct arena *a, const char *dir)
{
	char	*text = slurp(a, arena_printf(a, "%s/units-pho-yen.tsv", dir));
	char	*line, *save = NULL, *f[4];
	int	 n = 0;

	if (text == NULL)
		return 1;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "code\t", 5) == 0 ||
		    split_tabs(line, f, 4) != 4)
			continue;
		if (!valid_unit_code(f[0], strlen(f[0])) ||
		    !valid_slug(f[3], strlen(f[3])) ||
		    db_exec(db, STMT_SEED_UNIT, NULL, NULL, "sssss", f[0],
		    strcmp(f[1], "xã") == 0 ? "xa" : "phuong", f[2], f[3],
		    "2022-05-01") != DB_OK) {
			LOGE("bad unit line: %s", f[0]);
			return 1;
		}
		n++;
	}
	printf("units: %d\n", n);
	return 0;
}

/* Turns the two characters "\n" of a seed field into a newline. */
static char *
unescape(char *s)
{
	char	*r = s, *w = s;

	for (; *r != '\0'; r++, w++) {
		if (r[0] == '\\' && r[1] == 'n') {
			*w = '\n';
			r++;
		} else
			*w = *r;
	}
	*w = '\0';
	return s;
}

/* articles.tsv: unit slug, hours ago, slug, title, summary, body. */
static int
seed_articles(struct db *db, struct arena *a, const char *dir)
{
	char	*text = slurp(a, arena_printf(a, "%s/articles.tsv", dir));
	char	*line, *save = NULL, *f[6];
	uint64_t added, n = 0;

	if (text == NULL)
		return 1;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || split_tabs(line, f, 6) != 6)
			continue;
		if (db_exec(db, STMT_SEED_ARTICLE, &added, NULL, "ssssis",
		    f[2], f[3], f[4], unescape(f[5]), atoll(f[1]), f[0]) !=
		    DB_OK)
			return 1;
		n += added;
	}
	printf("articles: %llu new\n", (unsigned long long)n);
	return 0;
}

static int
cmd_seed(struct db *db, struct arena *a)
{
	const char	*dir = cfg_str("paths", "seed", "migrations/seed");

	return seed_units(db, a, dir) || seed_articles(db, a, dir);
}

/* Runs fn while holding the named database lock, so that two portalctl
 * runs never interleave. */
static int
locked(struct db *db, struct arena *a, int (*fn)(struct db *, struct arena *))
{
	struct db_rows	 r;
	int		 rc;

	if (db_query(db, a, STMT_LOCK, &r, "si", "portalctl", 60LL) != DB_OK ||
	    r.nrows != 1 || r.v[0][0] == NULL || strcmp(r.v[0][0], "1") != 0) {
		LOGE("could not take the portalctl lock");
		return 1;
	}
	rc = fn(db, a);
	db_query(db, a, STMT_UNLOCK, &r, "s", "portalctl");
	return rc;
}

static void
usage(void)
{
	fprintf(stderr, "usage: portalctl [-c portal.conf] migrate|seed\n");
}

int
main(int argc, char *argv[])
{
	const char	*conffile = "conf/portal.conf";
	struct db_opts	 o;
	struct db	*db;
	struct arena	*a;
	int		 c, rc = 2;

	while ((c = getopt(argc, argv, "c:")) != -1)
		if (c == 'c')
			conffile = optarg;
		else {
			usage();
			return 2;
		}
	if (optind + 1 != argc) {
		usage();
		return 2;
	}
	if (!cfg_load(conffile) || sodium_init() < 0 ||
	    mysql_library_init(0, NULL, NULL) != 0)
		return 1;
	db_opts_load(&o);
	db = db_new(&o);
	a = arena_new();
	if (strcmp(argv[optind], "migrate") == 0)
		rc = locked(db, a, cmd_migrate);
	else if (strcmp(argv[optind], "seed") == 0)
		rc = locked(db, a, cmd_seed);
	else
		usage();
	arena_free(a);
	db_free(db);
	mysql_library_end();
	cfg_free();
	return rc;
}
