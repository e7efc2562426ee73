/* The one-stop desk's entry: the units the person serves. */
#include "core/role.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

/* GET /mot-cua/ */
int
h_desk(struct request *r)
{
	struct row_ROLE_LIST	*v;
	struct page		 p;
	size_t			 i, n;

	if (db_all(r->db, r->a, ROLE_LIST, &v, &n, "u",
	    (unsigned long long)r->user->id) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Bộ phận một cửa", "desk.tpl");
	for (i = 0; i < n; i++) {
		enum role role = role_from_name(v[i].role);
		struct tmpl_dict *s;
		if (role != ROLE_STAFF && role != ROLE_LEADER)
			continue;
		s = tmpl_section(p.body, "DESK_UNIT");
		tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, v[i].kind,
		    v[i].name));
		tmpl_set(s, "ROLE_LABEL", role_label(role));
	}
	tmpl_show(p.body, "NO_APPLICATIONS");
	return resp_page(r, 200, &p);
}
