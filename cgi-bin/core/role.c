/* Roles: names, labels and scope. */
#include <string.h>

#include "core/role.h"

static const struct {
	const char	*name;		/* as in user_roles.role */
	const char	*label;		/* for people */
	int		 scoped;	/* held in one unit */
} roles[ROLE__MAX] = {
	/* ROLE_USER */		{ "user", "Người dùng", 0 },
	/* ROLE_RESIDENT */	{ "resident", "Công dân", 0 },
	/* ROLE_EDITOR */	{ "editor", "Biên tập viên", 1 },
	/* ROLE_STAFF */	{ "staff", "Cán bộ một cửa", 1 },
	/* ROLE_LEADER */	{ "leader", "Lãnh đạo đơn vị", 1 },
	/* ROLE_ADMIN */	{ "admin", "Quản trị hệ thống", 0 },
	/* ROLE_DIGITAL */	{ "digital", "Tổ công nghệ số cộng đồng", 1 },
};

const char *
role_name(enum role r)
{
	return r < ROLE__MAX ? roles[r].name : "";
}

const char *
role_label(enum role r)
{
	return r < ROLE__MAX ? roles[r].label : "";
}

/* The stored role called s; ROLE_USER (never stored) when none is. */
enum role
role_from_name(const char *s)
{
	size_t	 i;

	for (i = ROLE_RESIDENT; s != NULL && i < ROLE__MAX; i++)
		if (strcmp(s, roles[i].name) == 0)
			return (enum role)i;
	return ROLE_USER;
}

/* Is r held in one unit (editor, staff, leader, digital) rather than city-wide? */
int
role_scoped(enum role r)
{
	return r < ROLE__MAX && roles[r].scoped;
}
