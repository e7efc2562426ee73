/* Confirming an email address from the link mailed to it.  Following the
 * link (GET) changes nothing: it shows the address and a button, and the
 * confirmation is a POST with the session's CSRF token, so that a mail
 * scanner or a link preview that fetches the link confirms nothing.  No
 * sign-in is needed: the link itself is the proof (single-use,
 * expiring). */
#include "app/account.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

/* The page in state section (INVALID, FORM or DONE) with status. */
static int
email_page(struct request *r, struct page *p, const char *section,
    int status)
{
	tmpl_show(p->body, section);
	return resp_page(r, status, p);
}

/* GET/POST /xac-nhan-email?ma=... */
int
h_email_confirm(struct request *r)
{
	const char		*token = r->val[KEY_TOKEN].s;
	struct row_CONFIRM_GET	 v;
	struct page		 p;
	enum db_err		 e = DB_NOTFOUND;

	if (!sess_ensure(r))
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Xác nhận thư điện tử", "email_confirm.tpl");
	if (token != NULL)
		e = account_confirm_find(r->db, r->a, token, &v);
	if (e == DB_ERR)
		return resp_error(r, 500, NULL);
	if (e != DB_OK)
		return email_page(r, &p, "INVALID", 404);
	tmpl_set(p.body, "EMAIL", v.email);
	tmpl_set(p.body, "TOKEN", token);
	if (r->method != METHOD_POST)
		return email_page(r, &p, "FORM", 200);
	e = account_confirm_email(r->db, r->a, r->remote_addr, token);
	if (e == DB_ERR)
		return resp_error(r, 500, NULL);
	return email_page(r, &p, e == DB_OK ? "DONE" : "INVALID",
	    e == DB_OK ? 200 : 404);
}
