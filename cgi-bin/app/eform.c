/* E-forms (app/eform.h).  A definition is checked whole on load, as the
 * request parsers check their input: every key known, every field with a
 * name, a label and a known type, no name twice, limits on every count
 * and length; the first fault is reported, in Vietnamese, with the place
 * it is in.  Values are checked field by field; every error is kept, so
 * that the form shows each beside its input. */
#include <stdint.h>
#include <string.h>

#include <jansson.h>

#include "app/eform.h"
#include "core/arena.h"
#include "core/text.h"
#include "core/valid.h"
#include "core/workday.h"

#define EFORM_FIELDS_MAX	100
#define EFORM_DOCS_MAX		30
#define EFORM_OPTIONS_MAX	100
#define EFORM_NAME_MAX		40
#define EFORM_TEXT_MAX		1000	/* a text field's max, at most */
#define EFORM_NUMBER_LIMIT	INT64_C(999999999999)

static const char *const type_names[EFORM_TYPE__MAX] = {
	"text",		/* EFORM_TEXT */
	"date",		/* EFORM_DATE */
	"number",	/* EFORM_NUMBER */
	"choice",	/* EFORM_CHOICE */
	"id_number",	/* EFORM_ID_NUMBER */
	"phone",	/* EFORM_PHONE */
	"address",	/* EFORM_ADDRESS */
};

static const char *const err_msgs[EFORM_ERR__MAX] = {
	"Biểu mẫu hợp lệ.",				/* EFORM_OK */
	"Biểu mẫu không phải JSON hợp lệ.",		/* EFORM_JSON */
	"Biểu mẫu không đúng cấu trúc.",		/* EFORM_INVALID */
};

static const char *const field_keys[] = { "name", "label", "type",
    "required", "help", "group", "prefill", "past", "min", "max", "options",
    NULL };
static const char *const doc_keys[] = { "name", "count", "certified",
    "required", NULL };
static const char *const top_keys[] = { "fields", "documents", NULL };
static const char *const prefills[] = { "full_name", "phone", "email",
    NULL };

const char *
eform_type_name(enum eform_type t)
{
	return (unsigned)t < EFORM_TYPE__MAX ? type_names[t] : "?";
}

const char *
eform_err_msg(enum eform_err e)
{
	return (unsigned)e < EFORM_ERR__MAX ? err_msgs[e] : "?";
}

static int
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* The first key of o not in list, or NULL. */
static const char *
unknown_key(json_t *o, const char *const *list)
{
	const char	*k;
	json_t		*v;

	json_object_foreach(o, k, v)
		if (!in_list(list, k))
			return k;
	return NULL;
}

