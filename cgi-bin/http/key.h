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
	/* tracking and the resident's applications */
	KEY_APP_CODE,		/* ma: an application's code */
	KEY_VERIFY,		/* xac-minh: 4 digits, of a phone or ID number */
	KEY_RATING,		/* diem: 1..5 */
	KEY_COMMENT,		/* nhan_xet: up to 1,000 characters */
	KEY_VERSION,		/* phien_ban: the version a form was made from */
	/* the procedure catalogue (issue 8) */
	KEY_SECTOR,		/* linh_vuc: a sector's slug */
	KEY_ONLINE,		/* hinh_thuc: online level, as procedure_versions */
	KEY_PROC_NAME,		/* ten: a procedure's name */
	KEY_AGENCY,		/* co_quan: the deciding body */
	KEY_LEVEL,		/* cap: the level of the deciding body */
	KEY_DAYS,		/* so_ngay: processing time in working days */
	KEY_STEPS,		/* trinh_tu: one step a line */
	KEY_DOCUMENTS,		/* thanh_phan: one document a line */
	KEY_LEGAL,		/* can_cu: one legal text a line */
	KEY_APPLICANTS,		/* doi_tuong */
	KEY_RESULT,		/* ket_qua */
	KEY_CONDITIONS,		/* dieu_kien */
	KEY_FEES,		/* phi: fees and charges */
	KEY_PUBLISHED,		/* cong_bo: "1" when the details are complete */
	KEY_DRAFT,		/* ho-so: one's draft application, an id */
	KEY_IDEM,		/* khoa_nop: a form's one-time key, 64 hex digits */
	KEY_EFORM,		/* tk_*, dv_*: an e-form's fields (app/eform.h) */
	KEY_ASSIST_PHONE,	/* sdt_nguoi_dan: the resident a digital-team
				 * member submits for */
	KEY_ASSIST_CONSENT,	/* dong_y_nop_ho: the resident's consent, "co" */
	/* attachments (issue 8, uploads) */
	KEY_FILES,		/* tep_<n>: files of slot n; bo_tep: ids to drop */
	/* the one-stop desk (issue 9) */
	KEY_NOTE,		/* ghi_chu: a reason, a message, a note */
	KEY_ASSIGNEE,		/* can_bo: a user id */
	KEY_AMOUNT,		/* so_tien: VND, 1..10,000,000,000 */
	KEY_DATE,		/* ngay: a day, YYYY-MM-DD (u: days since
				 * 1970-01-01) */
	KEY_STATUS,		/* trang_thai: 0..10 */
	KEY_PROC,		/* thu_tuc: a procedure's code */
	KEY_CHANNEL,		/* kenh: online, counter or post */
	KEY_DUE,		/* han: qua-han or sap-den-han */
	KEY_FROM,		/* tu_ngay: a day, as ngay */
	KEY_TO,			/* den_ngay: a day, as ngay */
	KEY_FORMAT,		/* dinh_dang: csv */
	/* Thái Nguyên ID (issue 10): the provider's answer at the callback,
	 * and where to go after signing in */
	KEY_OIDC_CODE,		/* code: the authorization code */
	KEY_OIDC_STATE,		/* state: our login state, a token */
	KEY_OIDC_ISS,		/* iss: the issuer (RFC 9207) */
	KEY_OIDC_ERROR,		/* error: the provider's error code */
	KEY_OIDC_ERROR_DESC,	/* error_description: its explanation */
	KEY_RETURN_TO,		/* return_to: a path on our site */
	KEY_LINK,		/* lien_ket: "1" to link a signed-in account */
	/* Issue 12, part E (statistics). */
	KEY_TABLE,		/* bang: which table of /thong-ke as CSV */
	/* issue 11, part B: the newsroom */
	KEY_KIND,		/* loai: news or announcement */
	KEY_CATEGORY,		/* chuyen_muc: a category's id; empty = none */
	KEY_PINNED,		/* ghim: "1" to pin an announcement */
	KEY_EXPIRES,		/* het_han: local time, YYYY-MM-DDTHH:MM (u:
				 * seconds, as if UTC) */
	KEY_PUBLISH_AT,		/* dang_luc: local time, as het_han */
	KEY_ALT,		/* mo_ta_anh: the lead image's alt text */
	KEY_FILTER,		/* loc: an article status */
	KEY_NAME,		/* ten_chuyen_muc: a category's name */
	/* the units' websites (issue 11, part A): the JSON API's
	 * parameters, in English as the API's fields (h/h_api_sites.c) */
	KEY_API_UNIT,		/* unit: a unit's slug */
	KEY_API_PAGE,		/* page: 1..10000 */
	KEY_ALL,		/* all: "1", merged units too */
	/* Issue 11, part C (content): documents, the leaders' schedule,
	 * introduction pages, contacts */
	KEY_YEAR,		/* nam: a year, 1990..2100 */
	KEY_DOC_TYPE,		/* loai: a document's type (documents.doc_type) */
	KEY_WEEK,		/* tuan: an ISO week, YYYY-Www (u: its Monday, days
				 * since 1970-01-01) */
	KEY_NUMBER,		/* so_ky_hieu: a document's number and symbol */
	KEY_SIGNER,		/* nguoi_ky: who signed a document */
	KEY_EFFECTIVE,		/* ngay_hieu_luc: a day, as ngay */
	KEY_TIME,		/* gio: HH:MM (u: minutes after midnight) */
	KEY_PLACE,		/* dia_diem */
	KEY_PRESIDER,		/* chu_tri: up to 200 characters */
	KEY_PARTICIPANTS,	/* thanh_phan_du: up to 1,000 characters */
	KEY_ADDRESS,		/* dia_chi */
	KEY_HOURS,		/* gio_lam_viec: opening hours */
	KEY_TEL,		/* so_lien_he: a phone number as printed (digits,
				 * spaces, dots, hyphens, a leading +) */
	KEY_POSITION,		/* thu_tu: 0..999 */
	KEY_SLUG,		/* duong_dan: a page's slug, up to 64 characters */
	/* issue 11, part D: search */
	KEY_SEARCH_KIND,	/* loai: bai-viet, van-ban or thu-tuc (u: enum
				 * search_kind) */
	KEY__MAX
};

/* A set of keys: one bit a key, 128 of them (GCC's and clang's 128-bit
 * integer; __extension__ keeps -std=c17 -pedantic quiet about it). */
__extension__ typedef unsigned __int128 keyset;
#define KEY_BIT(k)	((keyset)1 << (k))
_Static_assert(KEY__MAX <= 128, "a route's keys are one 128-bit set");

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
