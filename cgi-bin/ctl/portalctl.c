/* portalctl: the administrator's command line.
 *   portalctl [-c portal.conf] migrate      apply new migrations, in order
 *   portalctl [-c portal.conf] seed         load the units, the procedure
 *                                           catalogue and demo data
 *   portalctl [-c portal.conf] seed-eforms  the procedures' e-forms only
 *   portalctl [-c portal.conf] user ...     accounts (app/account.c)
 *   portalctl routes                        the route table
 *   portalctl [-c portal.conf] check-sql    statements against the schema
 *   portalctl [-c portal.conf] error-pages DIR   nginx's own error pages
 *   portalctl [-c portal.conf] check-store [rehash]   attachments vs files
 *   portalctl [-c portal.conf] mark-late    applications past their
 *                                           appointment (app/late.c)
 *   portalctl [-c portal.conf] unit ...     add, merge; host names
 *                                           (app/units.c)
 *   portalctl [-c portal.conf] search-reindex   every row of the search
 *                                           index again (app/search.c)
 * migrate and seed connect as [db] migrate_user, the rest as [db] user. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app/account.h"
#include "app/eform.h"
#include "app/late.h"
#include "app/procedure.h"
#include "app/search.h"
#include "app/seed_content.h"
#include "app/stats.h"
#include "app/store.h"
#include "app/units.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/pw.h"
#include "core/role.h"
#include "core/seal.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "core/valid.h"
#include "core/workday.h"
#include "data/db.h"
#include "h/h.h"
#include "http/resp.h"
#include "http/router.h"

#define MIGRATIONS_MAX	1000

/* Who acts in the audit log: the command line. */
static const struct actor cli = { 0, "portalctl" };

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
		LOGE("%s: %s", path, log_errno(errno));
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
		LOGE("%s: %s", dir, log_errno(errno));
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
migration_applied(const struct row_MIGRATIONS_APPLIED *done, size_t n,
    unsigned v)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (done[i].version == v)
			return 1;
	return 0;
}

/* Applies, in order, each migration not yet in schema_migrations. */
static int
cmd_migrate(struct db *db, struct arena *a)
{
	const char	*dir = cfg_str("paths", "migrations", "migrations");
	char				*names[MIGRATIONS_MAX], *path, *sql;
	struct row_MIGRATIONS_APPLIED	*done;
	size_t				 ndone;
	unsigned			 v;
	int				 i, n, applied = 0;

	if (db_script(db, schema_migrations) != DB_OK ||
	    (n = migration_list(a, dir, names)) < 0 ||
	    db_all(db, a, MIGRATIONS_APPLIED, &done, &ndone, "") != DB_OK)
		return 1;
	for (i = 0; i < n; i++) {
		migration_version(names[i], &v);
		if (migration_applied(done, ndone, v))
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

#define SEED_FIELDS_MAX	8

/* The seed files: tab-separated, '#' lines and a header line starting
 * with header skipped; each line's fields (map[i]: the field of argument
 * i, of types[i]) go to one statement. */
static const struct seed_file {
	const char	*file;
	const char	*header;
	enum stmt	 stmt;
	const char	*types;
	size_t		 nfields;
	int		 map[SEED_FIELDS_MAX];
} seed_files[] = {
	{ "units-pho-yen.tsv", "code\t", STMT_SEED_UNIT, "ssss", 4,
	  { 0, 1, 2, 3 } },
	{ "articles.tsv", NULL, STMT_SEED_ARTICLE, "ssssis", 6,
	  { 2, 3, 4, 5, 1, 0 } },
};

/* Loads one seed file; prints how many rows it changed. */
static int
seed_load(struct db *db, struct arena *a, const char *dir,
    const struct seed_file *sf)
{
	char		*text = slurp(a, arena_printf(a, "%s/%s", dir, sf->file));
	char		*line, *save = NULL, *f[SEED_FIELDS_MAX];
	const char	*arg[SEED_FIELDS_MAX];
	uint64_t	 added, n = 0;
	size_t		 i;

	if (text == NULL)
		return 1;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || (sf->header != NULL && strncmp(line,
		    sf->header, strlen(sf->header)) == 0))
			continue;
		if (split_tabs(line, f, SEED_FIELDS_MAX) != sf->nfields) {
			LOGE("%s: not %zu fields: %.40s", sf->file, sf->nfields,
			    line);
			return 1;
		}
		for (i = 0; i < sf->nfields; i++)
			arg[i] = unescape(f[sf->map[i]]);
		if (db_exec_text(db, sf->stmt, &added, sf->types, arg) != DB_OK)
			return 1;
		n += added;
	}
	printf("%s: %llu rows changed\n", sf->file, (unsigned long long)n);
	return 0;
}

