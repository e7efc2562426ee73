/* Questions and answers of a unit (hỏi đáp), public side: the published
 * answers, page by page, and the form to ask; confirming an anonymous
 * question from the mailed link (GET shows a button, the POST confirms,
 * so that a link preview confirms nothing). */
#include <stdint.h>
#include <string.h>

#include "app/question.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "core/token.h"
#include "data/db.h"
#include "h/content.h"
#include "h/h.h"
#include "h/page.h"
#include "h/sites.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/sess.h"

#define QA_PER_PAGE	10
#define QA_TEXT_MAX	5000	/* characters of a question */

/* The published questions of unit u, page page. */
static int
qa_list(struct request *r, struct page *p, const struct unit *u,
    uint64_t page)
{
	struct row_CT_QA_PUBLISHED		*v;
	struct row_CT_QA_PUBLISHED_COUNT	 c;
	size_t					 i, n;

	if (db_one(r->db, r->a, CT_QA_PUBLISHED_COUNT, &c, "u",
	    (unsigned long long)u->id) != DB_OK ||
	    db_all(r->db, r->a, CT_QA_PUBLISHED, &v, &n, "uuu",
	    (unsigned long long)u->id, (unsigned long long)QA_PER_PAGE,
	    (unsigned long long)((page - 1) * QA_PER_PAGE)) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p->body, "QA");
		tmpl_set_int(s, "ID", (long long)v[i].id);
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "ASKER", v[i].asker_name);
		tmpl_set(s, "ASKED", clock_date(r->a, v[i].created_at));
		tmpl_set(s, "QUESTION", v[i].question);
		tmpl_set(s, "ANSWER", v[i].answer);
		tmpl_set(s, "ANSWERED", clock_date(r->a, v[i].published_at));
	}
	if (n == 0)
		tmpl_show(p->body, "NO_QA");
	content_pager(r, p, arena_printf(r->a, "/don-vi/%s/hoi-dap?", u->slug),
	    page, (uint64_t)c.n, QA_PER_PAGE);
	return 1;
}

/* Marks the errors of the question form; returns how many. */
static int
qa_check(struct request *r, struct page *p)
{
	const struct kval	*text = &r->val[KEY_BODY];

	if (r->val[KEY_TITLE].s == NULL)
		resp_field_error(p, "ERR_TITLE", "Vui lòng nhập tiêu đề câu hỏi "
		    "(tối đa 300 ký tự, một dòng).");
	if (text->s == NULL || text_chars(text->s) > QA_TEXT_MAX)
		resp_field_error(p, "ERR_BODY", "Vui lòng nhập nội dung câu hỏi "
		    "(tối đa 5.000 ký tự).");
	if (r->user == NULL && r->val[KEY_FULL_NAME].s == NULL)
		resp_field_error(p, "ERR_NAME", "Vui lòng nhập họ và tên (tối đa "
		    "100 ký tự).");
	if (r->user == NULL && r->val[KEY_EMAIL].s == NULL)
		resp_field_error(p, "ERR_EMAIL", "Vui lòng nhập đúng địa chỉ thư "
		    "điện tử, ví dụ ten@example.com: chúng tôi gửi đường dẫn xác "
		    "nhận đến địa chỉ này.");
	return p->errors;
}

/* Stores the question of the form; the page says what happens next. */
static int
qa_ask(struct request *r, struct page *p, const struct unit *u)
{
	struct question_in	 q = { u->id, r->user ? r->user->id : 0,
				    r->user ? r->user->full_name :
				    r->val[KEY_FULL_NAME].s,
				    r->user ? NULL : r->val[KEY_EMAIL].s,
				    r->val[KEY_TITLE].s, r->val[KEY_BODY].s,
				    r->remote_addr ? r->remote_addr : "" };
	enum question_err	 e;

	if (qa_check(r, p))
		return resp_page(r, 422, p);
	e = question_ask(r->db, r->a, &q);
	if (e == QUESTION_LIMIT) {
		resp_form_error(p, "Bạn đã gửi nhiều câu hỏi trong hôm nay. Vui "
		    "lòng thử lại sau 24 giờ, hoặc đăng nhập để gửi câu hỏi.");
		return resp_page(r, 429, p);
	}
	if (e != QUESTION_OK)
		return resp_error(r, 500, NULL);
	tmpl_show(p->body, r->user ? "SENT" : "SENT_CONFIRM");
	tmpl_set(p->body, "VAL_TITLE", "");
	tmpl_set(p->body, "VAL_BODY", "");
	return resp_page(r, 200, p);
}

