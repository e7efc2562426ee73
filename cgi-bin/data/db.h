/* The data layer: one MariaDB connection per thread, every statement of
 * the program prepared once per connection from one table (data/stmts.h),
 * each query with its typed result columns, and reconnection after the
 * server went away. */
#ifndef DB_H
#define DB_H
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* The statements: STMT_<ID>. */
#define Q(id, sql, cols)	STMT_##id,
#define QL(id, sql, cols)	STMT_##id,
#define X(id, sql)		STMT_##id,
#define C(type, name)
enum stmt {
#include "data/stmts.h"
	STMT__MAX
};
#undef Q
#undef QL
#undef X
#undef C

/* A query's rows are arrays of struct row_<ID>, one field a column, in
 * the order of the SELECT: U64/I64 as integers (SQL NULL: 0), TEXT as a
 * NUL-terminated string in the arena (SQL NULL: NULL), TIME as seconds
 * since the epoch (UTC; SQL NULL: 0).  Every field is 8 bytes wide. */
#define DB_U64	uint64_t
#define DB_I64	int64_t
#define DB_TEXT	const char *
#define DB_TIME	int64_t
#define C(type, name)		DB_##type name;
#define Q(id, sql, cols)	struct row_##id { cols };
#define QL(id, sql, cols)	struct row_##id { cols };
#define X(id, sql)
#include "data/stmts.h"
#undef Q
#undef QL
#undef X
#undef C

enum db_type { DB_TYPE_U64, DB_TYPE_I64, DB_TYPE_TEXT, DB_TYPE_TIME,
	DB_TYPE__MAX };

enum db_err {
	DB_OK,
	DB_NOTFOUND,	/* db_one found no row */
	DB_DUP,		/* unique key violation */
	DB_ERR,		/* anything else; logged, counted */
	DB_ERR__MAX
};

struct db_opts {
	const char	*socket;
	const char	*host;
	unsigned	 port;
	const char	*user;
	const char	*password;
	const char	*name;
	int		 scripts;	/* may run multi-statement scripts */
};

/*
 * db_all(db, arena, ID, &rows, &n, types, args...): every row of query ID
 * into rows (struct row_ID *, arena memory), their count into n.
 * db_one(db, arena, ID, &row, types, args...): the first row into row
 * (struct row_ID); DB_NOTFOUND when there is none.
 * types: one letter an argument: 'i' long long, 'u' unsigned long long,
 * 'n' unsigned long long with 0 meaning NULL, 's' string or NULL,
 * 'd' double.  A row type that is not the statement's is a build error.
 */
#define db_all(db, a, ID, rowsp, np, ...) \
	db_all_((db), (a), STMT_##ID, \
	    (void *)(1 ? (rowsp) : (struct row_##ID **)0), (np), __VA_ARGS__)
#define db_one(db, a, ID, rowp, ...) \
	db_one_((db), (a), STMT_##ID, \
	    (void *)(1 ? (rowp) : (struct row_##ID *)0), __VA_ARGS__)

void		 db_opts_load(struct db_opts *, int migrate);
int		 db_library_init(void);
void		 db_library_end(void);
void		 db_thread_init(void);
void		 db_thread_end(void);
struct db	*db_new(const struct db_opts *);
void		 db_free(struct db *);
int		 db_ping(struct db *, struct arena *);
enum db_err	 db_all_(struct db *, struct arena *, enum stmt, void *rowsp,
		    size_t *n, const char *types, ...);
enum db_err	 db_one_(struct db *, struct arena *, enum stmt, void *row,
		    const char *types, ...);
enum db_err	 db_exec(struct db *, enum stmt, uint64_t *affected,
		    uint64_t *insert_id, const char *types, ...);
enum db_err	 db_exec_text(struct db *, enum stmt, uint64_t *affected,
		    const char *types, const char *const *text);
enum db_err	 db_begin(struct db *);
enum db_err	 db_commit(struct db *);
enum db_err	 db_rollback(struct db *);
int		 db_down(const struct db *);
void		 db_set_error_hook(void (*)(void));
int		 db_check(struct db *, struct arena *);
enum db_err	 db_script(struct db *, const char *);
char		*db_like(struct arena *, const char *);

#endif
