/* Counter intake (issue 9), /mot-cua/tiep-nhan: staff of a one-stop desk
 * register a walk-in application.  First the unit (among those where
 * they are staff) and the procedure (a published one, by its code), by
 * GET; then the applicant (phone and name: the account with that phone,
 * else a new one without a password), the paper documents scanned, one
 * file input a document slot of the procedure's e-form (tep_<n>; one
 * slot for the whole file when it has none), and a note, by POST:
 * received at once (status 2, app/intake.c), then 303 to its printable
 * receipt (Mẫu 01).  The form's one-time key (khoa_nop) makes a second
 * POST answer as the first did.  Files are put into the store before the
 * transaction that records them (h/upload.h). */
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/eform.h"
#include "app/intake.h"
#include "app/store.h"
#include "app/upload.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/forms.h"
#include "h/h.h"
#include "h/page.h"
#include "h/upload.h"
#include "http/request.h"
#include "http/resp.h"

#define INTAKE_NOTE_MAX	1000	/* characters of the staff's note */

struct intake_page {
	struct request		*r;
	struct page		 p;
	struct row_INTAKE_UNITS	*units;
	size_t			 nunits;
	uint64_t		 unit_id;	/* chosen and allowed, or 0 */
	struct row_INTAKE_PROC	 proc;
	int			 has_proc;
	struct eform		 slots;
	struct upload_form	 up;
	const char		*idem;
	const char		*proc_err;	/* why the code is refused */
	struct tmpl_dict	*form;		/* the whole form, once made */
};

/* A fresh one-time key: 32 random bytes in hex. */
static const char *
intake_new_key(struct arena *a)
{
	unsigned char	 b[32];
	char		*hex = arena_alloc(a, sizeof(b) * 2 + 1);

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(hex, sizeof(b) * 2 + 1, b, sizeof(b));
	return hex;
}

static void
intake_units(struct intake_page *ip, struct tmpl_dict *d)
{
	size_t	 i;

	for (i = 0; i < ip->nunits; i++) {
		struct tmpl_dict *o = tmpl_section(d, "UNIT_OPTION");
		tmpl_set_int(o, "ID", (long long)ip->units[i].id);
		tmpl_set(o, "LABEL", page_unit_name(ip->r->a,
		    ip->units[i].kind, ip->units[i].name));
		if (ip->units[i].id == ip->unit_id)
			tmpl_show(o, "SELECTED");
	}
}

/* The whole form's dictionary, made at the first call. */
static struct tmpl_dict *
intake_form(struct intake_page *ip)
{
	if (ip->form == NULL)
		ip->form = tmpl_section(ip->p.body, "FORM");
	return ip->form;
}

/* The file inputs of the procedure's slots, with their errors. */
static void
intake_slots(struct intake_page *ip, struct tmpl_dict *d)
{
	struct request	*r = ip->r;
	size_t		 i;

	for (i = 0; i < ip->slots.ndocs; i++) {
		struct tmpl_dict *s = tmpl_section(d, "DOC");
		const char *param = upload_param(r, i);
		int err = ip->up.errs != NULL && ip->up.errs[i] != NULL;
		tmpl_set(s, "NAME", ip->slots.docs[i].name);
		tmpl_set(s, "PARAM", param);
		if (err)
			resp_input_error(&ip->p, s, "ERR", param,
			    ip->up.errs[i]);
		tmpl_set(s, "IDS", err ? arena_printf(r->a,
		    "gioi-han-giay-to loi-%s", param) : "gioi-han-giay-to");
	}
	tmpl_set(d, "LIMITS", arena_printf(r->a, "Nhận tệp PDF, JPEG hoặc PNG "
	    "(bản quét hoặc ảnh chụp rõ nét). Mỗi tệp tối đa %zu MB; các tệp "
	    "gửi cùng lúc tối đa %ld MB; tổng các tệp của một hồ sơ tối đa %zu "
	    "MB.", store_file_max() >> 20, cfg_int("limits", "body_max",
	    10 << 20, 1024, 1L << 30) >> 20, store_app_max() >> 20));
}

/* The page: the first step (unit and procedure) until a procedure is
 * chosen, then the whole form. */
