/* What req.c shares with req_mp.c; not for other modules. */
#ifndef REQ_IMPL_H
#define REQ_IMPL_H
#include <stddef.h>

struct arena;
struct req_kvlist;

int		 req_text_clean(const char *, size_t);
struct req_kv	*req_kv_add(struct arena *, struct req_kvlist *);
const char	*req_ows_trim(const char *, size_t *);
int		 req_tchar(char);
int		 req_token_valid(const char *, size_t);
int		 req_ci_eq(const char *, size_t, const char *);

#endif
