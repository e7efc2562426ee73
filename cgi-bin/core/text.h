/* Text for people: Unicode NFC, trimming, case, text without diacritics
 * (SMS), and ASCII slugs made from Vietnamese titles. */
#ifndef TEXT_H
#define TEXT_H
#include <stddef.h>

struct arena;

char	*text_nfc(struct arena *, const char *, size_t);
char	*text_trim(struct arena *, const char *, size_t);
char	*text_slug(struct arena *, const char *, size_t maxlen);
size_t	 text_chars(const char *);
char	*text_urlencode(struct arena *, const char *);
int	 text_prefix_ci(const char *, const char *prefix);
char	*text_lower_first(struct arena *, const char *);
char	*text_upper(struct arena *, const char *);
char	*text_unaccent(struct arena *, const char *);

#endif
