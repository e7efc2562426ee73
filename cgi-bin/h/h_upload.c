/* Uploading documents (issue 8): the file inputs of an e-form's document
 * slots, read into the store (h/upload.h), and the applicant's answer to
 * a supplement request, POST /ho-so/{code}/bo-sung: at status 5 (Yêu cầu
 * bổ sung giấy tờ) the files are recorded and the application marked as
 * supplied, for staff to accept (the status stays 5 until they do), one
 * transaction (app/upload.c); at any other status 409. */
#include <stdio.h>
#include <string.h>

#include "app/eform.h"
#include "app/status.h"
#include "app/store.h"
#include "app/upload.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "h/page.h"
#include "h/upload.h"
#include "http/request.h"
#include "http/resp.h"

#define UPLOAD_SLOT_FILES	8	/* files one input may send */

/* The file input of the slot with index (0-based): tep_1, tep_2, ... */
const char *
upload_param(struct request *r, size_t index)
{
	return arena_printf(r->a, "tep_%zu", index + 1);
}

/* bytes as whole megabytes, for the form's announcement. */
static long long
upload_mb(size_t bytes)
{
	return (long long)(bytes / (1024 * 1024));
}

/* The limits the form announces (LIMITS beside the file inputs): per
 * file, per POST (the request body; a draft can be saved and more added)
 * and per application. */
void
upload_limits(struct request *r, struct tmpl_dict *d)
{
	size_t	 body = (size_t)cfg_int("limits", "body_max", 10 << 20, 1024,
		    1L << 30);

	tmpl_set(d, "LIMITS", arena_printf(r->a, "Nhận tệp PDF, JPEG hoặc "
	    "PNG (ảnh chụp hoặc bản quét rõ nét). Mỗi tệp tối đa %lld MB; "
	    "mỗi lần gửi tối đa %lld MB (có thể lưu nháp rồi tải thêm); tổng "
	    "các tệp của một hồ sơ tối đa %lld MB.",
	    upload_mb(store_file_max()), upload_mb(body),
	    upload_mb(store_app_max())));
}

/* Puts one file part of slot i into the store, or marks the slot's error.
 * Returns 0, or 503 when the store or the scanner failed. */
static int
upload_one(struct request *r, struct upload_form *u, size_t i,
    const struct req_kv *kv)
{
	struct upload_file	*f = &u->files[u->nfiles];
	struct store_spool	 sp = { kv->path, kv->fsize, kv->sha256,
				    kv->head, kv->headlen };
	enum store_err		 e;

	if ((e = store_put_spool(&sp, &f->f)) == STORE_OK) {
		f->slot = upload_slot(r->a, i);
		f->filename = store_filename(r->a, kv->filename);
		u->nfiles++;
		return 0;
	}
	if (store_err_status(e) >= 500) {
		LOGE("rid=%s upload: %s", r->rid, store_err_str(e));
		return store_err_status(e);
	}
	if (u->errs[i] == NULL) {
		u->errs[i] = arena_printf(r->a, "Tệp “%s”: %s",
		    store_filename(r->a, kv->filename), store_err_str(e));
		u->nerrs++;
	}
	if (u->status == 0)
		u->status = store_err_status(e);
	return 0;
}

/* Reads the file inputs of f's document slots into the store: u gets the
 * files stored and, per slot, why a file was refused (too big, not a PDF,
 * JPEG or PNG by its content, infected).  Returns 0, or 503 when the
 * store or the scanner failed (nothing is to be recorded then). */
int
upload_read(struct request *r, const struct eform *f, struct upload_form *u)
{
	const struct req_kv	*kv[UPLOAD_SLOT_FILES];
	size_t			 i, j, n;
	int			 st = 0;

	memset(u, 0, sizeof(*u));
	u->errs = arena_calloc(r->a, f->ndocs + 1, sizeof(*u->errs));
	u->files = arena_calloc(r->a, f->ndocs * UPLOAD_SLOT_FILES + 1,
	    sizeof(*u->files));
	for (i = 0; i < f->ndocs && st == 0; i++) {
		n = request_files(r, upload_param(r, i), kv, UPLOAD_SLOT_FILES);
		if (n > UPLOAD_SLOT_FILES) {
			u->errs[i] = arena_printf(r->a, "Tối đa %d tệp cho mỗi "
			    "loại giấy tờ.", UPLOAD_SLOT_FILES);
			u->nerrs++;
			if (u->status == 0)
				u->status = 422;
			continue;
		}
		for (j = 0; j < n && st == 0; j++)
			st = upload_one(r, u, i, kv[j]);
	}
	return st;
}

/* The slots of application code's e-form into *f (one "Giấy tờ bổ sung"
 * when it names none); *id gets the application.  Returns 0 or the
 * status to answer. */
