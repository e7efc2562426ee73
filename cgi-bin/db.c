/* The data layer.  All SQL of the program is in stmt_sql below, with '?'
 * placeholders; each statement is prepared once per connection, on first
 * use.  A connection that the server dropped is closed and made again on
 * the next call, so a database restart needs no responder restart. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "log.h"

#define DB_PARAMS_MAX	16
#define DB_COLS_MAX	32
#define DB_CELL		256	/* first guess at a cell's size */

#define NEWS_COLS \
	"a.id, a.slug, a.title, a.summary, " \
	"DATE_FORMAT(CONVERT_TZ(a.published_at, '+00:00', '+07:00'), '%d/%m/%Y'), " \
	"DATE_FORMAT(CONVERT_TZ(a.published_at, '+00:00', '+07:00'), '%Y-%m-%d'), " \
	"u.slug, u.kind, u.name"
#define NEWS_VISIBLE \
	"a.status = 'published' AND a.published_at <= UTC_TIMESTAMP()"
#define UNIT_COLS "u.id, u.code, u.kind, u.name, u.slug"

struct stmt_def {
	const char	*sql;
	int		 readonly;	/* safe to retry after a lost link */
};

static const struct stmt_def stmt_defs[STMT__MAX] = {
	/* STMT_PING */
	{ "SELECT 1", 1 },
	/* STMT_UNITS_CURRENT */
	{ "SELECT " UNIT_COLS " FROM units u WHERE u.valid_to IS NULL "
	  "ORDER BY u.kind, u.name", 1 },
	/* STMT_UNIT_BY_SLUG */
	{ "SELECT " UNIT_COLS " FROM units u WHERE u.slug = ?", 1 },
	/* STMT_UNIT_BY_HOST */
	{ "SELECT " UNIT_COLS " FROM units u JOIN unit_hosts h "
	  "ON h.unit_id = u.id WHERE h.host = ?", 1 },
	/* STMT_NEWS_LATEST */
	{ "SELECT " NEWS_COLS " FROM articles a JOIN units u "
	  "ON u.id = a.unit_id WHERE " NEWS_VISIBLE
	  " ORDER BY a.published_at DESC, a.id DESC LIMIT ?", 1 },
	/* STMT_NEWS_BY_UNIT */
	{ "SELECT " NEWS_COLS " FROM articles a JOIN units u "
	  "ON u.id = a.unit_id WHERE a.unit_id = ? AND " NEWS_VISIBLE
	  " ORDER BY a.published_at DESC, a.id DESC LIMIT ?", 1 },
	/* STMT_NEWS_GET */
	{ "SELECT " NEWS_COLS ", a.body FROM articles a JOIN units u "
	  "ON u.id = a.unit_id WHERE a.id = ? AND a.unit_id = ? AND "
	  NEWS_VISIBLE, 1 },
	/* STMT_MIGRATIONS_APPLIED */
	{ "SELECT version FROM schema_migrations ORDER BY version", 1 },
	/* STMT_MIGRATION_RECORD */
	{ "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", 0 },
	/* STMT_LOCK */
	{ "SELECT GET_LOCK(?, ?)", 0 },
	/* STMT_UNLOCK */
	{ "SELECT RELEASE_LOCK(?)", 0 },
	/* STMT_SEED_UNIT */
	{ "INSERT INTO units (code, kind, name, slug, valid_from) "
	  "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	  "code = VALUES(code), kind = VALUES(kind), name = VALUES(name)", 0 },
	/* STMT_SEED_ARTICLE */
	{ "INSERT IGNORE INTO articles (unit_id, kind, status, slug, title, "
	  "summary, body, published_at) SELECT id, 'news', 'published', ?, ?, "
	  "?, ?, UTC_TIMESTAMP() - INTERVAL ? HOUR FROM units WHERE slug = ?",
	  0 },
};

struct db {
	MYSQL		*my;
	MYSQL_STMT	*st[STMT__MAX];
	int		 in_tx;
	unsigned	 port;
	char		*socket, *host, *user, *password, *name;
};

static void	(*error_hook)(void);

void
db_set_error_hook(void (*fn)(void))
{
	error_hook = fn;
}

static char *
dupopt(const char *s)
{
	return (s != NULL && *s != '\0') ? xstrdup(s) : NULL;
}

/* Reads the [db] section of the configuration into o. */
void
db_opts_load(struct db_opts *o)
{
	o->socket = cfg_str("db", "socket", NULL);
	o->host = cfg_str("db", "host", NULL);
	o->port = (unsigned)cfg_int("db", "port", 3306, 0, 65535);
	o->user = cfg_str("db", "user", "portal");
	o->password = cfg_str("db", "password", "");
	o->name = cfg_str("db", "name", "portal");
}

/* Makes a handle that connects on first use; never NULL. */
struct db *
db_new(const struct db_opts *o)
{
	struct db	*db = xcalloc(1, sizeof(*db));

	db->socket = dupopt(o->socket);
	db->host = dupopt(o->host);
	db->user = dupopt(o->user);
	db->password = dupopt(o->password);
	db->name = dupopt(o->name);
	db->port = o->port;
	return db;
}

static void
db_disconnect(struct db *db)
{
	size_t	 i;

	for (i = 0; i < STMT__MAX; i++)
		if (db->st[i] != NULL) {
			mysql_stmt_close(db->st[i]);
			db->st[i] = NULL;
		}
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->in_tx = 0;
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	if (db->password != NULL)
		memset(db->password, 0, strlen(db->password));
	free(db->socket);
	free(db->host);
	free(db->user);
	free(db->password);
	free(db->name);
	free(db);
}

static void
db_fail(const char *what, unsigned err, const char *msg)
{
	LOGE("%s: %u %s", what, err, msg);
	if (error_hook != NULL)
		error_hook();
}

/* Connects when not connected.  Returns 1 when a connection is up. */
static int
db_connect(struct db *db)
{
	unsigned	 timeout = 3;

	if (db->my != NULL)
		return 1;
	if ((db->my = mysql_init(NULL)) == NULL)
		abort();
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'");
	if (mysql_real_connect(db->my, db->host, db->user, db->password,
	    db->name, db->port, db->host ? NULL : db->socket,
	    CLIENT_MULTI_STATEMENTS) == NULL) {
		db_fail("connect", mysql_errno(db->my), mysql_error(db->my));
		db_disconnect(db);
		return 0;
	}
	return 1;
}

static int
db_link_lost(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	    err == CR_CONNECTION_ERROR || err == ER_CONNECTION_KILLED ||
	    err == ER_SERVER_SHUTDOWN;
}

/* Returns the prepared statement s, preparing it on first use. */
static MYSQL_STMT *
db_stmt(struct db *db, enum stmt s)
{
	MYSQL_STMT	*st;

	if (db->st[s] != NULL)
		return db->st[s];
	if ((st = mysql_stmt_init(db->my)) == NULL)
		abort();
	if (mysql_stmt_prepare(st, stmt_defs[s].sql,
	    strlen(stmt_defs[s].sql)) != 0) {
		db_fail("prepare", mysql_stmt_errno(st), mysql_stmt_error(st));
		mysql_stmt_close(st);
		return NULL;
	}
	return db->st[s] = st;
}

struct db_param {
	long long	 i;
	double		 d;
	unsigned long	 len;
	my_bool		 null;
};

/* Describes argument i (types[i]: 'i' long long, 'u' unsigned long long,
 * 's' string or NULL, 'd' double) in b and p. */
static void
db_param(MYSQL_BIND *b, struct db_param *p, char type, va_list *ap)
{
	const char	*s;

	switch (type) {
	case 'i':
	case 'u':
		p->i = type == 'i' ? va_arg(*ap, long long) :
		    (long long)va_arg(*ap, unsigned long long);
		b->buffer_type = MYSQL_TYPE_LONGLONG;
		b->buffer = &p->i;
		b->is_unsigned = type == 'u';
		break;
	case 'd':
		p->d = va_arg(*ap, double);
		b->buffer_type = MYSQL_TYPE_DOUBLE;
		b->buffer = &p->d;
		break;
	case 's':
		s = va_arg(*ap, const char *);
		p->null = s == NULL;
		p->len = s ? strlen(s) : 0;
		b->buffer_type = MYSQL_TYPE_STRING;
		b->buffer = (void *)(uintptr_t)s;
		b->buffer_length = p->len;
		b->length = &p->len;
		b->is_null = &p->null;
		break;
	default:
		abort();	/* a programming error */
	}
}

/* Binds the arguments and executes statement s once.  The parameter
 * buffers must live until execution, hence one function.  Returns the
 * MariaDB error number, 0 on success. */
static unsigned
db_run_once(struct db *db, enum stmt s, const char *types, va_list ap,
    MYSQL_STMT **out)
{
	MYSQL_BIND	 b[DB_PARAMS_MAX];
	struct db_param	 p[DB_PARAMS_MAX];
	MYSQL_STMT	*st;
	size_t		 i, n = strlen(types);
	va_list		 aq;

	*out = NULL;
	if (!db_connect(db))
		return CR_CONNECTION_ERROR;
	if ((st = db_stmt(db, s)) == NULL)
		return mysql_errno(db->my) ? mysql_errno(db->my) :
		    CR_SERVER_GONE_ERROR;
	if (n > DB_PARAMS_MAX || n != mysql_stmt_param_count(st))
		abort();	/* a programming error, not an input error */
	memset(b, 0, sizeof(b));
	memset(p, 0, sizeof(p));
	va_copy(aq, ap);
	for (i = 0; i < n; i++)
		db_param(&b[i], &p[i], types[i], &aq);
	va_end(aq);
	if ((n > 0 && mysql_stmt_bind_param(st, b) != 0) ||
	    mysql_stmt_execute(st) != 0) {
		unsigned err = mysql_stmt_errno(st);
		if (err != ER_DUP_ENTRY)
			db_fail(stmt_defs[s].sql, err, mysql_stmt_error(st));
		return err ? err : CR_SERVER_LOST;
	}
	*out = st;
	return 0;
}

/* Executes s; after a lost link, reconnects and, for a read outside a
 * transaction (or any statement when the link was gone before sending),
 * tries once more. */
static enum db_err
db_run(struct db *db, enum stmt s, const char *types, va_list ap,
    MYSQL_STMT **out)
{
	unsigned	 err;
	int		 in_tx = db->in_tx;

	err = db_run_once(db, s, types, ap, out);
	if (err != 0 && db_link_lost(err)) {
		db_disconnect(db);
		if (!in_tx && (stmt_defs[s].readonly ||
		    err == CR_SERVER_GONE_ERROR || err == CR_CONNECTION_ERROR))
			err = db_run_once(db, s, types, ap, out);
		if (err != 0 && db_link_lost(err))
			db_disconnect(db);
	}
	if (err == ER_DUP_ENTRY)
		return DB_DUP;
	return err == 0 ? DB_OK : DB_ERR;
}

/* Appends one row, every cell copied into the arena as a string. */
static int
db_fetch_row(MYSQL_STMT *st, struct arena *a, struct db_rows *r,
    MYSQL_BIND *b, unsigned long *len, my_bool *nul, size_t *cap)
{
	size_t	 c;

	if (r->nrows == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		char ***nv = arena_alloc(a, ncap * sizeof(*nv));
		size_t **nl = arena_alloc(a, ncap * sizeof(*nl));
		if (r->nrows) {
			memcpy(nv, r->v, r->nrows * sizeof(*nv));
			memcpy(nl, r->len, r->nrows * sizeof(*nl));
		}
		r->v = nv;
		r->len = nl;
		*cap = ncap;
	}
	r->v[r->nrows] = arena_calloc(a, r->ncols, sizeof(char *));
	r->len[r->nrows] = arena_calloc(a, r->ncols, sizeof(size_t));
	for (c = 0; c < r->ncols; c++) {
		if (nul[c])
			continue;
		char *cell = arena_alloc(a, len[c] + 1);
		if (len[c] <= DB_CELL)
			memcpy(cell, b[c].buffer, len[c]);
		else {
			MYSQL_BIND big;
			memset(&big, 0, sizeof(big));
			big.buffer_type = MYSQL_TYPE_STRING;
			big.buffer = cell;
			big.buffer_length = len[c];
			if (mysql_stmt_fetch_column(st, &big, (unsigned)c, 0))
				return 0;
		}
		cell[len[c]] = '\0';
		r->v[r->nrows][c] = cell;
		r->len[r->nrows][c] = len[c];
	}
	r->nrows++;
	return 1;
}

/* Fetches every row of an executed statement into r. */
static enum db_err
db_fetch_all(MYSQL_STMT *st, struct arena *a, struct db_rows *r)
{
	MYSQL_BIND	 b[DB_COLS_MAX];
	unsigned long	 len[DB_COLS_MAX];
	my_bool		 nul[DB_COLS_MAX], trunc[DB_COLS_MAX];
	size_t		 c, cap = 0;
	int		 rc;
	enum db_err	 ret = DB_OK;

	memset(r, 0, sizeof(*r));
	r->ncols = mysql_stmt_field_count(st);
	if (r->ncols > DB_COLS_MAX)
		abort();
	memset(b, 0, sizeof(b));
	for (c = 0; c < r->ncols; c++) {
		b[c].buffer_type = MYSQL_TYPE_STRING;
		b[c].buffer = arena_alloc(a, DB_CELL);
		b[c].buffer_length = DB_CELL;
		b[c].length = &len[c];
		b[c].is_null = &nul[c];
		b[c].error = &trunc[c];
	}
	if (r->ncols > 0 && mysql_stmt_bind_result(st, b) != 0)
		ret = DB_ERR;
	while (ret == DB_OK && r->ncols > 0) {
		rc = mysql_stmt_fetch(st);
		if (rc == MYSQL_NO_DATA)
			break;
		if ((rc != 0 && rc != MYSQL_DATA_TRUNCATED) ||
		    !db_fetch_row(st, a, r, b, len, nul, &cap)) {
			db_fail("fetch", mysql_stmt_errno(st),
			    mysql_stmt_error(st));
			ret = DB_ERR;
		}
	}
	mysql_stmt_free_result(st);
	return ret;
}

/* Runs query s with the arguments described by types; every row into
 * out (arena memory).  Returns DB_OK (maybe with no rows) or DB_ERR. */
enum db_err
db_query(struct db *db, struct arena *a, enum stmt s, struct db_rows *out,
    const char *types, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;
	enum db_err	 ret;

	memset(out, 0, sizeof(*out));
	va_start(ap, types);
	ret = db_run(db, s, types, ap, &st);
	va_end(ap);
	if (ret == DB_OK)
		ret = db_fetch_all(st, a, out);
	return ret;
}

/* Runs statement s that returns no rows.  Returns DB_OK, DB_DUP or DB_ERR;
 * affected and insert_id may be NULL. */
enum db_err
db_exec(struct db *db, enum stmt s, uint64_t *affected, uint64_t *insert_id,
    const char *types, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;
	enum db_err	 ret;

	va_start(ap, types);
	ret = db_run(db, s, types, ap, &st);
	va_end(ap);
	if (ret != DB_OK)
		return ret;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(st);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(st);
	return DB_OK;
}

static enum db_err
db_simple(struct db *db, const char *sql)
{
	if (!db_connect(db))
		return DB_ERR;
	if (mysql_query(db->my, sql) != 0) {
		unsigned err = mysql_errno(db->my);
		db_fail(sql, err, mysql_error(db->my));
		if (db_link_lost(err))
			db_disconnect(db);
		return DB_ERR;
	}
	return DB_OK;
}

enum db_err
db_begin(struct db *db)
{
	enum db_err	 ret = db_simple(db, "START TRANSACTION");

	db->in_tx = ret == DB_OK;
	return ret;
}

enum db_err
db_commit(struct db *db)
{
	db->in_tx = 0;
	return db_simple(db, "COMMIT");
}

enum db_err
db_rollback(struct db *db)
{
	db->in_tx = 0;
	return db_simple(db, "ROLLBACK");
}

/* Returns 1 when the server answers a query, reconnecting if need be. */
int
db_ping(struct db *db)
{
	struct arena	*a = arena_new();
	struct db_rows	 r;
	int		 ok;

	ok = db_query(db, a, STMT_PING, &r, "") == DB_OK && r.nrows == 1;
	arena_free(a);
	return ok;
}

/* Runs a trusted SQL script (a migration file) of several statements.
 * For portalctl only; never for anything a request carries. */
enum db_err
db_script(struct db *db, const char *sql)
{
	enum db_err	 ret;
	int		 status;

	if ((ret = db_simple(db, sql)) != DB_OK)
		return ret;
	do {
		MYSQL_RES *res = mysql_store_result(db->my);
		if (res != NULL)
			mysql_free_result(res);
		if ((status = mysql_next_result(db->my)) > 0) {
			db_fail("script", mysql_errno(db->my),
			    mysql_error(db->my));
			return DB_ERR;
		}
	} while (status == 0);
	return DB_OK;
}