static int
valid_field_name(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n == 0 || n > EFORM_NAME_MAX || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* o's member key as a copied string of 1..max characters of one line; 
 * absent: NULL and 1 unless required.  Returns 1 when acceptable. */
static int
get_str(struct arena *a, json_t *o, const char *key, size_t max,
    int required, const char **out)
{
	json_t		*v = json_object_get(o, key);
	const char	*s;

	*out = NULL;
	if (v == NULL)
		return !required;
	if (!json_is_string(v))
		return 0;
	s = json_string_value(v);
	if (*s == '\0' || !valid_line(s, strlen(s), max))
		return 0;
	*out = text_nfc(a, s, strlen(s));
	return *out != NULL;
}

static int
get_bool(json_t *o, const char *key, int *out)
{
	json_t	*v = json_object_get(o, key);

	*out = v != NULL && json_is_true(v);
	return v == NULL || json_is_boolean(v);
}

static int
get_int(json_t *o, const char *key, int64_t def, int64_t *out)
{
	json_t	*v = json_object_get(o, key);

	*out = v == NULL ? def : (int64_t)json_integer_value(v);
	return v == NULL || (json_is_integer(v) &&
	    *out >= -EFORM_NUMBER_LIMIT && *out <= EFORM_NUMBER_LIMIT);
}

static const char *
field_why(struct arena *a, size_t i, const char *what)
{
	return arena_printf(a, "Trường thứ %zu: %s", i + 1, what);
}

static int
load_options(struct arena *a, json_t *o, struct eform_field *f)
{
	json_t	*opts = json_object_get(o, "options"), *v;
	size_t	 i, j;

	if (opts == NULL)
		return f->type != EFORM_CHOICE;
	if (f->type != EFORM_CHOICE || !json_is_array(opts) ||
	    json_array_size(opts) == 0 ||
	    json_array_size(opts) > EFORM_OPTIONS_MAX)
		return 0;
	f->noptions = json_array_size(opts);
	f->options = arena_calloc(a, f->noptions, sizeof(*f->options));
	json_array_foreach(opts, i, v) {
		const char *s = json_is_string(v) ? json_string_value(v) : "";
		if (*s == '\0' || !valid_line(s, strlen(s), 200))
			return 0;
		f->options[i] = text_nfc(a, s, strlen(s));
		for (j = 0; j < i; j++)
			if (f->options[i] == NULL ||
			    strcmp(f->options[j], f->options[i]) == 0)
				return 0;
	}
	return 1;
}

/* The limits of a field by type: text and address lengths, number
 * range. */
static const char *
load_limits(json_t *o, struct eform_field *f)
{
	int	 text = f->type == EFORM_TEXT || f->type == EFORM_ADDRESS;

	if (!get_int(o, "min", 0, &f->min) ||
	    !get_int(o, "max", text ? 200 : EFORM_NUMBER_LIMIT, &f->max))
		return "“min”, “max” phải là số nguyên";
	if (f->type != EFORM_NUMBER && json_object_get(o, "min") != NULL)
		return "chỉ trường kiểu number có “min”";
	if (!text && f->type != EFORM_NUMBER &&
	    json_object_get(o, "max") != NULL)
		return "chỉ trường kiểu text, address, number có “max”";
	if (text && (f->max < 1 || f->max > EFORM_TEXT_MAX))
		return "“max” của trường chữ phải từ 1 đến 1000";
	if (f->min > f->max)
		return "“min” lớn hơn “max”";
	if (json_object_get(o, "past") != NULL && f->type != EFORM_DATE)
		return "chỉ trường kiểu date có “past”";
	return NULL;
}

static enum eform_type
type_from(json_t *v)
{
	const char	*s = json_is_string(v) ? json_string_value(v) : "";
	size_t		 t;

	for (t = 0; t < EFORM_TYPE__MAX; t++)
		if (strcmp(s, type_names[t]) == 0)
			break;
	return (enum eform_type)t;
}

/* Loads field i from o into f; NULL, or why it is refused. */
static const char *
load_field(struct arena *a, json_t *o, size_t i, struct eform_field *f)
{
	const char	*k, *why;

	if (!json_is_object(o))
		return field_why(a, i, "không phải một đối tượng JSON.");
	if ((k = unknown_key(o, field_keys)) != NULL)
		return field_why(a, i, arena_printf(a, "khoá “%s” không được "
		    "hỗ trợ.", k));
	if (!get_str(a, o, "name", EFORM_NAME_MAX, 1, &f->name) ||
	    !valid_field_name(f->name))
		return field_why(a, i, "thiếu tên (name) hoặc tên không hợp lệ "
		    "(chữ thường không dấu, số, dấu gạch dưới; tối đa 40).");
	if (!get_str(a, o, "label", 200, 1, &f->label))
		return field_why(a, i, arena_printf(a, "“%s” thiếu nhãn (label).",
		    f->name));
	if ((f->type = type_from(json_object_get(o, "type"))) ==
	    EFORM_TYPE__MAX)
		return field_why(a, i, arena_printf(a, "“%s” có kiểu không được "
		    "hỗ trợ.", f->name));
	if (!get_str(a, o, "help", 500, 0, &f->help) ||
	    !get_str(a, o, "group", 200, 0, &f->group) ||
	    !get_str(a, o, "prefill", 20, 0, &f->prefill) ||
	    (f->prefill != NULL && !in_list(prefills, f->prefill)))
		return field_why(a, i, arena_printf(a, "“%s”: help, group hoặc "
		    "prefill không hợp lệ.", f->name));
	if (!get_bool(o, "required", &f->required) ||
	    !get_bool(o, "past", &f->past))
		return field_why(a, i, arena_printf(a, "“%s”: required, past "
		    "phải là true hoặc false.", f->name));
	if ((why = load_limits(o, f)) != NULL)
		return field_why(a, i, arena_printf(a, "“%s”: %s.", f->name,
		    why));
	if (!load_options(a, o, f))
		return field_why(a, i, arena_printf(a, "“%s”: danh sách lựa chọn "
		    "(options) không hợp lệ hoặc có lựa chọn trùng.", f->name));
	return NULL;
}

static const char *
load_doc(struct arena *a, json_t *o, size_t i, struct eform_doc *d)
{
	int64_t		 count;
	const char	*k;

	if (!json_is_object(o) || (k = unknown_key(o, doc_keys)) != NULL ||
	    !get_str(a, o, "name", 500, 1, &d->name) ||
	    !get_int(o, "count", 1, &count) || count < 1 || count > 20 ||
	    !get_bool(o, "certified", &d->certified) ||
	    !get_bool(o, "required", &d->required))
		return arena_printf(a, "Giấy tờ thứ %zu: thiếu tên, hoặc số bản "
		    "(1-20), certified, required không hợp lệ.", i + 1);
	d->count = (unsigned)count;
	return NULL;
}

/* Loads the fields and documents of root into f; NULL or why not. */
static const char *
load_root(struct arena *a, json_t *root, struct eform *f)
{
	json_t		*fields = json_object_get(root, "fields");
	json_t		*docs = json_object_get(root, "documents"), *v;
	const char	*why = NULL, *k;
	size_t		 i, j;

	if (!json_is_object(root))
		return "Biểu mẫu phải là một đối tượng JSON.";
	if ((k = unknown_key(root, top_keys)) != NULL)
		return arena_printf(a, "Khoá “%s” không được hỗ trợ.", k);
	if (!json_is_array(fields) || json_array_size(fields) == 0 ||
	    json_array_size(fields) > EFORM_FIELDS_MAX)
		return "Biểu mẫu cần từ 1 đến 100 trường (fields).";
	if (docs != NULL && (!json_is_array(docs) ||
	    json_array_size(docs) > EFORM_DOCS_MAX))
		return "Danh sách giấy tờ (documents) tối đa 30 mục.";
	f->nfields = json_array_size(fields);
	f->fields = arena_calloc(a, f->nfields, sizeof(*f->fields));
	json_array_foreach(fields, i, v) {
		if ((why = load_field(a, v, i, &f->fields[i])) != NULL)
			return why;
		for (j = 0; j < i; j++)
			if (strcmp(f->fields[j].name, f->fields[i].name) == 0)
				return arena_printf(a, "Tên trường “%s” bị "
				    "trùng.", f->fields[i].name);
	}
	f->ndocs = docs != NULL ? json_array_size(docs) : 0;
	f->docs = arena_calloc(a, f->ndocs + 1, sizeof(*f->docs));
	for (i = 0; i < f->ndocs && why == NULL; i++)
		why = load_doc(a, json_array_get(docs, i), i, &f->docs[i]);
	return why;
}

/* Parses and checks the definition json into f (arena memory).  On
 * failure *why says what is wrong (Vietnamese, arena or static). */
enum eform_err
eform_load(struct arena *a, const char *json, struct eform *f,
    const char **why)
{
	json_error_t	 jerr;
	json_t		*root;
	enum eform_err	 e = EFORM_OK;

	memset(f, 0, sizeof(*f));
	*why = NULL;
	root = json != NULL ? json_loads(json, JSON_REJECT_DUPLICATES, &jerr) :
	    NULL;
	if (root == NULL) {
		*why = json != NULL ? arena_printf(a, "JSON lỗi ở dòng %d, cột "
		    "%d.", jerr.line, jerr.column) : "Không có biểu mẫu.";
		e = EFORM_JSON;
		goto out;
	}
	if ((*why = load_root(a, root, f)) != NULL)
		e = EFORM_INVALID;
out:
	json_decref(root);
	if (e != EFORM_OK)
		memset(f, 0, sizeof(*f));
	return e;
}

/* The form parameter of a field: "tk_<name>". */
const char *
eform_param(struct arena *a, const struct eform_field *f)
{
	return arena_printf(a, "tk_%s", f->name);
}

/* The unit parameter of an address field: "dv_<name>". */
const char *
eform_unit_param(struct arena *a, const struct eform_field *f)
{
	return arena_printf(a, "dv_%s", f->name);
}

/* A date as typed: YYYY-MM-DD (what a date input sends) or D/M/YYYY
 * (what people type; '-' or '.' also separate).  Returns the ISO form or
 * NULL. */
static const char *
value_date(struct arena *a, const char *s, int32_t *day)
{
	uint64_t	 p[3];
	size_t		 i, n;
	int		 y, m, d;

	if (workday_parse(s, day))
		return s;
	for (i = 0; i < 3; i++) {
		n = strspn(s, "0123456789");
		if (n == 0 || n > 4 || !valid_uint(s, n, 9999, &p[i]))
			return NULL;
		s += n;
		if (i < 2 && *s != '/' && *s != '-' && *s != '.')
			return NULL;
		if (i < 2)
			s++;
	}
	if (*s != '\0' || p[2] < 1900 || p[1] < 1 || p[1] > 12 || p[0] < 1 ||
	    p[0] > 31)
		return NULL;
	*day = workday_civil((int)p[2], (int)p[1], (int)p[0]);
	workday_ymd(*day, &y, &m, &d);
	if (d != (int)p[0])
		return NULL;
	return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

static int
value_choice(const struct eform_field *f, const char *s)
{
	size_t	 i;

	for (i = 0; i < f->noptions; i++)
		if (strcmp(f->options[i], s) == 0)
			return 1;
	return 0;
}

/* Checks s (trimmed, not empty) as field f; sets *norm to the value to
 * keep.  Returns NULL or the error (Vietnamese). */
static const char *
value_check(struct arena *a, const struct eform_field *f,
    const struct eform_env *env, const char *s, const char **norm)
{
	size_t	 n = strlen(s);
	int64_t	 num;
	int32_t	 day;
	char	*phone;

	*norm = s;
	switch (f->type) {
	case EFORM_TEXT:
	case EFORM_ADDRESS:
		if (!valid_line(s, n, (size_t)f->max))
			return arena_printf(a, "%s: tối đa %lld ký tự, trên "
			    "một dòng.", f->label, (long long)f->max);
		return NULL;
	case EFORM_DATE:
		if ((*norm = value_date(a, s, &day)) == NULL)
			return arena_printf(a, "%s: ngày không hợp lệ (ví dụ "
			    "25/12/2024).", f->label);
		if (f->past && day > env->today)
			return arena_printf(a, "%s: không được sau ngày hôm "
			    "nay.", f->label);
		return NULL;
	case EFORM_NUMBER:
		if (!valid_int(s, n, f->min, f->max, &num))
			return arena_printf(a, "%s: phải là số nguyên từ %lld "
			    "đến %lld.", f->label, (long long)f->min,
			    (long long)f->max);
		return NULL;
	case EFORM_CHOICE:
		return value_choice(f, s) ? NULL : arena_printf(a, "%s: vui "
		    "lòng chọn một trong các lựa chọn có sẵn.", f->label);
	case EFORM_ID_NUMBER:
		return valid_id_number(s, n) ? NULL : arena_printf(a, "%s: số "
		    "định danh cá nhân gồm 12 chữ số, ví dụ 019123456789.",
		    f->label);
	case EFORM_PHONE:
		*norm = phone = arena_alloc(a, 11);
		return valid_phone(s, n, phone) ? NULL : arena_printf(a, "%s: "
		    "số điện thoại không hợp lệ (ví dụ 0912 345 678).",
		    f->label);
	default:
		return "?";
	}
}

/* The unit of an address field: empty (outside the city) or one of
 * env's. */
static const char *
value_unit(struct arena *a, const struct eform_field *f,
    const struct eform_env *env, const char *s)
{
	size_t	 i;

	for (i = 0; i < env->nunits; i++)
		if (strcmp(env->units[i], s) == 0)
			return NULL;
	return arena_printf(a, "%s: phường, xã không có trong danh sách.",
	    f->label);
}

/* The trimmed (NFC, one line) value of param, "" when not sent. */
static const char *
value_get(struct arena *a, eform_get_fn get, void *ctx, const char *param)
{
	const char	*raw = get(ctx, param);
	const char	*s = raw != NULL ? text_trim(a, raw, strlen(raw)) : NULL;

	return s != NULL ? s : "";
}

/* Checks field f; its value (and its unit) go into out. */
static const char *
value_field(struct arena *a, const struct eform_field *f,
    const struct eform_env *env, int draft, eform_get_fn get, void *ctx,
    json_t *out)
{
	const char	*s = value_get(a, get, ctx, eform_param(a, f));
	const char	*unit = f->type == EFORM_ADDRESS ?
			    value_get(a, get, ctx, eform_unit_param(a, f)) : "";
	const char	*why = NULL, *norm = s;

	if (*unit != '\0') {
		json_object_set_new(out, eform_unit_param(a, f),
		    json_string(unit));
		if (!draft)
			why = value_unit(a, f, env, unit);
	}
	if (*s == '\0')
		return draft || !f->required || why != NULL ? why :
		    arena_printf(a, "%s: vui lòng %s.", f->label,
		    f->type == EFORM_CHOICE ? "chọn" : "nhập");
	if (draft)
		why = valid_line(s, strlen(s), EFORM_TEXT_MAX) ? NULL :
		    arena_printf(a, "%s: tối đa %d ký tự.", f->label,
		    EFORM_TEXT_MAX);
	else if (why == NULL)
		why = value_check(a, f, env, s, &norm);
	json_object_set_new(out, eform_param(a, f), json_string(why != NULL ?
	    s : norm));
	return why;
}

/* Checks what get returns for each field of f (a draft: only that each is
 * a line of at most 1,000 characters), putting every value sent, typed
 * or normalised, into out (parameter name: string) and each field's error
 * into errs[i] (NULL: none; errs has f->nfields entries).  Returns the
 * number of errors. */
size_t
eform_values(struct arena *a, const struct eform *f,
    const struct eform_env *env, int draft, eform_get_fn get, void *ctx,
    json_t *out, const char **errs)
{
	size_t	 i, n = 0;

	for (i = 0; i < f->nfields; i++) {
		errs[i] = value_field(a, &f->fields[i], env, draft, get, ctx,
		    out);
		n += errs[i] != NULL;
	}
	return n;
}