static int
intake_page(struct intake_page *ip, int status)
{
	struct request		*r = ip->r;
	struct tmpl_dict	*b = ip->p.body, *f;

	if (!ip->has_proc) {
		f = tmpl_section(b, "CHOOSE");
		intake_units(ip, f);
		tmpl_set(f, "VAL_PROC", r->val[KEY_PROC].raw);
		if (ip->proc_err != NULL)
			resp_input_error(&ip->p, f, "ERR_PROC", "thu-tuc",
			    ip->proc_err);
		return resp_page(r, status, &ip->p);
	}
	f = intake_form(ip);
	intake_units(ip, f);
	tmpl_set(f, "IDEM", ip->idem);
	tmpl_set(f, "PROC_CODE", r->val[KEY_PROC].s);
	tmpl_set(f, "PROC_NAME", ip->proc.name);
	if (ip->proc.processing_days >= 0)
		tmpl_set_int(tmpl_section(f, "DAYS"), "N",
		    ip->proc.processing_days);
	tmpl_set(f, "VAL_PHONE", r->val[KEY_PHONE].raw);
	tmpl_set(f, "VAL_FULL_NAME", r->val[KEY_FULL_NAME].raw);
	tmpl_set(f, "VAL_EMAIL", r->val[KEY_EMAIL].raw);
	tmpl_set(f, "VAL_NOTE", r->val[KEY_NOTE].raw);
	intake_slots(ip, f);
	if (r->method == METHOD_POST && ip->p.errors > 0)
		tmpl_show(f, "FILES_AGAIN");
	return resp_page(r, status, &ip->p);
}

/* The unit the request names, when the user is staff there. */
static void
intake_unit(struct intake_page *ip)
{
	size_t	 i;

	for (i = 0; i < ip->nunits; i++)
		if (ip->units[i].id == ip->r->val[KEY_UNIT].u ||
		    (ip->nunits == 1 && !ip->r->val[KEY_UNIT].present))
			ip->unit_id = ip->units[i].id;
}

/* Loads the user's units and the procedure the request names, marking
 * what is wrong.  Returns 0 or the status to answer. */
static int
intake_load(struct intake_page *ip)
{
	struct request	*r = ip->r;
	enum db_err	 e;

	if (db_all(r->db, r->a, INTAKE_UNITS, &ip->units, &ip->nunits, "u",
	    (unsigned long long)r->user->id) != DB_OK)
		return 500;
	if (ip->nunits == 0)
		return 403;
	intake_unit(ip);
	if (r->val[KEY_PROC].s == NULL || *r->val[KEY_PROC].s == '\0') {
		if (r->method == METHOD_POST)
			ip->proc_err = "Vui lòng nhập mã thủ tục.";
		return 0;
	}
	e = db_one(r->db, r->a, INTAKE_PROC, &ip->proc, "s", r->val[KEY_PROC].s);
	if (e == DB_NOTFOUND) {
		ip->proc_err = "Không có thủ tục đã công bố với mã này.";
		return 0;
	}
	if (e != DB_OK)
		return page_status(e);
	ip->has_proc = 1;
	return forms_slots(r, ip->proc.eform, &ip->slots);
}

/* Marks the errors of the applicant and the note in the whole form. */
static void
intake_check(struct intake_page *ip, struct tmpl_dict *f)
{
	const struct kval	*v = ip->r->val;

	if (ip->unit_id == 0)
		resp_input_error(&ip->p, f, "ERR_UNIT", "don-vi", "Vui lòng chọn "
		    "đơn vị nơi bạn là cán bộ một cửa.");
	if (v[KEY_PHONE].s == NULL)
		resp_input_error(&ip->p, f, "ERR_PHONE", "dien-thoai", "Số điện "
		    "thoại di động không hợp lệ (ví dụ: 0912 345 678).");
	if (v[KEY_FULL_NAME].s == NULL)
		resp_input_error(&ip->p, f, "ERR_FULL_NAME", "ho-ten", "Vui lòng "
		    "nhập họ và tên người nộp (tối đa 100 ký tự).");
	if (v[KEY_EMAIL].raw != NULL && *v[KEY_EMAIL].raw != '\0' &&
	    v[KEY_EMAIL].s == NULL)
		resp_input_error(&ip->p, f, "ERR_EMAIL", "email", "Thư điện tử "
		    "không hợp lệ.");
	if (v[KEY_NOTE].raw != NULL && *v[KEY_NOTE].raw != '\0' &&
	    (v[KEY_NOTE].s == NULL || text_chars(v[KEY_NOTE].s) >
	    INTAKE_NOTE_MAX))
		resp_input_error(&ip->p, f, "ERR_NOTE", "ghi-chu", "Ghi chú tối "
		    "đa 1.000 ký tự.");
}

