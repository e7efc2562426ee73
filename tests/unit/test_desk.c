/* Unit tests of app/desk.c's pure part: the transition table (which
 * action from which status for which role, and what the application must
 * be for it), written out by hand from README ("The one-stop desk"), not
 * derived from the table; and the deadline moved by a supplement's
 * pause. */
#include <stdint.h>

#include "app/desk.h"
#include "core/workday.h"
#include "t.h"

#define ST	DESK_ROLE_STAFF
#define LD	DESK_ROLE_LEADER

/* For each action, the statuses (1-10) it starts from: a string with 'x'
 * at index status, and who may do it: "s" staff, "l" leader. */
static const struct {
	const char	*word;
	const char	*from;		/* index 0..10 */
	const char	*who;
} expect[DESK_ACTION__MAX] = {
	{ "tiep-nhan",		".x.........", "s" },
	{ "tu-choi",		".x.........", "s" },
	{ "phan-cong",		"..x.x......", "sl" },
	{ "yeu-cau-bo-sung",	"..x.x......", "s" },
	{ "nhan-bo-sung",	".....x.....", "s" },
	{ "yeu-cau-thanh-toan",	"....x......", "s" },
	{ "da-thanh-toan",	"......x....", "s" },
	{ "dung",		"....xxx....", "sl" },
	{ "ket-qua",		"....x......", "s" },
	{ "phe-duyet",		"....x......", "l" },
	{ "hoan-thanh",		"....x......", "s" },
	{ "tra-ket-qua",	".........x.", "s" },
	{ "xin-loi",		".xx.xxx....", "s" },
	{ "ghi-chu",		".xxxxxxxxxx", "sl" },
	{ "nhan-tin",		".xxxxxxxxxx", "s" },
};

/* A state in which every DESK_WHEN_* condition holds, so that only the
 * status and the role decide. */
static struct desk_state
ready(int status)
{
	struct desk_state s = { status, 1, 1, 1, 0, 1 };

	if (status != 4)
		s.approved = 1;
	return s;
}

static void
test_find_words(void)
{
	int	 i;

	for (i = 0; i < DESK_ACTION__MAX; i++)
		CHECK_INT(desk_find(expect[i].word), i);
	CHECK_INT(desk_find("xoa"), -1);
	CHECK_INT(desk_find(""), -1);
	CHECK_INT(desk_find(NULL), -1);
}

static void
test_table_by_status_and_role(void)
{
	static const unsigned roles[] = { 0, ST, LD, ST | LD };
	struct desk_state	 s;
	const char		*why;
	enum desk_err		 e, want;
	int			 i, st, approved;
	size_t			 r;

	for (i = 0; i < DESK_ACTION__MAX; i++)
		for (st = 0; st <= 10; st++)
			for (r = 0; r < 4; r++)
				for (approved = 0; approved <= 1; approved++) {
			int role_ok = ((roles[r] & ST) &&
			    strchr(expect[i].who, 's') != NULL) ||
			    ((roles[r] & LD) &&
			    strchr(expect[i].who, 'l') != NULL);
			s = ready(st);
			s.approved = approved;
			/* phe-duyet wants a result not yet approved;
			 * hoan-thanh an approved one (the unit wants it) */
			want = !role_ok ? DESK_FORBIDDEN :
			    expect[i].from[st] != 'x' ? DESK_NOT_ALLOWED :
			    (i == DESK_APPROVE && approved) ||
			    (i == DESK_FINISH && !approved) ?
			    DESK_NOT_ALLOWED : DESK_OK;
			e = desk_check(i, roles[r], &s, &why);
			if (e != want)
				printf("  %s at %d, roles %u, approved %d\n",
				    expect[i].word, st, roles[r], approved);
			CHECK_INT(e, want);
			CHECK(e == DESK_OK ? why == NULL : why != NULL);
		}
}

static void
test_accept_needs_the_answer(void)
{
	struct desk_state	 s = ready(5);
	const char		*why;

	s.supplied = 0;
	CHECK_INT(desk_check(DESK_ACCEPT_SUPPLEMENT, ST, &s, &why),
	    DESK_NOT_ALLOWED);
	CHECK_STR(why, "Người nộp chưa gửi giấy tờ bổ sung.");
	/* a stop does not wait for it */
	CHECK_INT(desk_check(DESK_STOP, ST, &s, &why), DESK_OK);
}

