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
int		 db_ping(struct db *);
enum db_err	 db_query(struct db *, struct arena *, enum stmt,
		    struct db_rows *, const char *types, ...);
enum db_err	 db_exec(struct db *, enum stmt, uint64_t *affected,
		    uint64_t *insert_id, const char *types, ...);
enum db_err	 db_begin(struct db *);
enum db_err	 db_commit(struct db *);
enum db_err	 db_rollback(struct db *);
void		 db_set_error_hook(void (*)(void));
enum db_err	 db_script(struct db *, const char *);

#endif
