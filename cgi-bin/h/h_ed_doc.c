/* The editors' pages of a unit's documents (văn bản): the list, a new
 * document, one document's form (publish, unpublish), for the editors of
 * its unit only (another unit's document is 404). */
#include <stdint.h>
#include <string.h>

#include "app/document.h"
#include "app/media.h"
#include "core/arena.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/content.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

#define ED_DOCS_PER_PAGE	50

static unsigned long long
me(const struct request *r)
{
	return (unsigned long long)r->user->id;
}

static const char *
doc_status_label(const char *s)
{
	if (strcmp(s, "published") == 0)
		return "Đã đăng";
	if (strcmp(s, "unpublished") == 0)
		return "Đã gỡ";
	return "Bản nháp";
}

/* GET /bien-tap/van-ban?don_vi=&trang= */
int
h_ed_documents(struct request *r)
{
	struct unit			 u;
	struct row_CT_ED_DOCS		*v = NULL;
	struct row_CT_ED_DOCS_COUNT	 c = { 0 };
	struct page			 p;
	uint64_t			 page = r->val[KEY_PAGE].u ?
					    r->val[KEY_PAGE].u : 1;
	size_t				 i, n = 0;
	int				 st;

	resp_page_new(r, &p, "Văn bản", "ed_documents.tpl");
	if ((st = content_ed_unit(r, &p, &u, "/bien-tap/van-ban")) != 200)
		return resp_error(r, st, NULL);
	if (db_one(r->db, r->a, CT_ED_DOCS_COUNT, &c, "uu",
	    (unsigned long long)u.id, me(r)) != DB_OK ||
	    db_all(r->db, r->a, CT_ED_DOCS, &v, &n, "uuuu",
	    (unsigned long long)u.id, me(r),
	    (unsigned long long)ED_DOCS_PER_PAGE,
	    (unsigned long long)((page - 1) * ED_DOCS_PER_PAGE)) != DB_OK)
		return resp_error(r, 500, NULL);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "DOC");
		tmpl_set(s, "URL", arena_printf(r->a, "/bien-tap/van-ban/%llu",
		    (unsigned long long)v[i].id));
		tmpl_set(s, "NUMBER", v[i].number);
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "ISSUED", v[i].issued);
		tmpl_set(s, "STATUS", doc_status_label(v[i].status));
	}
	if (n == 0)
		tmpl_show(p.body, "NO_DOCS");
	content_pager(r, &p, arena_printf(r->a, "/bien-tap/van-ban?don_vi=%llu&",
	    (unsigned long long)u.id), page, (uint64_t)c.n, ED_DOCS_PER_PAGE);
	return resp_page(r, 200, &p);
}

/* Refills the form from the request, or from the stored document. */
static void
doc_values(struct request *r, struct page *p, const struct row_CT_ED_DOC_GET *v)
{
	static const char *const types[] = { "quyet-dinh", "chi-thi",
		"ke-hoach", "thong-bao", "cong-van", "nghi-quyet", "bao-cao",
		"khac" };
	const struct {
		enum key	 k;
		const char	*name, *stored;
	} f[] = {
		{ KEY_NUMBER, "VAL_NUMBER", v ? v->number : NULL },
		{ KEY_AGENCY, "VAL_ISSUER", v ? v->issuer : NULL },
		{ KEY_SIGNER, "VAL_SIGNER", v ? v->signer : NULL },
		{ KEY_DATE, "VAL_ISSUED", v ? v->issued_iso : NULL },
		{ KEY_EFFECTIVE, "VAL_EFFECTIVE", v ? v->effective_iso : NULL },
		{ KEY_TITLE, "VAL_TITLE", v ? v->title : NULL },
		{ KEY_BODY, "VAL_SUMMARY", v ? v->summary : NULL },
	};
	const char	*type = v && !r->val[KEY_DOC_TYPE].present ? v->doc_type :
			    r->val[KEY_DOC_TYPE].raw;
	size_t		 i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		tmpl_set(p->body, f[i].name, r->val[f[i].k].present ||
		    v == NULL ? r->val[f[i].k].raw : f[i].stored);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "TYPE_OPTION");
		tmpl_set(s, "VALUE", types[i]);
		tmpl_set(s, "LABEL", document_type_label(types[i]));
		if (type != NULL && strcmp(type, types[i]) == 0)
			tmpl_show(s, "SELECTED");
	}
}

