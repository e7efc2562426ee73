/* The key table: each parameter's name, its validator (raw text in, a
 * typed and normalised value out, or a refusal) and whether a refusal is
 * the request's fault (400) or the handler's to explain.  Pure: no
 * FastCGI, no database; the validators allocate from the arena given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/role.h"
#include "core/text.h"
#include "core/valid.h"
#include "core/week.h"
#include "core/workday.h"
#include "http/key.h"

struct key_def {
	const char	*name;
	int		(*check)(struct arena *, struct kval *);
	int		 strict;	/* invalid: 400, not the handler's */
	const char	*why;		/* Vietnamese, for the 400 page */
};

/* Notices shown after a redirect; "tb" names one, never carries text. */
static const char *const notices[][2] = {
	{ "dang-ky", "Đăng ký thành công. Chào mừng bạn đến với cổng dịch vụ "
	  "công." },
	{ "dang-ky-email", "Đăng ký thành công. Chúng tôi đã gửi thư xác nhận "
	  "đến địa chỉ thư điện tử bạn khai báo: địa chỉ chỉ được dùng sau khi "
	  "bạn mở đường dẫn trong thư." },
	{ "xac-nhan-email", "Đã lưu thay đổi. Chúng tôi đã gửi thư xác nhận đến "
	  "địa chỉ thư điện tử mới: địa chỉ chỉ được dùng sau khi bạn mở đường "
	  "dẫn trong thư." },
	{ "dang-nhap", "Bạn đã đăng nhập." },
	{ "dang-xuat", "Bạn đã đăng xuất." },
	{ "mat-khau-moi", "Đã đặt mật khẩu mới. Vui lòng đăng nhập lại." },
	{ "doi-mat-khau", "Đã đổi mật khẩu. Mọi phiên đăng nhập khác đã kết "
	  "thúc." },
	{ "dang-xuat-khac", "Đã đăng xuất khỏi mọi thiết bị khác." },
	{ "da-luu", "Đã lưu thay đổi." },
	{ "da-luu-nhap", "Đã lưu bản nháp. Bạn có thể quay lại hoàn thiện và "
	  "nộp hồ sơ sau, từ trang này." },
	{ "da-dang", "Đã đăng bài." },
	{ "da-tao", "Đã tạo người dùng." },
	{ "da-cap-quyen", "Đã cấp quyền." },
	{ "da-thu-hoi", "Đã thu hồi quyền." },
	{ "da-khoa", "Đã vô hiệu hoá tài khoản và kết thúc mọi phiên của "
	  "người này." },
	{ "da-mo", "Đã kích hoạt lại tài khoản." },
	{ "da-rut", "Đã gửi yêu cầu rút hồ sơ." },
	{ "da-danh-gia", "Cảm ơn bạn đã đánh giá chất lượng phục vụ." },
	{ "da-luu-phien-ban", "Đã lưu phiên bản mới của thủ tục; các hồ sơ "
	  "đã nộp giữ phiên bản có hiệu lực khi nộp." },
	{ "da-lien-ket", "Đã liên kết tài khoản với Thái Nguyên ID: từ nay bạn "
	  "có thể đăng nhập bằng Thái Nguyên ID." },
	{ "da-huy-lien-ket", "Đã huỷ liên kết với Thái Nguyên ID." },
	{ "da-bo-sung", "Đã gửi giấy tờ bổ sung. Cán bộ sẽ kiểm tra và "
	  "tiếp nhận giấy tờ để tiếp tục giải quyết hồ sơ." },
	{ "da-xu-ly", "Đã ghi nhận thao tác trên hồ sơ." },
	/* issue 11, part B: the newsroom */
	{ "da-gui-duyet", "Đã gửi bài cho lãnh đạo duyệt." },
	{ "da-hen-gio", "Đã hẹn giờ đăng bài." },
	{ "da-tra-lai", "Đã trả lại bài cho biên tập viên." },
	{ "da-go-bai", "Đã gỡ bài khỏi trang công khai." },
	{ "da-luu-tru", "Đã chuyển bài vào lưu trữ." },
	{ "da-khoi-phuc", "Đã khôi phục nội dung của phiên bản cũ (lưu "
	  "thành phiên bản mới)." },
	{ "da-luu-cho-duyet", "Đã lưu thay đổi. Bài đã đăng được sửa nên "
	  "chuyển về chờ lãnh đạo duyệt lại." },
	{ "da-luu-chuyen-muc", "Đã lưu chuyên mục." },
};