/* The id of the unit with slug, 0 when none. */
static uint64_t
unit_id(struct db *db, struct arena *a, const char *slug)
{
	struct row_UNIT_BY_SLUG	 r;

	if (db_one(db, a, UNIT_BY_SLUG, &r, "s", slug) != DB_OK) {
		LOGE("no unit %s", slug);
		return 0;
	}
	return r.id;
}

/* The id of the user with phone (any written form), 0 when none. */
static uint64_t
user_id(struct db *db, struct arena *a, const char *phone)
{
	struct row_USER_BY_PHONE r;
	char			 norm[11];

	if (!valid_phone(phone, strlen(phone), norm) ||
	    db_one(db, a, USER_BY_PHONE, &r, "s", norm) != DB_OK)
		return 0;
	return r.id;
}

/* The demo accounts: every role, in two units for the unit roles. */
static const struct demo {
	const char	*phone, *name, *email, *id_number;
	enum role	 role;
	const char	*unit;
} demos[] = {
	{ "0912000001", "Nguyễn Văn Quản", "quantri@example.com", NULL,
	  ROLE_ADMIN, NULL },
	{ "0912000011", "Trần Thị Biên", NULL, NULL, ROLE_EDITOR, "ba-hang" },
	{ "0912000012", "Lê Văn Tập", NULL, NULL, ROLE_EDITOR, "bai-bong" },
	{ "0912000021", "Phạm Thị Mai", NULL, NULL, ROLE_STAFF, "ba-hang" },
	{ "0912000022", "Hoàng Văn Cửa", NULL, NULL, ROLE_STAFF, "bai-bong" },
	{ "0912000031", "Vũ Văn Lãnh", NULL, NULL, ROLE_LEADER, "ba-hang" },
	{ "0912000032", "Đỗ Thị Đạo", NULL, NULL, ROLE_LEADER, "bai-bong" },
	{ "0912000051", "Ngô Văn Số", NULL, NULL, ROLE_DIGITAL, "ba-hang" },
	{ "0912000041", "Nguyễn Thị Dân", "dan@example.com", "019123456789",
	  ROLE_RESIDENT, NULL },
};

/* A random demo password: three groups of four letters and digits. */
static void
demo_password(char out[15])
{
	static const char set[] = "abcdefghijkmnpqrstuvwxyz23456789";
	size_t	 i;

	for (i = 0; i < 14; i++)
		out[i] = (i % 5 == 4) ? '-' :
		    set[randombytes_uniform(sizeof(set) - 1)];
	out[14] = '\0';
}

/* Writes s left-aligned in width characters (not bytes), then a space. */
static void
pad(FILE *out, const char *s, size_t width)
{
	size_t	 n = text_chars(s);

	fprintf(out, "%s%*s ", s, (int)(n < width ? width - n : 0), "");
}

/* Creates (or resets the password of) one demo account with its role. */
static int
seed_demo(struct db *db, struct arena *a, const struct demo *d,
    const char *pw, FILE *out)
{
	char			 hash[PW_HASH_LEN];
	uint64_t		 uid, unit = 0;
	struct account_new	 u = { d->name, d->phone, d->email,
				    d->id_number, hash };

	if (pw_hash(pw, hash) != PW_OK ||
	    (d->unit && (unit = unit_id(db, a, d->unit)) == 0))
		return 1;
	if ((uid = user_id(db, a, d->phone)) == 0 &&
	    account_create(db, a, &cli, &u, &uid) != DB_OK)
		return 1;
	if (account_set_password(db, &cli, uid, hash, NULL) != DB_OK ||
	    account_set_status(db, &cli, uid, 1) != DB_OK ||
	    account_set_role(db, a, &cli, uid, d->role, unit, 1) != DB_OK)
		return 1;
	pad(out, role_label(d->role), 17);
	pad(out, d->unit ? d->unit : "-", 10);
	pad(out, d->phone, 11);
	fprintf(out, "%s  (%s)\n", pw, d->name);
	return 0;
}

/* Creates the demo accounts with fresh passwords, listed in the file
 * [seed] accounts (mode 0600) for `make run` to print. */
static int
seed_accounts(struct db *db, struct arena *a)
{
	const char	*path = cfg_str("seed", "accounts", "var/accounts.txt");
	char		 pw[15];
	size_t		 i;
	FILE		*out;
	int		 rc = 0;

	umask(077);
	if ((out = fopen(path, "w")) == NULL) {
		LOGE("%s: %s", path, log_errno(errno));
		return 1;
	}
	pad(out, "Vai trò", 17);
	pad(out, "Đơn vị", 10);
	pad(out, "Điện thoại", 11);
	fprintf(out, "Mật khẩu\n");
	for (i = 0; i < sizeof(demos) / sizeof(demos[0]) && rc == 0; i++) {
		demo_password(pw);
		rc = seed_demo(db, a, &demos[i], pw, out);
	}
	sodium_memzero(pw, sizeof(pw));
	if (fclose(out) != 0 || rc != 0) {
		LOGE("demo accounts not written");
		return 1;
	}
	printf("demo accounts: %zu (in %s)\n", i, path);
	return 0;
}

