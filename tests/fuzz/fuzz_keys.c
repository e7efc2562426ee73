/* libFuzzer target: every key of the key table (http/key.c) checks the
 * same value, the input up to its first NUL (what req.c hands over never
 * holds one).  What a key accepts must keep the key's promise, written
 * here by hand, one row per key: text keys give NFC without control
 * characters, trimmed lines, bounded lengths; numbers within their range;
 * phone numbers as 10 digits starting with 0; lower-cased emails; roles
 * that name themselves.  Checking a key's own normalised text again gives
 * the same text.  An empty value is valid and blank; an invalid one has no
 * normalised text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/role.h"
#include "core/text.h"
#include "core/valid.h"
#include "core/workday.h"
#include "http/key.h"

#define FZ_CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
	    __LINE__, #c); abort(); } } while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* What a key promises of a valid, non-empty value. */
enum fz_promise {
	FZ_NONE,	/* a key without a row: the table below is behind */
	FZ_UINT,	/* u in [min, max], the value of raw's digits */
	FZ_LINE,	/* one line: NFC, trimmed, folded, [min, max] chars */
	FZ_TEXT,	/* paragraphs: NFC, LF only, at most max chars */
	FZ_SECRET,	/* s is raw, at most max bytes */
	FZ_PHONE,	/* 0 and 9 digits, the second 3, 5, 7, 8 or 9 */
	FZ_EMAIL,	/* raw lower-cased, one '@' */
	FZ_ACCOUNT,	/* FZ_PHONE or FZ_EMAIL */
	FZ_ID_NUMBER,	/* 12 digits */
	FZ_TOKEN,	/* 43 base64url characters, s is raw */
	FZ_PATH,	/* a local path, s is raw */
	FZ_WORD,	/* a slug, s is raw */
	FZ_ROLE,	/* a stored role: u its enum, s its name */
	FZ_NOTICE,	/* a sentence for a slug */
	FZ_HEX64,	/* 64 lower-case hex digits, s is raw */
	FZ_REFUSED,	/* never valid unless empty (read elsewhere) */
	FZ_APP_CODE,	/* s trimmed: 5 digits, 6, 4, joined by '-' */
	FZ_LAST4,	/* s trimmed: 4 digits */
	FZ_ONLINE,	/* s one of procedure_versions.online_level's values */
	FZ_DATE,	/* s is raw, YYYY-MM-DD, a real day; u its number */
	FZ_ONE_OF,	/* s is raw, a word of the key's list; u < max */
	FZ_PROC,	/* s is raw: digits and dots (a procedure's code) */
	FZ_ASCII,	/* s is raw: printable ASCII, at most max bytes */
	FZ_RETURN_TO,	/* FZ_PATH in printable ASCII, no backslash, no
			 * space */
	FZ_DATETIME,	/* s is raw, YYYY-MM-DDTHH:MM[:SS], a real day and
			 * time; u its seconds */
	FZ_PROMISE__MAX
};