static int
key_page(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), 10000, &v->u) && v->u >= 1;
}

static int
key_uint(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), UINT32_MAX, &v->u);
}

/* One line of text: NFC, trimmed, folded; between 1 and 300 characters. */
static int
key_line(struct arena *a, struct kval *v)
{
	v->s = text_trim(a, v->raw, strlen(v->raw));
	return v->s != NULL && valid_line(v->s, strlen(v->s), 300);
}

/* A person's name: one line of 1 to 100 characters. */
static int
key_fullname(struct arena *a, struct kval *v)
{
	return key_line(a, v) && text_chars(v->s) <= 100 && *v->s != '\0';
}

/* Several paragraphs: NFC, CR LF as LF, at most 100,000 characters.  CRs
 * go before NFC: dropped after it, one between a letter and a combining
 * mark would leave the two apart, not NFC. */
static int
key_text(struct arena *a, struct kval *v)
{
	char	*t = arena_strdup(a, v->raw), *r, *w;

	for (r = w = t; *r != '\0'; r++)
		if (*r != '\r')
			*w++ = *r;
	*w = '\0';
	v->s = text_nfc(a, t, (size_t)(w - t));
	return v->s != NULL && valid_text(v->s, strlen(v->s), 100000);
}

static int
key_summary(struct arena *a, struct kval *v)
{
	return key_text(a, v) && text_chars(v->s) <= 1000;
}

static int
key_secret(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return strlen(v->raw) <= 1024;
}

static int
key_phone(struct arena *a, struct kval *v)
{
	char	*out = arena_alloc(a, 11);

	v->s = out;
	return valid_phone(v->raw, strlen(v->raw), out);
}

static int
key_email(struct arena *a, struct kval *v)
{
	size_t	 n = strlen(v->raw);
	char	*out = arena_alloc(a, n + 1);

	v->s = out;
	return valid_email(v->raw, n, out, n + 1);
}

/* A phone number or an email: the sign-in name. */
static int
key_account(struct arena *a, struct kval *v)
{
	return key_phone(a, v) || key_email(a, v);
}

static int
key_id_number(struct arena *a, struct kval *v)
{
	v->s = text_trim(a, v->raw, strlen(v->raw));
	return v->s != NULL && valid_id_number(v->s, strlen(v->s));
}

static int
key_token(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_token(v->raw, strlen(v->raw));
}

static int
key_path(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_local_path(v->raw, strlen(v->raw));
}

static int
key_word(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_slug(v->raw, strlen(v->raw));
}

static int
key_role(struct arena *a, struct kval *v)
{
	enum role	 role = role_from_name(v->raw);

	(void)a;
	v->u = role;
	v->s = role_name(role);
	return role != ROLE_USER;
}

static int
key_notice(struct arena *a, struct kval *v)
{
	size_t	 i;

	(void)a;
	for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(v->raw, notices[i][0]) == 0) {
			v->s = notices[i][1];
			return 1;
		}
	return 0;
}

/* An application's code, as people copy it: white space around it
 * ignored. */
static int
key_app_code(struct arena *a, struct kval *v)
{
	v->s = text_trim(a, v->raw, strlen(v->raw));
	return v->s != NULL && valid_app_code(v->s, strlen(v->s));
}

/* The last four digits of a phone or ID number. */
static int
key_last4(struct arena *a, struct kval *v)
{
	uint64_t	 u;

	v->s = text_trim(a, v->raw, strlen(v->raw));
	return v->s != NULL && strlen(v->s) == 4 &&
	    valid_uint(v->s, 4, 9999, &u);
}

static int
key_rating(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), 5, &v->u) && v->u >= 1;
}

/* A procedure's online level: the URL's word in, the value of
 * procedure_versions.online_level out. */
