/* The one-stop desk's entry: the units the person serves. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "h.h"
#include "request.h"
#include "resp.h"
#include "tmpl.h"

/* GET /mot-cua/ */
int
h_desk(struct request *r)
{
	struct db_rows	 rows;
	struct page	 p;
	size_t		 i;

	if (db_query(r->db, r->a, STMT_ROLE_LIST, &rows, "u",
	    (unsigned long long)r->user->id) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Bộ phận một cửa", "desk.tpl");
	for (i = 0; i < rows.nrows; i++) {
		char **v = rows.v[i];
		struct tmpl_dict *s;
		if (strcmp(v[0], "staff") != 0 && strcmp(v[0], "leader") != 0)
			continue;
		s = tmpl_section(p.body, "DESK_UNIT");
		tmpl_set(s, "UNIT_NAME", h_unit_name(r->a, v[2], v[3]));
		tmpl_set(s, "ROLE_LABEL", role_labels[strcmp(v[0], "staff") ==
		    0 ? ROLE_STAFF : ROLE_LEADER]);
	}
	tmpl_show(p.body, "NO_APPLICATIONS");
	return resp_page(r, 200, &p);
}
