/* The SMS telling an applicant about their application, queued in the
 * transaction of the change; recipients as staff see them, masked. */
#ifndef NOTIFY_H
#define NOTIFY_H
#include <stdint.h>

#include "data/db.h"

struct arena;

enum db_err	 notify_sms_status(struct db *, struct arena *, uint64_t app);
enum db_err	 notify_sms_message(struct db *, struct arena *, uint64_t app);
const char	*notify_mask(struct arena *, const char *kind,
		    const char *recipient);

#endif