static int
upload_slots(struct request *r, struct eform *f, uint64_t *id)
{
	struct row_UPLOAD_APP_EFORM	 v;
	const char			*why;
	enum db_err			 e;

	memset(f, 0, sizeof(*f));
	e = db_one(r->db, r->a, UPLOAD_APP_EFORM, &v, "su", r->args[0].s,
	    (unsigned long long)r->user->id);
	if (e != DB_OK)
		return page_status(e);
	*id = v.id;
	if (*v.eform != '\0' && eform_load(r->a, v.eform, f, &why) !=
	    EFORM_OK) {
		LOGE("rid=%s e-form of %s: %s", r->rid, r->args[0].s, why);
		return 500;
	}
	if (f->ndocs == 0) {
		f->docs = arena_calloc(r->a, 1, sizeof(*f->docs));
		f->docs[0].name = "Giấy tờ bổ sung";
		f->docs[0].count = 1;
		f->ndocs = 1;
	}
	return 0;
}

/* The supplement form of application code (status 5) in section SUPPLY
 * of d: one file input a slot, the version for the optimistic lock.
 * Returns 1/0 (the e-form could not be read). */
int
upload_supply(struct request *r, struct tmpl_dict *d, const char *code,
    uint64_t version)
{
	struct tmpl_dict	*s, *slot;
	struct eform		 f;
	uint64_t		 id;
	size_t			 i;

	if (upload_slots(r, &f, &id) != 0)
		return 0;
	s = tmpl_section(d, "SUPPLY");
	tmpl_set(s, "ACTION_URL", arena_printf(r->a, "/ho-so/%s/bo-sung",
	    code));
	tmpl_set_int(s, "VERSION", (long long)version);
	upload_limits(r, s);
	for (i = 0; i < f.ndocs; i++) {
		slot = tmpl_section(s, "SLOT");
		tmpl_set(slot, "PARAM", upload_param(r, i));
		tmpl_set(slot, "NAME", f.docs[i].name);
	}
	return 1;
}

/* Why the supplement response was refused: the slots' errors, one
 * sentence each. */
static const char *
upload_why(struct request *r, const struct eform *f,
    const struct upload_form *u)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < f->ndocs; i++)
		if (u->errs[i] != NULL)
			s = arena_printf(r->a, "%s%s%s (%s)", s, *s ? " " : "",
			    u->errs[i], f->docs[i].name);
	return s;
}

/* POST /ho-so/{code}/bo-sung: the applicant's own application at status
 * 5 and the version the page showed (phien_ban); the files of the slots
 * (tep_<n>).  Refused files and a form without any answer with what is
 * wrong and change nothing; another status or version 409. */
int
h_myapp_supplement(struct request *r)
{
	struct row_MYAPP_GET	 v;
	struct actor		 who = page_actor(r);
	struct upload_form	 u;
	struct eform		 f;
	uint64_t		 id;
	enum db_err		 e;
	int			 st;

	e = db_one(r->db, r->a, MYAPP_GET, &v, "su", r->args[0].s,
	    (unsigned long long)r->user->id);
	if (e != DB_OK)
		return resp_error(r, page_status(e), NULL);
	if (!r->val[KEY_VERSION].valid || r->val[KEY_VERSION].u == 0)
		return resp_error(r, 422, "Biểu mẫu bổ sung giấy tờ thiếu thông "
		    "tin phiên bản. Vui lòng mở lại trang hồ sơ và thử lại.");
	if (v.status != STATUS_SUPPLEMENT)
		return resp_error(r, 409, arena_printf(r->a, "Hồ sơ đang ở "
		    "trạng thái “%s”: chỉ bổ sung giấy tờ khi cơ quan giải "
		    "quyết yêu cầu.", status_name(v.status)));
	if (r->val[KEY_VERSION].u != v.version)
		return resp_error(r, 409, "Hồ sơ vừa được cập nhật sau khi bạn "
		    "mở trang. Vui lòng xem lại trang hồ sơ rồi thử lại.");
	if ((st = upload_slots(r, &f, &id)) != 0 ||
	    (st = upload_read(r, &f, &u)) != 0)
		return resp_error(r, st, NULL);
	if (u.nerrs > 0)
		return resp_error(r, u.status, upload_why(r, &f, &u));
	if (u.nfiles == 0)
		return resp_error(r, 422, "Vui lòng chọn ít nhất một tệp giấy "
		    "tờ bổ sung.");
	switch (upload_supplement(r->db, r->a, &who, id, v.code, v.version,
	    u.files, u.nfiles)) {
	case UPLOAD_OK:
		return resp_redirect(r, 303, arena_printf(r->a,
		    "/ho-so/%s?tb=da-bo-sung", v.code));
	case UPLOAD_STALE:
		return resp_error(r, 409, "Hồ sơ vừa được cập nhật sau khi bạn "
		    "mở trang. Vui lòng xem lại trang hồ sơ rồi thử lại.");
	case UPLOAD_FULL:
		return resp_error(r, 413, store_err_str(STORE_APPFULL));
	default:
		return resp_error(r, 500, NULL);
	}
}
