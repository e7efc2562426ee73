/* Unit tests of app/article.c's pure part: the newsroom's transition
 * table, cell by cell (action x status x role), written out by hand from
 * README ("The newsroom"), not derived from the table; the status after
 * each action; what an action needs from the form. */
#include <stdint.h>

#include "app/article.h"
#include "t.h"

#define E	ART_ROLE_EDITOR
#define SELF	(ART_ROLE_EDITOR | ART_ROLE_SELF)
#define L	ART_ROLE_LEADER
#define A	ART_ROLE_ADMIN

/* Per action: the statuses it starts from, 'x' at the index of enum
 * article_status (draft, submitted, returned, published, unpublished,
 * archived), and who may: 'e' an editor, 's' an editor of a
 * self-publishing unit, 'l' the leader, 'a' the administrator. */
static const struct {
	const char	*word;
	const char	*from;
	const char	*who;
	int		 to;	/* -1: stays */
} expect[ART_ACTION__MAX] = {
	{ "luu",	"xxxxx.", "esla", -1 },
	{ "gui-duyet",	"x.x.x.", "esla", ART_SUBMITTED },
	{ "dang",	"xxx.x.", "sla", ART_PUBLISHED },
	{ "hen-gio",	"xxx.x.", "sla", ART_PUBLISHED },
	{ "tra-lai",	".x....", "la", ART_RETURNED },
	{ "go-bai",	"...x..", "sla", ART_UNPUBLISHED },
	{ "luu-tru",	"...xx.", "sla", ART_ARCHIVED },
};

static const struct {
	unsigned	 roles;
	char		 letter;
} people[] = { { E, 'e' }, { SELF, 's' }, { L, 'l' }, { A, 'a' } };

static void
test_find_words(void)
{
	int	 i;

	for (i = 0; i < ART_ACTION__MAX; i++)
		CHECK_INT(article_find(expect[i].word), i);
	CHECK_INT(article_find("xoa"), -1);
	CHECK_INT(article_find(""), -1);
	CHECK_INT(article_find(NULL), -1);
	CHECK_INT(article_status_find("submitted"), ART_SUBMITTED);
	CHECK_INT(article_status_find("pending"), -1);
	CHECK_STR(article_status_name(ART_RETURNED), "returned");
	CHECK_STR(article_status_label(ART_SUBMITTED), "Chờ duyệt");
}

/* Every cell: allowed where the table above says, FORBIDDEN for a person
 * without the role (whatever the status), NOT_ALLOWED otherwise, always
 * with a reason. */
static void
test_table_cell_by_cell(void)
{
	const char		*why;
	enum article_err	 e, want;
	size_t			 p;
	int			 i, st;

	for (i = 0; i < ART_ACTION__MAX; i++)
		for (st = 0; st < ART_STATUS__MAX; st++)
			for (p = 0; p < 4; p++) {
		int role_ok = strchr(expect[i].who, people[p].letter) != NULL;
		want = !role_ok ? ART_FORBIDDEN : expect[i].from[st] == 'x' ?
		    ART_OK : ART_NOT_ALLOWED;
		e = article_check((enum article_action)i, people[p].roles, st,
		    &why);
		if (e != want)
			printf("  %s from %d by %c\n", expect[i].word, st,
			    people[p].letter);
		CHECK_INT(e, want);
		CHECK((e == ART_OK) == (why == NULL));
			}
}

static void
test_nobody_and_bad_values(void)
{
	const char	*why;

	CHECK_INT(article_check(ART_SAVE, 0, ART_DRAFT, &why), ART_FORBIDDEN);
	CHECK_INT(article_check(ART_PUBLISH, ART_ROLE_SELF, ART_DRAFT, &why),
	    ART_OK);	/* SELF is only ever set with EDITOR */
	CHECK_INT(article_check(ART_ACTION__MAX, A, ART_DRAFT, &why),
	    ART_FORBIDDEN);
	CHECK_INT(article_check(ART_SAVE, A, -1, &why), ART_NOT_ALLOWED);
	CHECK_INT(article_check(ART_SAVE, A, ART_STATUS__MAX, &why),
	    ART_NOT_ALLOWED);
	CHECK_INT(article_check(ART_PUBLISH, E, ART_SUBMITTED, &why),
	    ART_FORBIDDEN);
	CHECK_STR(why, "Chỉ lãnh đạo đơn vị được đăng, hẹn giờ đăng hoặc gỡ "
	    "bài của đơn vị này.");
}

/* The status after each allowed action: the table's; a save keeps it,
 * but a published article saved by a plain editor goes back to
 * submitted. */
static void
test_next_status(void)
{
	size_t	 p;
	int	 i, st;

	for (i = 1; i < ART_ACTION__MAX; i++)
		for (st = 0; st < ART_STATUS__MAX; st++)
			for (p = 0; p < 4; p++)
				CHECK_INT(article_next((enum article_action)i,
				    people[p].roles, st), expect[i].to);
	for (st = 0; st < ART_STATUS__MAX; st++)
		for (p = 1; p < 4; p++)
			CHECK_INT(article_next(ART_SAVE, people[p].roles, st),
			    st);
	CHECK_INT(article_next(ART_SAVE, E, ART_DRAFT), ART_DRAFT);
	CHECK_INT(article_next(ART_SAVE, E, ART_RETURNED), ART_RETURNED);
	CHECK_INT(article_next(ART_SAVE, E, ART_SUBMITTED), ART_SUBMITTED);
	CHECK_INT(article_next(ART_SAVE, E, ART_UNPUBLISHED),
	    ART_UNPUBLISHED);
	CHECK_INT(article_next(ART_SAVE, E, ART_PUBLISHED), ART_SUBMITTED);
}

static void
test_needs(void)
{
	struct article_args	 x = { "", 0, 1000 };
	const char		*why;

	CHECK_INT(article_need(ART_RETURN, &x, &why), ART_INVALID);
	CHECK_STR(why, "Vui lòng ghi lý do trả lại bài để biên tập viên sửa.");
	x.note = NULL;
	CHECK_INT(article_need(ART_RETURN, &x, &why), ART_INVALID);
	x.note = "Sửa tiêu đề";
	CHECK_INT(article_need(ART_RETURN, &x, &why), ART_OK);
	CHECK(why == NULL);
	x.at = 1000;
	CHECK_INT(article_need(ART_SCHEDULE, &x, &why), ART_INVALID);
	CHECK_STR(why, "Vui lòng chọn thời điểm đăng trong tương lai.");
	x.at = 1001;
	CHECK_INT(article_need(ART_SCHEDULE, &x, &why), ART_OK);
	x.at = 0;
	CHECK_INT(article_need(ART_PUBLISH, &x, &why), ART_OK);
	CHECK_INT(article_need(ART_SAVE, &x, &why), ART_OK);
}

static void
test_http_statuses(void)
{
	CHECK_INT(article_http(ART_OK), 200);
	CHECK_INT(article_http(ART_STALE), 409);
	CHECK_INT(article_http(ART_FORBIDDEN), 403);
	CHECK_INT(article_http(ART_NOT_ALLOWED), 409);
	CHECK_INT(article_http(ART_INVALID), 422);
	CHECK_INT(article_http(ART_NOTFOUND), 404);
	CHECK_INT(article_http(ART_ERR), 500);
	CHECK_INT(article_http(ART_ERR__MAX), 500);
}

int
main(void)
{
	RUN(test_find_words);
	RUN(test_table_cell_by_cell);
	RUN(test_nobody_and_bad_values);
	RUN(test_next_status);
	RUN(test_needs);
	RUN(test_http_statuses);
	return T_END();
}
