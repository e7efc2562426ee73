/* The key table: every parameter any route accepts, its name in a query
 * or form, and its validator, which turns the raw text into a typed,
 * normalised value or refuses it.  Nothing here knows FastCGI: request.c
 * finds the values, key.c judges them. */
#ifndef KEY_H
#define KEY_H
#include <stdint.h>

struct arena;

/* A route declares the keys it reads (router.h); handlers read typed
 * values by index. */
enum key {
	KEY_PAGE,		/* trang: page number, 1..10000 */
	KEY_Q,			/* q: a search, one line */
	KEY_CSRF,		/* csrf: the session's form token */
	KEY_NEXT,		/* tiep: a local path to return to */
	KEY_ACCOUNT,		/* tai_khoan: phone number or email */
	KEY_PASSWORD,		/* mat_khau */
	KEY_PASSWORD2,		/* mat_khau_nhap_lai */
	KEY_CURRENT_PASSWORD,	/* mat_khau_hien_tai */
	KEY_FULL_NAME,		/* ho_ten */
	KEY_PHONE,		/* dien_thoai: normalised to 0xxxxxxxxx */
	KEY_EMAIL,		/* email: lower-cased */
	KEY_ID_NUMBER,		/* so_dinh_danh: 12 digits */
	KEY_TOKEN,		/* ma: a password-reset token */
	KEY_ACTION,		/* hanh_dong: a button's value */
	KEY_ROLE,		/* vai_tro: enum role */
	KEY_UNIT,		/* don_vi: a unit id; empty = none */
	KEY_TITLE,		/* tieu_de */
	KEY_SUMMARY,		/* tom_tat */
	KEY_BODY,		/* noi_dung */
	KEY_NOTICE,		/* tb: which notice to show after a redirect */
	KEY_DRAFT,		/* ho-so: one's draft application, an id */
	KEY_IDEM,		/* khoa_nop: a form's one-time key, 64 hex digits */
	KEY_EFORM,		/* tk_*, dv_*: an e-form's fields (app/eform.h) */
	KEY__MAX
};

#define KEY_BIT(k)	(1u << (k))

struct kval {
	int		 present;	/* given, possibly empty or invalid */
	int		 valid;		/* passed its validator */
	const char	*raw;		/* decoded text as sent */
	const char	*s;		/* normalised text (valid only) */
	uint64_t	 u;		/* numeric and enumerated keys */
};

const char	*key_name(enum key);
int		 key_check(struct arena *, enum key, struct kval *);
int		 key_strict(enum key);
const char	*key_why(enum key);

#endif
