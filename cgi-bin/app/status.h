/* Application statuses: the national portal's codes 1-10 (README),
 * 0 for a draft.  Their names and the rules that depend on the status
 * only, in one place for every page and the API. */
#ifndef STATUS_H
#define STATUS_H
#include <stdint.h>

enum status {
	STATUS_DRAFT,		/* 0 Bản nháp */
	STATUS_SUBMITTED,	/* 1 Mới đăng ký */
	STATUS_RECEIVED,	/* 2 Được tiếp nhận */
	STATUS_REFUSED,		/* 3 Không được tiếp nhận */
	STATUS_PROCESSING,	/* 4 Đang xử lý */
	STATUS_SUPPLEMENT,	/* 5 Yêu cầu bổ sung giấy tờ */
	STATUS_PAYMENT,		/* 6 Yêu cầu thực hiện nghĩa vụ tài chính */
	STATUS_WITHDRAWN,	/* 7 Công dân yêu cầu rút hồ sơ */
	STATUS_STOPPED,		/* 8 Dừng xử lý */
	STATUS_DONE,		/* 9 Đã xử lý xong */
	STATUS_RETURNED,	/* 10 Đã trả kết quả */
	STATUS__MAX
};

const char	*status_name(long long);
int		 status_open(long long);
int		 status_late(long long, int64_t due_day, int64_t today);
int		 status_can_withdraw(long long);
int		 status_can_rate(long long);

#endif
