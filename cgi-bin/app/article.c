/* The newsroom's editorial workflow (app/article.h): the table, its
 * checks, and one transaction per action. */
#include <string.h>

#include <sodium.h>

#include "app/article.h"
#include "app/audit.h"
#include "app/search.h"
#include "core/arena.h"
#include "core/text.h"
#include "data/db.h"

#define S(n)	(1u << (n))
#define EDITOR	ART_ROLE_EDITOR
#define LEADER	ART_ROLE_LEADER
#define ADMIN	ART_ROLE_ADMIN
#define WRITERS	(EDITOR | LEADER | ADMIN)
#define UNSENT	(S(ART_DRAFT) | S(ART_RETURNED) | S(ART_UNPUBLISHED))

/* Names as stored (articles.status), labels for people; annotated with
 * enum article_status. */
static const char *const status_names[ART_STATUS__MAX][2] = {
	{ "draft", "Bản nháp" },		/* ART_DRAFT */
	{ "submitted", "Chờ duyệt" },		/* ART_SUBMITTED */
	{ "returned", "Bị trả lại" },		/* ART_RETURNED */
	{ "published", "Đã đăng" },		/* ART_PUBLISHED */
	{ "unpublished", "Đã gỡ" },		/* ART_UNPUBLISHED */
	{ "archived", "Lưu trữ" },		/* ART_ARCHIVED */
};

/* THE transition table (README, "The newsroom").  Saving keeps the
 * status, but a published article saved by someone who may not publish
 * goes back to the leader (article_next). */
static const struct article_rule rules[ART_ACTION__MAX] = {
	/* ART_SAVE */
	{ "luu", "Lưu", UNSENT | S(ART_SUBMITTED) | S(ART_PUBLISHED), -1,
	  WRITERS, 0, "article_save" },
	/* ART_SUBMIT */
	{ "gui-duyet", "Gửi duyệt", UNSENT, ART_SUBMITTED, WRITERS, 0,
	  "article_submit" },
	/* ART_PUBLISH */
	{ "dang", "Đăng ngay", UNSENT | S(ART_SUBMITTED), ART_PUBLISHED,
	  ART_PUBLISHERS, 0, "article_publish" },
	/* ART_SCHEDULE */
	{ "hen-gio", "Hẹn giờ đăng", UNSENT | S(ART_SUBMITTED), ART_PUBLISHED,
	  ART_PUBLISHERS, ART_NEED_TIME, "article_schedule" },
	/* ART_RETURN */
	{ "tra-lai", "Trả lại cho biên tập viên", S(ART_SUBMITTED),
	  ART_RETURNED, LEADER | ADMIN, ART_NEED_NOTE, "article_return" },
	/* ART_UNPUBLISH */
	{ "go-bai", "Gỡ bài", S(ART_PUBLISHED), ART_UNPUBLISHED,
	  ART_PUBLISHERS, 0, "article_unpublish" },
	/* ART_ARCHIVE */
	{ "luu-tru", "Lưu trữ", S(ART_PUBLISHED) | S(ART_UNPUBLISHED),
	  ART_ARCHIVED, ART_PUBLISHERS, 0, "article_archive" },
};

const struct article_rule *
article_rule(enum article_action act)
{
	return (unsigned)act < ART_ACTION__MAX ? &rules[act] : NULL;
}

/* The action named word (hanh_dong), or -1. */
int
article_find(const char *word)
{
	int	 i;

	for (i = 0; word != NULL && i < ART_ACTION__MAX; i++)
		if (strcmp(word, rules[i].word) == 0)
			return i;
	return -1;
}

/* The status stored as name, or -1. */
int
article_status_find(const char *name)
{
	int	 i;

	for (i = 0; name != NULL && i < ART_STATUS__MAX; i++)
		if (strcmp(name, status_names[i][0]) == 0)
			return i;
	return -1;
}

const char *
article_status_name(int st)
{
	return (unsigned)st < ART_STATUS__MAX ? status_names[st][0] : "";
}

const char *
article_status_label(int st)
{
	return (unsigned)st < ART_STATUS__MAX ? status_names[st][1] : "";
}

/* Whether a person with roles (ART_ROLE_*) may do act to an article in
 * status: ART_OK; ART_FORBIDDEN (not their role); ART_NOT_ALLOWED (not
 * from this status), with *why.  Pure. */
enum article_err
article_check(enum article_action act, unsigned roles, int status,
    const char **why)
{
	const struct article_rule	*d = article_rule(act);

	*why = NULL;
	if (d == NULL || (d->roles & roles) == 0) {
		*why = (roles & EDITOR) && d != NULL &&
		    (d->roles & ART_ROLE_SELF) ? "Chỉ lãnh đạo đơn vị được "
		    "đăng, hẹn giờ đăng hoặc gỡ bài của đơn vị này." :
		    "Bạn không có quyền thực hiện thao tác này.";
		return ART_FORBIDDEN;
	}
	if ((unsigned)status >= ART_STATUS__MAX || !(d->from & S(status))) {
		*why = "Thao tác này không áp dụng cho bài viết ở trạng thái "
		    "hiện tại.";
		return ART_NOT_ALLOWED;
	}
	return ART_OK;
}