static int
key_online(struct arena *a, struct kval *v)
{
	static const char *const levels[][2] = {
		{ "toan-trinh", "toan_trinh" },
		{ "mot-phan", "mot_phan" },
		{ "truc-tiep", "truc_tiep" },
	};
	size_t	 i;

	(void)a;
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (strcmp(v->raw, levels[i][0]) == 0) {
			v->s = levels[i][1];
			v->u = i;
			return 1;
		}
	return 0;
}

/* One long line (a procedure's name, its deciding body): NFC, trimmed,
 * at most 1,000 characters. */
static int
key_long_line(struct arena *a, struct kval *v)
{
	v->s = text_trim(a, v->raw, strlen(v->raw));
	return v->s != NULL && valid_line(v->s, strlen(v->s), 1000);
}

/* The level of a deciding body: one line of at most 100 characters. */
static int
key_level(struct arena *a, struct kval *v)
{
	return key_line(a, v) && text_chars(v->s) <= 100;
}

/* Working days: 1 to 365. */
static int
key_days(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_uint(v->raw, strlen(v->raw), 365, &v->u) && v->u >= 1;
}

/* A sum of money in đồng: 1 to 10 billion. */
static int
key_amount(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), UINT64_C(10000000000),
	    &v->u) && v->u >= 1;
}

/* A day as a date input sends it, YYYY-MM-DD: u is its number (days
 * since 1970-01-01). */
static int
key_date(struct arena *a, struct kval *v)
{
	int32_t	 day;

	(void)a;
	if (!workday_parse(v->raw, &day) || day < 0)
		return 0;
	v->s = v->raw;
	v->u = (uint64_t)day;
	return 1;
}

/* One of a list of words: u is its index. */
static int
key_among(struct kval *v, const char *const *words, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v->raw, words[i]) == 0) {
			v->s = v->raw;
			v->u = i;
			return 1;
		}
	return 0;
}

static int
key_channel(struct arena *a, struct kval *v)
{
	static const char *const channels[] = { "online", "counter", "post" };

	(void)a;
	return key_among(v, channels, sizeof(channels) / sizeof(channels[0]));
}

static int
key_due(struct arena *a, struct kval *v)
{
	static const char *const dues[] = { "qua-han", "sap-den-han" };

	(void)a;
	return key_among(v, dues, sizeof(dues) / sizeof(dues[0]));
}

static int
key_status(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), 10, &v->u);
}

static int
key_proc(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return valid_proc_code(v->raw, strlen(v->raw));
}

static int
key_format(struct arena *a, struct kval *v)
{
	static const char *const formats[] = { "csv" };

	(void)a;
	return key_among(v, formats, sizeof(formats) / sizeof(formats[0]));
}

/* A table of the statistics (/thong-ke): u is its index, in
 * h/h_stats.c's order. */
static int
key_table(struct arena *a, struct kval *v)
{
	static const char *const tables[] = {
		"don-vi", "thang", "thu-tuc", "tre-han"
	};

	(void)a;
	return key_among(v, tables, sizeof(tables) / sizeof(tables[0]));
}

/* A draft application's id. */
static int
key_draft(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), VALID_ID_MAX, &v->u) &&
	    v->u > 0;
}

/* A form's one-time key: 64 lower-case hex digits. */
static int
key_idem(struct arena *a, struct kval *v)
{
	(void)a;
	v->s = v->raw;
	return strlen(v->raw) == 64 &&
	    strspn(v->raw, "0123456789abcdef") == 64;
}

/* A value an OpenID provider sends back (code, iss, error): printable
 * ASCII, at most 1,024 bytes, as it is. */
static int
key_ascii(struct arena *a, struct kval *v)
{
	size_t	 i, n = strlen(v->raw);

	(void)a;
	v->s = v->raw;
	for (i = 0; i < n; i++)
		if (v->raw[i] < 0x20 || v->raw[i] > 0x7e)
			return 0;
	return n <= 1024;
}

/* Where to go after signing in with Thái Nguyên ID: a path on our site
 * ("/...", not "//..."), printable ASCII without a backslash, at most
 * 300 bytes: never another site. */
