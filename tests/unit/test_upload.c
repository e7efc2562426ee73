/* The pure parts of uploading (issue 8): which file parts of a form a
 * route may read (request_files: only a route declaring K(FILES), only
 * tep_<n>, empty inputs skipped, several per input), the drop boxes
 * (request_drops), slot names and an event's list of files (app/upload.c).
 * Failure cases first. */
#include <stdint.h>
#include <string.h>

#include "app/upload.h"
#include "core/arena.h"
#include "http/key.h"
#include "http/request.h"
#include "http/router.h"
#include "t.h"

static struct arena	*A;
static struct route	 with = { 0, 0, "/", NULL, 0, 0, KEY_BIT(KEY_FILES), "t" };
static struct route	 without = { 0, 0, "/", NULL, 0, 0, 0, "t" };

static struct req_kv	 kvs[] = {
	{ "csrf", "abc", 3, NULL, NULL, NULL, 0, NULL, NULL, 0 },
	{ "tep_1", NULL, 0, "a.pdf", "application/pdf", "/spool/1", 10,
	    NULL, NULL, 0 },
	{ "tep_1", NULL, 0, "b.png", "image/png", "/spool/2", 20,
	    NULL, NULL, 0 },
	{ "tep_2", NULL, 0, "", "application/octet-stream", "/spool/3", 0,
	    NULL, NULL, 0 },
	{ "tep_3", "not a file", 10, NULL, NULL, NULL, 0, NULL, NULL, 0 },
	{ "tk_x", NULL, 0, "c.pdf", NULL, "/spool/4", 5, NULL, NULL, 0 },
	{ "bo_tep", "7", 1, NULL, NULL, NULL, 0, NULL, NULL, 0 },
	{ "bo_tep", "12", 2, NULL, NULL, NULL, 0, NULL, NULL, 0 },
	{ "bo_tep", "x9", 2, NULL, NULL, NULL, 0, NULL, NULL, 0 },
	{ "bo_tep_8", "8", 1, NULL, NULL, NULL, 0, NULL, NULL, 0 },
};

static void
req(struct request *r, struct route *rt)
{
	memset(r, 0, sizeof(*r));
	r->a = A;
	r->route = rt;
	r->form.v = kvs;
	r->form.n = sizeof(kvs) / sizeof(kvs[0]);
}

static void
test_files_undeclared_route_reads_none(void)
{
	struct request		 r;
	const struct req_kv	*f[4];

	req(&r, &without);
	CHECK_INT(request_files(&r, "tep_1", f, 4), 0);
	CHECK(!request_drops(&r, 7));
}

static void
test_files_other_names_refused(void)
{
	struct request		 r;
	const struct req_kv	*f[4];

	req(&r, &with);
	CHECK_INT(request_files(&r, "tk_x", f, 4), 0);	/* not tep_ */
	CHECK_INT(request_files(&r, "csrf", f, 4), 0);
	CHECK_INT(request_files(&r, "tep_3", f, 4), 0);	/* a value */
	CHECK_INT(request_files(&r, "tep_9", f, 4), 0);
}

static void
test_files_empty_input_skipped(void)
{
	struct request		 r;
	const struct req_kv	*f[4];

	req(&r, &with);
	CHECK_INT(request_files(&r, "tep_2", f, 4), 0);
}

static void
test_files_several_counted_beyond_max(void)
{
	struct request		 r;
	const struct req_kv	*f[4] = { NULL };

	req(&r, &with);
	CHECK_INT(request_files(&r, "tep_1", f, 1), 2);
	CHECK_STR(f[0]->filename, "a.pdf");
	CHECK(f[1] == NULL);
	CHECK_INT(request_files(&r, "tep_1", f, 4), 2);
	CHECK_STR(f[1]->path, "/spool/2");
}

static void
test_drops(void)
{
	struct request	 r;

	req(&r, &with);
	CHECK(request_drops(&r, 7));
	CHECK(request_drops(&r, 12));
	CHECK(!request_drops(&r, 9));		/* "x9" is no id */
	CHECK(!request_drops(&r, 8));		/* another name */
	CHECK(!request_drops(&r, 0));
}

static void
test_slot_names(void)
{
	struct upload_file	 v[2];

	CHECK_STR(upload_slot(A, 0), "giay_to_1");
	CHECK_STR(upload_slot(A, 11), "giay_to_12");
	CHECK_STR(upload_names(A, v, 0), "");
	memset(v, 0, sizeof(v));
	v[0].filename = "giấy chứng sinh.pdf";
	v[1].filename = "b.png";
	CHECK_STR(upload_names(A, v, 1), "giấy chứng sinh.pdf");
	CHECK_STR(upload_names(A, v, 2), "giấy chứng sinh.pdf, b.png");
}

int
main(void)
{
	A = arena_new();
	RUN(test_files_undeclared_route_reads_none);
	RUN(test_files_other_names_refused);
	RUN(test_files_empty_input_skipped);
	RUN(test_files_several_counted_beyond_max);
	RUN(test_drops);
	RUN(test_slot_names);
	arena_free(A);
	return T_END();
}
