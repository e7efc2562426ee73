/* Roles: the one home of their names (as stored in user_roles.role),
 * their labels for people, and which are held in one unit. */
#ifndef ROLE_H
#define ROLE_H

/* ROLE_USER is "signed in", held by everyone signed in; never stored. */
enum role {
	ROLE_USER,
	ROLE_RESIDENT,
	ROLE_EDITOR,
	ROLE_STAFF,
	ROLE_LEADER,
	ROLE_ADMIN,
	ROLE_DIGITAL,	/* tổ công nghệ số cộng đồng */
	ROLE__MAX
};

#define ROLE_BIT(r)	(1u << (r))

const char	*role_name(enum role);
const char	*role_label(enum role);
enum role	 role_from_name(const char *);
int		 role_scoped(enum role);

#endif
