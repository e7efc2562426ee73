/* Markdown for editors: CommonMark with GitHub's tables, strikethrough
 * and autolinks, rendered by cmark-gfm in its safe mode. */
#ifndef MD_H
#define MD_H
#include <stddef.h>

int	 md_init(void);
char	*md_html(const char *text, size_t len, size_t *outlen);
char	*md_text(const char *text, size_t len, size_t *outlen);

#endif