/* Marks the errors of the document form; returns how many. */
static int
doc_check(struct request *r, struct page *p)
{
	const char	*act = r->val[KEY_ACTION].s;

	if (r->val[KEY_NUMBER].s == NULL)
		resp_field_error(p, "ERR_NUMBER", "Vui lòng nhập số, ký hiệu "
		    "văn bản (tối đa 60 ký tự), ví dụ 15/2026/QĐ-UBND.");
	if (r->val[KEY_DOC_TYPE].s == NULL)
		resp_field_error(p, "ERR_TYPE", "Vui lòng chọn loại văn bản.");
	if (r->val[KEY_AGENCY].s == NULL ||
	    text_chars(r->val[KEY_AGENCY].s) > 200)
		resp_field_error(p, "ERR_ISSUER", "Vui lòng nhập cơ quan ban hành "
		    "(tối đa 200 ký tự).");
	if (r->val[KEY_SIGNER].present && !r->val[KEY_SIGNER].valid)
		resp_field_error(p, "ERR_SIGNER", "Người ký: tối đa 100 ký tự.");
	if (r->val[KEY_DATE].s == NULL)
		resp_field_error(p, "ERR_ISSUED", "Vui lòng nhập ngày ban hành "
		    "(ngày/tháng/năm).");
	if (r->val[KEY_EFFECTIVE].present && !r->val[KEY_EFFECTIVE].valid)
		resp_field_error(p, "ERR_EFFECTIVE", "Ngày có hiệu lực không hợp "
		    "lệ.");
	if (r->val[KEY_TITLE].s == NULL)
		resp_field_error(p, "ERR_TITLE", "Vui lòng nhập trích yếu (tối đa "
		    "300 ký tự, một dòng).");
	if (r->val[KEY_BODY].s != NULL && strlen(r->val[KEY_BODY].s) > 60000)
		resp_field_error(p, "ERR_SUMMARY", "Tóm tắt quá dài (tối đa "
		    "khoảng 20.000 ký tự).");
	if (act == NULL || (strcmp(act, "luu") != 0 && strcmp(act, "dang") != 0
	    && strcmp(act, "go") != 0))
		resp_form_error(p, "Vui lòng chọn Lưu nháp, Đăng hoặc Gỡ văn "
		    "bản.");
	return p->errors;
}

/* The PDF of the form (tep_1), stored: *pdf its media id, 0 for none.
 * Returns 0, or the status of a refused file (its message in p). */
static int
doc_pdf(struct request *r, struct page *p, uint64_t unit, uint64_t *pdf)
{
	const struct req_kv	*kv[2];
	struct media		 m;
	enum media_err		 e;
	size_t			 n = request_files(r, "tep_1", kv, 2);

	*pdf = 0;
	if (n == 0)
		return 0;
	if (n > 1) {
		resp_field_error(p, "ERR_PDF", "Chỉ gửi một tệp PDF.");
		return 422;
	}
	e = media_add(r->db, r->a, unit, r->user->id, kv[0]->path,
	    kv[0]->filename ? kv[0]->filename : "", MEDIA_PDF, &m);
	if (e != MEDIA_OK) {
		resp_field_error(p, "ERR_PDF", media_err_msg(e, MEDIA_PDF));
		return media_err_status(e);
	}
	*pdf = m.id;
	return 0;
}

