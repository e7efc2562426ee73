/* CSV cells as RFC 4180 wants them, safe to open in a spreadsheet. */
#ifndef CSV_H
#define CSV_H

struct arena;

const char	*csv_cell(struct arena *, const char *);

#endif
