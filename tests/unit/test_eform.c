/* Unit tests of app/eform.c: definitions refused (with the reason), then
 * values of every field type, required and optional, good and bad; and
 * every e-form shipped in migrations/seed/eforms loads. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/eform.h"
#include "core/arena.h"
#include "core/workday.h"
#include "t.h"

static struct arena	*a;

static enum eform_err
load(const char *json, const char **why)
{
	struct eform	 f;

	return eform_load(a, json, &f, why);
}

#define REFUSED(json, part) do { const char *w_; \
	CHECK(load((json), &w_) != EFORM_OK); \
	CHECK(w_ != NULL && strstr(w_, (part)) != NULL); \
	if (w_ != NULL && strstr(w_, (part)) == NULL) \
		printf("  why: %s\n", w_); } while (0)

static void
test_load_not_json(void)
{
	const char	*why;

	CHECK_INT(load("{\"fields\": [", &why), EFORM_JSON);
	CHECK(why != NULL && strstr(why, "dòng 1") != NULL);
	CHECK_INT(load(NULL, &why), EFORM_JSON);
	/* Duplicate keys in an object are refused by the parser. */
	CHECK_INT(load("{\"fields\": [], \"fields\": []}", &why), EFORM_JSON);
}

static void
test_load_refused(void)
{
	REFUSED("[]", "đối tượng JSON");
	REFUSED("{\"fields\": []}", "từ 1 đến 100");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\"}], \"extra\": 1}", "“extra”");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"colour\"}]}", "kiểu không được hỗ trợ");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"type\": \"text\"}]}",
	    "thiếu nhãn");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"\", "
	    "\"type\": \"text\"}]}", "thiếu nhãn");
	REFUSED("{\"fields\": [{\"label\": \"A\", \"type\": \"text\"}]}",
	    "thiếu tên");
	REFUSED("{\"fields\": [{\"name\": \"Ho Ten\", \"label\": \"A\", "
	    "\"type\": \"text\"}]}", "thiếu tên");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\"}, {\"name\": \"a\", \"label\": \"B\", "
	    "\"type\": \"date\"}]}", "“a” bị trùng");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"choice\"}]}", "options");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"choice\", \"options\": [\"x\", \"x\"]}]}", "trùng");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\", \"options\": [\"x\"]}]}", "options");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\", \"colour\": 1}]}", "“colour”");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"number\", \"min\": 5, \"max\": 1}]}", "“min” lớn");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\", \"required\": \"yes\"}]}", "true hoặc false");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\", \"prefill\": \"password\"}]}", "prefill");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\"}], \"documents\": [{\"count\": 1}]}",
	    "Giấy tờ thứ 1");
	REFUSED("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", "
	    "\"type\": \"text\"}], \"documents\": [{\"name\": \"B\", "
	    "\"count\": 0}]}", "Giấy tờ thứ 1");
}

static const char form_json[] =
    "{\"fields\": ["
    "{\"name\": \"ten\", \"label\": \"Họ tên\", \"type\": \"text\", "
    "\"required\": true, \"max\": 10, \"prefill\": \"full_name\"},"
    "{\"name\": \"ngay\", \"label\": \"Ngày sinh\", \"type\": \"date\", "
    "\"required\": true, \"past\": true},"
    "{\"name\": \"so\", \"label\": \"Số bản\", \"type\": \"number\", "
    "\"min\": 1, \"max\": 10},"
    "{\"name\": \"gioi\", \"label\": \"Giới tính\", \"type\": \"choice\", "
    "\"options\": [\"Nam\", \"Nữ\"], \"required\": true},"
    "{\"name\": \"cccd\", \"label\": \"Số định danh\", "
    "\"type\": \"id_number\"},"
    "{\"name\": \"dt\", \"label\": \"Điện thoại\", \"type\": \"phone\"},"
    "{\"name\": \"cu_tru\", \"label\": \"Nơi cư trú\", "
    "\"type\": \"address\", \"required\": true}],"
    "\"documents\": [{\"name\": \"Giấy chứng sinh\", \"certified\": true, "
    "\"required\": true}]}";

struct kv {
	const char	*k[16];
	const char	*v[16];
};

static const char *
kv_get(void *ctx, const char *param)
{
	struct kv	*m = ctx;
	size_t		 i;

	for (i = 0; i < 16 && m->k[i] != NULL; i++)
		if (strcmp(m->k[i], param) == 0)
			return m->v[i];
	return NULL;
}

static const char *const units[] = { "05854", "05860" };

static size_t
check_values(struct kv *m, int draft, const char **errs, json_t **out)
{
	struct eform	 f;
	struct eform_env env = { units, 2, 0 };
	const char	*why;

	env.today = workday_civil(2026, 11, 30);
	CHECK_INT(eform_load(a, form_json, &f, &why), EFORM_OK);
	CHECK_INT(f.nfields, 7);
	CHECK_INT(f.ndocs, 1);
	CHECK(f.docs[0].certified && f.docs[0].count == 1);
	*out = json_object();
	return eform_values(a, &f, &env, draft, kv_get, m, *out, errs);
}

