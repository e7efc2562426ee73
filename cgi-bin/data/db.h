/* The data layer: one MariaDB connection per thread, every statement of
 * the program prepared once per connection from one table, reconnection
 * after the server went away. */
#ifndef DB_H
#define DB_H
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

enum stmt {
	STMT_PING,
	STMT_UNITS_CURRENT,
	STMT_UNIT_BY_SLUG,
	STMT_UNIT_BY_HOST,
	STMT_NEWS_LATEST,
	STMT_NEWS_BY_UNIT,
	STMT_NEWS_GET,
	STMT_MIGRATIONS_APPLIED,
	STMT_MIGRATION_RECORD,
	STMT_LOCK,
	STMT_UNLOCK,
	STMT_SEED_UNIT,
	STMT_SEED_ARTICLE,
	/* sessions */
	STMT_SESS_GET,
	STMT_SESS_TOUCH,
	STMT_SESS_INSERT,
	STMT_SESS_DELETE,
	STMT_SESS_DELETE_OTHERS,
	STMT_SESS_DELETE_USER,
	STMT_SESS_LIST,
	STMT_SESS_EXPIRE,
	STMT_FAIL_EXPIRE,
	STMT_RESET_EXPIRE,
	STMT_USER_ROLES,
	/* accounts */
	STMT_USER_INSERT,
	STMT_USER_BY_PHONE,
	STMT_USER_BY_EMAIL,
	STMT_USER_GET,
	STMT_USER_PW,
	STMT_USER_TAKEN,
	STMT_USER_SET_PASSWORD,
	STMT_USER_SET_PROFILE,
	STMT_USER_SET_STATUS,
	STMT_USER_LOGIN_OK,
	STMT_USER_LOGIN_FAILED,
	STMT_USER_SEARCH,
	STMT_USER_COUNT,
	STMT_ROLE_GRANT,
	STMT_ROLE_REVOKE,
	STMT_ROLE_LIST,
	STMT_FAIL_INSERT,
	STMT_FAIL_COUNT_ADDR,
	STMT_FAIL_COUNT_USER,
	STMT_RESET_INSERT,
	STMT_RESET_COUNT,
	STMT_RESET_GET,
	STMT_RESET_USE,
	STMT_RESET_VOID,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_LIST,
	STMT_AUDIT_COUNT_ADDR,
	STMT_UNITS_ALL,
	STMT_UNIT_GET,
	/* editor */
	STMT_ED_LIST,
	STMT_ED_UNITS,
	STMT_ED_GET,
	STMT_ED_INSERT,
	STMT_ED_UPDATE,
	STMT_OUTBOX_INSERT,
	STMT_OUTBOX_DUE,
	STMT_OUTBOX_CLAIM,
	STMT_OUTBOX_SENT,
	STMT_OUTBOX_RETRY,
	STMT__MAX
};

enum db_err {
	DB_OK,
	DB_NOTFOUND,	/* a single-row query found none */
	DB_DUP,		/* unique key violation */
	DB_ERR,		/* anything else; logged, counted */
	DB_ERR__MAX
};

/* Rows as strings, all in the caller's arena; v[r][c] is NULL for SQL NULL. */
struct db_rows {
	size_t		  nrows;
	size_t		  ncols;
	char		***v;
	size_t		**len;
};

struct db_opts {
	const char	*socket;
	const char	*host;
	unsigned	 port;
	const char	*user;
	const char	*password;
	const char	*name;
};

void		 db_opts_load(struct db_opts *);
struct db	*db_new(const struct db_opts *);
void		 db_free(struct db *);
int		 db_ping(struct db *, struct arena *);
enum db_err	 db_query(struct db *, struct arena *, enum stmt,
		    struct db_rows *, const char *types, ...);
enum db_err	 db_exec(struct db *, enum stmt, uint64_t *affected,
		    uint64_t *insert_id, const char *types, ...);
enum db_err	 db_begin(struct db *);
enum db_err	 db_commit(struct db *);
enum db_err	 db_rollback(struct db *);
void		 db_set_error_hook(void (*)(void));
const char	*db_stmt_sql(enum stmt);
enum db_err	 db_script(struct db *, const char *);

#endif