static int
key_return_to(struct arena *a, struct kval *v)
{
	size_t	 n = strlen(v->raw);

	return n <= 300 && key_path(a, v) && key_ascii(a, v) &&
	    strchr(v->raw, '\\') == NULL && strchr(v->raw, ' ') == NULL;
}

/* Issue 11, part C (content). */
static int
key_year(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), 2100, &v->u) &&
	    v->u >= 1990;
}

/* documents.doc_type, in its order: u is the index. */
static int
key_doc_type(struct arena *a, struct kval *v)
{
	static const char *const types[] = { "quyet-dinh", "chi-thi",
		"ke-hoach", "thong-bao", "cong-van", "nghi-quyet", "bao-cao",
		"khac" };

	(void)a;
	return key_among(v, types, sizeof(types) / sizeof(types[0]));
}

/* An ISO 8601 week, "2026-W49": u is the number of its Monday. */
static int
key_week(struct arena *a, struct kval *v)
{
	int32_t	 monday;

	(void)a;
	if (!week_parse(v->raw, &monday) || monday < 0)
		return 0;
	v->s = v->raw;
	v->u = (uint64_t)monday;
	return 1;
}

/* A document's number and symbol, "15/2026/QĐ-UBND": 1 to 60
 * characters. */
static int
key_number(struct arena *a, struct kval *v)
{
	return key_line(a, v) && text_chars(v->s) <= 60;
}

static int
key_line200(struct arena *a, struct kval *v)
{
	return key_line(a, v) && text_chars(v->s) <= 200;
}

/* A time of day, HH:MM: u is minutes after midnight. */
static int
key_time(struct arena *a, struct kval *v)
{
	int	 min;

	(void)a;
	if (strlen(v->raw) != 5 || !workday_hhmm(v->raw, &min))
		return 0;
	v->s = v->raw;
	v->u = (uint64_t)min;
	return 1;
}

/* A phone number as printed on a directory ("0208 3863 123", "+84 208
 * ..."): 8 to 20 characters, digits with spaces, dots or hyphens between,
 * at least 8 digits; s is raw (tel: links keep the digits). */