static const struct {
	enum fz_promise	 p;
	uint64_t	 min, max;
} fz_keys[KEY__MAX] = {
	[KEY_PAGE] = { FZ_UINT, 1, 10000 },
	[KEY_Q] = { FZ_LINE, 1, 300 },
	[KEY_CSRF] = { FZ_SECRET, 0, 1024 },
	[KEY_NEXT] = { FZ_PATH, 1, 512 },
	[KEY_ACCOUNT] = { FZ_ACCOUNT, 0, 0 },
	[KEY_PASSWORD] = { FZ_SECRET, 0, 1024 },
	[KEY_PASSWORD2] = { FZ_SECRET, 0, 1024 },
	[KEY_CURRENT_PASSWORD] = { FZ_SECRET, 0, 1024 },
	[KEY_FULL_NAME] = { FZ_LINE, 1, 100 },
	[KEY_PHONE] = { FZ_PHONE, 0, 0 },
	[KEY_EMAIL] = { FZ_EMAIL, 0, 0 },
	[KEY_ID_NUMBER] = { FZ_ID_NUMBER, 0, 0 },
	[KEY_TOKEN] = { FZ_TOKEN, 0, 0 },
	[KEY_ACTION] = { FZ_WORD, 0, 0 },
	[KEY_ROLE] = { FZ_ROLE, 0, 0 },
	[KEY_UNIT] = { FZ_UINT, 0, UINT32_MAX },
	[KEY_TITLE] = { FZ_LINE, 1, 300 },
	[KEY_SUMMARY] = { FZ_TEXT, 0, 1000 },
	[KEY_BODY] = { FZ_TEXT, 0, 100000 },
	[KEY_NOTICE] = { FZ_NOTICE, 0, 0 },
	[KEY_APP_CODE] = { FZ_APP_CODE, 0, 0 },
	[KEY_VERIFY] = { FZ_LAST4, 0, 0 },
	[KEY_RATING] = { FZ_UINT, 1, 5 },
	[KEY_COMMENT] = { FZ_TEXT, 0, 1000 },
	[KEY_VERSION] = { FZ_UINT, 0, UINT32_MAX },
	[KEY_SECTOR] = { FZ_WORD, 0, 0 },
	[KEY_ONLINE] = { FZ_ONLINE, 0, 0 },
	[KEY_PROC_NAME] = { FZ_LINE, 1, 1000 },
	[KEY_AGENCY] = { FZ_LINE, 1, 1000 },
	[KEY_LEVEL] = { FZ_LINE, 1, 100 },
	[KEY_DAYS] = { FZ_UINT, 1, 365 },
	[KEY_STEPS] = { FZ_TEXT, 0, 100000 },
	[KEY_DOCUMENTS] = { FZ_TEXT, 0, 100000 },
	[KEY_LEGAL] = { FZ_TEXT, 0, 100000 },
	[KEY_APPLICANTS] = { FZ_TEXT, 0, 100000 },
	[KEY_RESULT] = { FZ_TEXT, 0, 100000 },
	[KEY_CONDITIONS] = { FZ_TEXT, 0, 100000 },
	[KEY_FEES] = { FZ_TEXT, 0, 100000 },
	[KEY_PUBLISHED] = { FZ_WORD, 0, 0 },
	[KEY_DRAFT] = { FZ_UINT, 1, UINT64_C(1) << 53 },
	[KEY_IDEM] = { FZ_HEX64, 0, 0 },
	[KEY_EFORM] = { FZ_REFUSED, 0, 0 },
	[KEY_ASSIST_PHONE] = { FZ_PHONE, 0, 0 },
	[KEY_ASSIST_CONSENT] = { FZ_WORD, 0, 0 },
	[KEY_FILES] = { FZ_REFUSED, 0, 0 },
	[KEY_NOTE] = { FZ_TEXT, 0, 100000 },
	[KEY_ASSIGNEE] = { FZ_UINT, 0, UINT32_MAX },
	[KEY_AMOUNT] = { FZ_UINT, 1, UINT64_C(10000000000) },
	[KEY_DATE] = { FZ_DATE, 0, 0 },
	[KEY_STATUS] = { FZ_UINT, 0, 10 },
	[KEY_PROC] = { FZ_PROC, 0, 0 },
	[KEY_CHANNEL] = { FZ_ONE_OF, 0, 3 },
	[KEY_DUE] = { FZ_ONE_OF, 0, 2 },
	[KEY_FROM] = { FZ_DATE, 0, 0 },
	[KEY_TO] = { FZ_DATE, 0, 0 },
	[KEY_FORMAT] = { FZ_ONE_OF, 0, 1 },
	[KEY_OIDC_CODE] = { FZ_ASCII, 0, 1024 },
	[KEY_OIDC_STATE] = { FZ_TOKEN, 0, 0 },
	[KEY_OIDC_ISS] = { FZ_ASCII, 0, 1024 },
	[KEY_OIDC_ERROR] = { FZ_ASCII, 0, 1024 },
	[KEY_OIDC_ERROR_DESC] = { FZ_LINE, 1, 300 },
	[KEY_RETURN_TO] = { FZ_RETURN_TO, 1, 300 },
	[KEY_LINK] = { FZ_WORD, 0, 0 },
	[KEY_TABLE] = { FZ_ONE_OF, 0, 4 },
	/* issue 11, part B: the newsroom */
	[KEY_KIND] = { FZ_ONE_OF, 0, 2 },
	[KEY_CATEGORY] = { FZ_UINT, 0, UINT32_MAX },
	[KEY_PINNED] = { FZ_WORD, 0, 0 },
	[KEY_EXPIRES] = { FZ_DATETIME, 0, 0 },
	[KEY_PUBLISH_AT] = { FZ_DATETIME, 0, 0 },
	[KEY_ALT] = { FZ_LINE, 1, 300 },
	[KEY_FILTER] = { FZ_ONE_OF, 0, 6 },
	[KEY_NAME] = { FZ_LINE, 1, 100 },
	[KEY_API_UNIT] = { FZ_WORD, 0, 0 },
	[KEY_API_PAGE] = { FZ_UINT, 1, 10000 },
	[KEY_ALL] = { FZ_WORD, 0, 0 },
	[KEY_YEAR] = { FZ_UINT, 1990, 2100 },
	[KEY_DOC_TYPE] = { FZ_ONE_OF, 0, 8 },
	[KEY_WEEK] = { FZ_ASCII, 0, 8 },
	[KEY_NUMBER] = { FZ_LINE, 1, 60 },
	[KEY_SIGNER] = { FZ_LINE, 1, 100 },
	[KEY_EFFECTIVE] = { FZ_DATE, 0, 0 },
	[KEY_TIME] = { FZ_ASCII, 0, 5 },
	[KEY_PLACE] = { FZ_LINE, 1, 300 },
	[KEY_PRESIDER] = { FZ_LINE, 1, 200 },
	[KEY_PARTICIPANTS] = { FZ_LINE, 1, 1000 },
	[KEY_ADDRESS] = { FZ_LINE, 1, 300 },
	[KEY_HOURS] = { FZ_LINE, 1, 300 },
	[KEY_TEL] = { FZ_ASCII, 0, 20 },
	[KEY_POSITION] = { FZ_UINT, 0, 999 },
	[KEY_SLUG] = { FZ_WORD, 0, 0 },
	/* issue 11, part D: search */
	[KEY_SEARCH_KIND] = { FZ_ONE_OF, 0, 3 },
};

