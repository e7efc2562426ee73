/* Assisted submission (h_assist.c): a member of the community
 * digital-technology team (tổ công nghệ số cộng đồng) submits an e-form
 * for a resident who is present and has an account, with the resident's
 * consent, in the member's own unit.  What the apply form (h_apply.c)
 * calls: assist_check on POST, assist_form when rendering; the receipt
 * and the resident's application page call assist_show. */
#ifndef H_ASSIST_H
#define H_ASSIST_H
#include <stdint.h>

struct page;
struct request;
struct tmpl_dict;

struct assist {
	uint64_t		 resident;	/* the applicant, 0: not assisted */
	const char		*resident_name;
	struct tmpl_dict	*d;		/* the form's ASSIST section */
};

int	assist_check(struct request *, struct page *, int draft,
	    uint64_t draft_id, uint64_t unit_id, struct assist *);
void	assist_form(struct request *, struct page *, struct assist *);
void	assist_show(struct request *, struct tmpl_dict *, uint64_t app_id);

#endif
