/* CSV cells (core/csv.h).  A spreadsheet program runs a cell that
 * begins with = + - or @ (and, in some, a tab or CR) as a formula: such a
 * cell gets a leading apostrophe, shown as text (OWASP, "CSV Injection").
 * A cell with a comma, a quote, a CR or an LF is quoted, its quotes
 * doubled (RFC 4180, 2.6 and 2.7). */
#include <string.h>

#include "core/arena.h"
#include "core/csv.h"

/* s (NULL: empty) as one CSV cell, in a's memory. */
const char *
csv_cell(struct arena *a, const char *s)
{
	const char	*p;
	char		*out, *o;
	int		 lead;

	if (s == NULL)
		return "";
	lead = strchr("=+-@\t\r", *s) != NULL && *s != '\0';
	if (!lead && strpbrk(s, ",\"\r\n") == NULL)
		return s;
	o = out = arena_alloc(a, 2 * strlen(s) + 4);
	*o++ = '"';
	if (lead)
		*o++ = '\'';
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			*o++ = '"';
		*o++ = *p;
	}
	*o++ = '"';
	*o = '\0';
	return out;
}