static int
intake_receipt(struct request *r, const char *code)
{
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/mot-cua/ho-so/%s/mau/1", code));
}

/* Registers the application the whole form describes. */
static int
intake_write(struct intake_page *ip)
{
	struct request	*r = ip->r;
	struct actor	 who = page_actor(r);
	struct intake	 n;
	const char	*code = NULL;
	enum intake_err	 e;

	memset(&n, 0, sizeof(n));
	n.unit_id = ip->unit_id;
	n.version_id = ip->proc.version_id;
	n.processing_days = ip->proc.processing_days;
	n.phone = r->val[KEY_PHONE].s;
	n.full_name = r->val[KEY_FULL_NAME].s;
	n.email = r->val[KEY_EMAIL].s != NULL && *r->val[KEY_EMAIL].s != '\0' ?
	    r->val[KEY_EMAIL].s : NULL;
	n.note = r->val[KEY_NOTE].s != NULL ? r->val[KEY_NOTE].s : "";
	n.idem_key = ip->idem;
	n.now = time(NULL);
	n.files = ip->up.files;
	n.nfiles = ip->up.nfiles;
	e = intake_submit(r->db, r->a, &who, &n, &code);
	if (e == INTAKE_OK || e == INTAKE_DONE)
		return intake_receipt(r, code);
	if (e == INTAKE_NOTFOUND)
		return resp_error(r, 404, NULL);
	if (e == INTAKE_TAKEN) {
		resp_input_error(&ip->p, intake_form(ip), "ERR_EMAIL",
		    "email", "Thư điện tử này đã được đăng ký cho một tài "
		    "khoản khác: để trống hoặc dùng địa chỉ khác.");
		return intake_page(ip, 422);
	}
	if (e == INTAKE_FULL) {
		resp_form_error(&ip->p, store_err_str(STORE_APPFULL));
		return intake_page(ip, 413);
	}
	return resp_error(r, 500, NULL);
}

/* POST: the whole form.  Anything wrong answers the form again with its
 * errors, nothing written. */
static int
intake_post(struct intake_page *ip)
{
	struct request		*r = ip->r;
	struct tmpl_dict	*f;
	int			 st;

	if (!ip->has_proc)
		return intake_page(ip, 422);
	f = intake_form(ip);
	if ((ip->idem = r->val[KEY_IDEM].s) == NULL) {
		ip->idem = intake_new_key(r->a);
		resp_form_error(&ip->p, "Biểu mẫu đã cũ. Vui lòng kiểm tra lại "
		    "thông tin, chọn lại các tệp và bấm nút một lần nữa.");
	}
	intake_check(ip, f);
	if (ip->p.errors > 0)
		return intake_page(ip, 422);
	if ((st = upload_read(r, &ip->slots, &ip->up)) != 0)
		return resp_error(r, st, NULL);
	if (ip->up.nerrs > 0)
		return intake_page(ip, ip->up.status != 0 ? ip->up.status :
		    422);
	return intake_write(ip);
}

/* The application the one-time key of the POST registered already, or
 * NULL. */
static const char *
intake_done(struct request *r)
{
	struct row_INTAKE_BY_KEY	 v;

	if (r->method != METHOD_POST || r->val[KEY_IDEM].s == NULL ||
	    db_one(r->db, r->a, INTAKE_BY_KEY, &v, "s", r->val[KEY_IDEM].s) !=
	    DB_OK)
		return NULL;
	return v.code;
}

/* GET/POST /mot-cua/tiep-nhan[?don_vi=&thu_tuc=] */
int
h_desk_intake(struct request *r)
{
	struct intake_page	 ip;
	const char		*code;
	int			 st;

	if ((code = intake_done(r)) != NULL)
		return intake_receipt(r, code);
	memset(&ip, 0, sizeof(ip));
	ip.r = r;
	resp_page_new(r, &ip.p, "Tiếp nhận hồ sơ trực tiếp",
	    "desk_intake.tpl");
	if ((st = intake_load(&ip)) != 0)
		return resp_error(r, st, st == 403 ? "Bạn chưa là cán bộ một "
		    "cửa của phường, xã nào đang hoạt động." : NULL);
	if (r->method == METHOD_POST)
		return intake_post(&ip);
	ip.idem = intake_new_key(r->a);
	return intake_page(&ip, ip.proc_err != NULL ? 422 : 200);
}
