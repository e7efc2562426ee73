/* Questions and answers (hỏi đáp) of a unit: asking (signed in, or with
 * an email confirmed by a mailed link), confirming, answering and
 * publishing, each one transaction (app/question.c). */
#ifndef QUESTION_H
#define QUESTION_H
#include <stdint.h>

#include "app/audit.h"
#include "data/db.h"

struct arena;

#define QUESTION_ADDR_MAX	5	/* anonymous questions an address a day */
#define QUESTION_EMAIL_MAX	3	/* and to one email a day */

enum question_err {
	QUESTION_OK,
	QUESTION_LIMIT,		/* too many anonymous questions today */
	QUESTION_NOTFOUND,	/* a spent, expired or unknown link; not ours */
	QUESTION_ERR,
	QUESTION_ERR__MAX
};

/* A question: user 0 with an email for an anonymous one. */
struct question_in {
	uint64_t	 unit, user;
	const char	*name, *email, *title, *text, *addr;
};

enum question_err question_ask(struct db *, struct arena *,
		    const struct question_in *);
enum question_err question_confirm(struct db *, struct arena *,
		    const char *token, const char *addr);
enum question_err question_answer(struct db *, struct arena *,
		    const struct actor *, uint64_t id, const char *answer,
		    const char *status);
enum question_err question_hide(struct db *, const struct actor *,
		    uint64_t id);

#endif
