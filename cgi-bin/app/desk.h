/* The one-stop desk's transitions (issue 9): THE table of what staff and
 * leaders may do to an application, from which statuses, to which, and
 * what each needs; and desk_act, which performs one in one transaction:
 * the row (with the version the page showed), the timeline event, the
 * applicant's mail and the audit row (app/event.c). */
#ifndef DESK_H
#define DESK_H
#include <stdint.h>

#include "app/audit.h"
#include "app/store.h"
#include "core/workday.h"
#include "data/db.h"

struct arena;

enum desk_action {
	DESK_RECEIVE,		/* tiep-nhan: 1 -> 2, the clock starts */
	DESK_REFUSE,		/* tu-choi: 1 -> 3, Mẫu 03 */
	DESK_ASSIGN,		/* phan-cong: 2 -> 4, or at 4 */
	DESK_ASK_SUPPLEMENT,	/* yeu-cau-bo-sung: 2 or 4 -> 5, Mẫu 02 */
	DESK_ACCEPT_SUPPLEMENT,	/* nhan-bo-sung: 5 -> 4, the clock resumes */
	DESK_ASK_PAYMENT,	/* yeu-cau-thanh-toan: 4 -> 6 */
	DESK_PAID,		/* da-thanh-toan: 6 -> 4 */
	DESK_STOP,		/* dung: 4, 5, 6 -> 8, Mẫu 05 */
	DESK_RESULT,		/* ket-qua: the result PDF, at 4 */
	DESK_APPROVE,		/* phe-duyet: the leader approves it, at 4 */
	DESK_FINISH,		/* hoan-thanh: 4 -> 9 */
	DESK_RETURN,		/* tra-ket-qua: 9 -> 10 */
	DESK_APOLOGY,		/* xin-loi: Mẫu 04, a new appointment */
	DESK_NOTE,		/* ghi-chu: an internal note */
	DESK_MESSAGE,		/* nhan-tin: a message to the applicant */
	DESK_ACTION__MAX
};

/* Who: bits of the person's roles in the application's unit. */
#define DESK_ROLE_STAFF	0x1u
#define DESK_ROLE_LEADER	0x2u

/* What an action needs from the form (desk_rule.needs). */
#define DESK_NEED_NOTE		0x01u	/* ghi_chu */
#define DESK_NEED_ASSIGNEE	0x02u	/* can_bo */
#define DESK_NEED_AMOUNT	0x04u	/* so_tien */
#define DESK_NEED_DAY		0x08u	/* ngay */
#define DESK_NEED_FILE		0x10u	/* a PDF */
#define DESK_NEED_CHANNEL	0x20u	/* kenh */

/* What an action needs of the application (desk_rule.when). */
#define DESK_WHEN_SUPPLIED	0x01u	/* the applicant answered (5) */
#define DESK_WHEN_RESULT	0x02u	/* a result, approved if need be */
#define DESK_WHEN_APPROVABLE	0x04u	/* a result awaiting approval */
#define DESK_WHEN_LATE		0x08u	/* the appointment has passed */

struct desk_rule {
	const char	*word;		/* hanh_dong */
	const char	*label;		/* the form's button */
	unsigned	 from;		/* bits 1 << status */
	int		 to;		/* -1: the status stays */
	unsigned	 roles;		/* DESK_ROLE_STAFF, DESK_ROLE_LEADER */
	unsigned	 needs;		/* DESK_NEED_* */
	unsigned	 when;		/* DESK_WHEN_* */
	const char	*kind;		/* application_events.kind */
	int		 internal;	/* 1: staff only, no mail */
	const char	*audit;		/* audit_log.action */
};

/* The application as the rules see it. */
struct desk_state {
	int		 status;
	int		 supplied;	/* supplied_at is set */
	int		 results;	/* result files */
	int		 approval;	/* the unit approves results */
	int		 approved;
	int		 late;		/* open, its appointment passed */
};

/* What the form gave. */
struct desk_args {
	const char		*note;		/* NULL or "": none */
	uint64_t		 assignee;	/* 0: none */
	uint64_t		 amount;	/* 0: none */
	int32_t			 day;		/* -1: none */
	const char		*channel;	/* "counter", "online", NULL */
	const struct store_file	*file;		/* store_put()'s, or NULL */
	const char		*filename;
};

enum desk_err {
	DESK_OK,
	DESK_STALE,		/* changed by someone else: 409 */
	DESK_FORBIDDEN,		/* not for this person's role: 403 */
	DESK_NOT_ALLOWED,	/* not from the current status: 409 */
	DESK_INVALID,		/* a field missing or wrong: 400 */
	DESK_ERR,
	DESK_ERR__MAX
};

const struct desk_rule *desk_rule(enum desk_action);
int		 desk_find(const char *word);
enum desk_err	 desk_check(enum desk_action, unsigned roles,
		    const struct desk_state *, const char **why);
int32_t		 desk_resume_due(const struct workday_cal *, int32_t due,
		    int32_t paused, int32_t today);
enum desk_err	 desk_act(struct db *, struct arena *, const struct actor *,
		    uint64_t app, uint64_t version, enum desk_action,
		    const struct desk_args *, const char **why);

#endif