/* One e-form file, <code>.json: checked, then written into the version
 * in force of the procedure with that code, if there is one.  *n counts
 * the versions changed. */
static int
seed_eform(struct db *db, struct arena *a, const char *dir,
    const char *file, uint64_t *n)
{
	char		*code = arena_strndup(a, file, strlen(file) - 5);
	char		*json = slurp(a, arena_printf(a, "%s/%s", dir, file));
	const char	*why;
	struct eform	 f;
	uint64_t	 changed = 0;

	if (json == NULL)
		return 1;
	if (!valid_proc_code(code, strlen(code)) ||
	    eform_load(a, json, &f, &why) != EFORM_OK) {
		LOGE("%s/%s: %s", dir, file, valid_proc_code(code,
		    strlen(code)) ? why : "not <procedure code>.json");
		return 1;
	}
	if (db_exec(db, STMT_SEED_EFORM, &changed, NULL, "ss", json, code) !=
	    DB_OK)
		return 1;
	*n += changed;
	return 0;
}

/* Every e-form of <seed>/eforms, on the procedures that exist (the
 * catalogue's seed adds them): the others are skipped. */
static int
cmd_seed_eforms(struct db *db, struct arena *a)
{
	const char	*dir = arena_printf(a, "%s/eforms", cfg_str("paths",
			    "seed", "migrations/seed"));
	DIR		*d = opendir(dir);
	struct dirent	*e;
	uint64_t	 n = 0;
	size_t		 files = 0, len;
	int		 rc = 0;

	if (d == NULL) {
		LOGE("%s: %s", dir, log_errno(errno));
		return 1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		rc = seed_eform(db, a, dir, e->d_name, &n);
		files++;
	}
	closedir(d);
	if (rc == 0)
		printf("eforms: %zu files, %llu procedure versions changed\n",
		    files, (unsigned long long)n);
	return rc;
}

static int
cmd_seed(struct db *db, struct arena *a)
{
	const char	*dir = cfg_str("paths", "seed", "migrations/seed");
	size_t		 i;

	for (i = 0; i < sizeof(seed_files) / sizeof(seed_files[0]); i++)
		if (seed_load(db, a, dir, &seed_files[i]) != 0)
			return 1;
	if (proc_seed(db, a, dir) != 0 || cmd_seed_eforms(db, a) != 0)
		return 1;
	if (!clock_init(cfg_str("site", "timezone", "+07:00")) ||
	    seed_content(db, a, dir) != 0 || search_reindex(db) != 0)
		return 1;
	return seed_accounts(db, a);
}

/* The sizes of `seed --bulk` (the benchmark's data set), by option. */
static const struct bulk_opt {
	const char	*name;
	const char	*var;		/* the script's user variable */
	long		 def, max;
} bulk_opts[] = {
	{ "--seed", "bulk_seed", 1, 1000000000L },
	{ "--residents", "bulk_residents", 50000, 10000000L },
	{ "--articles", "bulk_articles", 100000, 10000000L },
	{ "--applications", "bulk_applications", 1000000, 100000000L },
};
#define NBULK (sizeof(bulk_opts) / sizeof(bulk_opts[0]))

/* Reads `--name N` pairs of argv[0..argc) into v (by bulk_opts' row).
 * Returns 1, or 0 for an unknown option or a bad number. */
static int
bulk_args(char **argv, int argc, long v[NBULK])
{
	size_t	 i;
	int	 k;
	char	*end;

	for (i = 0; i < NBULK; i++)
		v[i] = bulk_opts[i].def;
	for (k = 0; k + 1 < argc; k += 2) {
		for (i = 0; i < NBULK; i++)
			if (strcmp(argv[k], bulk_opts[i].name) == 0)
				break;
		if (i == NBULK)
			return 0;
		v[i] = strtol(argv[k + 1], &end, 10);
		if (*end != '\0' || v[i] < 0 || v[i] > bulk_opts[i].max)
			return 0;
	}
	return k == argc;
}

/* portalctl seed --bulk [--seed N] [--residents N] [--articles N]
 * [--applications N]: the benchmark's data set (migrations/seed/bulk.sql),
 * on top of the ordinary seed; every bulk resident's password is
 * "Cu-dan-thu-nghiem-" and the seed number. */
