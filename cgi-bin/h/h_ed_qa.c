/* The editors' pages of a unit's questions and answers: the confirmed
 * questions (new first), one question's answer (Markdown), published or
 * hidden, for the editors of its unit only. */
#include <stdint.h>
#include <string.h>

#include "app/question.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/text.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/content.h"
#include "h/h.h"
#include "h/page.h"
#include "http/request.h"
#include "http/resp.h"

static const char *
qa_status_label(const char *s)
{
	if (strcmp(s, "new") == 0)
		return "Mới, chưa trả lời";
	if (strcmp(s, "answered") == 0)
		return "Đã trả lời, chưa đăng";
	if (strcmp(s, "published") == 0)
		return "Đã đăng";
	return "Đã ẩn";
}

/* GET /bien-tap/hoi-dap?don_vi= */
int
h_ed_questions(struct request *r)
{
	struct row_CT_ED_QA	*v;
	struct unit		 u;
	struct page		 p;
	size_t			 i, n;
	int			 st;

	resp_page_new(r, &p, "Hỏi đáp", "ed_questions.tpl");
	if ((st = content_ed_unit(r, &p, &u, "/bien-tap/hoi-dap")) != 200)
		return resp_error(r, st, NULL);
	if (db_all(r->db, r->a, CT_ED_QA, &v, &n, "uu", (unsigned long long)u.id,
	    (unsigned long long)r->user->id) != DB_OK)
		return resp_error(r, 500, NULL);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_section(p.body, "QUESTION");
		tmpl_set(s, "TITLE", v[i].title);
		tmpl_set(s, "ASKER", v[i].asker_name);
		tmpl_set(s, "ASKED", clock_datetime(r->a, v[i].created_at));
		tmpl_set(s, "STATUS", qa_status_label(v[i].status));
		tmpl_set(s, "URL", arena_printf(r->a, "/bien-tap/hoi-dap/%llu",
		    (unsigned long long)v[i].id));
	}
	if (n == 0)
		tmpl_show(p.body, "NO_QUESTIONS");
	return resp_page(r, 200, &p);
}

/* Carries out the form's action on question id; 303 back to it. */
static int
qa_act(struct request *r, struct page *p, uint64_t id)
{
	const char		*act = r->val[KEY_ACTION].s;
	const char		*ans = r->val[KEY_BODY].s;
	struct actor		 who = page_actor(r);
	enum question_err	 e;

	if (act != NULL && strcmp(act, "an") == 0)
		e = question_hide(r->db, &who, id);
	else if (act == NULL || (strcmp(act, "luu") != 0 &&
	    strcmp(act, "dang") != 0)) {
		resp_form_error(p, "Vui lòng chọn Lưu câu trả lời, Đăng hoặc "
		    "Ẩn.");
		return resp_page(r, 422, p);
	} else if (ans == NULL || strlen(ans) > 60000) {
		resp_field_error(p, "ERR_ANSWER", "Vui lòng nhập câu trả lời "
		    "(tối đa khoảng 20.000 ký tự).");
		return resp_page(r, 422, p);
	} else
		e = question_answer(r->db, r->a, &who, id, ans,
		    strcmp(act, "dang") == 0 ? "published" : "answered");
	if (e != QUESTION_OK)
		return resp_error(r, e == QUESTION_NOTFOUND ? 404 : 500, NULL);
	return resp_redirect(r, 303, arena_printf(r->a,
	    "/bien-tap/hoi-dap/%llu?tb=da-luu", (unsigned long long)id));
}

/* GET/POST /bien-tap/hoi-dap/{id} */
int
h_ed_question(struct request *r)
{
	struct row_CT_ED_QA_GET	 v;
	struct page		 p;
	enum db_err		 e;

	e = db_one(r->db, r->a, CT_ED_QA_GET, &v, "uu",
	    (unsigned long long)r->args[0].id,
	    (unsigned long long)r->user->id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	resp_page_new(r, &p, v.title, "ed_question.tpl");
	tmpl_set(p.body, "TITLE", v.title);
	tmpl_set(p.body, "ASKER", v.asker_name);
	tmpl_set(p.body, "ASKED", clock_datetime(r->a, v.created_at));
	tmpl_set(p.body, "QUESTION", v.question);
	tmpl_set(p.body, "STATUS", qa_status_label(v.status));
	tmpl_set(p.body, "UNIT_NAME", page_unit_name(r->a, v.unit_kind,
	    v.unit_name));
	tmpl_set(p.body, "BACK_URL", arena_printf(r->a,
	    "/bien-tap/hoi-dap?don_vi=%llu", (unsigned long long)v.unit_id));
	tmpl_set(p.body, "ACTION_URL", arena_printf(r->a, "/bien-tap/hoi-dap/%llu",
	    (unsigned long long)v.id));
	if (strcmp(v.status, "published") == 0)
		tmpl_set(tmpl_section(p.body, "PUBLISHED"), "URL", arena_printf(
		    r->a, "/don-vi/%s/hoi-dap#hoi-%llu", v.unit_slug,
		    (unsigned long long)v.id));
	if (r->val[KEY_NOTICE].s != NULL)
		tmpl_set(tmpl_section(p.body, "NOTICE"), "TEXT",
		    r->val[KEY_NOTICE].s);
	tmpl_set(p.body, "VAL_ANSWER", r->method == METHOD_POST ?
	    r->val[KEY_BODY].raw : v.answer);
	if (r->method == METHOD_POST)
		return qa_act(r, &p, v.id);
	return resp_page(r, 200, &p);
}
