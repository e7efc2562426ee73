/* The city administrator's procedure catalogue: the list, and the form
 * that edits a procedure.  Saving adds a version (app/procedure.c); the
 * versions before it stay as they were, for the applications made under
 * them. */
#include <string.h>

#include <jansson.h>

#include "app/procedure.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/procedure.h"
#include "http/request.h"
#include "http/resp.h"

/* The form's text fields: key, the section of its error, the message. */
static const struct {
	enum key	 key;
	const char	*err;
	const char	*msg;
} texts[] = {
	{ KEY_LEVEL, "ERR_LEVEL", "Cấp thực hiện: một dòng, tối đa 100 ký tự." },
	{ KEY_AGENCY, "ERR_AGENCY", "Cơ quan thực hiện: một dòng, tối đa "
	  "1.000 ký tự." },
	{ KEY_STEPS, "ERR_STEPS", "Trình tự thực hiện chứa ký tự không hợp lệ "
	  "hoặc quá dài." },
	{ KEY_DOCUMENTS, "ERR_DOCUMENTS", "Thành phần hồ sơ chứa ký tự không "
	  "hợp lệ hoặc quá dài." },
	{ KEY_LEGAL, "ERR_LEGAL", "Căn cứ pháp lý chứa ký tự không hợp lệ "
	  "hoặc quá dài." },
	{ KEY_APPLICANTS, "ERR_APPLICANTS", "Đối tượng thực hiện chứa ký tự "
	  "không hợp lệ hoặc quá dài." },
	{ KEY_RESULT, "ERR_RESULT", "Kết quả thực hiện chứa ký tự không hợp lệ "
	  "hoặc quá dài." },
	{ KEY_CONDITIONS, "ERR_CONDITIONS", "Yêu cầu, điều kiện chứa ký tự "
	  "không hợp lệ hoặc quá dài." },
	{ KEY_FEES, "ERR_FEES", "Phí, lệ phí chứa ký tự không hợp lệ hoặc quá "
	  "dài." },
};

/* GET /quan-tri/thu-tuc?q=&trang= */
int
h_admin_procedures(struct request *r)
{
	struct row_PROC_LIST	*v;
	struct proc_filter	 f;
	struct page		 p;
	int64_t			 total;
	size_t			 i, n;

	proc_filter_read(r, &f);
	if (proc_filter_load(r, &f, &v, &n, &total) != DB_OK)
		return resp_error(r, 500, NULL);
	resp_page_new(r, &p, "Quản lý thủ tục hành chính",
	    "admin_procedures.tpl");
	tmpl_set(p.body, "Q", f.q);
	tmpl_set_int(p.body, "TOTAL", (long long)total);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "PROC_ITEM");
		tmpl_set(s, "CODE", v[i].code);
		tmpl_set(s, "NAME", v[i].name);
		tmpl_set(s, "SECTOR", v[i].sector);
		tmpl_set(s, "ONLINE_LABEL", proc_level_label(v[i].online_level));
		tmpl_show(s, v[i].published ? "PUBLISHED" : "PENDING");
	}
	if (n == 0)
		tmpl_show(p.body, "NO_PROCS");
	proc_pager(r->a, p.body, "/quan-tri/thu-tuc", &f, total);
	return resp_page(r, 200, &p);
}

/* The strings of a JSON array (of strings, or of objects' "name"), one a
 * line. */
static const char *
json_lines(struct arena *a, const char *text)
{
	json_t		*arr = json_loads(text ? text : "[]", 0, NULL), *v;
	const char	*out = "", *s;
	size_t		 i;

	json_array_foreach(arr, i, v) {
		s = json_is_string(v) ? json_string_value(v) :
		    json_string_value(json_object_get(v, "name"));
		if (s != NULL)
			out = arena_printf(a, "%s%s%s", out, *out ? "\n" : "",
			    s);
	}
	json_decref(arr);
	return out;
}

/* The form's values: from the version in force on GET, as sent on a POST
 * (re-filled after errors). */
