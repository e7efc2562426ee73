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
#define VN_TIME(c) \
	"DATE_FORMAT(CONVERT_TZ(" c ", '+00:00', '+07:00'), '%d/%m/%Y %H:%i')"
#define USER_LOGIN_COLS \
	"id, pw_hash, status, locked_until > UTC_TIMESTAMP(), " \
	"DATE_FORMAT(CONVERT_TZ(locked_until, '+00:00', '+07:00'), '%H:%i'), " \
	"phone, email, full_name"
#define ED_UNITS \
	"SELECT r.unit_id FROM user_roles r WHERE r.user_id = ? AND " \
	"r.role = 'editor'"

struct stmt_def {
	const char	*sql;
	int		 readonly;	/* safe to retry after a lost link */
};

static const struct stmt_def stmt_defs[STMT__MAX] = {
	[STMT_PING] = {
	  "SELECT 1", 1 },
	[STMT_UNITS_CURRENT] = {
	  "SELECT " UNIT_COLS " FROM units u WHERE u.valid_to IS NULL "
	  "ORDER BY u.kind, u.name COLLATE utf8mb4_vietnamese_ci", 1 },
	[STMT_UNIT_BY_SLUG] = {
	  "SELECT " UNIT_COLS " FROM units u WHERE u.slug = ?", 1 },
	[STMT_UNIT_BY_HOST] = {
	  "SELECT " UNIT_COLS " FROM units u JOIN unit_hosts h "
	  "ON h.unit_id = u.id WHERE h.host = ?", 1 },
	[STMT_NEWS_LATEST] = {
	  "SELECT " NEWS_COLS " FROM articles a JOIN units u "
	  "ON u.id = a.unit_id WHERE " NEWS_VISIBLE
	  " ORDER BY a.published_at DESC, a.id DESC LIMIT ?", 1 },
	[STMT_NEWS_BY_UNIT] = {
	  "SELECT " NEWS_COLS " FROM articles a JOIN units u "
	  "ON u.id = a.unit_id WHERE a.unit_id = ? AND " NEWS_VISIBLE
	  " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?", 1 },
	[STMT_NEWS_GET] = {
	  "SELECT " NEWS_COLS ", a.body FROM articles a JOIN units u "
	  "ON u.id = a.unit_id WHERE a.id = ? AND a.unit_id = ? AND "
	  NEWS_VISIBLE, 1 },
	[STMT_MIGRATIONS_APPLIED] = {
	  "SELECT version FROM schema_migrations ORDER BY version", 1 },
	[STMT_MIGRATION_RECORD] = {
	  "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", 0 },
	[STMT_LOCK] = {
	  "SELECT GET_LOCK(?, ?)", 0 },
	[STMT_UNLOCK] = {
	  "SELECT RELEASE_LOCK(?)", 0 },
	[STMT_SEED_UNIT] = {
	  "INSERT INTO units (code, kind, name, slug, valid_from) "
	  "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	  "code = VALUES(code), kind = VALUES(kind), name = VALUES(name)", 0 },
	[STMT_SEED_ARTICLE] = {
	  "INSERT IGNORE INTO articles (unit_id, kind, status, slug, title, "
	  "summary, body, published_at) SELECT id, 'news', 'published', ?, ?, "
	  "?, ?, UTC_TIMESTAMP() - INTERVAL ? HOUR FROM units WHERE slug = ?",
	  0 },
	/*
	 * Sessions.  The cookie's token never reaches the database, only its
	 * SHA-256; idle and absolute limits are arguments, in seconds.
	 */
	[STMT_SESS_GET] = {
	  "SELECT s.user_id, s.csrf, u.full_name, u.phone, u.email, "
	  "s.last_seen < UTC_TIMESTAMP() - INTERVAL 60 SECOND "
	  "FROM sessions s LEFT JOIN users u ON u.id = s.user_id "
	  "WHERE s.id_hash = ? AND s.last_seen > UTC_TIMESTAMP() - INTERVAL ? "
	  "SECOND AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
	  "AND (s.user_id IS NULL OR u.status = 'active')", 1 },
	[STMT_SESS_TOUCH] = {
	  "UPDATE sessions SET last_seen = UTC_TIMESTAMP() WHERE id_hash = ?",
	  0 },
	[STMT_SESS_INSERT] = {
	  "INSERT INTO sessions (id_hash, user_id, csrf, addr, user_agent) "
	  "VALUES (?, ?, ?, ?, LEFT(?, 200))", 0 },
	[STMT_SESS_DELETE] = {
	  "DELETE FROM sessions WHERE id_hash = ?", 0 },
	[STMT_SESS_DELETE_OTHERS] = {
	  "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?", 0 },
	[STMT_SESS_DELETE_USER] = {
	  "DELETE FROM sessions WHERE user_id = ?", 0 },
	[STMT_SESS_LIST] = {
	  "SELECT id_hash, " VN_TIME("created_at") ", " VN_TIME("last_seen")
	  ", addr, user_agent FROM sessions WHERE user_id = ? AND "
	  "last_seen > UTC_TIMESTAMP() - INTERVAL ? SECOND AND "
	  "created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
	  "ORDER BY last_seen DESC LIMIT 50", 1 },
	[STMT_SESS_EXPIRE] = {
	  "DELETE FROM sessions WHERE last_seen < UTC_TIMESTAMP() - INTERVAL ? "
	  "SECOND OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND "
	  "LIMIT 1000", 0 },
	/* Housekeeping: what no limit looks at any more. */
	[STMT_FAIL_EXPIRE] = {
	  "DELETE FROM login_failures WHERE at < UTC_TIMESTAMP() - "
	  "INTERVAL 1 DAY LIMIT 1000", 0 },
	[STMT_RESET_EXPIRE] = {
	  "DELETE FROM password_resets WHERE expires_at < UTC_TIMESTAMP() - "
	  "INTERVAL 1 DAY LIMIT 1000", 0 },
	[STMT_USER_ROLES] = {
	  "SELECT role, COALESCE(unit_id, 0) FROM user_roles WHERE user_id = ?",
	  1 },
	/* Accounts. */
	[STMT_USER_INSERT] = {
	  "INSERT INTO users (full_name, phone, email, id_sealed, id_index, "
	  "id_last4, pw_hash) VALUES (?, ?, ?, ?, ?, ?, ?)", 0 },
	[STMT_USER_BY_PHONE] = {
	  "SELECT " USER_LOGIN_COLS " FROM users WHERE phone = ?", 1 },
	[STMT_USER_BY_EMAIL] = {
	  "SELECT " USER_LOGIN_COLS " FROM users WHERE email = ?", 1 },
	[STMT_USER_GET] = {
	  "SELECT id, full_name, phone, email, id_last4, status, "
	  VN_TIME("created_at") " FROM users WHERE id = ?", 1 },
	[STMT_USER_PW] = {
	  "SELECT pw_hash FROM users WHERE id = ?", 1 },
	[STMT_USER_TAKEN] = {
	  "SELECT SUM(phone = ?), SUM(email = ?), SUM(id_index = ?) FROM users "
	  "WHERE (phone = ? OR email = ? OR id_index = ?) AND id <> ?", 1 },
	[STMT_USER_SET_PASSWORD] = {
	  "UPDATE users SET pw_hash = ?, failed_logins = 0, locked_until = NULL "
	  "WHERE id = ?", 0 },
	[STMT_USER_SET_PROFILE] = {
	  "UPDATE users SET full_name = ?, email = ? WHERE id = ?", 0 },
	[STMT_USER_SET_STATUS] = {
	  "UPDATE users SET status = ? WHERE id = ?", 0 },
	[STMT_USER_LOGIN_OK] = {
	  "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?",
	  0 },
	/* The tenth consecutive failure locks for lock seconds and restarts
	 * the count. */
	[STMT_USER_LOGIN_FAILED] = {
	  "UPDATE users SET locked_until = IF(failed_logins + 1 >= ?, "
	  "UTC_TIMESTAMP() + INTERVAL ? SECOND, locked_until), "
	  "failed_logins = IF(failed_logins + 1 >= ?, 0, failed_logins + 1) "
	  "WHERE id = ?", 0 },
	[STMT_USER_SEARCH] = {
	  "SELECT u.id, u.full_name, u.phone, u.email, u.status, "
	  "(SELECT GROUP_CONCAT(r.role ORDER BY r.role SEPARATOR ',') "
	  "FROM user_roles r WHERE r.user_id = u.id) FROM users u "
	  "WHERE ? = '' OR u.full_name LIKE ? OR u.phone LIKE ? OR "
	  "u.email LIKE ? ORDER BY u.id DESC LIMIT ? OFFSET ?", 1 },
	[STMT_USER_COUNT] = {
	  "SELECT COUNT(*) FROM users u WHERE ? = '' OR u.full_name LIKE ? "
	  "OR u.phone LIKE ? OR u.email LIKE ?", 1 },
	[STMT_ROLE_GRANT] = {
	  "INSERT IGNORE INTO user_roles (user_id, role, unit_id, granted_by) "
	  "VALUES (?, ?, NULLIF(?, 0), ?)", 0 },
	[STMT_ROLE_REVOKE] = {
	  "DELETE FROM user_roles WHERE user_id = ? AND role = ? AND "
	  "unit_key = ?", 0 },
	[STMT_ROLE_LIST] = {
	  "SELECT r.role, COALESCE(r.unit_id, 0), u.kind, u.name FROM "
	  "user_roles r LEFT JOIN units u ON u.id = r.unit_id WHERE "
	  "r.user_id = ? ORDER BY r.role, u.name", 1 },
	[STMT_FAIL_INSERT] = {
	  "INSERT INTO login_failures (user_id, addr) VALUES (?, ?)", 0 },
	[STMT_FAIL_COUNT_ADDR] = {
	  "SELECT COUNT(*) FROM login_failures WHERE addr = ? AND "
	  "at > UTC_TIMESTAMP() - INTERVAL ? SECOND", 1 },
	[STMT_FAIL_COUNT_USER] = {
	  "SELECT COUNT(*) FROM login_failures WHERE user_id = ? AND "
	  "at > UTC_TIMESTAMP() - INTERVAL 1 HOUR", 1 },
	[STMT_RESET_INSERT] = {
	  "INSERT INTO password_resets (token_hash, user_id, expires_at) "
	  "VALUES (?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)", 0 },
	[STMT_RESET_COUNT] = {
	  "SELECT COUNT(*) FROM password_resets WHERE user_id = ? AND "
	  "created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR", 1 },
	[STMT_RESET_GET] = {
	  "SELECT r.user_id, u.phone, u.email FROM password_resets r JOIN "
	  "users u ON u.id = r.user_id WHERE r.token_hash = ? AND "
	  "r.used_at IS NULL AND r.expires_at > UTC_TIMESTAMP() AND "
	  "u.status = 'active'", 1 },
	[STMT_RESET_USE] = {
	  "UPDATE password_resets SET used_at = UTC_TIMESTAMP() WHERE "
	  "token_hash = ? AND used_at IS NULL AND expires_at > UTC_TIMESTAMP()",
	  0 },
	[STMT_RESET_VOID] = {
	  "UPDATE password_resets SET used_at = UTC_TIMESTAMP() WHERE "
	  "user_id = ? AND used_at IS NULL", 0 },
	[STMT_AUDIT_INSERT] = {
	  "INSERT INTO audit_log (actor_id, action, object_type, object_id, "
	  "detail, addr) VALUES (?, ?, ?, ?, LEFT(?, 500), ?)", 0 },
	[STMT_AUDIT_LIST] = {
	  "SELECT " VN_TIME("a.at") ", COALESCE(u.full_name, ''), a.action, "
	  "a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
	  "WHERE a.object_type = ? AND a.object_id = ? ORDER BY a.id DESC "
	  "LIMIT 20", 1 },
	[STMT_AUDIT_COUNT_ADDR] = {
	  "SELECT COUNT(*) FROM audit_log WHERE addr = ? AND action = ? AND "
	  "at > UTC_TIMESTAMP(3) - INTERVAL 1 HOUR", 1 },
	[STMT_UNITS_ALL] = {
	  "SELECT " UNIT_COLS " FROM units u ORDER BY u.kind, "
	  "u.name COLLATE utf8mb4_vietnamese_ci", 1 },
	[STMT_UNIT_GET] = {
	  "SELECT " UNIT_COLS " FROM units u WHERE u.id = ?", 1 },
	/*
	 * The editor's desk.  Every statement names the editor: only the
	 * units where the user holds the editor role are visible.
	 */
	[STMT_ED_LIST] = {
	  "SELECT a.id, a.title, u.kind, u.name, a.status, " VN_TIME("a.updated_at")
	  " FROM articles a JOIN units u ON u.id = a.unit_id WHERE a.unit_id "
	  "IN (" ED_UNITS ") ORDER BY a.updated_at DESC, a.id DESC LIMIT 100",
	  1 },
	[STMT_ED_UNITS] = {
	  "SELECT " UNIT_COLS " FROM units u WHERE u.id IN (" ED_UNITS ") "
	  "ORDER BY u.kind, u.name COLLATE utf8mb4_vietnamese_ci", 1 },
	[STMT_ED_GET] = {
	  "SELECT a.id, a.slug, a.title, a.summary, a.body, a.status, u.slug, "
	  "u.kind, u.name FROM articles a JOIN units u ON u.id = a.unit_id "
	  "WHERE a.id = ? AND a.unit_id IN (" ED_UNITS ")", 1 },
	[STMT_ED_INSERT] = {
	  "INSERT INTO articles (unit_id, status, slug, title, summary, body, "
	  "published_at) SELECT u.id, ?, ?, ?, ?, ?, IF(? = 'published', "
	  "UTC_TIMESTAMP(), NULL) FROM units u WHERE u.id = ? AND u.id IN ("
	  ED_UNITS ")", 0 },
	[STMT_ED_UPDATE] = {
	  "UPDATE articles SET title = ?, summary = ?, body = ?, "
	  "status = IF(? = 'published', 'published', status), "
	  "published_at = IF(? = 'published', COALESCE(published_at, "
	  "UTC_TIMESTAMP()), published_at) WHERE id = ? AND unit_id IN ("
	  ED_UNITS ")", 0 },
	[STMT_OUTBOX_INSERT] = {
	  "INSERT INTO outbox (kind, recipient, subject, body, "
	  "next_attempt_at) VALUES ('email', ?, ?, ?, UTC_TIMESTAMP())", 0 },
	[STMT_OUTBOX_DUE] = {
	  "SELECT id, recipient, subject, body, attempts FROM outbox "
	  "WHERE status IN ('pending', 'sending') AND kind = 'email' "
	  "AND next_attempt_at <= UTC_TIMESTAMP() AND (claimed_until IS NULL "
	  "OR claimed_until < UTC_TIMESTAMP()) ORDER BY id LIMIT ? "
	  "FOR UPDATE SKIP LOCKED", 0 },
	[STMT_OUTBOX_CLAIM] = {
	  "UPDATE outbox SET status = 'sending', "
	  "claimed_until = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ?",
	  0 },
	[STMT_OUTBOX_SENT] = {
	  "UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(), "
	  "claimed_until = NULL WHERE id = ? AND status = 'sending'", 0 },
	[STMT_OUTBOX_RETRY] = {
	  "UPDATE outbox SET status = ?, attempts = ?, last_error = ?, "
	  "next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND, "
	  "claimed_until = NULL WHERE id = ? AND status = 'sending'", 0 },
};

struct db {
	MYSQL		*my;
	MYSQL_STMT	*st[STMT__MAX];
	int		 in_tx;
	unsigned	 port;
	char		*socket, *host, *user, *password, *name;
};

static void	(*error_hook)(void);

/* The SQL of s, or NULL when the table lacks it (a unit test checks). */
const char *
db_stmt_sql(enum stmt s)
{
	return s < STMT__MAX ? stmt_defs[s].sql : NULL;
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
	    CLIENT_MULTI_STATEMENTS | CLIENT_FOUND_ROWS) == NULL) {
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

/* Returns 1 when the server answers a query, reconnecting if need be;
 * the answer is kept in a. */
int
db_ping(struct db *db, struct arena *a)
{
	struct db_rows	 r;

	return db_query(db, a, STMT_PING, &r, "") == DB_OK && r.nrows == 1;
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