/* Saves the form as document *id of unit (0: new); then 303 to it. */
static int
doc_save(struct request *r, struct page *p, uint64_t unit, uint64_t id)
{
	const char		*act = r->val[KEY_ACTION].s;
	struct actor		 who = page_actor(r);
	struct document_in	 d = { r->val[KEY_NUMBER].s,
				    r->val[KEY_DOC_TYPE].s,
				    r->val[KEY_AGENCY].s,
				    r->val[KEY_SIGNER].s ? r->val[KEY_SIGNER].s :
				    "", r->val[KEY_DATE].s,
				    r->val[KEY_EFFECTIVE].s, r->val[KEY_TITLE].s,
				    r->val[KEY_BODY].s ? r->val[KEY_BODY].s : "",
				    strcmp(act, "dang") == 0 ? "published" :
				    strcmp(act, "go") == 0 ? (id ? "unpublished" :
				    "draft") : "draft", 0 };
	enum db_err		 e;
	int			 st;

	if ((st = doc_pdf(r, p, unit, &d.pdf)) != 0)
		return resp_page(r, st, p);
	e = document_save(r->db, r->a, &who, unit, &id, &d);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/bien-tap/van-ban/%llu?tb=da-luu", (unsigned long long)id));
}

/* GET/POST /bien-tap/van-ban/moi?don_vi= */
int
h_ed_document_new(struct request *r)
{
	struct unit	 u;
	struct page	 p;
	int		 st;

	resp_page_new(r, &p, "Thêm văn bản", "ed_document.tpl");
	tmpl_show(p.body, "PDF_FIELD");
	if ((st = content_ed_unit(r, &p, &u, "/bien-tap/van-ban/moi")) != 200)
		return resp_error(r, st, NULL);
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a,
	    "/bien-tap/van-ban/moi?don_vi=%llu", (unsigned long long)u.id));
	tmpl_show(p.body, "IS_NEW");
	doc_values(r, &p, NULL);
	if (r->method != METHOD_POST)
		return resp_page(r, 200, &p);
	if (doc_check(r, &p))
		return resp_page(r, 422, &p);
	return doc_save(r, &p, u.id, 0);
}

/* GET/POST /bien-tap/van-ban/{id}: authz let only an editor of the
 * document's unit through; the statements name the editor again. */
int
h_ed_document(struct request *r)
{
	struct row_CT_ED_DOC_GET	 v;
	struct page			 p;
	struct tmpl_dict		*pdf;
	uint64_t			 id = r->args[0].id;
	enum db_err			 e;

	e = db_one(r->db, r->a, CT_ED_DOC_GET, &v, "uu",
	    (unsigned long long)id, me(r));
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, v.number, "ed_document.tpl");
	pdf = tmpl_section(p.body, "PDF_FIELD");
	if (v.pdf_sha256 != NULL)
		tmpl_set(tmpl_section(pdf, "HAS_PDF"), "URL", media_url(r->a,
		    v.pdf_sha256, v.pdf_mime));
	if (r->method == METHOD_POST && doc_check(r, &p) == 0) {
		doc_values(r, &p, NULL);
		return doc_save(r, &p, v.unit_id, id);
	}
	if (r->val[KEY_NOTICE].s != NULL)
		tmpl_set(tmpl_section(p.body, "NOTICE"), "TEXT",
		    r->val[KEY_NOTICE].s);
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a, "/bien-tap/van-ban/%llu",
	    (unsigned long long)id));
	tmpl_set(tmpl_section(p.body, "NOT_NEW"), "STATUS",
	    doc_status_label(v.status));
	if (strcmp(v.status, "published") == 0) {
		tmpl_set(tmpl_section(p.body, "PUBLISHED"), "URL", arena_printf(
		    r->a, "/don-vi/%s/van-ban/%llu", v.unit_slug,
		    (unsigned long long)id));
		tmpl_show(p.body, "CAN_UNPUBLISH");
	}
	doc_values(r, &p, r->method == METHOD_POST ? NULL : &v);
	return resp_page(r, p.errors ? 422 : 200, &p);
}