static void
edit_values(struct request *r, struct tmpl_dict *d,
    const struct row_PROC_GET *v)
{
	const struct kval	*k = r->val;
	int			 post = r->method == METHOD_POST;

	tmpl_set(d, "VAL_NAME", post ? k[KEY_PROC_NAME].raw : v->name);
	tmpl_set(d, "VAL_LEVEL", post ? k[KEY_LEVEL].raw : v->level);
	tmpl_set(d, "VAL_AGENCY", post ? k[KEY_AGENCY].raw : v->body);
	tmpl_set(d, "VAL_DAYS", post ? k[KEY_DAYS].raw : v->processing_days ?
	    arena_printf(r->a, "%llu", (unsigned long long)v->processing_days)
	    : "");
	tmpl_set(d, "VAL_STEPS", post ? k[KEY_STEPS].raw :
	    json_lines(r->a, v->steps));
	tmpl_set(d, "VAL_DOCUMENTS", post ? k[KEY_DOCUMENTS].raw :
	    json_lines(r->a, v->documents));
	tmpl_set(d, "VAL_LEGAL", post ? k[KEY_LEGAL].raw :
	    json_lines(r->a, v->legal_basis));
	tmpl_set(d, "VAL_APPLICANTS", post ? k[KEY_APPLICANTS].raw :
	    v->applicants);
	tmpl_set(d, "VAL_RESULT", post ? k[KEY_RESULT].raw : v->result);
	tmpl_set(d, "VAL_CONDITIONS", post ? k[KEY_CONDITIONS].raw :
	    v->conditions);
	tmpl_set(d, "VAL_FEES", post ? k[KEY_FEES].raw : v->fees);
	if (post ? k[KEY_PUBLISHED].s != NULL : v->published != 0)
		tmpl_show(d, "PUBLISHED_CHECKED");
}

