/* One request: what req.c parsed out of FastCGI, the matched route, the
 * response being built, and the worker thread's resources. */
#ifndef REQUEST_H
#define REQUEST_H
#include <stddef.h>
#include <stdint.h>
#include "req.h"
#include "router.h"

struct arena;
struct db;
struct tmpl_dict;

/* The key table: every parameter any route accepts.  A route declares
 * the keys it reads (router.h); handlers read typed values by index. */
enum key {
	KEY_PAGE,	/* "trang": page number, 1..10000 */
	KEY__MAX
};

#define KEY_BIT(k)	(1u << (k))

struct kval {
	int		 present;	/* given (possibly invalid) */
	int		 valid;		/* passed its validator */
	const char	*raw;		/* decoded text */
	uint64_t	 u;		/* numeric keys */
};

struct resp_header {
	const char	*name;
	const char	*value;
};

#define RESP_HEADERS_MAX 32

struct request {
	struct arena		*a;
	struct db		*db;
	void			*fcgx;		/* FCGX_Request * */
	enum method		 method;
	const char		*method_str;
	const char		*path;		/* decoded, valid UTF-8 */
	const char		*host;
	const char		*remote_addr;
	const char		*rid;		/* request id */
	const char		*content_type;
	size_t			 content_length;
	struct req_kvlist	 query;
	struct req_kvlist	 form;
	struct req_kvlist	 cookies;
	const struct route	*route;
	const char		*args[ROUTE_ARGS_MAX];
	size_t			 nargs;
	char			 argbuf[512];
	struct kval		 val[KEY__MAX];
	/* response */
	int			 status;
	const char		*ctype;
	struct resp_header	 hdrs[RESP_HEADERS_MAX];
	size_t			 nhdrs;
	char			*body;
	size_t			 bodylen;
};

int		 request_read(struct request *, const struct req_limits *,
		    size_t header_max);
int		 request_body(struct request *, const struct req_limits *);
int		 request_keys(struct request *, const char **why);

#endif
