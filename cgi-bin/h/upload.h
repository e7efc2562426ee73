/* The document slots of an e-form as a form's file inputs (tep_<n>, one
 * a slot, several files each): reading what was sent into the store, and
 * the limits the form announces.  Shared by applying (h/h_apply.c) and
 * the supplement response (h/h_upload.c). */
#ifndef H_UPLOAD_H
#define H_UPLOAD_H
#include <stddef.h>
#include <stdint.h>

struct eform;
struct request;
struct tmpl_dict;
struct upload_file;

/* What a form sent for the slots. */
struct upload_form {
	struct upload_file	*files;
	size_t			 nfiles;
	const char		**errs;		/* per slot: NULL or why */
	size_t			 nerrs;		/* slots refused */
	int			 status;	/* the first refusal's, or 0 */
};

int		 upload_read(struct request *, const struct eform *,
		    struct upload_form *);
void		 upload_limits(struct request *, struct tmpl_dict *);
const char	*upload_param(struct request *, size_t index);
int		 upload_supply(struct request *, struct tmpl_dict *,
		    const char *code, uint64_t version);

#endif
