/* The data layer.  All SQL of the program is in stmt_sql below, with '?'
 * placeholders; each statement is prepared once per connection, on first
 * use.  A connection that the server dropped is closed and made again on
 * the next call, so a database restart needs no responder restart. */
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "data/db.h"

#define DB_PARAMS_MAX	24	/* a procedure version has 19 */
#define DB_COLS_MAX	32
#define DB_CELL		256	/* first guess at a text cell's size */

struct db_col {
	const char	*name;
	enum db_type	 type;
};

struct stmt_def {
	const char		*name;
	const char		*sql;
	int			 retry;		/* safe to retry after a lost link */
	const struct db_col	*cols;
	size_t			 ncols;
};

_Static_assert(sizeof(const char *) == 8 && sizeof(int64_t) == 8,
    "a row is an array of 8-byte fields");

/* Each query's columns, and a check that its row is 8 bytes a column. */
#define C(type, name)		{ #name, DB_TYPE_##type },
#define COLS(id, ...)		static const struct db_col cols_##id[] = { \
	__VA_ARGS__ }; _Static_assert(sizeof(struct row_##id) == 8 * \
	(sizeof(cols_##id) / sizeof(cols_##id[0])), #id);
#define Q(id, sql, cols)	COLS(id, cols)
#define QL(id, sql, cols)	COLS(id, cols)
#define X(id, sql)
#include "data/stmts.h"
#undef Q
#undef QL
#undef X
#undef C
#undef COLS

#define NCOLS(id)	(sizeof(cols_##id) / sizeof(cols_##id[0]))
#define Q(id, sql, cols)	[STMT_##id] = { #id, sql, 1, cols_##id, NCOLS(id) },
#define QL(id, sql, cols)	[STMT_##id] = { #id, sql, 0, cols_##id, NCOLS(id) },
#define X(id, sql)		[STMT_##id] = { #id, sql, 0, NULL, 0 },
#define C(type, name)
static const struct stmt_def stmt_defs[STMT__MAX] = {
#include "data/stmts.h"
};
#undef Q
#undef QL
#undef X
#undef C

struct db {
	MYSQL		*my;
	MYSQL_STMT	*st[STMT__MAX];
	int		 in_tx;		/* a transaction began, not yet ended */
	int		 down;		/* the last statement found no server */
	int		 scripts;
	unsigned	 port;
	char		*socket, *host, *user, *password, *name;
};

static void	(*error_hook)(void);

/* The client library, once per process (before threads), and per thread. */
int
db_library_init(void)
{
	return mysql_library_init(0, NULL, NULL) == 0;
}

void
db_library_end(void)
{
	mysql_library_end();
}

void
db_thread_init(void)
{
	mysql_thread_init();
}

void
db_thread_end(void)
{
	mysql_thread_end();
}

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

/* Reads the [db] section of the configuration into o: the responder's
 * account, or with migrate set the account that changes the schema
 * ([db] migrate_user, migrate_password; the responder's when unset), which
 * alone may run multi-statement scripts. */
void
db_opts_load(struct db_opts *o, int migrate)
{
	const char	*mu = migrate ? cfg_str("db", "migrate_user", "") : "";

	o->socket = cfg_str("db", "socket", NULL);
	o->host = cfg_str("db", "host", NULL);
	o->port = (unsigned)cfg_int("db", "port", 3306, 0, 65535);
	o->user = cfg_str("db", "user", "portal");
	o->password = cfg_str("db", "password", "");
	if (*mu != '\0') {
		o->user = mu;
		o->password = cfg_str("db", "migrate_password", "");
	}
	o->name = cfg_str("db", "name", "portal");
	o->scripts = migrate;
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
	db->scripts = o->scripts;
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

/* Has the server closed an idle link (a restart, a kill)?  Between
 * statements it sends nothing, so anything to read is its end: seen
 * without a round trip, the link is replaced before a write is sent on
 * it and lost with an unknown outcome. */
static int
db_link_closed(struct db *db)
{
	struct pollfd	 pfd = { mysql_get_socket(db->my), POLLIN, 0 };

	return pfd.fd >= 0 && poll(&pfd, 1, 0) > 0;
}

/* Connects when not connected, or when the idle link was closed outside a
 * transaction.  Returns 1 when a connection is up. */
static int
db_connect(struct db *db)
{
	unsigned	 timeout = 3;
	/* A script (a migration, a bulk seed) may run for many minutes. */
	unsigned	 rw = db->scripts ? 3600 : 3;

	if (db->my != NULL && !db->in_tx && db_link_closed(db))
		db_disconnect(db);
	if (db->my != NULL)
		return 1;
	if ((db->my = mysql_init(NULL)) == NULL)
		abort();
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &rw);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &rw);
	mysql_options(db->my, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'");
	/* Short transactions that lock only the rows they change: no gap
	 * locks from housekeeping's range deletes blocking sign-ins. */
	mysql_options(db->my, MYSQL_INIT_COMMAND,
	    "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
	if (mysql_real_connect(db->my, db->host, db->user, db->password,
	    db->name, db->port, db->host ? NULL : db->socket,
	    (db->scripts ? CLIENT_MULTI_STATEMENTS : 0) | CLIENT_FOUND_ROWS) ==
	    NULL) {
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
 * 'n' unsigned long long with 0 meaning NULL, 's' string or NULL,
 * 'd' double) in b and p. */
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
	case 'n':
		p->i = (long long)va_arg(*ap, unsigned long long);
		p->null = p->i == 0;
		b->buffer_type = MYSQL_TYPE_LONGLONG;
		b->buffer = &p->i;
		b->is_unsigned = 1;
		b->is_null = &p->null;
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

/* A statement's arguments: described by types, taken from a va_list or
 * (text set) from strings, one per type letter. */
struct db_args {
	const char		*types;
	va_list			*ap;
	const char *const	*text;
};

/* Describes argument text of type ('i', 'u', 'n' parsed as a decimal
 * number, 's' as it is) in b and p. */
static void
db_param_text(MYSQL_BIND *b, struct db_param *p, char type, const char *text)
{
	switch (type) {
	case 'i':
	case 'u':
	case 'n':
		p->i = strtoll(text, NULL, 10);
		p->null = type == 'n' && p->i == 0;
		b->buffer_type = MYSQL_TYPE_LONGLONG;
		b->buffer = &p->i;
		b->is_null = &p->null;
		break;
	case 's':
		p->len = strlen(text);
		b->buffer_type = MYSQL_TYPE_STRING;
		b->buffer = (void *)(uintptr_t)text;
		b->buffer_length = p->len;
		b->length = &p->len;
		break;
	default:
		abort();	/* a programming error */
	}
}

/* Binds the arguments and executes statement s once.  The parameter
 * buffers must live until execution, hence one function.  Returns the
 * MariaDB error number, 0 on success. */
static unsigned
db_run_once(struct db *db, enum stmt s, const struct db_args *args,
    MYSQL_STMT **out)
{
	MYSQL_BIND	 b[DB_PARAMS_MAX];
	struct db_param	 p[DB_PARAMS_MAX];
	MYSQL_STMT	*st;
	size_t		 i, n = strlen(args->types);
	va_list		 aq;

	*out = NULL;
	if (db->in_tx && db->my == NULL)
		return CR_SERVER_LOST;	/* the transaction went with the link */
	if (!db_connect(db))
		return CR_CONNECTION_ERROR;
	if ((st = db_stmt(db, s)) == NULL)
		return mysql_errno(db->my) ? mysql_errno(db->my) :
		    CR_SERVER_GONE_ERROR;
	if (n > DB_PARAMS_MAX || n != mysql_stmt_param_count(st))
		abort();	/* a programming error, not an input error */
	memset(b, 0, sizeof(b));
	memset(p, 0, sizeof(p));
	if (args->text != NULL)
		for (i = 0; i < n; i++)
			db_param_text(&b[i], &p[i], args->types[i], args->text[i]);
	else {
		va_copy(aq, *args->ap);
		for (i = 0; i < n; i++)
			db_param(&b[i], &p[i], args->types[i], &aq);
		va_end(aq);
	}
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

/* Notes the outcome err of a statement: after a lost link, the
 * connection is dropped (the next statement reconnects), and the server
 * counts as down until a statement succeeds.  Returns err. */
static unsigned
db_outcome(struct db *db, unsigned err)
{
	if (err != 0 && db_link_lost(err))
		db_disconnect(db);
	db->down = err != 0 && db_link_lost(err);
	return err;
}

/* Executes s; after a lost link, reconnects and, for a read outside a
 * transaction (or any statement when the link was gone before sending),
 * tries once more.  Inside a transaction whose link was lost, every
 * statement fails until db_rollback: the server rolled it back. */
static enum db_err
db_run(struct db *db, enum stmt s, const struct db_args *args,
    MYSQL_STMT **out)
{
	unsigned	 err;

	err = db_run_once(db, s, args, out);
	if (err != 0 && db_link_lost(err) && !db->in_tx) {
		db_disconnect(db);
		if (stmt_defs[s].retry || err == CR_SERVER_GONE_ERROR ||
		    err == CR_CONNECTION_ERROR)
			err = db_run_once(db, s, args, out);
	}
	err = db_outcome(db, err);
	if (err == ER_DUP_ENTRY)
		return DB_DUP;
	return err == 0 ? DB_OK : DB_ERR;
}

/* Result buffers of one fetch: integers and times in place, text in a
 * first-guess buffer (longer cells are fetched again at their size). */
struct db_cells {
	MYSQL_BIND	 b[DB_COLS_MAX];
	unsigned long	 len[DB_COLS_MAX];
	my_bool		 nul[DB_COLS_MAX], trunc[DB_COLS_MAX];
	long long	 num[DB_COLS_MAX];
	MYSQL_TIME	 tm[DB_COLS_MAX];
};

static void
db_cells_bind(struct db_cells *c, struct arena *a, const struct stmt_def *d)
{
	size_t	 i;

	memset(c, 0, sizeof(*c));	/* libmariadb reads some of it */
	for (i = 0; i < d->ncols; i++) {
		MYSQL_BIND *b = &c->b[i];
		b->length = &c->len[i];
		b->is_null = &c->nul[i];
		b->error = &c->trunc[i];
		switch (d->cols[i].type) {
		case DB_TYPE_U64:
		case DB_TYPE_I64:
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &c->num[i];
			b->is_unsigned = d->cols[i].type == DB_TYPE_U64;
			break;
		case DB_TYPE_TIME:
			b->buffer_type = MYSQL_TYPE_DATETIME;
			b->buffer = &c->tm[i];
			break;
		default:
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = arena_alloc(a, DB_CELL);
			b->buffer_length = DB_CELL;
			break;
		}
	}
}

/* Seconds since the epoch of a UTC date and time. */
static int64_t
db_time(const MYSQL_TIME *t)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)t->year - 1900;
	tm.tm_mon = (int)t->month - 1;
	tm.tm_mday = (int)t->day;
	tm.tm_hour = (int)t->hour;
	tm.tm_min = (int)t->minute;
	tm.tm_sec = (int)t->second;
	return (int64_t)timegm(&tm);
}

/* Copies the fetched cells into row (8 bytes a column).  Returns 1/0. */
static int
db_cells_copy(struct db_cells *c, MYSQL_STMT *st, struct arena *a,
    const struct stmt_def *d, unsigned char *row)
{
	size_t	 i;

	for (i = 0; i < d->ncols; i++) {
		unsigned char *f = row + 8 * i;
		int64_t v = 0;
		char *text = NULL;
		if (!c->nul[i] && d->cols[i].type == DB_TYPE_TIME)
			v = db_time(&c->tm[i]);
		else if (!c->nul[i] && d->cols[i].type != DB_TYPE_TEXT)
			v = c->num[i];
		if (d->cols[i].type != DB_TYPE_TEXT) {
			memcpy(f, &v, 8);
			continue;
		}
		if (!c->nul[i]) {
			text = arena_alloc(a, c->len[i] + 1);
			if (c->len[i] <= DB_CELL)
				memcpy(text, c->b[i].buffer, c->len[i]);
			else {
				MYSQL_BIND big;
				memset(&big, 0, sizeof(big));
				big.buffer_type = MYSQL_TYPE_STRING;
				big.buffer = text;
				big.buffer_length = c->len[i];
				if (mysql_stmt_fetch_column(st, &big,
				    (unsigned)i, 0))
					return 0;
			}
			text[c->len[i]] = '\0';
		}
		memcpy(f, &text, sizeof(text));
	}
	return 1;
}

/* Fetches every row of executed statement s into *rows (arena memory). */
static enum db_err
db_fetch_all(MYSQL_STMT *st, struct arena *a, enum stmt s, void **rows,
    size_t *n)
{
	const struct stmt_def	*d = &stmt_defs[s];
	struct db_cells		 c;
	size_t			 cap = 0, rowsz = 8 * d->ncols;
	unsigned char		*v = NULL;
	enum db_err		 ret = DB_OK;
	int			 rc;

	*rows = NULL;
	*n = 0;
	if (d->ncols > DB_COLS_MAX || mysql_stmt_field_count(st) != d->ncols)
		abort();	/* the table disagrees with the SQL */
	db_cells_bind(&c, a, d);
	if (mysql_stmt_bind_result(st, c.b) != 0)
		ret = DB_ERR;
	while (ret == DB_OK) {
		rc = mysql_stmt_fetch(st);
		if (rc == MYSQL_NO_DATA)
			break;
		if (*n == cap) {
			unsigned char *nv;
			cap = cap ? cap * 2 : 16;
			nv = arena_alloc(a, cap * rowsz);
			if (*n > 0)
				memcpy(nv, v, *n * rowsz);
			v = nv;
		}
		if ((rc != 0 && rc != MYSQL_DATA_TRUNCATED) ||
		    !db_cells_copy(&c, st, a, d, v + *n * rowsz)) {
			db_fail("fetch", mysql_stmt_errno(st),
			    mysql_stmt_error(st));
			ret = DB_ERR;
		} else
			(*n)++;
	}
	mysql_stmt_free_result(st);
	*rows = v;
	return ret;
}

/* Runs query s with the arguments of ap; every row into *rows. */
static enum db_err
db_query(struct db *db, struct arena *a, enum stmt s, void **rows,
    size_t *n, const char *types, va_list *ap)
{
	struct db_args	 args = { types, ap, NULL };
	MYSQL_STMT	*st;
	enum db_err	 ret;

	*rows = NULL;
	*n = 0;
	if (stmt_defs[s].cols == NULL)
		abort();	/* not a query: a programming error */
	if ((ret = db_run(db, s, &args, &st)) == DB_OK)
		ret = db_fetch_all(st, a, s, rows, n);
	return ret;
}

/* Runs query s; every row into *rowsp (an array of struct row_<s>, arena
 * memory), their number into *n.  Use through db_all(). */
enum db_err
db_all_(struct db *db, struct arena *a, enum stmt s, void *rowsp, size_t *n,
    const char *types, ...)
{
	va_list		 ap;
	enum db_err	 ret;

	va_start(ap, types);
	ret = db_query(db, a, s, rowsp, n, types, &ap);
	va_end(ap);
	return ret;
}

/* Runs query s; its first row into *row (struct row_<s>), zeroed when
 * there is none (DB_NOTFOUND).  Use through db_one(). */
enum db_err
db_one_(struct db *db, struct arena *a, enum stmt s, void *row,
    const char *types, ...)
{
	va_list		 ap;
	enum db_err	 ret;
	void		*rows;
	size_t		 n;

	memset(row, 0, 8 * stmt_defs[s].ncols);
	va_start(ap, types);
	ret = db_query(db, a, s, &rows, &n, types, &ap);
	va_end(ap);
	if (ret == DB_OK && n == 0)
		ret = DB_NOTFOUND;
	if (ret == DB_OK)
		memcpy(row, rows, 8 * stmt_defs[s].ncols);
	return ret;
}

static enum db_err
db_exec_done(MYSQL_STMT *st, enum db_err ret, uint64_t *affected,
    uint64_t *insert_id)
{
	if (ret != DB_OK)
		return ret;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(st);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(st);
	return DB_OK;
}

/* Runs statement s that returns no rows.  Returns DB_OK, DB_DUP or DB_ERR;
 * affected and insert_id may be NULL. */
enum db_err
db_exec(struct db *db, enum stmt s, uint64_t *affected, uint64_t *insert_id,
    const char *types, ...)
{
	MYSQL_STMT	*st;
	struct db_args	 args = { types, NULL, NULL };
	va_list		 ap;
	enum db_err	 ret;

	va_start(ap, types);
	args.ap = &ap;
	ret = db_run(db, s, &args, &st);
	va_end(ap);
	return db_exec_done(st, ret, affected, insert_id);
}

/* db_exec with every argument given as text (text[i] for types[i]; 'i',
 * 'u' and 'n' parsed as decimal numbers): for loaders of text files. */
enum db_err
db_exec_text(struct db *db, enum stmt s, uint64_t *affected,
    const char *types, const char *const *text)
{
	MYSQL_STMT	*st;
	struct db_args	 args = { types, NULL, text };

	return db_exec_done(st, db_run(db, s, &args, &st), affected, NULL);
}

/* Runs sql (no parameters, no rows) once.  Returns the MariaDB error
 * number, 0 on success. */
static unsigned
db_simple_once(struct db *db, const char *sql)
{
	unsigned	 err;

	if (!db_connect(db))
		return CR_CONNECTION_ERROR;
	if (mysql_query(db->my, sql) == 0)
		return 0;
	err = mysql_errno(db->my);
	db_fail(sql, err, mysql_error(db->my));
	return err ? err : CR_SERVER_LOST;
}

/* Runs sql; after a lost link, reconnects and, when retry is set (what
 * cannot have changed anything), tries once more. */
static enum db_err
db_simple(struct db *db, const char *sql, int retry)
{
	unsigned	 err = db_simple_once(db, sql);

	if (err != 0 && db_link_lost(err) && retry) {
		db_disconnect(db);
		err = db_simple_once(db, sql);
	}
	return db_outcome(db, err) == 0 ? DB_OK : DB_ERR;
}

/* Begins a transaction: after a restart of the server, on a new link (a
 * transaction that never began is safe to begin again). */
enum db_err
db_begin(struct db *db)
{
	enum db_err	 ret;

	db->in_tx = 0;
	ret = db_simple(db, "START TRANSACTION", 1);
	db->in_tx = ret == DB_OK;
	return ret;
}

/* Commits; DB_ERR when the link was lost in the transaction (rolled back
 * by the server) or at the commit (never retried). */
enum db_err
db_commit(struct db *db)
{
	int	 lost = db->my == NULL;

	db->in_tx = 0;
	if (lost) {
		db->down = 1;
		return DB_ERR;
	}
	return db_simple(db, "COMMIT", 0);
}

/* Rolls back; nothing to do when the link, and the transaction with it,
 * is gone. */
enum db_err
db_rollback(struct db *db)
{
	db->in_tx = 0;
	if (db->my == NULL)
		return DB_OK;
	return db_simple(db, "ROLLBACK", 0);
}

/* Is the server away (the last statement could not reach it)?  A page
 * then answers 503: a temporary condition, not an error of the page. */
int
db_down(const struct db *db)
{
	return db->down;
}

/* Returns 1 when the server answers a query, reconnecting if need be;
 * the answer is kept in a. */
int
db_ping(struct db *db, struct arena *a)
{
	struct row_PING	 r;

	return db_one(db, a, PING, &r, "") == DB_OK && r.one == 1;
}

/* Runs a trusted SQL script (a migration file) of several statements.
 * For portalctl only; never for anything a request carries. */
enum db_err
db_script(struct db *db, const char *sql)
{
	enum db_err	 ret;
	int		 status;

	if ((ret = db_simple(db, sql, 0)) != DB_OK)
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

/* Does a column of MariaDB type t hold values of declared type want? */
static int
db_type_fits(enum enum_field_types t, enum db_type want)
{
	switch (t) {
	case MYSQL_TYPE_TINY:
	case MYSQL_TYPE_SHORT:
	case MYSQL_TYPE_INT24:
	case MYSQL_TYPE_LONG:
	case MYSQL_TYPE_LONGLONG:
		return want == DB_TYPE_U64 || want == DB_TYPE_I64;
	case MYSQL_TYPE_DATETIME:
	case MYSQL_TYPE_TIMESTAMP:
	case MYSQL_TYPE_DATE:
		return want == DB_TYPE_TIME;
	case MYSQL_TYPE_STRING:
	case MYSQL_TYPE_VAR_STRING:
	case MYSQL_TYPE_VARCHAR:
	case MYSQL_TYPE_BLOB:
	case MYSQL_TYPE_TINY_BLOB:
	case MYSQL_TYPE_MEDIUM_BLOB:
	case MYSQL_TYPE_LONG_BLOB:
	case MYSQL_TYPE_ENUM:
		return want == DB_TYPE_TEXT;
	default:
		return 0;
	}
}

/* Checks statement s against the schema: it prepares, and its result
 * columns are the declared ones, by name and type.  Returns 1/0 (logged). */
static int
db_check_one(struct db *db, enum stmt s)
{
	const struct stmt_def	*d = &stmt_defs[s];
	MYSQL_STMT		*st = db_stmt(db, s);
	MYSQL_RES		*meta;
	MYSQL_FIELD		*f;
	size_t			 i, n;
	int			 ok = 1;

	if (st == NULL)
		return 0;
	n = mysql_stmt_field_count(st);
	if (n != d->ncols) {
		LOGE("%s: %zu columns, %zu declared", d->name, n, d->ncols);
		return 0;
	}
	if (n == 0 || (meta = mysql_stmt_result_metadata(st)) == NULL)
		return n == 0;
	f = mysql_fetch_fields(meta);
	for (i = 0; i < n; i++)
		if (strcmp(f[i].name, d->cols[i].name) != 0 ||
		    !db_type_fits(f[i].type, d->cols[i].type)) {
			LOGE("%s: column %zu is %s (type %d), declared %s",
			    d->name, i + 1, f[i].name, (int)f[i].type,
			    d->cols[i].name);
			ok = 0;
		}
	mysql_free_result(meta);
	return ok;
}

/* Prepares every statement against the live schema and compares its
 * result columns with the declared ones.  Returns how many disagree
 * (each logged); -1 when the database cannot be reached. */
int
db_check(struct db *db, struct arena *a)
{
	size_t	 s;
	int	 bad = 0;

	if (!db_ping(db, a))
		return -1;
	for (s = 0; s < STMT__MAX; s++)
		bad += !db_check_one(db, (enum stmt)s);
	return bad;
}

/* A LIKE pattern matching q anywhere, with q's own wildcards escaped. */
char *
db_like(struct arena *a, const char *q)
{
	char	*p = arena_alloc(a, strlen(q) * 2 + 3), *w = p;

	*w++ = '%';
	for (; *q != '\0'; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*w++ = '\\';
		*w++ = *q;
	}
	*w++ = '%';
	*w = '\0';
	return p;
}
