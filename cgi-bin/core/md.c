/* Markdown for editors, rendered by cmark-gfm in its safe mode: raw HTML
 * (blocks and inline) becomes a comment, and links and images whose URL
 * is javascript:, vbscript:, file: or data: (but for images) lose the URL;
 * the tagfilter extension escapes the tags GitHub filters as well, should
 * the safe mode ever be lifted.  Templates reach it through the
 * `x-markdown` modifier of core/tmpl.cc, so that a body stays Markdown
 * until the moment it is written out. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "core/md.h"

/* CMARK_OPT_UNSAFE is never given: safe is the default of 0.29.gfm. */
#define MD_OPTS (CMARK_OPT_DEFAULT | CMARK_OPT_SMART | \
	CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE)

static const char *const md_exts[] = {
	"table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

static pthread_once_t	 md_once = PTHREAD_ONCE_INIT;
static int		 md_ready;

static void
md_register(void)
{
	size_t	 i;

	cmark_gfm_core_extensions_ensure_registered();
	md_ready = 1;
	for (i = 0; i < sizeof(md_exts) / sizeof(md_exts[0]); i++)
		if (cmark_find_syntax_extension(md_exts[i]) == NULL)
			md_ready = 0;
}

/* Registers the extensions (once: cmark-gfm's registry is not
 * thread-safe).  Returns 1, or 0 if one is missing. */
int
md_init(void)
{
	pthread_once(&md_once, md_register);
	return md_ready;
}

/* Renders the Markdown text[0..len) as HTML, or as plain text (the
 * words as a reader sees them, no markup: the search index's) when
 * plain.  Returns a malloc'd string the caller frees (its length in
 * *outlen), or NULL if out of memory or md_init failed. */
static char *
md_render(const char *text, size_t len, size_t *outlen, int plain)
{
	cmark_parser	*p;
	cmark_node	*doc;
	char		*html = NULL;
	size_t		 i;

	if (!md_init() || (p = cmark_parser_new(MD_OPTS)) == NULL)
		return NULL;
	for (i = 0; i < sizeof(md_exts) / sizeof(md_exts[0]); i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(md_exts[i]));
	cmark_parser_feed(p, text, len);
	if ((doc = cmark_parser_finish(p)) != NULL) {
		html = plain ? cmark_render_plaintext(doc, MD_OPTS, 0) :
		    cmark_render_html(doc, MD_OPTS,
		    cmark_parser_get_syntax_extensions(p));
		cmark_node_free(doc);
	}
	cmark_parser_free(p);
	if (html != NULL && outlen != NULL)
		*outlen = strlen(html);
	return html;
}

/* The Markdown text[0..len) as HTML (md_render). */
char *
md_html(const char *text, size_t len, size_t *outlen)
{
	return md_render(text, len, outlen, 0);
}

/* The Markdown text[0..len) as plain text (md_render). */
char *
md_text(const char *text, size_t len, size_t *outlen)
{
	return md_render(text, len, outlen, 1);
}