static int
cmd_seed_bulk(struct db *db, struct arena *a, char **argv, int argc)
{
	const char	*dir = cfg_str("paths", "seed", "migrations/seed");
	char		 hash[PW_HASH_LEN], *sql, *vars;
	long		 v[NBULK];
	size_t		 i;
	time_t		 t0 = time(NULL);

	if (!bulk_args(argv, argc, v))
		return 2;
	if (pw_hash(arena_printf(a, "Cu-dan-thu-nghiem-%ld", v[0]), hash) !=
	    PW_OK || (sql = slurp(a, arena_printf(a, "%s/bulk.sql", dir))) ==
	    NULL)
		return 1;
	vars = arena_printf(a, "SET @bulk_pw = '%s'", hash);
	for (i = 0; i < NBULK; i++)
		vars = arena_printf(a, "%s, @%s = %ld", vars, bulk_opts[i].var,
		    v[i]);
	if (db_script(db, arena_printf(a, "%s;\n%s", vars, sql)) != DB_OK ||
	    search_reindex(db) != 0) {
		fprintf(stderr, "portalctl: seed --bulk failed\n");
		return 1;
	}
	printf("bulk: %ld residents, %ld articles, %ld applications (seed %ld) "
	    "in %lld s\n", v[1], v[2], v[3], v[0], (long long)(time(NULL) - t0));
	return 0;
}

/* portalctl search-reindex: every row of the search index made again
 * from the articles, documents and procedures (app/search.c). */
static int
cmd_search_reindex(struct db *db, struct arena *a)
{
	(void)a;
	return search_reindex(db);
}

/* Reads one line (a password) from standard input, without its new
 * line.  Returns NULL at end of input. */