/* 1 if s is all ASCII digits. */
static int
fz_digits(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

/* 1 if raw normalises to nothing under promise p: a line of white space
 * (what text_trim removes), paragraphs of CRs only. */
static int
fz_blank(enum fz_promise p, const char *raw)
{
	if (p == FZ_LINE)
		return strspn(raw, " \t\r\n") == strlen(raw);
	return p == FZ_TEXT && strspn(raw, "\r") == strlen(raw);
}

/* 1 if s is its own NFC form. */
static int
fz_nfc(struct arena *a, const char *s)
{
	const char	*t = text_nfc(a, s, strlen(s));

	return t != NULL && strcmp(s, t) == 0;
}

static void
fz_uint(const struct kval *v, uint64_t min, uint64_t max)
{
	unsigned __int128	 x = 0;
	const char		*p;

	FZ_CHECK(fz_digits(v->raw));
	for (p = v->raw; *p != '\0' && x <= UINT64_MAX; p++)
		x = x * 10 + (unsigned)(*p - '0');
	FZ_CHECK(x == v->u && v->u >= min && v->u <= max);
}

/* One line of text: NFC without control characters (valid_line), no
 * space at either end nor two in a row, between min and max characters. */
static void
fz_line(struct arena *a, const struct kval *v, uint64_t min, uint64_t max)
{
	size_t	 n = strlen(v->s);

	FZ_CHECK(valid_line(v->s, n, max) && fz_nfc(a, v->s));
	FZ_CHECK(text_chars(v->s) >= min && text_chars(v->s) <= max);
	FZ_CHECK(n == 0 || (v->s[0] != ' ' && v->s[n - 1] != ' '));
	FZ_CHECK(strstr(v->s, "  ") == NULL);
}

/* Several paragraphs: NFC, no CR, no other control character than LF
 * and tab, at most max characters. */
static void
fz_text(struct arena *a, const struct kval *v, uint64_t max)
{
	FZ_CHECK(valid_text(v->s, strlen(v->s), max) && fz_nfc(a, v->s));
	FZ_CHECK(strchr(v->s, '\r') == NULL);
}

static int
fz_phone(const char *s)
{
	return strlen(s) == 10 && fz_digits(s) && s[0] == '0' &&
	    strchr("35789", s[1]) != NULL;
}

/* raw lower-cased, with one '@' neither first nor last. */
static int
fz_email(const char *raw, const char *s)
{
	size_t	 i, n = strlen(raw);
	const char *at = strchr(s, '@');

	if (strlen(s) != n || n > 254 || at == NULL || at == s ||
	    at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] != (raw[i] >= 'A' && raw[i] <= 'Z' ?
		    raw[i] - 'A' + 'a' : raw[i]))
			return 0;
	return 1;
}

static void
fz_token(const struct kval *v)
{
	FZ_CHECK(v->s == v->raw && strlen(v->s) == 43);
	FZ_CHECK(strspn(v->s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_") == 43);
}

/* 1 if s is printable ASCII only. */
static int
fz_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < 0x20 || *s > 0x7e)
			return 0;
	return 1;
}

