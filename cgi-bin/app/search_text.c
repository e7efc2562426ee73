/* The text side of search: folding, queries, snippets.  Folding works one
 * code point at a time: a letter is its base letter (its canonical
 * decomposition's first code point, recursively: "ấ" is "a"), "đ" and
 * "Đ" are "d", combining marks vanish, ASCII letters are lower-cased;
 * whatever does not end as an ASCII letter or digit separates words.  So
 * NFC and NFD text fold alike, and the snippet finds the words of the
 * original text whose folded form is a word of the query, with no table
 * of positions between the two texts. */
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "app/search_text.h"
#include "core/arena.h"

#define FOLD_SEP	0	/* separates words */
#define FOLD_MARK	1	/* a combining mark: part of a word, no letter */
#define WORD_MAX	128	/* bytes of a folded word that can match */

/* What code point c folds to: an ASCII letter (lower case) or digit,
 * FOLD_MARK or FOLD_SEP. */
static int
fold_char(ucs4_t c)
{
	ucs4_t	 d[UC_DECOMPOSITION_MAX_LENGTH];

	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			return (int)c;
		return c >= 'A' && c <= 'Z' ? (int)(c - 'A' + 'a') : FOLD_SEP;
	}
	if (c == 0x0111 || c == 0x0110)		/* đ, Đ */
		return 'd';
	if (uc_is_general_category(c, UC_CATEGORY_M))
		return FOLD_MARK;
	if (uc_canonical_decomposition(c, d) > 0 && d[0] != c)
		return fold_char(d[0]);
	return FOLD_SEP;
}

/* The code point at s[0..n) into *c; returns its length (at least 1; an
 * invalid sequence is one byte of U+FFFD). */
static size_t
next_char(const char *s, size_t n, ucs4_t *c)
{
	int	 k = u8_mbtouc(c, (const uint8_t *)s, n);

	return k > 0 ? (size_t)k : 1;
}

/* Folds UTF-8 text s for the index and for queries: no diacritics ("đ"
 * is "d"), lower case, every run of what is not a letter or digit one
 * space; ASCII only.  Returns arena memory, or NULL if s is not UTF-8. */
char *
search_fold(struct arena *a, const char *s)
{
	size_t	 i = 0, n = 0, len = strlen(s), k;
	char	*o;
	ucs4_t	 c;
	int	 f;

	if (u8_check((const uint8_t *)s, len) != NULL)
		return NULL;
	o = arena_alloc(a, len + 1);
	while (i < len) {
		k = next_char(s + i, len - i, &c);
		f = fold_char(c);
		if (f > FOLD_MARK)
			o[n++] = (char)f;
		else if (f == FOLD_SEP && n > 0 && o[n - 1] != ' ')
			o[n++] = ' ';
		i += k;
	}
	while (n > 0 && o[n - 1] == ' ')
		n--;
	o[n] = '\0';
	return o;
}

/* 1 when the folded word w is already one of q's words. */
static int
query_has(const struct search_query *q, const char *w)
{
	size_t	 i;

	for (i = 0; i < q->n; i++)
		if (strcmp(q->word[i], w) == 0)
			return 1;
	return 0;
}

/* Parses the query s (UTF-8, any normalisation) into q: its folded
 * words, each once, and the forms given to MariaDB.  Returns SEARCH_Q_OK,
 * or why there is nothing to search for. */