static char *
read_secret(struct arena *a)
{
	char	 buf[1100];
	char	*s;

	if (fgets(buf, sizeof(buf), stdin) == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	s = arena_strdup(a, buf);
	sodium_memzero(buf, sizeof(buf));
	return s;
}

/* portalctl user add PHONE "FULL NAME" [EMAIL] < password */
static int
user_add(struct db *db, struct arena *a, char **argv, int argc)
{
	char			 phone[11], hash[PW_HASH_LEN];
	char			*email = NULL, *pw;
	struct account_new	 u;
	uint64_t		 id;
	enum pw_err		 e;

	if (argc < 2 || argc > 3 || !valid_phone(argv[0], strlen(argv[0]),
	    phone) || (u.full_name = text_trim(a, argv[1], strlen(argv[1]))) ==
	    NULL || *u.full_name == '\0')
		return 2;
	if (argc == 3 && !valid_email(argv[2], strlen(argv[2]),
	    (email = arena_alloc(a, strlen(argv[2]) + 1)), strlen(argv[2]) + 1))
		return 2;
	if ((pw = read_secret(a)) == NULL ||
	    (e = pw_policy(a, pw, phone, email)) != PW_OK ||
	    (e = pw_hash(pw, hash)) != PW_OK) {
		fprintf(stderr, "portalctl: %s\n", pw ? pw_err_msg(e) :
		    "no password on standard input");
		return 1;
	}
	u.phone = phone;
	u.email = email;
	u.id_number = NULL;
	u.pw_hash = hash;
	if (account_create(db, a, &cli, &u, &id) != DB_OK) {
		fprintf(stderr, "portalctl: could not create (phone or email "
		    "taken?)\n");
		return 1;
	}
	printf("user %llu created\n", (unsigned long long)id);
	return 0;
}

/* portalctl user grant|revoke PHONE ROLE [UNIT-SLUG] */
static int
user_role(struct db *db, struct arena *a, char **argv, int argc, int grant)
{
	uint64_t	 uid, unit = 0;
	enum role	 r;

	if (argc < 2 || argc > 3)
		return 2;
	if ((r = role_from_name(argv[1])) == ROLE_USER ||
	    role_scoped(r) != (argc == 3))
		return 2;
	if ((uid = user_id(db, a, argv[0])) == 0 ||
	    (argc == 3 && (unit = unit_id(db, a, argv[2])) == 0))
		return 1;
	if (account_set_role(db, a, &cli, uid, r, unit, grant) != DB_OK)
		return 1;
	printf("%s %s\n", grant ? "granted" : "revoked", argv[1]);
	return 0;
}

/* portalctl user disable|enable PHONE */
static int
user_status(struct db *db, struct arena *a, char **argv, int argc,
    int enable)
{
	uint64_t	 uid;

	if (argc != 1)
		return 2;
	(void)a;
	if ((uid = user_id(db, a, argv[0])) == 0 ||
	    account_set_status(db, &cli, uid, enable) != DB_OK)
		return 1;
	printf("%s\n", enable ? "enabled" : "disabled");
	return 0;
}

/* portalctl user reset-password PHONE < password: ends every session. */
static int
user_password(struct db *db, struct arena *a, char **argv, int argc)
{
	char			 hash[PW_HASH_LEN];
	char			*pw;
	struct row_USER_GET	 u;
	uint64_t		 uid;
	enum pw_err		 e = PW_ERR;

	if (argc != 1)
		return 2;
	if ((uid = user_id(db, a, argv[0])) == 0 ||
	    db_one(db, a, USER_GET, &u, "u", (unsigned long long)uid) != DB_OK)
		return 1;
	if ((pw = read_secret(a)) == NULL || (e = pw_policy(a, pw, u.phone,
	    u.email)) != PW_OK || (e = pw_hash(pw, hash)) != PW_OK) {
		fprintf(stderr, "portalctl: %s\n", pw_err_msg(e));
		return 1;
	}
	if (account_set_password(db, &cli, uid, hash, NULL) != DB_OK)
		return 1;
	printf("password set\n");
	return 0;
}

/* portalctl routes: the route table, one line a route: name, methods,
 * pattern, scope, roles (a comma list or "-"), tab-separated, for the
 * authorization matrix test and for people. */
static int
cmd_routes(void)
{
	char	 methods[64], roles[128];
	size_t	 i, k, n;

	for (i = 0; i < ROUTE__MAX; i++) {
		const struct route *r = &h_routes[i];
		router_allow_str(r->methods, methods, sizeof(methods));
		roles[0] = '\0';
		for (k = 0, n = 0; k < ROLE__MAX; k++)
			if (r->roles & ROLE_BIT(k))
				n += (size_t)snprintf(roles + n, sizeof(roles) - n,
				    "%s%s", n ? "," : "", role_name((enum role)k));
		printf("%s\t%s\t%s\t%s\t%s\n", r->name, methods, r->pattern,
		    router_scope_name(r->scope), n ? roles : "-");
	}
	return 0;
}

/* portalctl check-sql: every statement against the live schema. */
static int
cmd_check_sql(struct db *db, struct arena *a)
{
	int	 bad = db_check(db, a);

	if (bad != 0) {
		fprintf(stderr, "portalctl: %d statements disagree with the "
		    "schema (see above)\n", bad < 0 ? 0 : bad);
		return 1;
	}
	printf("statements: %d, all agree with the schema\n", (int)STMT__MAX);
	return 0;
}

/* portalctl error-pages DIR: the pages nginx serves itself (400, 413,
 * 429 for its rate limits, and 50x for 502, 503, 504), rendered from the
 * templates. */
static int
cmd_error_pages(const char *dir)
{
	static const struct { int status; const char *file; } pages[] = {
		{ 400, "400.html" }, { 413, "413.html" }, { 429, "429.html" },
		{ 503, "50x.html" },
	};
	size_t	 i, len;
	char	*html, *path;
	FILE	*f;
	int	 rc = 0;

	if (!tmpl_init(cfg_str("paths", "templates", "templates")))
		return 1;
	resp_site_init();
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]) && rc == 0; i++) {
		if ((html = resp_error_file(pages[i].status, &len)) == NULL)
			return 1;
		if (asprintf(&path, "%s/%s", dir, pages[i].file) < 0)
			abort();
		if ((f = fopen(path, "w")) == NULL ||
		    fwrite(html, 1, len, f) != len || fclose(f) != 0) {
			LOGE("%s: %s", path, log_errno(errno));
			rc = 1;
		}
		free(path);
		free(html);
	}
	return rc;
}

/* check-store's tally, and its database for the files' walk. */
struct store_tally {
	struct db	*db;
	struct arena	*a;
	size_t		 rows, missing, damaged, files, unreferenced, other;
};

/* One entry of the store: a file some row names, an unreferenced one, a
 * temporary file left by a writer that died, or something else. */
static int
check_store_file(void *ctx, const char *path, const char *name)
{
	struct store_tally	*t = ctx;
	struct row_ATT_SHA_USED	 used;
	size_t			 n = strlen(path);

	if (store_valid_sha256(name) && n > 70 &&
	    strncmp(path + n - 70, name, 2) == 0 &&
	    strncmp(path + n - 67, name + 2, 2) == 0) {
		t->files++;
		if (db_one(t->db, t->a, ATT_SHA_USED, &used, "sss", name, name,
		    name) !=
		    DB_OK)
			return 0;
		if (used.n == 0) {
			t->unreferenced++;
			printf("unreferenced\t%s\n", path);
		}
	} else {
		t->other++;
		printf("%s\t%s\n", strncmp(name, ".tmp-", 5) == 0 ?
		    "temporary" : "unknown", path);
	}
	return 1;
}