static void
fz_path(const struct kval *v, uint64_t max)
{
	size_t	 n = strlen(v->s);

	FZ_CHECK(v->s == v->raw && n >= 1 && n <= max && v->s[0] == '/');
	FZ_CHECK(n == 1 || (v->s[1] != '/' && v->s[1] != '\\'));
	FZ_CHECK(valid_line(v->s, n, max));
}

static void
fz_role(const struct kval *v)
{
	FZ_CHECK(v->u > ROLE_USER && v->u < ROLE__MAX);
	FZ_CHECK(strcmp(v->s, role_name((enum role)v->u)) == 0);
	FZ_CHECK(strcmp(v->raw, v->s) == 0);
}

/* A notice: a slug names it; its text is a sentence, not the slug. */
static void
fz_notice(struct arena *a, const struct kval *v)
{
	FZ_CHECK(valid_slug(v->raw, strlen(v->raw)));
	FZ_CHECK(strcmp(v->s, v->raw) != 0 && *v->s != '\0');
	FZ_CHECK(valid_line(v->s, strlen(v->s), 300) && fz_nfc(a, v->s));
}

/* A day, YYYY-MM-DD as sent: its number, and the same day back. */
static void
fz_date(const struct kval *v)
{
	int32_t	 day;
	int	 y, m, d;

	FZ_CHECK(v->s == v->raw && strlen(v->s) == 10 &&
	    workday_parse(v->s, &day) && (uint64_t)day == v->u);
	workday_ymd(day, &y, &m, &d);
	FZ_CHECK(atoi(v->s) == y && atoi(v->s + 5) == m &&
	    atoi(v->s + 8) == d);
}

/* A local time, YYYY-MM-DDTHH:MM[:SS] as sent: its seconds, its day's
 * number from the day's part. */
static void
fz_datetime(const struct kval *v)
{
	char	 day[11];
	int32_t	 d;
	size_t	 n = strlen(v->s);

	FZ_CHECK(v->s == v->raw && (n == 16 || n == 19) && v->s[10] == 'T');
	memcpy(day, v->s, 10);
	day[10] = '\0';
	FZ_CHECK(workday_parse(day, &d) && (uint64_t)d == v->u / 86400 &&
	    (uint64_t)atoi(v->s + 11) == v->u % 86400 / 3600 &&
	    (uint64_t)atoi(v->s + 14) == v->u % 3600 / 60);
}

/* The promises of fixed formats (codes, digits, words of a list, days,
 * paths), for the valid, non-blank value v. */
static void
fz_format(const struct kval *v, enum fz_promise p, uint64_t max)
{
	switch (p) {
	case FZ_HEX64:
		FZ_CHECK(v->s == v->raw && strlen(v->s) == 64 &&
		    strspn(v->s, "0123456789abcdef") == 64);
		break;
	case FZ_REFUSED:
		FZ_CHECK(!"a refusing key accepted a value");
		break;
	case FZ_APP_CODE:
		FZ_CHECK(strlen(v->s) == 17 && v->s[5] == '-' &&
		    v->s[12] == '-' && strspn(v->s, "0123456789-") == 17);
		break;
	case FZ_LAST4:
		FZ_CHECK(strlen(v->s) == 4 && fz_digits(v->s));
		break;
	case FZ_ONLINE:
		FZ_CHECK(strcmp(v->s, "toan_trinh") == 0 ||
		    strcmp(v->s, "mot_phan") == 0 ||
		    strcmp(v->s, "truc_tiep") == 0);
		break;
	case FZ_DATE:
		fz_date(v);
		break;
	case FZ_DATETIME:
		fz_datetime(v);
		break;
	case FZ_ONE_OF:
		FZ_CHECK(v->s == v->raw && v->u < max &&
		    strspn(v->s, "abcdefghijklmnopqrstuvwxyz-") == strlen(v->s));
		break;
	case FZ_PROC:
		FZ_CHECK(v->s == v->raw &&
		    strspn(v->s, "0123456789.") == strlen(v->s));
		break;
	case FZ_ASCII:
		FZ_CHECK(v->s == v->raw && fz_ascii(v->s) &&
		    strlen(v->s) <= max);
		break;
	case FZ_RETURN_TO:
		fz_path(v, max);
		FZ_CHECK(fz_ascii(v->s) && strchr(v->s, '\\') == NULL &&
		    strchr(v->s, ' ') == NULL);
		break;
	default:
		FZ_CHECK(!"a key without a promise in fz_keys");
	}
}