/* The sector and online-level options, the chosen ones selected. */
static int
edit_options(struct request *r, struct tmpl_dict *d, const char *sector,
    const char *online)
{
	static const char *const online_values[] = { "toan_trinh",
	    "mot_phan", "truc_tiep" };
	static const char *const online_words[] = { "toan-trinh",
	    "mot-phan", "truc-tiep" };
	struct row_SECTORS_ALL	*v;
	size_t			 i, n;

	if (db_all(r->db, r->a, SECTORS_ALL, &v, &n, "") != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *o = tmpl_section(d, "SECTOR_OPTION");
		tmpl_set(o, "VALUE", v[i].slug);
		tmpl_set(o, "LABEL", v[i].name);
		if (sector != NULL && strcmp(sector, v[i].slug) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (i = 0; i < 3; i++) {
		struct tmpl_dict *o = tmpl_section(d, "LEVEL_OPTION");
		tmpl_set(o, "VALUE", online_words[i]);
		tmpl_set(o, "LABEL", proc_level_label(online_values[i]));
		if (online != NULL && strcmp(online, online_values[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	return 1;
}

/* The procedure's versions, newest first. */
static int
edit_versions(struct request *r, struct tmpl_dict *d, uint64_t id)
{
	struct row_PROC_VERSIONS	*v;
	size_t				 i, n;

	if (db_all(r->db, r->a, PROC_VERSIONS, &v, &n, "u",
	    (unsigned long long)id) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(d, "VERSION_ITEM");
		tmpl_set_int(s, "VERSION", (long long)v[i].version);
		tmpl_set(s, "NAME", v[i].name);
		tmpl_set(s, "AT", clock_datetime(r->a, v[i].created_at));
		tmpl_set(s, "AUTHOR", *v[i].author ? v[i].author :
		    "Dữ liệu khởi tạo");
		tmpl_set(s, "STATUS", v[i].published ? "Đã công bố đầy đủ" :
		    "Chờ đơn vị công bố");
	}
	return 1;
}

/* Renders the edit page of procedure v with status. */
static int
edit_page(struct request *r, struct page *p, const struct row_PROC_GET *v,
    int status)
{
	int	 post = r->method == METHOD_POST;

	tmpl_set(p->body, "CODE", v->code);
	tmpl_set_int(p->body, "VERSION", (long long)v->version);
	tmpl_set(p->body, "PUBLIC_URL", arena_printf(r->a, "/thu-tuc/%s",
	    v->code));
	edit_values(r, p->body, v);
	if (!edit_options(r, p->body, post ? r->val[KEY_SECTOR].s :
	    v->sector_slug, post ? r->val[KEY_ONLINE].s : v->online_level) ||
	    !edit_versions(r, p->body, v->id))
		return resp_error(r, 500, NULL);
	return resp_page(r, status, p);
}

/* Checks the form into e; marks the errors on p and returns how many. */
static int
edit_check(struct request *r, struct page *p, struct proc_edit *e)
{
	const struct kval	*k = r->val;
	struct row_SECTOR_BY_SLUG s;
	size_t			 i;

	if ((e->name = k[KEY_PROC_NAME].s) == NULL)
		resp_field_error(p, "ERR_PROC_NAME", "Vui lòng nhập tên thủ "
		    "tục (một dòng, tối đa 1.000 ký tự).");
	if (k[KEY_SECTOR].s == NULL || db_one(r->db, r->a, SECTOR_BY_SLUG, &s,
	    "s", k[KEY_SECTOR].s) != DB_OK)
		resp_field_error(p, "ERR_SECTOR", "Vui lòng chọn lĩnh vực.");
	else
		e->sector_id = s.id;
	if ((e->online_level = k[KEY_ONLINE].s) == NULL)
		resp_field_error(p, "ERR_ONLINE", "Vui lòng chọn mức độ trực "
		    "tuyến.");
	if (!k[KEY_DAYS].valid)
		resp_field_error(p, "ERR_DAYS", "Thời hạn giải quyết phải là "
		    "một số ngày làm việc từ 1 đến 365, hoặc để trống nếu "
		    "chưa quy định.");
	e->days = k[KEY_DAYS].s != NULL ? k[KEY_DAYS].u : 0;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (k[texts[i].key].present && !k[texts[i].key].valid)
			resp_field_error(p, texts[i].err, texts[i].msg);
	e->level = k[KEY_LEVEL].s;
	e->body = k[KEY_AGENCY].s;
	e->steps = k[KEY_STEPS].s;
	e->documents = k[KEY_DOCUMENTS].s;
	e->legal = k[KEY_LEGAL].s;
	e->applicants = k[KEY_APPLICANTS].s;
	e->result = k[KEY_RESULT].s;
	e->conditions = k[KEY_CONDITIONS].s;
	e->fees = k[KEY_FEES].s;
	e->published = k[KEY_PUBLISHED].s != NULL;
	return p->errors;
}

/* GET/POST /quan-tri/thu-tuc/{code}: the form; saving adds a version. */
int
h_admin_procedure(struct request *r)
{
	struct actor		 who = page_actor(r);
	struct row_PROC_GET	 v;
	struct proc_edit	 e;
	struct page		 p;
	uint64_t		 version = 0;
	enum db_err		 err;

	memset(&e, 0, sizeof(e));
	if ((err = db_one(r->db, r->a, PROC_GET, &v, "s", r->args[0].s)) !=
	    DB_OK)
		return resp_error(r, page_status(err), NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Sửa thủ tục %s", v.code),
	    "admin_procedure.tpl");
	if (r->method != METHOD_POST)
		return edit_page(r, &p, &v, 200);
	if (edit_check(r, &p, &e) != 0)
		return edit_page(r, &p, &v, 422);
	if ((err = proc_new_version(r->db, r->a, &who, v.code, &e, &version))
	    != DB_OK)
		return resp_error(r, page_status(err), NULL);
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/quan-tri/thu-tuc/%s?tb=da-luu-phien-ban", v.code));
}
