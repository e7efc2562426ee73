/* Checks and pieces of the account forms, shared by the registration,
 * account and user-management handlers. */
#ifndef FORM_H
#define FORM_H
#include <stdint.h>

struct page;
struct request;
struct tmpl_dict;

int	form_person(struct request *, struct page *, uint64_t except);
int	form_new_password(struct request *, struct page *, const char *phone,
	    const char *email);
int	form_roles(struct request *, struct tmpl_dict *, uint64_t user);

#endif
