/* The static route table and path matching.  A pattern is a sequence of
 * '/'-separated segments; "{name}" matches one non-empty segment and
 * hands it to the handler as an argument; a trailing '/' is significant. */
#include <stdio.h>
#include <string.h>

#include "h.h"
#include "request.h"
#include "router.h"

#define GET	(METHOD_GET | METHOD_HEAD)
#define FORM	(METHOD_GET | METHOD_HEAD | METHOD_POST)
#define POST	METHOD_POST
#define K(k)	KEY_BIT(KEY_##k)
#define R(r)	ROLE_BIT(ROLE_##r)

/* Every POST needs the session's CSRF token (checked before the handler
 * runs); a route's roles are checked before its body is read. */
const struct route router_table[ROUTE__MAX] = {
	/* ROUTE_HOME */
	{ ROUTE_HOME, GET, "/", h_home, PUBLIC, K(PAGE), "home" },
	/* ROUTE_UNIT */
	{ ROUTE_UNIT, GET, "/don-vi/{unit}/", h_unit, PUBLIC, K(PAGE),
	  "unit" },
	/* ROUTE_ARTICLE */
	{ ROUTE_ARTICLE, GET, "/don-vi/{unit}/tin-tuc/{article}", h_article,
	  PUBLIC, 0, "article" },
	/* ROUTE_HEALTHZ */
	{ ROUTE_HEALTHZ, GET, "/healthz", h_healthz, PUBLIC, 0, "healthz" },
	/* ROUTE_METRICS */
	{ ROUTE_METRICS, METHOD_GET, "/metrics", h_metrics, PUBLIC, 0,
	  "metrics" },
	/* ROUTE_LOGIN */
	{ ROUTE_LOGIN, FORM, "/dang-nhap", h_login, PUBLIC,
	  K(NEXT) | K(ACCOUNT) | K(PASSWORD), "login" },
	/* ROUTE_LOGOUT */
	{ ROUTE_LOGOUT, POST, "/dang-xuat", h_logout, PUBLIC, 0, "logout" },
	/* ROUTE_REGISTER */
	{ ROUTE_REGISTER, FORM, "/dang-ky", h_register, PUBLIC,
	  K(FULL_NAME) | K(PHONE) | K(EMAIL) | K(ID_NUMBER) | K(PASSWORD) |
	  K(PASSWORD2), "register" },
	/* ROUTE_FORGOT */
	{ ROUTE_FORGOT, FORM, "/quen-mat-khau", h_forgot, PUBLIC, K(EMAIL),
	  "forgot" },
	/* ROUTE_RESET */
	{ ROUTE_RESET, FORM, "/dat-lai-mat-khau", h_reset, PUBLIC,
	  K(TOKEN) | K(PASSWORD) | K(PASSWORD2), "reset" },
	/* ROUTE_ACCOUNT */
	{ ROUTE_ACCOUNT, FORM, "/tai-khoan", h_account, R(USER),
	  K(FULL_NAME) | K(EMAIL), "account" },
	/* ROUTE_ACCOUNT_PASSWORD */
	{ ROUTE_ACCOUNT_PASSWORD, POST, "/tai-khoan/mat-khau",
	  h_account_password, R(USER),
	  K(CURRENT_PASSWORD) | K(PASSWORD) | K(PASSWORD2), "account_password" },
	/* ROUTE_ACCOUNT_LOGOUT_OTHERS */
	{ ROUTE_ACCOUNT_LOGOUT_OTHERS, POST, "/tai-khoan/dang-xuat-khac",
	  h_account_logout_others, R(USER), 0, "account_logout_others" },
	/* ROUTE_ADMIN_USERS */
	{ ROUTE_ADMIN_USERS, GET, "/quan-tri/nguoi-dung", h_admin_users,
	  R(ADMIN), K(Q) | K(PAGE), "admin_users" },
	/* ROUTE_ADMIN_USER_NEW */
	{ ROUTE_ADMIN_USER_NEW, FORM, "/quan-tri/nguoi-dung/moi",
	  h_admin_user_new, R(ADMIN),
	  K(FULL_NAME) | K(PHONE) | K(EMAIL) | K(PASSWORD), "admin_user_new" },
	/* ROUTE_ADMIN_USER */
	{ ROUTE_ADMIN_USER, GET, "/quan-tri/nguoi-dung/{user}", h_admin_user,
	  R(ADMIN), 0, "admin_user" },
	/* ROUTE_ADMIN_USER_GRANT */
	{ ROUTE_ADMIN_USER_GRANT, POST, "/quan-tri/nguoi-dung/{user}/cap-quyen",
	  h_admin_user_grant, R(ADMIN), K(ROLE) | K(UNIT), "admin_user_grant" },
	/* ROUTE_ADMIN_USER_REVOKE */
	{ ROUTE_ADMIN_USER_REVOKE, POST, "/quan-tri/nguoi-dung/{user}/thu-hoi",
	  h_admin_user_revoke, R(ADMIN), K(ROLE) | K(UNIT),
	  "admin_user_revoke" },
	/* ROUTE_ADMIN_USER_LOCK */
	{ ROUTE_ADMIN_USER_LOCK, POST, "/quan-tri/nguoi-dung/{user}/khoa",
	  h_admin_user_lock, R(ADMIN), K(ACTION), "admin_user_lock" },
	/* ROUTE_EDITOR */
	{ ROUTE_EDITOR, GET, "/bien-tap/", h_editor, R(EDITOR), 0, "editor" },
	/* ROUTE_EDITOR_NEW */
	{ ROUTE_EDITOR_NEW, FORM, "/bien-tap/bai-viet/moi", h_editor_new,
	  R(EDITOR), K(UNIT) | K(TITLE) | K(SUMMARY) | K(BODY) | K(ACTION),
	  "editor_new" },
	/* ROUTE_EDITOR_EDIT */
	{ ROUTE_EDITOR_EDIT, FORM, "/bien-tap/bai-viet/{article}",
	  h_editor_edit, R(EDITOR),
	  K(TITLE) | K(SUMMARY) | K(BODY) | K(ACTION), "editor_edit" },
	/* ROUTE_DESK */
	{ ROUTE_DESK, GET, "/mot-cua/", h_desk, R(STAFF) | R(LEADER), 0,
	  "desk" },
};