enum search_qerr
search_query_parse(struct arena *a, const char *s, struct search_query *q)
{
	char		*f, *w, *save = NULL;
	const char	*b = "";

	memset(q, 0, sizeof(*q));
	if ((f = search_fold(a, s)) == NULL)
		return SEARCH_Q_BADUTF8;
	q->folded = arena_strdup(a, f);
	for (w = strtok_r(f, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		if (query_has(q, w))
			continue;
		if (q->n == SEARCH_WORDS_MAX)
			return SEARCH_Q_TOO_MANY;
		q->word[q->n++] = w;
		b = arena_printf(a, "%s%s+%s", b, *b ? " " : "", w);
	}
	q->boolean = b;
	return q->n > 0 ? SEARCH_Q_OK : SEARCH_Q_EMPTY;
}

/* Why a query was refused, in Vietnamese, by enum search_qerr. */
const char *
search_qerr_msg(enum search_qerr e)
{
	static const char *const msgs[SEARCH_Q__MAX] = {
		"",					/* SEARCH_Q_OK */
		("Từ khoá không có chữ hay số nào để tìm. Vui lòng nhập "
		"từ khoá khác."),			/* SEARCH_Q_EMPTY */
		"Từ khoá tìm kiếm không phải văn bản UTF-8 hợp lệ.",
							/* SEARCH_Q_BADUTF8 */
		"Từ khoá tìm kiếm có quá nhiều từ: tối đa 16 từ khác nhau.",
							/* SEARCH_Q_TOO_MANY */
	};

	return (unsigned)e < SEARCH_Q__MAX ? msgs[e] : msgs[SEARCH_Q_EMPTY];
}

/* A word of a text: bytes [start, end), and whether it is a word of the
 * query. */
struct word {
	size_t	 start, end;
	int	 match;
};

/* The word of s[0..len) at or after *pos into w, its folded form checked
 * against q; *pos moves past it.  Returns 0 when there is none. */
static int
word_next(const char *s, size_t len, size_t *pos,
    const struct search_query *q, struct word *w)
{
	char	 buf[WORD_MAX];
	size_t	 i = *pos, n = 0, k;
	ucs4_t	 c;
	int	 f;

	for (; i < len; i += k) {
		k = next_char(s + i, len - i, &c);
		if ((f = fold_char(c)) != FOLD_SEP)
			break;
	}
	w->start = i;
	for (; i < len; i += k) {
		k = next_char(s + i, len - i, &c);
		if ((f = fold_char(c)) == FOLD_SEP)
			break;
		if (f > FOLD_MARK && n < sizeof(buf) - 1)
			buf[n++] = (char)f;
	}
	buf[n] = '\0';
	w->end = *pos = i;
	w->match = n > 0 && n < sizeof(buf) - 1 && query_has(q, buf);
	return w->end > w->start;
}

/* The byte offset chars code points before off in s, moved forward to
 * the start of a word (unless it is 0). */
static size_t
back_chars(const char *s, size_t off, size_t chars)
{
	size_t	 i = off;

	while (i > 0 && chars > 0) {
		i--;
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars--;
	}
	if (i == 0)
		return 0;
	while (i < off && s[i - 1] != ' ' && s[i - 1] != '\n')
		i++;
	return i;
}

/* The byte offset chars code points after off in s[0..len), moved back
 * to the end of a word (unless it is len). */
static size_t
ahead_chars(const char *s, size_t len, size_t off, size_t chars)
{
	size_t	 i = off, stop;

	while (i < len && chars > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars--;
	}
	if (i >= len)
		return len;
	stop = i;
	while (i > off && s[i] != ' ' && s[i] != '\n')
		i--;
	return i > off ? i : stop;
}

/* Appends the segment s[from..to) to segs (count *n), white space runs
 * as one space; marked when mark.  Empty text is not appended. */
static void
seg_add(struct arena *a, struct search_seg *segs, size_t *n, const char *s,
    size_t from, size_t to, int mark)
{
	char	*t, *w;
	size_t	 i;

	if (to <= from)
		return;
	t = w = arena_alloc(a, to - from + 1);
	for (i = from; i < to; i++) {
		if (strchr(" \t\r\n", s[i]) == NULL)
			*w++ = s[i];
		else if (w == t || w[-1] != ' ')
			*w++ = ' ';
	}
	*w = '\0';
	segs[*n].text = t;
	segs[*n].mark = mark;
	(*n)++;
}

/* The segments of s[from..to): text and marked words, into segs (room
 * for two a word of the query, plus one). */
static size_t
seg_split(struct arena *a, const char *s, size_t from, size_t to,
    const struct search_query *q, struct search_seg *segs)
{
	struct word	 w;
	size_t		 pos = from, plain = from, n = 0;

	while (word_next(s, to, &pos, q, &w))
		if (w.match) {
			seg_add(a, segs, &n, s, plain, w.start, 0);
			seg_add(a, segs, &n, s, w.start, w.end, 1);
			plain = w.end;
		}
	seg_add(a, segs, &n, s, plain, to, 0);
	return n;
}

/* The snippet of text for query q: about chars characters around the
 * first word that matches (the beginning when none does; the whole text
 * when chars is 0), cut at word boundaries, "…" where it is cut, split
 * into segments whose words of the query are marked.  *out is arena
 * memory.  Returns the number of segments. */
size_t
search_snippet(struct arena *a, const char *text, const struct search_query *q,
    size_t chars, struct search_seg **out)
{
	struct search_seg	*segs;
	struct word		 w;
	size_t			 len = strlen(text), pos = 0, first = 0;
	size_t			 from = 0, to = len, n = 0, marks = 0;
	int			 found = 0;

	if (chars > 0) {
		while (!found && word_next(text, len, &pos, q, &w))
			found = w.match;
		first = found ? w.start : 0;
		from = back_chars(text, first, chars / 4);
		to = ahead_chars(text, len, from, chars);
	}
	while (from < to && strchr(" \t\r\n", text[from]) != NULL)
		from++;
	while (to > from && strchr(" \t\r\n", text[to - 1]) != NULL)
		to--;
	for (pos = from; word_next(text, to, &pos, q, &w); )
		marks += w.match;
	segs = arena_calloc(a, 2 * marks + 3, sizeof(*segs));
	if (from > strspn(text, " \t\r\n"))
		segs[n++].text = "… ";
	n += seg_split(a, text, from, to, q, segs + n);
	if (to < len && text[to + strspn(text + to, " \t\r\n")] != '\0')
		segs[n++].text = " …";
	*out = segs;
	return n;
}

/* The segments' text, one string (for JSON, where a snippet is plain). */
char *
search_segs_text(struct arena *a, const struct search_seg *segs, size_t n)
{
	size_t	 i, len = 0;
	char	*s;

	for (i = 0; i < n; i++)
		len += strlen(segs[i].text);
	s = arena_alloc(a, len + 1);
	for (len = 0, i = 0; i < n; i++) {
		memcpy(s + len, segs[i].text, strlen(segs[i].text));
		len += strlen(segs[i].text);
	}
	s[len] = '\0';
	return s;
}
