/* Units and addresses, shared by the handlers. */
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

static const char *
kind_label(const char *kind)
{
	return kind != NULL && strcmp(kind, "xa") == 0 ? "Xã" : "Phường";
}

/* "Phường Bãi Bông" from kind "phuong" and name "Bãi Bông"; "" without a
 * name (a city-wide role has no unit). */
const char *
page_unit_name(struct arena *a, const char *kind, const char *name)
{
	if (name == NULL)
		return "";
	return arena_printf(a, "%s %s", kind_label(kind), name);
}

static void
unit_from_row(struct arena *a, struct unit *u, const struct row_UNIT_BY_SLUG *v)
{
	u->id = v->id;
	u->code = v->code;
	u->kind = v->kind;
	u->name = v->name;
	u->slug = v->slug;
	u->kind_label = kind_label(u->kind);
	u->full = page_unit_name(a, u->kind, u->name);
}

/* Looks the unit up by slug: DB_OK (u set), DB_NOTFOUND or DB_ERR. */
enum db_err
page_unit_load(struct request *r, const char *slug, struct unit *u)
{
	struct row_UNIT_BY_SLUG	 v;
	enum db_err		 e;

	if ((e = db_one(r->db, r->a, UNIT_BY_SLUG, &v, "s", slug)) == DB_OK)
		unit_from_row(r->a, u, &v);
	return e;
}

/* The unit whose website the request's host name serves: DB_OK (u set),
 * DB_NOTFOUND or DB_ERR.  (Both statements have the columns of
 * DB_UNIT_ROW.) */
enum db_err
page_unit_by_host(struct request *r, struct unit *u)
{
	struct row_UNIT_BY_HOST	 v;
	enum db_err		 e;

	if (r->host == NULL || *r->host == '\0')
		return DB_NOTFOUND;
	if ((e = db_one(r->db, r->a, UNIT_BY_HOST, &v, "s", r->host)) == DB_OK)
		unit_from_row(r->a, u, (const struct row_UNIT_BY_SLUG *)&v);
	return e;
}

/* The status that answers a lookup's outcome e. */
int
page_status(enum db_err e)
{
	return e == DB_OK ? 200 : e == DB_NOTFOUND ? 404 : 500;
}

/* The unit's name and address in the layout's header and in the body. */
void
page_unit_header(struct page *p, const struct unit *u)
{
	struct tmpl_dict *s = tmpl_section(p->layout, "UNIT");

	tmpl_set(s, "UNIT_NAME", u->full);
	tmpl_set(s, "UNIT_SLUG", u->slug);
	tmpl_set(p->body, "UNIT_NAME", u->full);
	tmpl_set(p->body, "UNIT_SLUG", u->slug);
}

/* /don-vi/{unit}/tin-tuc/{id}-{slug} */
const char *
page_article_url(struct arena *a, const char *unit_slug, uint64_t id,
    const char *slug)
{
	return arena_printf(a, "/don-vi/%s/tin-tuc/%llu-%s", unit_slug,
	    (unsigned long long)id, slug);
}

/* Shows an account's ID number in d (section HAS_ID, when it has one):
 * its last four digits only, and whether it is verified. */
void
page_id_number(struct arena *a, struct tmpl_dict *d, const char *last4,
    int verified)
{
	struct tmpl_dict	*s;

	if (last4 == NULL)
		return;
	s = tmpl_section(d, "HAS_ID");
	tmpl_set(s, "ID_MASKED", arena_printf(a, "********%s", last4));
	tmpl_set(s, "ID_STATE", verified ? "đã xác minh" : "chưa xác minh");
}

/* The signed-in user, from the request's address: who the audit log
 * names. */
struct actor
page_actor(const struct request *r)
{
	struct actor	 a = { r->user ? r->user->id : 0, r->remote_addr };

	return a;
}

/* The name the file is saved under: the applicant's, with the sniffed
 * type's extension added when the name does not end in it (a PNG named
 * "a.pdf" downloads as "a.pdf.png", and opens as what it is). */
const char *
page_file_name(struct arena *a, const char *name, const char *ext)
{
	const char	*dot = strrchr(name, '.');

	if (dot != NULL && (strcasecmp(dot + 1, ext) == 0 ||
	    (strcmp(ext, "jpg") == 0 && strcasecmp(dot + 1, "jpeg") == 0)))
		return name;
	return arena_printf(a, "%s.%s", name, ext);
}

/* Content-Disposition: attachment, with the name in UTF-8 (RFC 6266,
 * filename*) and an ASCII fallback (its letters without marks) for
 * clients that know only filename. */
const char *
page_attachment(struct arena *a, const char *name, const char *ext)
{
	const char	*dot = strrchr(name, '.');
	char		*stem, *ascii;

	stem = arena_strndup(a, name, dot ? (size_t)(dot - name) :
	    strlen(name));
	ascii = text_slug(a, stem, 80);
	if (strcmp(ascii, "bai-viet") == 0)	/* text_slug's "nothing" */
		ascii = "tep";
	return arena_printf(a, "attachment; filename=\"%s.%s\"; "
	    "filename*=UTF-8''%s", ascii, ext, text_urlencode(a, name));
}