/* Names as in the user_roles.role column, and labels for people. */
const char *const role_names[ROLE__MAX] = {
	"user",		/* ROLE_USER */
	"resident",	/* ROLE_RESIDENT */
	"editor",	/* ROLE_EDITOR */
	"staff",	/* ROLE_STAFF */
	"leader",	/* ROLE_LEADER */
	"admin",	/* ROLE_ADMIN */
};

const char *const role_labels[ROLE__MAX] = {
	"Người dùng",		/* ROLE_USER */
	"Công dân",		/* ROLE_RESIDENT */
	"Biên tập viên",	/* ROLE_EDITOR */
	"Cán bộ một cửa",	/* ROLE_STAFF */
	"Lãnh đạo đơn vị",	/* ROLE_LEADER */
	"Quản trị hệ thống",	/* ROLE_ADMIN */
};

static const char *const method_names[] = {
	"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
};

enum method
router_method(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && i < sizeof(method_names) /
	    sizeof(method_names[0]); i++)
		if (strcmp(s, method_names[i]) == 0)
			return (enum method)(1u << i);
	return METHOD_OTHER;
}

const char *
router_method_str(enum method m)
{
	size_t	 i;

	for (i = 0; i < sizeof(method_names) / sizeof(method_names[0]); i++)
		if (m == (enum method)(1u << i))
			return method_names[i];
	return "OTHER";
}

/* Matches path against one pattern, collecting "{...}" segments into
 * args (pointers into argbuf, which holds copies).  Returns 1 on a match. */
static int
router_match_one(const char *pat, const char *path, const char **args,
    size_t *nargs, char *argbuf, size_t argbufsz)
{
	size_t	 n = 0, used = 0;

	while (*pat != '\0' && *path != '\0') {
		if (*pat == '{') {
			const char *pe = strchr(pat, '}');
			size_t len = strcspn(path, "/");
			if (pe == NULL || len == 0 || n == ROUTE_ARGS_MAX ||
			    used + len + 1 > argbufsz)
				return 0;
			memcpy(argbuf + used, path, len);
			argbuf[used + len] = '\0';
			args[n++] = argbuf + used;
			used += len + 1;
			pat = pe + 1;
			path += len;
		} else if (*pat++ != *path++)
			return 0;
	}
	if (*pat != '\0' || *path != '\0')
		return 0;
	*nargs = n;
	return 1;
}

/* Finds the route for path and method.  Returns 200 with *out and args
 * set (args point into argbuf), 405 with *allow set when the path exists
 * for other methods only, or 404. */
int
router_match(const char *path, enum method m, const struct route **out,
    const char **args, size_t *nargs, unsigned *allow, char *argbuf,
    size_t argbufsz)
{
	size_t	 i;

	*allow = 0;
	*out = NULL;
	for (i = 0; i < ROUTE__MAX; i++) {
		const struct route *r = &router_table[i];
		if (!router_match_one(r->pattern, path, args, nargs, argbuf,
		    argbufsz))
			continue;
		if (r->methods & m) {
			*out = r;
			return 200;
		}
		*allow |= r->methods;
	}
	return *allow ? 405 : 404;
}

/* Writes the Allow header value for the method bits in allow. */
void
router_allow_str(unsigned allow, char *buf, size_t bufsz)
{
	size_t	 i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(method_names) / sizeof(method_names[0]); i++)
		if (allow & (1u << i))
			n += (size_t)snprintf(buf + n, n < bufsz ? bufsz - n : 0,
			    "%s%s", n ? ", " : "", method_names[i]);
}