/* The status after act (allowed, article_check) from status: the
 * table's; a save keeps it, except that a published article saved by
 * someone who may not publish goes back to the leader.  Pure. */
int
article_next(enum article_action act, unsigned roles, int status)
{
	const struct article_rule	*d = article_rule(act);

	if (d == NULL)
		return status;
	if (d->to >= 0)
		return d->to;
	if (status == ART_PUBLISHED && !(roles & ART_PUBLISHERS))
		return ART_SUBMITTED;
	return status;
}

/* Whether the form gave what act needs (ART_NEED_*).  Pure. */
enum article_err
article_need(enum article_action act, const struct article_args *x,
    const char **why)
{
	const struct article_rule	*d = article_rule(act);

	*why = NULL;
	if (d == NULL)
		return ART_INVALID;
	if ((d->needs & ART_NEED_NOTE) && (x->note == NULL ||
	    *x->note == '\0'))
		*why = "Vui lòng ghi lý do trả lại bài để biên tập viên "
		    "sửa.";
	else if ((d->needs & ART_NEED_TIME) && x->at <= x->now)
		*why = "Vui lòng chọn thời điểm đăng trong tương lai.";
	return *why == NULL ? ART_OK : ART_INVALID;
}

/* The HTTP status that answers e. */
int
article_http(enum article_err e)
{
	static const int codes[ART_ERR__MAX] = {
		200,	/* ART_OK */
		409,	/* ART_STALE */
		403,	/* ART_FORBIDDEN */
		409,	/* ART_NOT_ALLOWED */
		422,	/* ART_INVALID */
		404,	/* ART_NOTFOUND */
		500,	/* ART_ERR */
	};

	return (unsigned)e < ART_ERR__MAX ? codes[e] : 500;
}

/* The ART_ROLE_* bits of user for unit (without ART_ROLE_SELF, which
 * the unit's setting adds); 0 on error. */
unsigned
article_roles(struct db *db, struct arena *a, uint64_t user, uint64_t unit)
{
	struct row_ART_ROLES	*v;
	size_t			 i, n;
	unsigned		 roles = 0;

	if (db_all(db, a, ART_ROLES, &v, &n, "uu", (unsigned long long)user,
	    (unsigned long long)unit) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].role, "editor") == 0)
			roles |= EDITOR;
		else if (strcmp(v[i].role, "leader") == 0)
			roles |= LEADER;
		else if (strcmp(v[i].role, "admin") == 0)
			roles |= ADMIN;
	}
	return roles;
}

/* The row's new values: the text t, status to, and the publication
 * (time and publisher) when act publishes. */
static enum db_err
article_update(struct db *db, enum article_action act, const struct actor *who,
    uint64_t id, uint64_t version, const struct article_text *t, int to,
    const struct article_args *x)
{
	long long	 at = 0;
	unsigned long long by = 0;
	uint64_t	 n = 0;
	enum db_err	 e;

	if (act == ART_PUBLISH || act == ART_SCHEDULE) {
		at = act == ART_SCHEDULE ? (long long)x->at : (long long)x->now;
		by = (unsigned long long)who->id;
	}
	e = db_exec(db, STMT_ART_UPDATE, &n, NULL, "susssiiiussiiuuisuu",
	    t->kind, (unsigned long long)t->category, t->title, t->summary,
	    t->body, (long long)t->pinned, (long long)t->expires,
	    (long long)t->expires, (unsigned long long)t->lead_media,
	    t->lead_alt, article_status_name(to), at, at, by, by,
	    (long long)(act != ART_SAVE), act == ART_RETURN ? x->note : "",
	    (unsigned long long)id, (unsigned long long)version);
	return e != DB_OK ? e : n == 1 ? DB_OK : DB_NOTFOUND;
}

/* The lock's row as the rules see it: the status and the roles (with
 * ART_ROLE_SELF for an editor of a self-publishing unit). */
static enum article_err
article_lock(struct db *db, struct arena *a, const struct actor *who,
    uint64_t id, uint64_t version, struct row_ART_LOCK *v, int *status,
    unsigned *roles)
{
	enum db_err	 e;

	if ((e = db_one(db, a, ART_LOCK, v, "u", (unsigned long long)id)) !=
	    DB_OK)
		return e == DB_NOTFOUND ? ART_NOTFOUND : ART_ERR;
	*roles = article_roles(db, a, who->id, v->unit_id);
	if (*roles == 0)
		return ART_NOTFOUND;	/* not yours: as if none */
	if ((*roles & EDITOR) && v->self_publish)
		*roles |= ART_ROLE_SELF;
	if ((*status = article_status_find(v->status)) < 0)
		return ART_ERR;
	return v->version == version ? ART_OK : ART_STALE;
}

/* The revision of a change: the text as it is now, its status, the
 * note (the comment of a return, what a restore restored). */
