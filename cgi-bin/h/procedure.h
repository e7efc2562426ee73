/* What the public catalogue (h_procedure.c) shares with its
 * administration (h_admin_procedure.c): the list's filter, its page
 * links, the labels of the online levels; and the printable declaration
 * (h_tokhai.c) whether a procedure has one, and its title. */
#ifndef H_PROCEDURE_H
#define H_PROCEDURE_H
#include <stddef.h>
#include <stdint.h>

#include "data/db.h"

#define PROC_PAGE	50	/* procedures a page */

struct arena;
struct request;
struct tmpl_dict;

struct proc_filter {
	const char	*q, *like;	/* the search and its LIKE pattern */
	const char	*sector;	/* a sector's slug, or "" */
	const char	*online;	/* procedure_versions.online_level, or "" */
	uint64_t	 page;
};

const char	*proc_level_label(const char *value);
void		 proc_filter_read(struct request *, struct proc_filter *);
enum db_err	 proc_filter_load(struct request *, const struct proc_filter *,
		    struct row_PROC_LIST **, size_t *, int64_t *total);
const char	*proc_filter_url(struct arena *, const char *base,
		    const struct proc_filter *, uint64_t page);
void		 proc_pager(struct arena *, struct tmpl_dict *,
		    const char *base, const struct proc_filter *, int64_t);
/* The printable declaration (h_tokhai.c). */
int		 tokhai_available(struct arena *, const char *eform);
const char	*tokhai_title(struct arena *, const char *name);

#endif