/* portalctl check-store [rehash]: every attachment row whose file is
 * missing or damaged (of another size; with rehash, of another
 * SHA-256), then every file of the store that no row names.  Exits 1 when
 * a row lacks its file (something acknowledged was lost), else 0. */
static int
cmd_check_store(struct db *db, struct arena *a, int rehash)
{
	struct store_tally	 t;
	struct row_ATT_PAGE	*rows;
	size_t			 n, i;
	uint64_t		 last = 0;
	enum store_err		 e;

	memset(&t, 0, sizeof(t));
	t.db = db;
	t.a = a;
	do {
		if (db_all(db, a, ATT_PAGE, &rows, &n, "u",
		    (unsigned long long)last) != DB_OK)
			return 1;
		for (i = 0; i < n; i++, t.rows++) {
			last = rows[i].id;
			if ((e = store_check(rows[i].sha256, rows[i].size,
			    rehash)) == STORE_OK)
				continue;
			*(e == STORE_NOTFOUND ? &t.missing : &t.damaged) += 1;
			printf("%s\tattachment %llu\tapplication %llu\t%s\n",
			    e == STORE_NOTFOUND ? "missing" : "damaged",
			    (unsigned long long)rows[i].id,
			    (unsigned long long)rows[i].application_id,
			    rows[i].sha256);
		}
		arena_reset(a);
	} while (n > 0);
	if (!store_walk(check_store_file, &t))
		fprintf(stderr, "portalctl: %s: not every directory could "
		    "be read\n", store_dir());
	printf("attachments: %zu rows, %zu missing, %zu damaged; store: %zu "
	    "files, %zu unreferenced, %zu other\n", t.rows, t.missing,
	    t.damaged, t.files, t.unreferenced, t.other);
	return t.missing || t.damaged ? 1 : 0;
}

/* portalctl mark-late: marks the applications whose appointment is
 * before today, the city's day ([site] timezone); prints how many.  Safe
 * to run twice at once (app/late.c). */
static int
cmd_mark_late(struct db *db, struct arena *a)
{
	uint64_t	 n;

	if (!clock_init(cfg_str("site", "timezone", "+07:00")))
		return 1;
	if (late_mark(db, a, clock_day(time(NULL)), &n) != DB_OK)
		return 1;
	printf("%llu marked late\n", (unsigned long long)n);
	return 0;
}

/* A one-page PDF, the scanned documents of the history's counter
 * applications. */
static const char history_pdf[] =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    "trailer\n<< /Root 1 0 R >>\n%%EOF\n";

/* portalctl seed-history [SEED]: months of applications of every unit for
 * /thong-ke at make run ([seed] history_days, 365; history_rows, 12600
 * before each unit keeps its share); the same seed, the same history.
 * Prints how many applications the history has. */
static int
cmd_seed_history(struct db *db, struct arena *a, const char *seed)
{
	struct store_conf	 sc;
	struct store_file	 f;
	char			 path[] = "/tmp/portalctl-history-XXXXXX";
	uint64_t		 s = 1, n = 0;
	int			 fd = -1, rc = 1;

	if ((seed != NULL && !valid_uint(seed, strlen(seed), 4294967295ULL,
	    &s)) || !clock_init(cfg_str("site", "timezone", "+07:00")))
		return 2;
	store_conf_load(&sc);
	if (!store_init(&sc))
		return 1;
	if ((fd = mkstemp(path)) < 0 || write(fd, history_pdf,
	    sizeof(history_pdf) - 1) != (ssize_t)sizeof(history_pdf) - 1 ||
	    close(fd) != 0 || store_put(path, &f) != STORE_OK)
		goto out;
	if (stats_history(db, a, (unsigned)s, (unsigned)cfg_int("seed",
	    "history_days", 365, 30, 730), (unsigned)cfg_int("seed",
	    "history_rows", 12600, 0, 99999), &f, &n) != DB_OK)
		goto out;
	printf("%llu applications of history\n", (unsigned long long)n);
	rc = 0;
out:
	if (fd >= 0)
		unlink(path);
	store_thread_end();
	store_end();
	return rc;
}

static int
cmd_user(struct db *db, struct arena *a, char **argv, int argc)
{
	if (argc < 1)
		return 2;
	if (strcmp(argv[0], "add") == 0)
		return user_add(db, a, argv + 1, argc - 1);
	if (strcmp(argv[0], "grant") == 0 || strcmp(argv[0], "revoke") == 0)
		return user_role(db, a, argv + 1, argc - 1, argv[0][0] == 'g');
	if (strcmp(argv[0], "disable") == 0 || strcmp(argv[0], "enable") == 0)
		return user_status(db, a, argv + 1, argc - 1, argv[0][0] == 'e');
	if (strcmp(argv[0], "reset-password") == 0)
		return user_password(db, a, argv + 1, argc - 1);
	return 2;
}