static enum db_err
article_revision(struct db *db, const struct actor *who, uint64_t id,
    const struct article_text *t, int to, const char *note)
{
	return db_exec(db, STMT_ART_REVISION_ADD, NULL, NULL, "uusssss",
	    (unsigned long long)id, (unsigned long long)who->id, t->title,
	    t->summary, t->body, article_status_name(to), note);
}

/* Does act to article id, seen at version, with the text t and args x,
 * for who, in one transaction: the row locked, checked against the table
 * (version, role, status, then the fields), updated (version in its
 * WHERE), a revision, the audit row, the search index.  ART_OK;
 * ART_STALE; ART_FORBIDDEN, ART_NOT_ALLOWED or ART_INVALID with *why;
 * ART_NOTFOUND (none, or not of the person's units); ART_ERR.  Nothing
 * changes unless ART_OK. */
enum article_err
article_act(struct db *db, struct arena *a, const struct actor *who,
    uint64_t id, uint64_t version, enum article_action act,
    const struct article_text *t, const struct article_args *x,
    const char **why)
{
	struct row_ART_LOCK	 v;
	enum article_err	 r = ART_ERR;
	unsigned		 roles = 0;
	int			 st = 0, to;

	*why = NULL;
	if (article_rule(act) == NULL || db_begin(db) != DB_OK)
		return ART_ERR;
	if ((r = article_lock(db, a, who, id, version, &v, &st, &roles)) !=
	    ART_OK || (r = article_check(act, roles, st, why)) != ART_OK ||
	    (r = article_need(act, x, why)) != ART_OK)
		goto out;
	r = ART_ERR;
	to = article_next(act, roles, st);
	if (article_update(db, act, who, id, version, t, to, x) != DB_OK ||
	    article_revision(db, who, id, t, to, x->note ? x->note : "") !=
	    DB_OK ||
	    audit_add(db, who, rules[act].audit, "article", id,
	    article_status_name(to)) != DB_OK ||
	    search_sync(db, a, SEARCH_ARTICLE, id) != DB_OK ||
	    db_commit(db) != DB_OK)
		goto out;
	return ART_OK;
out:
	db_rollback(db);
	return r;
}

/* Makes the text of revision rev the article's again, as a save by who
 * (a new revision, noted as a restore); the rest (kind, category, image)
 * stays.  As article_act. */
enum article_err
article_restore(struct db *db, struct arena *a, const struct actor *who,
    uint64_t id, uint64_t version, uint64_t rev, const char **why)
{
	struct row_ART_REVISION_GET	 old;
	struct row_ART_FULL		 f;
	struct article_text		 t;
	struct article_args		 x = { "", 0, 0 };
	enum db_err			 e;

	*why = NULL;
	if ((e = db_one(db, a, ART_REVISION_GET, &old, "uu",
	    (unsigned long long)rev, (unsigned long long)id)) != DB_OK ||
	    (e = db_one(db, a, ART_FULL, &f, "u", (unsigned long long)id)) !=
	    DB_OK)
		return e == DB_NOTFOUND ? ART_NOTFOUND : ART_ERR;
	t.kind = f.kind;
	t.category = f.category_id;
	t.title = old.title;
	t.summary = old.summary;
	t.body = old.body;
	t.pinned = f.pinned != 0;
	t.expires = f.expires;
	t.lead_media = f.lead_media_id;
	t.lead_alt = f.lead_alt;
	x.note = arena_printf(a, "Khôi phục phiên bản #%llu",
	    (unsigned long long)rev);
	return article_act(db, a, who, id, version, ART_SAVE, &t, &x, why);
}

/* A new draft of text in unit, written by who, with its first revision
 * and audit row; a slug already used in the unit gets a random suffix.
 * ART_OK (*id set); ART_NOTFOUND (not a unit of the person's); ART_ERR. */
enum article_err
article_create(struct db *db, struct arena *a, const struct actor *who,
    uint64_t unit, const struct article_text *t, uint64_t *id)
{
	const char	*slug = text_slug(a, t->title, 80);
	uint64_t	 n = 0;
	enum db_err	 e = DB_ERR;
	int		 tries;

	if (db_begin(db) != DB_OK)
		return ART_ERR;
	for (tries = 0; tries < 3; tries++) {
		e = db_exec(db, STMT_ED_INSERT, &n, id, "sssssuuu", t->kind,
		    slug, t->title, t->summary, t->body,
		    (unsigned long long)who->id, (unsigned long long)unit,
		    (unsigned long long)who->id);
		if (e != DB_DUP)
			break;
		slug = arena_printf(a, "%s-%04x", slug,
		    (unsigned)randombytes_uniform(65536));
	}
	if (e == DB_OK && n == 1 && article_revision(db, who, *id, t,
	    ART_DRAFT, "") == DB_OK && audit_add(db, who, "article_create",
	    "article", *id, "draft") == DB_OK && db_commit(db) == DB_OK)
		return ART_OK;
	db_rollback(db);
	return e == DB_OK && n == 0 ? ART_NOTFOUND : ART_ERR;
}
