/* Mail messages as bytes: addresses we send to, the From setting split
 * into display name and address, RFC 2047 encoded words, and the whole
 * message (headers, base64 body).  Pure: no libcurl, no database; mail.c
 * queues and sends what is built here. */
#ifndef MAIL_MSG_H
#define MAIL_MSG_H
#include <stddef.h>
#include <time.h>

struct arena;

#define MAIL_MSG_ADDR_MAX	254
#define MAIL_MSG_LINE_MAX	76	/* characters, lines of encoded words */
#define MAIL_MSG_WORD_MAX	75	/* characters of an encoded word */

/* A growable message; wiped when freed, since it may hold a body with a
 * reset link.  Zero-initialise, then build; p is NUL-terminated. */
struct mail_msg {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

int	 mail_msg_addr_valid(const char *);
int	 mail_msg_acceptable(const char *to, const char *subject,
	    const char *body);
int	 mail_msg_from_parse(struct arena *, const char *from, char **name,
	    char **addr);
void	 mail_msg_words(struct mail_msg *, const char *, size_t room);
void	 mail_msg_build(struct mail_msg *, const char *name, const char *from,
	    const char *to, const char *subject, const char *body, time_t);
void	 mail_msg_free(struct mail_msg *);

#endif