/* A day given as YYYY-MM-DD: its number (days since 1970-01-01), or 0
 * (with a message) when malformed. */
static int32_t
unit_day(const char *s)
{
	int32_t	 day;

	if (workday_parse(s, &day) && day > 0)
		return day;
	fprintf(stderr, "portalctl: %s: ngày không hợp lệ (YYYY-MM-DD)\n", s);
	return 0;
}

/* Prints done, or why a unit command was refused (bad: the slug refused,
 * or NULL); returns its exit status. */
static int
unit_result(enum units_err e, const char *done, const char *bad)
{
	if (e == UNITS_OK) {
		printf("%s\n", done);
		return 0;
	}
	fprintf(stderr, "portalctl: %s%s%s\n", bad ? bad : "", bad ? ": " : "",
	    units_err_msg(e));
	return 1;
}

/* portalctl unit add CODE KIND NAME SLUG --from DATE */
static int
unit_add(struct db *db, struct arena *a, char **argv, int argc)
{
	uint64_t	 id = 0;
	int32_t		 day;

	if (argc != 6 || strcmp(argv[4], "--from") != 0)
		return 2;
	if ((day = unit_day(argv[5])) == 0)
		return 1;
	return unit_result(units_add(db, a, &cli, argv[0], argv[1], argv[2],
	    argv[3], day, &id), arena_printf(a, "unit %s added", argv[3]), NULL);
}

/* portalctl unit merge OLD... --into NEW --from DATE */
static int
unit_merge(struct db *db, struct arena *a, char **argv, int argc)
{
	const char	*bad = NULL;
	enum units_err	 e;
	int32_t		 day;
	int		 n = argc - 4;

	if (n < 1 || strcmp(argv[n], "--into") != 0 ||
	    strcmp(argv[n + 2], "--from") != 0)
		return 2;
	if ((day = unit_day(argv[n + 3])) == 0)
		return 1;
	if (n > UNITS_MERGE_MAX)
		return unit_result(UNITS_BAD, "", NULL);
	e = units_merge(db, a, &cli, (const char *const *)argv, (size_t)n,
	    argv[n + 1], day, &bad);
	return unit_result(e, arena_printf(a, "%d unit(s) merged into %s", n,
	    argv[n + 1]), bad);
}

/* portalctl unit host add HOST SLUG | host remove HOST */
static int
unit_host(struct db *db, struct arena *a, char **argv, int argc)
{
	if (argc == 3 && strcmp(argv[0], "add") == 0)
		return unit_result(units_host(db, a, &cli, argv[1], argv[2], 1),
		    "host added", NULL);
	if (argc == 2 && strcmp(argv[0], "remove") == 0)
		return unit_result(units_host(db, a, &cli, argv[1], NULL, 0),
		    "host removed", NULL);
	return 2;
}

static int
cmd_unit(struct db *db, struct arena *a, char **argv, int argc)
{
	if (argc < 1)
		return 2;
	if (strcmp(argv[0], "add") == 0)
		return unit_add(db, a, argv + 1, argc - 1);
	if (strcmp(argv[0], "merge") == 0)
		return unit_merge(db, a, argv + 1, argc - 1);
	if (strcmp(argv[0], "host") == 0)
		return unit_host(db, a, argv + 1, argc - 1);
	return 2;
}

/* Runs fn while holding the named database lock, so that two portalctl
 * runs never interleave. */
static int
locked(struct db *db, struct arena *a, int (*fn)(struct db *, struct arena *))
{
	struct row_LOCK		 got;
	struct row_UNLOCK	 released;
	int			 rc;

	if (db_one(db, a, LOCK, &got, "si", "portalctl", 60LL) != DB_OK ||
	    got.got != 1) {
		LOGE("could not take the portalctl lock");
		return 1;
	}
	rc = fn(db, a);
	db_one(db, a, UNLOCK, &released, "s", "portalctl");
	return rc;
}

