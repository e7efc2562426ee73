/* Account form checks and the roles list. */
#include <string.h>

#include "app/account.h"
#include "core/pw.h"
#include "core/role.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/form.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

/* Checks a new password and its repetition; marks the errors on p.
 * Returns 1 when both are acceptable. */
int
form_new_password(struct request *r, struct page *p, const char *phone,
    const char *email)
{
	const char	*pw = r->val[KEY_PASSWORD].raw;
	const char	*pw2 = r->val[KEY_PASSWORD2].raw;
	enum pw_err	 e;

	if (pw == NULL || *pw == '\0') {
		resp_field_error(p, "ERR_PASSWORD", "Vui lòng nhập mật khẩu.");
		return 0;
	}
	if ((e = pw_policy(r->a, pw, phone, email)) != PW_OK) {
		resp_field_error(p, "ERR_PASSWORD", pw_err_msg(e));
		return 0;
	}
	if (pw2 == NULL || strcmp(pw, pw2) != 0) {
		resp_field_error(p, "ERR_PASSWORD2",
		    "Hai lần nhập mật khẩu không khớp nhau.");
		return 0;
	}
	return 1;
}

/* Checks the person fields the route accepts (name, phone, email, ID
 * number): their form, then that no account but except has the phone or
 * the email (an ID number is only a claim: app/account.c).  Marks
 * the errors on p; returns how many, or -1 on a database error. */
int
form_person(struct request *r, struct page *p, uint64_t except)
{
	const struct kval	*v = r->val;
	keyset			 keys = r->route->keys;
	struct account_taken	 t;

	if ((keys & KEY_BIT(KEY_FULL_NAME)) && v[KEY_FULL_NAME].s == NULL)
		resp_field_error(p, "ERR_FULL_NAME", "Vui lòng nhập họ và tên "
		    "(tối đa 100 ký tự).");
	if ((keys & KEY_BIT(KEY_PHONE)) && v[KEY_PHONE].s == NULL)
		resp_field_error(p, "ERR_PHONE", "Số điện thoại di động không "
		    "hợp lệ (ví dụ: 0912 345 678).");
	if (v[KEY_EMAIL].raw && *v[KEY_EMAIL].raw && v[KEY_EMAIL].s == NULL)
		resp_field_error(p, "ERR_EMAIL", "Thư điện tử không hợp lệ.");
	if (v[KEY_ID_NUMBER].raw && *v[KEY_ID_NUMBER].raw &&
	    v[KEY_ID_NUMBER].s == NULL)
		resp_field_error(p, "ERR_ID_NUMBER", "Số định danh cá nhân "
		    "gồm 12 chữ số.");
	if (p->errors)
		return p->errors;
	if (account_taken(r->db, r->a, except, v[KEY_PHONE].s, v[KEY_EMAIL].s,
	    &t) != DB_OK)
		return -1;
	if (t.phone)
		resp_field_error(p, "ERR_PHONE", "Số điện thoại này đã được "
		    "đăng ký cho một tài khoản khác.");
	if (t.email)
		resp_field_error(p, "ERR_EMAIL", "Thư điện tử này đã được đăng "
		    "ký cho một tài khoản khác.");
	return p->errors;
}

/* Fills the roles (ROLE_ITEM) of user into d.  Returns 1/0. */
int
form_roles(struct request *r, struct tmpl_dict *d, uint64_t user)
{
	struct row_ROLE_LIST	*v;
	size_t			 i, n;

	if (db_all(r->db, r->a, ROLE_LIST, &v, &n, "u",
	    (unsigned long long)user) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "ROLE_ITEM");
		tmpl_set(s, "ROLE_LABEL", role_label(role_from_name(v[i].role)));
		tmpl_set(s, "ROLE", v[i].role);
		tmpl_set_int(s, "UNIT_ID", (long long)v[i].unit_id);
		tmpl_set(s, "UNIT_NAME", page_unit_name(r->a, v[i].kind,
		    v[i].name));
	}
	if (n == 0)
		tmpl_show(d, "NO_ROLES");
	return 1;
}
