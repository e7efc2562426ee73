/* Mail: messages are written to the outbox table in the same transaction
 * as the change they announce; a mailer process (started by the master)
 * delivers them through SMTP with libcurl, retrying with back-off, so that
 * nothing acknowledged is lost when the SMTP server is away. */
#ifndef MAIL_H
#define MAIL_H
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct tmpl_dict;

struct mail_conf {
	const char	*smtp_url;	/* smtp://127.0.0.1:2525 */
	const char	*from;		/* "Cổng ... <no-reply@...>" */
	const char	*user;		/* SMTP AUTH, may be NULL */
	const char	*password;
	int		 tls;		/* require STARTTLS */
};

int	 mail_global_init(void);
void	 mail_conf_load(struct mail_conf *);
int	 mail_queue(struct db *, const char *to, const char *subject,
	    const char *body);
int	 mail_queue_tmpl(struct db *, const char *to, const char *file,
	    struct tmpl_dict *);
int	 mail_queue_app(struct db *, uint64_t app, const char *to,
	    const char *subject, const char *body);
int	 mail_queue_app_tmpl(struct db *, uint64_t app, const char *to,
	    const char *file, struct tmpl_dict *);
struct tmpl_dict *mail_dict(const char *name);
int	 mail_run_once(struct db *, struct arena *, const struct mail_conf *);
int	 mail_smtp_send(const struct mail_conf *, const char *to,
	    const char *subject, const char *body, char *err, size_t errsz);

#endif