static void
usage(void)
{
	fprintf(stderr, "usage: portalctl [-c portal.conf] migrate | seed | seed-eforms | "
	    "routes | check-sql | error-pages DIR |\n"
	    "  seed --bulk [--seed N] [--residents N] [--articles N] "
	    "[--applications N]\n"
	    "  check-store [rehash] | mark-late | seed-history [SEED] | "
	    "search-reindex\n"
	    "  user add PHONE \"FULL NAME\" [EMAIL]  (password on stdin)\n"
	    "  user grant|revoke PHONE ROLE [UNIT-SLUG]\n"
	    "  user disable|enable PHONE\n"
	    "  user reset-password PHONE  (password on stdin)\n"
	    "  unit add CODE phuong|xa NAME SLUG --from YYYY-MM-DD\n"
	    "  unit merge OLD-SLUG... --into NEW-SLUG --from YYYY-MM-DD\n"
	    "  unit host add HOST SLUG | unit host remove HOST\n"
	    "ROLE: resident, editor, staff, leader, digital (these four with "
	    "a unit), admin\n");
}

/* portalctl check-store [rehash] with the store set up for it. */
static int
check_store(struct db *db, struct arena *a, int rehash)
{
	struct store_conf	 sc;
	int			 rc;

	store_conf_load(&sc);
	rc = store_init(&sc) ? cmd_check_store(db, a, rehash) : 1;
	store_thread_end();
	store_end();
	return rc;
}

/* Runs the command av[0] with its ac - 1 words.  Returns its exit status,
 * 2 for a command or words it does not know. */
static int
run(struct db *db, struct arena *a, char **av, int ac)
{
	int	 rc = 2;

	if (strcmp(av[0], "migrate") == 0)
		rc = locked(db, a, cmd_migrate);
	else if (strcmp(av[0], "seed") == 0 && ac > 1 &&
	    strcmp(av[1], "--bulk") == 0)
		rc = cmd_seed_bulk(db, a, av + 2, ac - 2);
	else if (strcmp(av[0], "seed") == 0 && ac == 1)
		rc = locked(db, a, cmd_seed);
	else if (strcmp(av[0], "seed-eforms") == 0)
		rc = locked(db, a, cmd_seed_eforms);
	else if (strcmp(av[0], "search-reindex") == 0 && ac == 1)
		rc = locked(db, a, cmd_search_reindex);
	else if (strcmp(av[0], "check-sql") == 0)
		rc = cmd_check_sql(db, a);
	else if (strcmp(av[0], "mark-late") == 0 && ac == 1)
		rc = cmd_mark_late(db, a);
	else if (strcmp(av[0], "seed-history") == 0 && ac <= 2)
		rc = cmd_seed_history(db, a, av[1]);
	else if (strcmp(av[0], "user") == 0)
		rc = cmd_user(db, a, av + 1, ac - 1);
	else if (strcmp(av[0], "unit") == 0)
		rc = cmd_unit(db, a, av + 1, ac - 1);
	else if (strcmp(av[0], "check-store") == 0 && (ac == 1 ||
	    (ac == 2 && strcmp(av[1], "rehash") == 0)))
		rc = check_store(db, a, ac == 2);
	return rc;
}

int
main(int argc, char *argv[])
{
	const char	*conffile = "conf/portal.conf";
	struct db_opts	 o;
	struct db	*db;
	struct arena	*a;
	int		 c, rc = 2;

	/* "+": the first word ends the options (unit ... --from DATE). */
	while ((c = getopt(argc, argv, "+c:")) != -1)
		if (c == 'c')
			conffile = optarg;
		else {
			usage();
			return 2;
		}
	if (optind >= argc) {
		usage();
		return 2;
	}
	if (strcmp(argv[optind], "routes") == 0)
		return cmd_routes();
	if (strcmp(argv[optind], "error-pages") == 0)
		return optind + 2 == argc && cfg_load(conffile) ?
		    cmd_error_pages(argv[optind + 1]) : 2;
	/* An account made with an email queues its confirmation mail: the
	 * mail templates are needed. */
	if (!cfg_load(conffile) || sodium_init() < 0 || !db_library_init() ||
	    !tmpl_init(cfg_str("paths", "templates", "templates")) ||
	    !seal_init(cfg_str("security", "id_key", "")) ||
	    !pw_init(cfg_str("security", "common_passwords",
	    "conf/common-passwords.txt"), 2, 60000)) {
		fprintf(stderr, "portalctl: configuration incomplete ([security] "
		    "id_key, common_passwords; [paths] templates)\n");
		return 1;
	}
	/* The schema's own account for what changes it or loads data. */
	db_opts_load(&o, strcmp(argv[optind], "migrate") == 0 ||
	    strcmp(argv[optind], "seed") == 0 ||
	    strcmp(argv[optind], "seed-eforms") == 0);
	db = db_new(&o);
	a = arena_new();
	rc = run(db, a, argv + optind, argc - optind);
	if (rc == 2)
		usage();
	arena_free(a);
	db_free(db);
	db_library_end();
	cfg_free();
	return rc;
}
