/* Pure validators: raw bytes in, a typed value out, or a refusal.
 * They return 1 when the input is acceptable, 0 otherwise. */
#ifndef VALID_H
#define VALID_H
#include <stddef.h>
#include <stdint.h>

struct arena;

#define VALID_ID_MAX	(UINT64_C(1) << 53)	/* exact as a JSON number */

int	valid_utf8(const char *, size_t);
int	valid_uint(const char *, size_t, uint64_t max, uint64_t *);
int	valid_int(const char *, size_t, int64_t min, int64_t max, int64_t *);
int	valid_slug(const char *, size_t);
int	valid_text(const char *, size_t, size_t maxchars);
int	valid_line(const char *, size_t, size_t maxchars);
int	valid_unit_code(const char *, size_t);
int	valid_id_slug(const char *, size_t, uint64_t *id);
int	valid_phone(const char *, size_t, char out[11]);
int	valid_email(const char *, size_t, char *out, size_t outsz);
int	valid_id_number(const char *, size_t);
int	valid_token(const char *, size_t);
int	valid_local_path(const char *, size_t);
int	valid_app_code(const char *, size_t);
int	valid_proc_code(const char *, size_t);
int	valid_media_name(const char *, size_t);

#endif
