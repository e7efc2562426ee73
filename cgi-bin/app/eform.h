/* E-forms: the online form of a procedure, defined as data (JSON in
 * procedure_versions.eform): its fields, each with a type, whether it is
 * required, its checks and help text, and the document slots the
 * application needs.  eform_load refuses a definition that is not one;
 * eform_values checks what a resident typed against it. */
#ifndef EFORM_H
#define EFORM_H
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct arena;

enum eform_type {
	EFORM_TEXT,		/* one line; max: characters */
	EFORM_DATE,		/* YYYY-MM-DD or DD/MM/YYYY; past: not after today */
	EFORM_NUMBER,		/* a whole number in min..max */
	EFORM_CHOICE,		/* one of options */
	EFORM_ID_NUMBER,	/* personal ID number, 12 digits */
	EFORM_PHONE,		/* a Vietnamese phone number */
	EFORM_ADDRESS,		/* a line, and a unit of the city (or none) */
	EFORM_TYPE__MAX
};

struct eform_field {
	const char	 *name;		/* [a-z][a-z0-9_]*, at most 40 */
	const char	 *label;
	const char	 *help;		/* NULL: none */
	const char	 *group;	/* the fieldset's legend; NULL: none */
	const char	 *prefill;	/* full_name, phone, email; NULL */
	enum eform_type	  type;
	int		  required;
	int		  past;
	int64_t		  min, max;
	const char	**options;
	size_t		  noptions;
};

struct eform_doc {
	const char	*name;
	unsigned	 count;		/* copies */
	int		 certified;	/* a certified copy (bản sao chứng thực) */
	int		 required;
};

struct eform {
	struct eform_field	*fields;
	size_t			 nfields;
	struct eform_doc	*docs;
	size_t			 ndocs;
};

enum eform_err {
	EFORM_OK,
	EFORM_JSON,		/* not JSON */
	EFORM_INVALID,		/* JSON, but not an e-form: why says what */
	EFORM_ERR__MAX
};

/* What a form sent for the parameter (NULL: nothing). */
typedef const char *(*eform_get_fn)(void *ctx, const char *param);

/* The units an address may name (their codes), and today. */
struct eform_env {
	const char *const	*units;
	size_t			 nunits;
	int32_t			 today;		/* core/workday.h days */
};

const char	*eform_type_name(enum eform_type);
const char	*eform_err_msg(enum eform_err);
enum eform_err	 eform_load(struct arena *, const char *json, struct eform *,
		    const char **why);
const char	*eform_param(struct arena *, const struct eform_field *);
const char	*eform_unit_param(struct arena *, const struct eform_field *);
size_t		 eform_values(struct arena *, const struct eform *,
		    const struct eform_env *, int draft, eform_get_fn,
		    void *ctx, json_t *out, const char **errs);

#endif