/* GET/POST /don-vi/{unit}/hoi-dap?trang= */
int
h_unit_qa(struct request *r)
{
	struct unit	 u;
	struct page	 p;
	uint64_t	 page = r->val[KEY_PAGE].u ? r->val[KEY_PAGE].u : 1;
	enum db_err	 e;

	if ((e = page_unit_load(r, r->args[0].s, &u)) != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (!sess_ensure(r))
		return resp_error(r, 503, NULL);
	resp_page_new(r, &p, arena_printf(r->a, "Hỏi đáp – %s", u.full),
	    "unit_qa.tpl");
	sites_unit_nav(r, &p, &u, SITES_NAV_QA);
	if (!qa_list(r, &p, &u, r->method == METHOD_POST ? 1 : page))
		return resp_error(r, 500, NULL);
	tmpl_show(p.body, r->user ? "SIGNED_IN" : "ANONYMOUS");
	if (r->user != NULL)
		tmpl_set(p.body, "USER_NAME", r->user->full_name);
	tmpl_set(p.body, "VAL_TITLE", r->val[KEY_TITLE].raw);
	tmpl_set(p.body, "VAL_BODY", r->val[KEY_BODY].raw);
	tmpl_set(p.body, "VAL_NAME", r->val[KEY_FULL_NAME].raw);
	tmpl_set(p.body, "VAL_EMAIL", r->val[KEY_EMAIL].raw);
	if (r->method == METHOD_POST)
		return qa_ask(r, &p, &u);
	return resp_page(r, 200, &p);
}

/* GET/POST /hoi-dap/xac-nhan?ma=... */
int
h_qa_confirm(struct request *r)
{
	const char			*token = r->val[KEY_TOKEN].s;
	struct row_CT_QA_CONFIRM_GET	 v;
	struct page			 p;
	char				 hash[TOKEN_HASH_LEN];
	enum question_err		 qe;
	enum db_err			 e = DB_NOTFOUND;

	if (!sess_ensure(r))
		return resp_error(r, 503, NULL);
	resp_page_new(r, &p, "Xác nhận câu hỏi", "qa_confirm.tpl");
	if (token != NULL) {
		token_hash(token, hash);
		e = db_one(r->db, r->a, CT_QA_CONFIRM_GET, &v, "s", hash);
	}
	if (e == DB_ERR)
		return resp_error(r, 500, NULL);
	if (e != DB_OK) {
		tmpl_show(p.body, "INVALID");
		return resp_page(r, 404, &p);
	}
	tmpl_set(p.body, "TITLE", v.title);
	tmpl_set(p.body, "TOKEN", token);
	tmpl_set(p.body, "UNIT_NAME", page_unit_name(r->a, v.unit_kind,
	    v.unit_name));
	tmpl_set(p.body, "QA_URL", arena_printf(r->a, "/don-vi/%s/hoi-dap",
	    v.unit_slug));
	if (r->method != METHOD_POST) {
		tmpl_show(p.body, "FORM");
		return resp_page(r, 200, &p);
	}
	qe = question_confirm(r->db, r->a, token, r->remote_addr);
	if (qe == QUESTION_ERR)
		return resp_error(r, 500, NULL);
	tmpl_show(p.body, qe == QUESTION_OK ? "DONE" : "INVALID");
	return resp_page(r, qe == QUESTION_OK ? 200 : 404, &p);
}
