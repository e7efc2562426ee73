/* Assisted submission (h/assist.h): the "Nộp hộ người dân" section of the
 * apply form, the checks of what a member posts in it, and the line that
 * names the helper on the receipt and the resident's application page.
 * Assisted submissions are submitted at once, never saved as drafts: a
 * draft would belong to the member, not to the resident. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/role.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/assist.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

static int
assist_member(const struct request *r)
{
	return r->user != NULL &&
	    (r->user->role_bits & ROLE_BIT(ROLE_DIGITAL)) != 0;
}

/* The section of the form, made once (its errors go into it). */
static struct tmpl_dict *
assist_dict(struct page *p, struct assist *as)
{
	if (as->d == NULL)
		as->d = tmpl_section(p->body, "ASSIST");
	return as->d;
}

/* Is unit_id one of the user's digital-team units?  -1 on a database
 * error. */
static int
assist_unit_ok(struct request *r, uint64_t unit_id)
{
	struct row_ASSIST_UNITS	*u;
	size_t			 i, n;

	if (db_all(r->db, r->a, ASSIST_UNITS, &u, &n, "u",
	    (unsigned long long)r->user->id) != DB_OK)
		return -1;
	for (i = 0; i < n; i++)
		if (u[i].id == unit_id)
			return 1;
	return 0;
}

/* The resident the posted phone number names into as; marks the field
 * when it is missing, not a number, nobody's, or the member's own.
 * Returns 0, or 500. */
static int
assist_resident(struct request *r, struct page *p, struct assist *as)
{
	const struct kval		*ph = &r->val[KEY_ASSIST_PHONE];
	struct row_ASSIST_RESIDENT	 v;
	const char			*why = NULL;
	enum db_err			 e = DB_NOTFOUND;

	if (ph->raw == NULL || *ph->raw == '\0')
		why = "Vui lòng nhập số điện thoại của người dân được nộp hộ.";
	else if (ph->s == NULL)
		why = "Số điện thoại di động không hợp lệ (ví dụ: 0912 345 678).";
	else if ((e = db_one(r->db, r->a, ASSIST_RESIDENT, &v, "s", ph->s)) ==
	    DB_NOTFOUND) {
		why = "Chưa có tài khoản nào với số điện thoại này. Người dân "
		    "cần đăng ký tài khoản (trang Đăng ký) trước khi được nộp "
		    "hộ.";
		tmpl_show(assist_dict(p, as), "NO_ACCOUNT");
	} else if (e != DB_OK)
		return 500;
	else if (v.id == r->user->id)
		why = "Đây là số điện thoại của chính bạn. Để nộp hồ sơ cho "
		    "mình, hãy để trống mục này.";
	if (why != NULL) {
		resp_input_error(p, assist_dict(p, as), "ERR_PHONE",
		    "sdt-nguoi-dan", why);
		return 0;
	}
	as->resident = v.id;
	as->resident_name = v.full_name;
	return 0;
}

/* A POST of the apply form: is it an assisted submission, and may it be?
 * It is one when the phone number or the consent is posted (non-empty).
 * unit_id is the unit chosen (0: none, marked already).  Checks, in the
 * order of the page: the action (never a draft), the unit (the member's),
 * the resident, the consent.  Returns 0 (errors, if any, marked on p;
 * as->resident set when the submission may go on), 403 for someone
 * outside the digital team, or 500. */
int
assist_check(struct request *r, struct page *p, int draft,
    uint64_t draft_id, uint64_t unit_id, struct assist *as)
{
	const struct kval	*ph = &r->val[KEY_ASSIST_PHONE];
	const struct kval	*ok = &r->val[KEY_ASSIST_CONSENT];
	int			 in;

	if ((ph->raw == NULL || *ph->raw == '\0') &&
	    (ok->raw == NULL || *ok->raw == '\0'))
		return 0;
	if (!assist_member(r))
		return 403;
	if (draft || draft_id != 0)
		resp_form_error(p, "Hồ sơ nộp hộ người dân được nộp ngay, "
		    "không lưu nháp: vui lòng mở biểu mẫu mới và bấm “Nộp hồ "
		    "sơ”.");
	if (unit_id != 0 && (in = assist_unit_ok(r, unit_id)) <= 0) {
		if (in < 0)
			return 500;
		resp_field_error(p, "ERR_UNIT", "Tổ công nghệ số chỉ nộp hộ "
		    "hồ sơ tại phường, xã của mình: vui lòng chọn đơn vị của "
		    "bạn.");
	}
	if (assist_resident(r, p, as) != 0)
		return 500;
	if (ok->s == NULL || strcmp(ok->s, "co") != 0)
		resp_input_error(p, assist_dict(p, as), "ERR_CONSENT",
		    "dong-y-nop-ho", "Cần đánh dấu ô xác nhận người dân đồng ý "
		    "để tổ công nghệ số nộp hồ sơ thay.");
	if (p->errors > 0)
		as->resident = 0;	/* nothing is submitted */
	return 0;
}

/* The form's "Nộp hộ người dân" section, for members of the digital team
 * only: their units, and what they posted. */
void
assist_form(struct request *r, struct page *p, struct assist *as)
{
	struct row_ASSIST_UNITS	*u;
	struct tmpl_dict	*d;
	const char		*names = NULL;
	size_t			 i, n;

	if (!assist_member(r) || db_all(r->db, r->a, ASSIST_UNITS, &u, &n,
	    "u", (unsigned long long)r->user->id) != DB_OK || n == 0)
		return;
	d = assist_dict(p, as);
	for (i = 0; i < n; i++) {
		const char *s = page_unit_name(r->a, u[i].kind, u[i].name);
		names = names == NULL ? s : arena_printf(r->a, "%s, %s",
		    names, s);
	}
	tmpl_set(d, "UNITS", names);
	if (r->method != METHOD_POST)
		return;
	tmpl_set(d, "PHONE", r->val[KEY_ASSIST_PHONE].raw != NULL ?
	    r->val[KEY_ASSIST_PHONE].raw : "");
	if (r->val[KEY_ASSIST_CONSENT].s != NULL &&
	    strcmp(r->val[KEY_ASSIST_CONSENT].s, "co") == 0)
		tmpl_show(d, "CONSENT");
	if (as->resident_name != NULL)
		tmpl_set(tmpl_section(d, "RESIDENT"), "NAME",
		    as->resident_name);
}

/* "Nộp với sự hỗ trợ của tổ công nghệ số: <name>" (section ASSISTED:
 * HELPER) on d, when application app_id was an assisted submission. */
void
assist_show(struct request *r, struct tmpl_dict *d, uint64_t app_id)
{
	struct row_ASSIST_HELPER	 v;

	if (db_one(r->db, r->a, ASSIST_HELPER, &v, "u",
	    (unsigned long long)app_id) == DB_OK)
		tmpl_set(tmpl_section(d, "ASSISTED"), "HELPER", v.full_name);
}
