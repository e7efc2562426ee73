/* What several handlers share: units (loading one, its name, the page
 * header of its website) and the addresses of pages. */
#ifndef PAGE_H
#define PAGE_H
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;
struct page;
struct request;
struct tmpl_dict;

struct unit {
	uint64_t	 id;
	const char	*code, *kind, *name, *slug;
	const char	*full;		/* "Phường Bãi Bông" */
	const char	*kind_label;	/* "Phường" */
};

const char	*page_unit_name(struct arena *, const char *kind,
		    const char *name);
enum db_err	 page_unit_load(struct request *, const char *slug,
		    struct unit *);
enum db_err	 page_unit_by_host(struct request *, struct unit *);
int		 page_status(enum db_err);
void		 page_unit_header(struct page *, const struct unit *);
const char	*page_article_url(struct arena *, const char *unit_slug,
		    uint64_t id, const char *slug);
void		 page_id_number(struct arena *, struct tmpl_dict *,
		    const char *last4, int verified);
struct actor	 page_actor(const struct request *);
const char	*page_file_name(struct arena *, const char *name,
		    const char *ext);
const char	*page_attachment(struct arena *, const char *name,
		    const char *ext);

#endif
