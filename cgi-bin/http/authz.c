/* Authorization: allow, send to sign in, 403 or 404, decided here. */
#include <string.h>

#include "core/arena.h"
#include "core/role.h"
#include "core/text.h"
#include "data/db.h"
#include "http/authz.h"
#include "http/request.h"
#include "http/resp.h"

/* The unit that owns object id of one kind; DB_NOTFOUND when none. */
static enum db_err
owner_article(struct request *r, const struct route_arg *arg, uint64_t *unit)
{
	struct row_ARTICLE_UNIT	 row;
	enum db_err		 e;

	e = db_one(r->db, r->a, ARTICLE_UNIT, &row, "u",
	    (unsigned long long)arg->id);
	*unit = row.unit_id;
	return e;
}

/* An application by its code; a draft has none, so it has no owner. */
static enum db_err
owner_application(struct request *r, const struct route_arg *arg,
    uint64_t *unit)
{
	struct row_APPLICATION_UNIT	 row;
	enum db_err			 e;

	e = db_one(r->db, r->a, APPLICATION_UNIT, &row, "s", arg->s);
	*unit = row.unit_id;
	return e;
}

static enum db_err
owner_unit(struct request *r, const char *slug, uint64_t *unit)
{
	struct row_UNIT_BY_SLUG	 row;
	enum db_err		 e;

	e = db_one(r->db, r->a, UNIT_BY_SLUG, &row, "s", slug);
	*unit = row.id;
	return e;
}

/* Issue 11, part C (content): a document, a schedule item, an
 * introduction page, a contact, a question (an unconfirmed one has no
 * owner yet), by id; st names the statement. */
static enum db_err
owner_by_id(struct request *r, enum stmt st, uint64_t id, uint64_t *unit)
{
	struct row_CT_DOCUMENT_UNIT	 row;
	enum db_err			 e;

	e = db_one_(r->db, r->a, st, &row, "u", (unsigned long long)id);
	*unit = row.unit_id;
	return e;
}

static enum db_err
owner_document(struct request *r, const struct route_arg *arg,
    uint64_t *unit)
{
	return owner_by_id(r, STMT_CT_DOCUMENT_UNIT, arg->id, unit);
}

static enum db_err
owner_item(struct request *r, const struct route_arg *arg, uint64_t *unit)
{
	return owner_by_id(r, STMT_CT_SCHEDULE_UNIT, arg->id, unit);
}

static enum db_err
owner_upage(struct request *r, const struct route_arg *arg, uint64_t *unit)
{
	return owner_by_id(r, STMT_CT_UPAGE_UNIT, arg->id, unit);
}

static enum db_err
owner_contact(struct request *r, const struct route_arg *arg,
    uint64_t *unit)
{
	return owner_by_id(r, STMT_CT_CONTACT_UNIT, arg->id, unit);
}

static enum db_err
owner_question(struct request *r, const struct route_arg *arg,
    uint64_t *unit)
{
	return owner_by_id(r, STMT_CT_QUESTION_UNIT, arg->id, unit);
}

/* Path parameters whose object belongs to a unit, by name. */
static const struct {
	const char	*name;
	enum db_err	(*owner)(struct request *, const struct route_arg *,
			    uint64_t *);
} owners[] = {
	{ "article", owner_article },
	{ "code", owner_application },
	{ "document", owner_document },
	{ "item", owner_item },
	{ "upage", owner_upage },
	{ "contact", owner_contact },
	{ "question", owner_question },
};

/* Does u hold one of roles (ROLE_BIT()s): in unit_id when that is not 0,
 * else anywhere?  ROLE_USER matches anyone signed in; the administrator,
 * held city-wide, matches every unit (when a route names it). */
int
authz_has(const struct user *u, unsigned roles, uint64_t unit_id)
{
	size_t	 i;

	if (u == NULL)
		return 0;
	if ((roles & ROLE_BIT(ROLE_USER)) && unit_id == 0)
		return 1;
	for (i = 0; i < u->nroles; i++)
		if ((roles & ROLE_BIT(u->roles[i].role)) &&
		    (unit_id == 0 || u->roles[i].unit_id == unit_id ||
		    u->roles[i].role == ROLE_ADMIN))
			return 1;
	return 0;
}

/* The unit the route's scope is about: named by the path (SCOPE_UNIT) or
 * owning the path's object (SCOPE_OWNER).  Returns 200 (*unit set), 404
 * or 503. */
static int
authz_unit(struct request *r, uint64_t *unit)
{
	size_t		 i, k;
	enum db_err	 e = DB_NOTFOUND;

	for (i = 0; i < r->match.nargs; i++) {
		const struct route_arg *arg = &r->args[i];
		if (r->route->scope == SCOPE_UNIT &&
		    strcmp(arg->name, "unit") == 0) {
			e = owner_unit(r, arg->s, unit);
			break;
		}
		for (k = 0; k < sizeof(owners) / sizeof(owners[0]); k++)
			if (r->route->scope == SCOPE_OWNER &&
			    strcmp(arg->name, owners[k].name) == 0)
				break;
		if (k < sizeof(owners) / sizeof(owners[0])) {
			e = owners[k].owner(r, arg, unit);
			break;
		}
	}
	return e == DB_OK ? 200 : e == DB_NOTFOUND ? 404 : 503;
}

/* Decides whether the request may reach its handler.  Returns 0 to go
 * on, or the status answered: a person not signed in is sent to sign in
 * (GET, HEAD) or refused (403); a role missing altogether is 403; an
 * object of a unit where the person holds no such role, like one that
 * does not exist, is 404. */
int
authz_check(struct request *r)
{
	const struct route	*rt = r->route;
	uint64_t		 unit = 0;
	int			 st;

	if (rt->scope == SCOPE_PUBLIC)
		return 0;
	if (r->user == NULL && (r->method == METHOD_GET ||
	    r->method == METHOD_HEAD))
		return resp_redirect(r, 303, arena_printf(r->a,
		    "/dang-nhap?tiep=%s", text_urlencode(r->a, r->path)));
	if (r->user == NULL || (rt->scope != SCOPE_USER &&
	    !authz_has(r->user, rt->roles, 0)))
		return resp_error(r, 403, NULL);
	if (rt->scope == SCOPE_USER || rt->scope == SCOPE_ROLE)
		return 0;
	if ((st = authz_unit(r, &unit)) != 200)
		return resp_error(r, st, NULL);
	if (!authz_has(r->user, rt->roles, unit))
		return resp_error(r, 404, NULL);
	r->unit_id = unit;
	return 0;
}
