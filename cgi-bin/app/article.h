/* The newsroom's editorial workflow (issue 11): THE table of what
 * editors, leaders and the administrator may do to an article, from
 * which statuses, to which, and what each needs; and article_act, which
 * does one in one transaction: the row (with the version the form was
 * made from), a revision, the audit row and the search index. */
#ifndef ARTICLE_H
#define ARTICLE_H
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;

enum article_status {
	ART_DRAFT,		/* bản nháp */
	ART_SUBMITTED,		/* chờ duyệt */
	ART_RETURNED,		/* bị trả lại, with the leader's comment */
	ART_PUBLISHED,		/* đã đăng (or scheduled: published_at ahead) */
	ART_UNPUBLISHED,	/* đã gỡ */
	ART_ARCHIVED,		/* lưu trữ */
	ART_STATUS__MAX
};

enum article_action {
	ART_SAVE,		/* luu: the text; see article_next */
	ART_SUBMIT,		/* gui-duyet: -> submitted */
	ART_PUBLISH,		/* dang: -> published now */
	ART_SCHEDULE,		/* hen-gio: -> published at a later time */
	ART_RETURN,		/* tra-lai: submitted -> returned, a comment */
	ART_UNPUBLISH,		/* go-bai: published -> unpublished */
	ART_ARCHIVE,		/* luu-tru: -> archived */
	ART_ACTION__MAX
};

/* Who: bits of the person's roles for the article's unit. */
#define ART_ROLE_EDITOR	0x1u	/* editor of the unit */
#define ART_ROLE_LEADER	0x2u	/* leader of the unit */
#define ART_ROLE_ADMIN	0x4u	/* the city's administrator */
#define ART_ROLE_SELF	0x8u	/* editor of a unit with self_publish */
/* Those who publish: the leader, the administrator, a self-publishing
 * unit's editor. */
#define ART_PUBLISHERS	(ART_ROLE_LEADER | ART_ROLE_ADMIN | ART_ROLE_SELF)

/* What an action needs from the form (article_rule.needs). */
#define ART_NEED_NOTE	0x1u	/* ghi_chu: the comment of a return */
#define ART_NEED_TIME	0x2u	/* dang_luc: a time ahead */

struct article_rule {
	const char	*word;		/* hanh_dong */
	const char	*label;		/* the form's button */
	unsigned	 from;		/* bits 1 << enum article_status */
	int		 to;		/* -1: stays (ART_SAVE: article_next) */
	unsigned	 roles;		/* ART_ROLE_* */
	unsigned	 needs;		/* ART_NEED_* */
	const char	*audit;		/* audit_log.action */
};

/* The article's content, as the form gives it (or a revision). */
struct article_text {
	const char	*kind;		/* "news" or "announcement" */
	uint64_t	 category;	/* 0: none */
	const char	*title, *summary, *body;
	int		 pinned;
	int64_t		 expires;	/* UTC seconds; 0: never */
	uint64_t	 lead_media;	/* 0: none */
	const char	*lead_alt;
};

struct article_args {
	const char	*note;		/* the comment, or "" */
	int64_t		 at;		/* ART_SCHEDULE: UTC seconds */
	int64_t		 now;		/* UTC seconds */
};

enum article_err {
	ART_OK,
	ART_STALE,		/* changed by someone else: 409 */
	ART_FORBIDDEN,		/* not for this person's role: 403 */
	ART_NOT_ALLOWED,	/* not from the current status: 409 */
	ART_INVALID,		/* a field missing or wrong: 422 */
	ART_NOTFOUND,		/* no such article: 404 */
	ART_ERR,
	ART_ERR__MAX
};

const struct article_rule *article_rule(enum article_action);
int		 article_find(const char *word);
int		 article_status_find(const char *name);
const char	*article_status_name(int);
const char	*article_status_label(int);
enum article_err article_check(enum article_action, unsigned roles,
		    int status, const char **why);
int		 article_next(enum article_action, unsigned roles, int status);
enum article_err article_need(enum article_action,
		    const struct article_args *, const char **why);
int		 article_http(enum article_err);
unsigned	 article_roles(struct db *, struct arena *, uint64_t user,
		    uint64_t unit);
enum article_err article_act(struct db *, struct arena *,
		    const struct actor *, uint64_t id, uint64_t version,
		    enum article_action, const struct article_text *,
		    const struct article_args *, const char **why);
enum article_err article_create(struct db *, struct arena *,
		    const struct actor *, uint64_t unit,
		    const struct article_text *, uint64_t *id);
enum article_err article_restore(struct db *, struct arena *,
		    const struct actor *, uint64_t id, uint64_t version,
		    uint64_t revision, const char **why);

#endif