static int
key_tel(struct arena *a, struct kval *v)
{
	size_t	 i, n = strlen(v->raw), digits = 0;

	(void)a;
	v->s = v->raw;
	for (i = 0; i < n; i++) {
		char c = v->raw[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (!(c == '+' && i == 0) && ((c != ' ' && c != '.' &&
		    c != '-') || i == 0 || i == n - 1))
			return 0;
	}
	return n <= 20 && digits >= 8;
}

static int
key_position(struct arena *a, struct kval *v)
{
	(void)a;
	return valid_uint(v->raw, strlen(v->raw), 999, &v->u);
}

static int
key_page_slug(struct arena *a, struct kval *v)
{
	return strlen(v->raw) <= 64 && key_word(a, v);
}

static int
key_kind(struct arena *a, struct kval *v)
{
	static const char *const kinds[] = { "news", "announcement" };

	(void)a;
	return key_among(v, kinds, sizeof(kinds) / sizeof(kinds[0]));
}

/* What a search looks in: u is its enum search_kind (app/search.h). */
static int
key_search_kind(struct arena *a, struct kval *v)
{
	static const char *const kinds[] = { "bai-viet", "van-ban", "thu-tuc" };

	(void)a;
	return key_among(v, kinds, sizeof(kinds) / sizeof(kinds[0]));
}

static int
key_filter(struct arena *a, struct kval *v)
{
	static const char *const st[] = { "draft", "submitted", "returned",
	    "published", "unpublished", "archived" };

	(void)a;
	return key_among(v, st, sizeof(st) / sizeof(st[0]));
}

/* A time as a datetime-local input sends it, YYYY-MM-DDTHH:MM (and :SS):
 * u is its seconds since 1970 as if it were UTC (the handler moves it by
 * the city's offset). */
static int
key_datetime(struct arena *a, struct kval *v)
{
	char	 day[11];
	int32_t	 d;
	size_t	 n = strlen(v->raw);

	(void)a;
	if ((n != 16 && n != 19) || v->raw[10] != 'T' || v->raw[13] != ':' ||
	    (n == 19 && v->raw[16] != ':'))
		return 0;
	memcpy(day, v->raw, 10);
	day[10] = '\0';
	if (!workday_parse(day, &d) || d < 0 ||
	    strspn(v->raw + 11, "0123456789") != 2 ||
	    strspn(v->raw + 14, "0123456789") != 2 ||
	    (n == 19 && strspn(v->raw + 17, "0123456789") != 2) ||
	    atoi(v->raw + 11) > 23 || atoi(v->raw + 14) > 59 ||
	    (n == 19 && atoi(v->raw + 17) > 59))
		return 0;
	v->s = v->raw;
	v->u = (uint64_t)d * 86400 + (uint64_t)atoi(v->raw + 11) * 3600 +
	    (uint64_t)atoi(v->raw + 14) * 60 +
	    (n == 19 ? (uint64_t)atoi(v->raw + 17) : 0);
	return 1;
}

static int
key_none(struct arena *a, struct kval *v)
{
	(void)a;
	(void)v;
	return 0;
}

static const struct key_def key_defs[KEY__MAX] = {
	[KEY_PAGE] = { "trang", key_page, 1, "Số trang không hợp lệ." },
	[KEY_Q] = { "q", key_line, 1, "Từ khoá tìm kiếm không hợp lệ." },
	[KEY_CSRF] = { "csrf", key_secret, 0, NULL },
	[KEY_NEXT] = { "tiep", key_path, 0, NULL },
	[KEY_ACCOUNT] = { "tai_khoan", key_account, 0, NULL },
	[KEY_PASSWORD] = { "mat_khau", key_secret, 0, NULL },
	[KEY_PASSWORD2] = { "mat_khau_nhap_lai", key_secret, 0, NULL },
	[KEY_CURRENT_PASSWORD] = { "mat_khau_hien_tai", key_secret, 0, NULL },
	[KEY_FULL_NAME] = { "ho_ten", key_fullname, 0, NULL },
	[KEY_PHONE] = { "dien_thoai", key_phone, 0, NULL },
	[KEY_EMAIL] = { "email", key_email, 0, NULL },
	[KEY_ID_NUMBER] = { "so_dinh_danh", key_id_number, 0, NULL },
	[KEY_TOKEN] = { "ma", key_token, 0, NULL },
	[KEY_ACTION] = { "hanh_dong", key_word, 1, "Thao tác không hợp lệ." },
	[KEY_ROLE] = { "vai_tro", key_role, 1, "Vai trò không hợp lệ." },
	[KEY_UNIT] = { "don_vi", key_uint, 1, "Đơn vị không hợp lệ." },
	[KEY_TITLE] = { "tieu_de", key_line, 0, NULL },
	[KEY_SUMMARY] = { "tom_tat", key_summary, 0, NULL },
	[KEY_BODY] = { "noi_dung", key_text, 0, NULL },
	[KEY_NOTICE] = { "tb", key_notice, 0, NULL },
	[KEY_APP_CODE] = { "ma", key_app_code, 0, NULL },
	[KEY_VERIFY] = { "xac-minh", key_last4, 0, NULL },
	[KEY_RATING] = { "diem", key_rating, 0, NULL },
	[KEY_COMMENT] = { "nhan_xet", key_summary, 0, NULL },
	[KEY_VERSION] = { "phien_ban", key_uint, 0, NULL },
	[KEY_SECTOR] = { "linh_vuc", key_word, 1, "Lĩnh vực không hợp lệ." },
	[KEY_ONLINE] = { "hinh_thuc", key_online, 1,
	  "Mức độ trực tuyến không hợp lệ." },
	[KEY_PROC_NAME] = { "ten", key_long_line, 0, NULL },
	[KEY_AGENCY] = { "co_quan", key_long_line, 0, NULL },
	[KEY_LEVEL] = { "cap", key_level, 0, NULL },
	[KEY_DAYS] = { "so_ngay", key_days, 0, NULL },
	[KEY_STEPS] = { "trinh_tu", key_text, 0, NULL },
	[KEY_DOCUMENTS] = { "thanh_phan", key_text, 0, NULL },
	[KEY_LEGAL] = { "can_cu", key_text, 0, NULL },
	[KEY_APPLICANTS] = { "doi_tuong", key_text, 0, NULL },
	[KEY_RESULT] = { "ket_qua", key_text, 0, NULL },
	[KEY_CONDITIONS] = { "dieu_kien", key_text, 0, NULL },
	[KEY_FEES] = { "phi", key_text, 0, NULL },
	[KEY_PUBLISHED] = { "cong_bo", key_word, 0, NULL },
	[KEY_DRAFT] = { "ho-so", key_draft, 1, "Mã hồ sơ nháp không hợp lệ." },
	[KEY_IDEM] = { "khoa_nop", key_idem, 0, NULL },
	/* Read through request_eform(), by the e-form's names. */
	[KEY_EFORM] = { "tk_*", key_none, 0, NULL },
	/* Assisted submission (h/h_assist.c). */
	[KEY_ASSIST_PHONE] = { "sdt_nguoi_dan", key_phone, 0, NULL },
	[KEY_ASSIST_CONSENT] = { "dong_y_nop_ho", key_word, 0, NULL },
	/* Read through request_files() and request_drops(). */
	[KEY_FILES] = { "tep_*", key_none, 0, NULL },
	[KEY_NOTE] = { "ghi_chu", key_text, 0, NULL },
	[KEY_ASSIGNEE] = { "can_bo", key_uint, 1, "Cán bộ không hợp lệ." },
	[KEY_AMOUNT] = { "so_tien", key_amount, 0, NULL },
	[KEY_DATE] = { "ngay", key_date, 0, NULL },
	[KEY_STATUS] = { "trang_thai", key_status, 1,
	    "Trạng thái không hợp lệ." },
	[KEY_PROC] = { "thu_tuc", key_proc, 1, "Mã thủ tục không hợp lệ." },
	[KEY_CHANNEL] = { "kenh", key_channel, 1, "Kênh nộp không hợp lệ." },
	[KEY_DUE] = { "han", key_due, 1, "Bộ lọc hạn xử lý không hợp lệ." },
	[KEY_FROM] = { "tu_ngay", key_date, 1, "Ngày bắt đầu không hợp lệ." },
	[KEY_TO] = { "den_ngay", key_date, 1, "Ngày kết thúc không hợp lệ." },
	[KEY_FORMAT] = { "dinh_dang", key_format, 1,
	    "Định dạng không hợp lệ." },
	/* Thái Nguyên ID's callback (h/h_tnid.c): a malformed answer is
	 * refused before anything is looked up; a bad state is the
	 * handler's to explain. */
	[KEY_OIDC_CODE] = { "code", key_ascii, 1, "Phản hồi đăng nhập từ "
	    "Thái Nguyên ID không hợp lệ (mã cấp quyền)." },
	[KEY_OIDC_STATE] = { "state", key_token, 0, NULL },
	[KEY_OIDC_ISS] = { "iss", key_ascii, 1, "Phản hồi đăng nhập từ Thái "
	    "Nguyên ID không hợp lệ (bên cấp)." },
	[KEY_OIDC_ERROR] = { "error", key_ascii, 1, "Phản hồi đăng nhập từ "
	    "Thái Nguyên ID không hợp lệ." },
	[KEY_OIDC_ERROR_DESC] = { "error_description", key_line, 1, "Phản "
	    "hồi đăng nhập từ Thái Nguyên ID không hợp lệ." },
	[KEY_RETURN_TO] = { "return_to", key_return_to, 1, "Địa chỉ quay lại "
	    "sau khi đăng nhập không hợp lệ: chỉ chấp nhận một trang của cổng "
	    "này." },
	[KEY_LINK] = { "lien_ket", key_word, 0, NULL },
	[KEY_TABLE] = { "bang", key_table, 1, "Bảng không hợp lệ." },
	/* issue 11, part B: the newsroom */
	[KEY_KIND] = { "loai", key_kind, 1, "Loại bài không hợp lệ." },
	[KEY_CATEGORY] = { "chuyen_muc", key_uint, 1,
	  "Chuyên mục không hợp lệ." },
	[KEY_PINNED] = { "ghim", key_word, 0, NULL },
	[KEY_EXPIRES] = { "het_han", key_datetime, 0, NULL },
	[KEY_PUBLISH_AT] = { "dang_luc", key_datetime, 0, NULL },
	[KEY_ALT] = { "mo_ta_anh", key_line, 0, NULL },
	[KEY_FILTER] = { "loc", key_filter, 1, "Bộ lọc trạng thái không hợp "
	  "lệ." },
	[KEY_NAME] = { "ten_chuyen_muc", key_fullname, 0, NULL },
	/* the JSON API of the units' websites: it explains in JSON */
	[KEY_API_UNIT] = { "unit", key_word, 0, NULL },
	[KEY_API_PAGE] = { "page", key_page, 0, NULL },
	[KEY_ALL] = { "all", key_word, 0, NULL },
	/* Issue 11, part C (content): the public filters are strict, the
	 * editors' fields are explained by the forms. */
	[KEY_YEAR] = { "nam", key_year, 1, "Năm không hợp lệ." },
	[KEY_DOC_TYPE] = { "loai", key_doc_type, 1,
	    "Loại văn bản không hợp lệ." },
	[KEY_WEEK] = { "tuan", key_week, 1, "Tuần không hợp lệ: cần dạng "
	    "năm-Wsố tuần, ví dụ 2026-W49." },
	[KEY_NUMBER] = { "so_ky_hieu", key_number, 0, NULL },
	[KEY_SIGNER] = { "nguoi_ky", key_fullname, 0, NULL },
	[KEY_EFFECTIVE] = { "ngay_hieu_luc", key_date, 0, NULL },
	[KEY_TIME] = { "gio", key_time, 0, NULL },
	[KEY_PLACE] = { "dia_diem", key_line, 0, NULL },
	[KEY_PRESIDER] = { "chu_tri", key_line200, 0, NULL },
	[KEY_PARTICIPANTS] = { "thanh_phan_du", key_long_line, 0, NULL },
	[KEY_ADDRESS] = { "dia_chi", key_line, 0, NULL },
	[KEY_HOURS] = { "gio_lam_viec", key_line, 0, NULL },
	[KEY_TEL] = { "so_lien_he", key_tel, 0, NULL },
	[KEY_POSITION] = { "thu_tu", key_position, 0, NULL },
	[KEY_SLUG] = { "duong_dan", key_page_slug, 0, NULL },
	/* issue 11, part D: search */
	[KEY_SEARCH_KIND] = { "loai", key_search_kind, 1, "Loại nội dung tìm kiếm không hợp "
	  "lệ: chọn bài viết, văn bản hoặc thủ tục." },
};

/* The parameter's name in a query or form ("trang"); "" for no key. */
const char *
key_name(enum key k)
{
	return (unsigned)k < KEY__MAX ? key_defs[k].name : "";
}

/* 1 when an invalid value of k is refused with 400 (key_why says why). */
int
key_strict(enum key k)
{
	return (unsigned)k < KEY__MAX && key_defs[k].strict;
}

/* Why an invalid value of a strict key was refused (Vietnamese), or NULL
 * for a key whose handler explains. */
const char *
key_why(enum key k)
{
	return (unsigned)k < KEY__MAX ? key_defs[k].why : NULL;
}

/* Validates v->raw as key k, setting v->valid and, when valid, the typed
 * value (v->s in arena a or static, v->u).  An empty value is valid and
 * blank (s NULL), and so is one that normalises to nothing (a line of
 * white space); an invalid one keeps only its raw text (s NULL).
 * Returns v->valid. */
int
key_check(struct arena *a, enum key k, struct kval *v)
{
	v->valid = 0;
	if ((unsigned)k < KEY__MAX && v->raw != NULL)
		v->valid = v->raw[0] == '\0' || key_defs[k].check(a, v);
	if (!v->valid || v->raw[0] == '\0' || (v->s != NULL && *v->s == '\0'))
		v->s = NULL;
	return v->valid;
}