static void
test_finish_needs_result_and_approval(void)
{
	struct desk_state	 s = ready(4);
	const char		*why;

	s.results = 0;
	s.approval = 0;
	CHECK_INT(desk_check(DESK_FINISH, ST, &s, &why), DESK_NOT_ALLOWED);
	s.results = 1;
	CHECK_INT(desk_check(DESK_FINISH, ST, &s, &why), DESK_OK);
	/* no approval in this unit: nothing for the leader to approve */
	CHECK_INT(desk_check(DESK_APPROVE, LD, &s, &why), DESK_NOT_ALLOWED);
	s.approval = 1;
	s.approved = 0;
	CHECK_INT(desk_check(DESK_FINISH, ST, &s, &why), DESK_NOT_ALLOWED);
	CHECK_STR(why, "Kết quả chưa được lãnh đạo phê duyệt.");
	CHECK_INT(desk_check(DESK_APPROVE, LD, &s, &why), DESK_OK);
	CHECK_INT(desk_check(DESK_APPROVE, ST, &s, &why), DESK_FORBIDDEN);
	s.results = 0;
	CHECK_INT(desk_check(DESK_APPROVE, LD, &s, &why), DESK_NOT_ALLOWED);
}

static void
test_apology_only_when_late(void)
{
	struct desk_state	 s = ready(4);
	const char		*why;

	s.late = 0;
	CHECK_INT(desk_check(DESK_APOLOGY, ST, &s, &why), DESK_NOT_ALLOWED);
	s.late = 1;
	CHECK_INT(desk_check(DESK_APOLOGY, ST, &s, &why), DESK_OK);
	CHECK_INT(desk_check(DESK_APOLOGY, LD, &s, &why), DESK_FORBIDDEN);
}

static void
test_refuses_out_of_range(void)
{
	struct desk_state	 s = ready(4);
	const char		*why;

	CHECK_INT(desk_check(DESK_ACTION__MAX, ST | LD, &s, &why),
	    DESK_FORBIDDEN);
	s.status = -1;
	CHECK_INT(desk_check(DESK_NOTE, ST, &s, &why), DESK_NOT_ALLOWED);
	s.status = 11;
	CHECK_INT(desk_check(DESK_NOTE, ST, &s, &why), DESK_NOT_ALLOWED);
	CHECK(desk_rule(DESK_ACTION__MAX) == NULL);
}

/* 2026-03-02 is a Monday. */
static void
test_resume_due(void)
{
	int32_t			 off[] = { workday_civil(2026, 3, 4) };
	struct workday_cal	 none = { off, 0 }, one = { off, 1 };
	int32_t			 mon = workday_civil(2026, 3, 2);

	/* paused and resumed the same day: nothing moves */
	CHECK_INT(desk_resume_due(&none, mon + 10, mon, mon), mon + 10);
	/* paused Monday, resumed the next Monday: 5 working days */
	CHECK_INT(desk_resume_due(&none, mon + 10, mon, mon + 7),
	    workday_civil(2026, 3, 19));
	/* paused Friday, resumed Monday: 1 (the weekend does not count) */
	CHECK_INT(desk_resume_due(&none, mon + 10, mon + 4, mon + 7),
	    workday_civil(2026, 3, 13));
	/* a day off in the pause does not count, nor on the way: paused
	 * Monday, resumed Thursday, Wednesday off: 2 days, from Tuesday */
	CHECK_INT(desk_resume_due(&one, mon + 1, mon, mon + 3),
	    workday_civil(2026, 3, 6));
}

int
main(void)
{
	RUN(test_find_words);
	RUN(test_table_by_status_and_role);
	RUN(test_accept_needs_the_answer);
	RUN(test_finish_needs_result_and_approval);
	RUN(test_apology_only_when_late);
	RUN(test_refuses_out_of_range);
	RUN(test_resume_due);
	return T_END();
}
