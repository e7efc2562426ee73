/* Handlers: one feature a file; each returns the HTTP status it answered. */
#ifndef H_H
#define H_H

struct request;

int	h_home(struct request *);
int	h_unit(struct request *);
int	h_article(struct request *);
int	h_healthz(struct request *);
int	h_metrics(struct request *);
int	h_login(struct request *);
int	h_logout(struct request *);
int	h_register(struct request *);
int	h_forgot(struct request *);
int	h_reset(struct request *);
int	h_account(struct request *);
int	h_account_password(struct request *);
int	h_account_logout_others(struct request *);
int	h_admin_users(struct request *);
int	h_admin_user_new(struct request *);
int	h_admin_user(struct request *);
int	h_admin_user_grant(struct request *);
int	h_admin_user_revoke(struct request *);
int	h_admin_user_lock(struct request *);
int	h_editor(struct request *);
int	h_editor_new(struct request *);
int	h_editor_edit(struct request *);
int	h_desk(struct request *);

struct page;
struct arena;
struct tmpl_dict;
int	h_auth_init(void);
int	h_roles_fill(struct request *, struct tmpl_dict *, unsigned long long);
const char *h_unit_name(struct arena *, const char *kind, const char *name);
int	h_check_person(struct request *, struct page *, unsigned long long);
int	h_check_new_password(struct request *, struct page *,
	    const char *phone, const char *email);

#endif