static void
test_values_bad(void)
{
	struct kv	 m = { { "tk_ten", "tk_ngay", "tk_so", "tk_gioi",
			    "tk_cccd", "tk_dt", "tk_cu_tru", "dv_cu_tru" },
			    { "Nguyễn Văn Anh Tú", "2026-12-01", "11", "Khác",
			    "12345", "0123", "Tổ 5", "99999" } };
	const char	*errs[7];
	json_t		*out;

	CHECK_INT(check_values(&m, 0, errs, &out), 7);
	CHECK(errs[0] && strstr(errs[0], "tối đa 10 ký tự"));
	CHECK(errs[1] && strstr(errs[1], "không được sau ngày hôm nay"));
	CHECK(errs[2] && strstr(errs[2], "từ 1 đến 10"));
	CHECK(errs[3] && strstr(errs[3], "lựa chọn có sẵn"));
	CHECK(errs[4] && strstr(errs[4], "12 chữ số"));
	CHECK(errs[5] && strstr(errs[5], "số điện thoại không hợp lệ"));
	CHECK(errs[6] && strstr(errs[6], "phường, xã"));
	/* What was typed is kept, to be shown again. */
	CHECK_STR(json_string_value(json_object_get(out, "tk_so")), "11");
	CHECK_STR(json_string_value(json_object_get(out, "dv_cu_tru")),
	    "99999");
	json_decref(out);
}

static void
test_values_required(void)
{
	struct kv	 m = { { "tk_ten", "tk_gioi" }, { "  ", "" } };
	const char	*errs[7];
	json_t		*out;

	CHECK_INT(check_values(&m, 0, errs, &out), 4);
	CHECK(errs[0] && strstr(errs[0], "Họ tên: vui lòng nhập."));
	CHECK(errs[1] && strstr(errs[1], "vui lòng nhập"));
	CHECK(errs[2] == NULL && errs[4] == NULL && errs[5] == NULL);
	CHECK(errs[3] && strstr(errs[3], "Giới tính: vui lòng chọn."));
	CHECK(errs[6] != NULL);
	json_decref(out);
	/* A draft needs nothing. */
	CHECK_INT(check_values(&m, 1, errs, &out), 0);
	json_decref(out);
}

static void
test_values_good(void)
{
	struct kv	 m = { { "tk_ten", "tk_ngay", "tk_so", "tk_gioi",
			    "tk_cccd", "tk_dt", "tk_cu_tru", "dv_cu_tru" },
			    { " Lê  Thị A ", "5/1/2024", "3", "Nữ",
			    "019123456789", "+84 912 345 678", "Tổ 5",
			    "05860" } };
	const char	*errs[7];
	json_t		*out;

	CHECK_INT(check_values(&m, 0, errs, &out), 0);
	CHECK_STR(json_string_value(json_object_get(out, "tk_ten")),
	    "Lê Thị A");
	CHECK_STR(json_string_value(json_object_get(out, "tk_ngay")),
	    "2024-01-05");
	CHECK_STR(json_string_value(json_object_get(out, "tk_dt")),
	    "0912345678");
	CHECK_STR(json_string_value(json_object_get(out, "dv_cu_tru")),
	    "05860");
	json_decref(out);
	/* Dates: ISO, today itself, and a day that does not exist. */
	m.v[1] = "2026-11-30";
	CHECK_INT(check_values(&m, 0, errs, &out), 0);
	json_decref(out);
	m.v[1] = "31/4/2020";
	CHECK_INT(check_values(&m, 0, errs, &out), 1);
	json_decref(out);
	m.v[1] = "2020-02-30";
	CHECK_INT(check_values(&m, 0, errs, &out), 1);
	json_decref(out);
	/* Optional fields may stay empty, an address may name no unit. */
	m.v[2] = m.v[4] = m.v[5] = m.v[7] = "";
	m.v[1] = "2020-02-29";
	CHECK_INT(check_values(&m, 0, errs, &out), 0);
	CHECK(json_object_get(out, "dv_cu_tru") == NULL);
	json_decref(out);
}

/* Every e-form the project ships loads. */
static void
test_shipped_eforms(void)
{
	const char	*dir = "migrations/seed/eforms", *why;
	struct dirent	*e;
	struct eform	 f;
	DIR		*d = opendir(dir);
	size_t		 n = 0;

	CHECK(d != NULL);
	while (d != NULL && (e = readdir(d)) != NULL) {
		char path[512], *buf;
		FILE *fp;
		long len;
		if (strstr(e->d_name, ".json") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		CHECK((fp = fopen(path, "r")) != NULL);
		if (fp == NULL)
			continue;
		fseek(fp, 0, SEEK_END);
		len = ftell(fp);
		rewind(fp);
		buf = arena_alloc(a, (size_t)len + 1);
		buf[fread(buf, 1, (size_t)len, fp)] = '\0';
		fclose(fp);
		if (eform_load(a, buf, &f, &why) != EFORM_OK)
			printf("  %s: %s\n", e->d_name, why);
		CHECK(eform_load(a, buf, &f, &why) == EFORM_OK);
		n++;
	}
	if (d != NULL)
		closedir(d);
	CHECK_INT(n, 13);
}

int
main(void)
{
	a = arena_new();
	RUN(test_load_not_json);
	RUN(test_load_refused);
	RUN(test_values_bad);
	RUN(test_values_required);
	RUN(test_values_good);
	RUN(test_shipped_eforms);
	arena_free(a);
	return T_END();
}
