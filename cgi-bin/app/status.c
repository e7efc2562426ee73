/* Application statuses: names and the rules that follow from them. */
#include <stdint.h>

#include "app/status.h"

static const char *const names[STATUS__MAX] = {
	[STATUS_DRAFT] = "Bản nháp",
	[STATUS_SUBMITTED] = "Mới đăng ký",
	[STATUS_RECEIVED] = "Được tiếp nhận",
	[STATUS_REFUSED] = "Không được tiếp nhận",
	[STATUS_PROCESSING] = "Đang xử lý",
	[STATUS_SUPPLEMENT] = "Yêu cầu bổ sung giấy tờ",
	[STATUS_PAYMENT] = "Yêu cầu thực hiện nghĩa vụ tài chính",
	[STATUS_WITHDRAWN] = "Công dân yêu cầu rút hồ sơ",
	[STATUS_STOPPED] = "Dừng xử lý",
	[STATUS_DONE] = "Đã xử lý xong",
	[STATUS_RETURNED] = "Đã trả kết quả",
};

/* The status's name (Vietnamese, static); "Không xác định" for a code
 * outside 0-10, which the schema's CHECK refuses anyway. */
const char *
status_name(long long s)
{
	return s >= 0 && s < STATUS__MAX ? names[s] : "Không xác định";
}

/* 1 while the unit still owes the applicant something: submitted and not
 * refused (3), withdrawn (7), stopped (8), done (9) or returned (10). */
int
status_open(long long s)
{
	return s >= STATUS_SUBMITTED && s < STATUS__MAX &&
	    s != STATUS_REFUSED && s != STATUS_WITHDRAWN &&
	    s != STATUS_STOPPED && s != STATUS_DONE && s != STATUS_RETURNED;
}

/* Late: the appointment day (due_day, days since 1970-01-01; 0 for none)
 * is before today (the city's day, clock_day) while the application is
 * still open (status_open: not 3, 7, 8, 9 or 10).  A result ready on time
 * or late is no longer "late": the appointment is met or over. */
int
status_late(long long s, int64_t due_day, int64_t today)
{
	return due_day > 0 && due_day < today && status_open(s);
}

/* The applicant may withdraw (7) an application that is submitted (1),
 * received (2), in processing (4), waiting for documents (5) or for a
 * payment (6): not a draft (deleted instead, elsewhere), and not once it
 * is refused, withdrawn, stopped or decided (3, 7, 8, 9, 10). */
int
status_can_withdraw(long long s)
{
	return s == STATUS_SUBMITTED || s == STATUS_RECEIVED ||
	    s == STATUS_PROCESSING || s == STATUS_SUPPLEMENT ||
	    s == STATUS_PAYMENT;
}

/* The service may be rated once the result is returned (10). */
int
status_can_rate(long long s)
{
	return s == STATUS_RETURNED;
}
