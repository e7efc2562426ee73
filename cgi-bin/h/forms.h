/* The document slots of an application at the desk (h/h_forms.c): those
 * of its procedure's e-form, or one slot for the whole paper file when
 * the procedure has no e-form.  Shared by the printed receipt (Mẫu 01)
 * and counter intake (h/h_intake.c). */
#ifndef H_FORMS_H
#define H_FORMS_H

struct eform;
struct request;

int	forms_slots(struct request *, const char *eform, struct eform *);

#endif