/* The promise of key k for the valid, non-empty value v. */
static void
fz_promise(struct arena *a, enum key k, const struct kval *v)
{
	uint64_t	 min = fz_keys[k].min, max = fz_keys[k].max;

	FZ_CHECK(fz_keys[k].p == FZ_UINT || v->s != NULL ||
	    fz_blank(fz_keys[k].p, v->raw));
	if (v->s == NULL && fz_keys[k].p != FZ_UINT)
		return;		/* blank: white space only */
	switch (fz_keys[k].p) {
	case FZ_UINT:
		fz_uint(v, min, max);
		break;
	case FZ_LINE:
		fz_line(a, v, min, max);
		break;
	case FZ_TEXT:
		fz_text(a, v, max);
		break;
	case FZ_SECRET:
		FZ_CHECK(v->s == v->raw && strlen(v->s) <= max);
		break;
	case FZ_PHONE:
		FZ_CHECK(fz_phone(v->s));
		break;
	case FZ_EMAIL:
		FZ_CHECK(fz_email(v->raw, v->s));
		break;
	case FZ_ACCOUNT:
		FZ_CHECK(fz_phone(v->s) || fz_email(v->raw, v->s));
		break;
	case FZ_ID_NUMBER:
		FZ_CHECK(strlen(v->s) == 12 && fz_digits(v->s));
		break;
	case FZ_TOKEN:
		fz_token(v);
		break;
	case FZ_PATH:
		fz_path(v, max);
		break;
	case FZ_WORD:
		FZ_CHECK(v->s == v->raw && valid_slug(v->s, strlen(v->s)));
		break;
	case FZ_ROLE:
		fz_role(v);
		break;
	case FZ_NOTICE:
		fz_notice(a, v);
		break;
	default:
		fz_format(v, fz_keys[k].p, max);
	}
}

/* Normalising twice changes nothing: the normalised text of a text key,
 * checked again, is valid and the same. */
static void
fz_again(struct arena *a, enum key k, const struct kval *v)
{
	struct kval	 w;

	if ((fz_keys[k].p != FZ_LINE && fz_keys[k].p != FZ_TEXT &&
	    fz_keys[k].p != FZ_PHONE && fz_keys[k].p != FZ_EMAIL) ||
	    v->s == NULL || *v->s == '\0')
		return;
	memset(&w, 0, sizeof(w));
	w.present = 1;
	w.raw = v->s;
	FZ_CHECK(key_check(a, k, &w) && w.s != NULL);
	FZ_CHECK(strcmp(w.s, v->s) == 0);
}

/* The table's own shape: a name for every key, a reason for every strict
 * one, nothing for keys past the end. */
static void
fz_table(enum key k)
{
	enum key	 j;

	FZ_CHECK(*key_name(k) != '\0' && strlen(key_name(k)) < 32);
	FZ_CHECK(!key_strict(k) || key_why(k) != NULL);
	/* "ma" is a token or an application's code; "loai" an article's
	 * kind, a document's type or what a search looks in: no route reads
	 * two keys of one name (h_routes_check). */
	for (j = 0; j < k; j++)
		FZ_CHECK(strcmp(key_name(j), key_name(k)) != 0 ||
		    (j == KEY_TOKEN && k == KEY_APP_CODE) ||
		    strcmp(key_name(k), "loai") == 0);
	FZ_CHECK(*key_name(KEY__MAX) == '\0' && !key_strict(KEY__MAX));
}

static void
fz_key(struct arena *a, enum key k, const char *raw)
{
	struct kval	 v;

	memset(&v, 0, sizeof(v));
	v.present = 1;
	v.raw = raw;
	v.s = "garbage";
	FZ_CHECK(key_check(a, k, &v) == v.valid);
	FZ_CHECK(v.raw == raw && v.present);
	if (!v.valid || *raw == '\0')
		FZ_CHECK(v.s == NULL);
	FZ_CHECK(*raw != '\0' || v.valid);
	if (v.valid && *raw != '\0') {
		fz_promise(a, k, &v);
		if (v.s != NULL && valid_utf8(raw, strlen(raw)))
			FZ_CHECK(valid_utf8(v.s, strlen(v.s)));
		fz_again(a, k, &v);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	size_t		 n = strnlen((const char *)data, size);
	char		*raw = malloc(n + 1);
	enum key	 k;

	if (raw == NULL)
		abort();
	memcpy(raw, data, n);
	raw[n] = '\0';
	for (k = 0; k < KEY__MAX; k++) {
		fz_table(k);
		fz_key(a, k, raw);
	}
	free(raw);
	arena_free(a);
	return 0;
}
