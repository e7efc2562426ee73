/* One request: what req.c parsed out of FastCGI, the matched route, the
 * response being built, and the worker thread's resources. */
#ifndef REQUEST_H
#define REQUEST_H
#include <stddef.h>
#include <stdint.h>
#include "core/role.h"
#include "http/key.h"
#include "http/req.h"
#include "http/router.h"

struct arena;
struct db;
struct tmpl_dict;

/* One role the signed-in user holds; unit_id 0 for city-wide roles. */
struct user_role {
	enum role	 role;
	uint64_t	 unit_id;
};

#define USER_ROLES_MAX	32

struct user {
	uint64_t	 id;
	const char	*full_name;
	const char	*phone;
	const char	*email;
	struct user_role roles[USER_ROLES_MAX];
	size_t		 nroles;
	unsigned	 role_bits;	/* ROLE_BIT()s of every role held */
};

struct sess {
	char		 id_hash[65];	/* hex SHA-256 of the token */
	char		 csrf[65];
	struct user	*user;		/* NULL: not signed in */
	int		 created;	/* made by this request */
	int		 anon;		/* no row: fid's form token only */
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
	const char		*user_agent;
	const char		*origin;	/* Origin header, if sent */
	const char		*csrf_header;	/* X-CSRF-Token, if sent */
	size_t			 content_length;
	struct req_kvlist	 query;
	struct req_kvlist	 form;
	struct req_kvlist	 cookies;
	const struct route	*route;
	struct route_arg	*args;		/* the path's, typed */
	struct route_match	 match;
	uint64_t		 unit_id;	/* the unit authz checked, or 0 */
	struct kval		 val[KEY__MAX];
	struct sess		*sess;		/* NULL: no session */
	struct user		*user;		/* NULL: not signed in */
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
const char	*request_eform(struct request *, const char *, int *dup);
size_t		 request_files(struct request *, const char *,
		    const struct req_kv **, size_t);
int		 request_drops(struct request *, uint64_t);

#endif
