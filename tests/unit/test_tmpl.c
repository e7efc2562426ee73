/* The ctemplate shim and the rule that every template auto-escapes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/tmpl.h"
#include "t.h"

static char dir[] = "/tmp/test_tmpl.XXXXXX";

static void
put(const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void
clear(void)
{
	char	 cmd[400];

	snprintf(cmd, sizeof(cmd), "rm -f %s/*.tpl %s/*.xml", dir, dir);
	CHECK(system(cmd) == 0);
}

static void
test_tmpl_check_refuses_missing_pragma(void)
{
	char err[256];

	clear();
	put("a.tpl", "{{%AUTOESCAPE context=\"HTML\"}}ok\n");
	put("b.tpl", "<p>{{X}}</p>\n");
	CHECK(!tmpl_check(dir, err, sizeof(err)));
	CHECK(strstr(err, "b.tpl") != NULL);
}

static void
test_tmpl_check_refuses_none(void)
{
	char err[256];

	clear();
	put("a.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<p>{{X:none}}</p>\n");
	CHECK(!tmpl_check(dir, err, sizeof(err)));
	CHECK(strstr(err, ":none") != NULL);
}

static void
test_tmpl_check_refuses_empty_dir(void)
{
	char err[256];

	clear();
	CHECK(!tmpl_check(dir, err, sizeof(err)));
	CHECK(!tmpl_check("/nonexistent/dir", err, sizeof(err)));
}

/* An XML template (*.xml: feeds, sitemaps) begins with the XML
 * auto-escape pragma, not the HTML one, and never uses :none. */
static void
test_tmpl_check_xml_pragma(void)
{
	char err[256];

	clear();
	put("a.tpl", "{{%AUTOESCAPE context=\"HTML\"}}ok\n");
	put("f.xml", "{{%AUTOESCAPE context=\"HTML\"}}<f>{{X}}</f>\n");
	CHECK(!tmpl_check(dir, err, sizeof(err)));
	CHECK(strstr(err, "f.xml") != NULL);
	put("f.xml", "<?xml version=\"1.0\"?><f>{{X}}</f>\n");
	CHECK(!tmpl_check(dir, err, sizeof(err)));
	put("f.xml", "{{%AUTOESCAPE context=\"XML\"}}<f>{{X:none}}</f>\n");
	CHECK(!tmpl_check(dir, err, sizeof(err)));
	CHECK(strstr(err, ":none") != NULL);
	put("f.xml", "{{%AUTOESCAPE context=\"XML\"}}<f>{{X}}</f>\n");
	CHECK(tmpl_check(dir, err, sizeof(err)));
}

/* The project's own templates pass the check. */
static void
test_tmpl_project_templates_pass(void)
{
	char err[256] = "";

	CHECK(tmpl_check("templates", err, sizeof(err)));
	if (err[0])
		printf("  %s\n", err);
}

static void
test_tmpl_render_escapes(void)
{
	struct tmpl_dict *d, *s;
	char *out = NULL;
	size_t len;

	clear();
	put("page.tpl", "{{%AUTOESCAPE context=\"HTML\"}}"
	    "<p title=\"{{T}}\">{{T}}</p>{{#S}}<i>{{V}}</i>{{/S}}"
	    "<a href=\"/q?x={{T:u}}\">{{>INC}}</a>\n");
	put("inc.tpl", "{{%AUTOESCAPE context=\"HTML\"}}[{{N}}]");
	put("md.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<div>{{B:x-markdown}}"
	    "</div><p>{{B}}</p>\n");
	put("f.xml", "{{%AUTOESCAPE context=\"XML\"}}\n"
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<f a=\"{{T}}\">{{T}}</f>\n");
	CHECK(tmpl_init(dir));
	d = tmpl_dict_new("t");
	tmpl_set(d, "T", "<script>\"&'Việt");
	s = tmpl_section(d, "S");
	tmpl_set_int(s, "V", -42);
	s = tmpl_section(d, "S");
	tmpl_set(s, "V", NULL);
	tmpl_set_int(tmpl_include(d, "INC", "inc.tpl"), "N", 7);
	CHECK(tmpl_render("page.tpl", d, &out, &len));
	CHECK(out != NULL && strlen(out) == len);
	CHECK(out && strstr(out, "<script>") == NULL);
	CHECK(out && strstr(out, "&lt;script&gt;&quot;&amp;&#39;Việt") != NULL);
	CHECK(out && strstr(out, "<i>-42</i><i></i>") != NULL);
	CHECK(out && strstr(out, "x=%3Cscript%3E") != NULL);
	CHECK(out && strstr(out, "[7]") != NULL);
	free(out);
	out = NULL;
	CHECK(!tmpl_render("missing.tpl", d, &out, &len));
	CHECK(out == NULL);
	/* XML: the declaration first, every value escaped as XML */
	CHECK(tmpl_render("f.xml", d, &out, &len));
	CHECK(out && strncmp(out, "<?xml version=", 14) == 0);
	CHECK(out && strstr(out, "<script>") == NULL);
	CHECK(out && strstr(out, "a=\"&lt;script&gt;&quot;&amp;&#39;Việt\"")
	    != NULL);
	free(out);
	tmpl_dict_free(d);
}

/* Renders the Markdown b with md.tpl (loaded by the case above). */
static char *
render_md(const char *b)
{
	struct tmpl_dict	*d = tmpl_dict_new("t");
	char			*out = NULL;
	size_t			 len;

	tmpl_set(d, "B", b);
	if (!tmpl_render("md.tpl", d, &out, &len))
		out = NULL;
	tmpl_dict_free(d);
	return out;
}

/* The x-markdown modifier: Markdown becomes HTML, and nothing an editor
 * writes becomes script, an event handler or a javascript: link. */
static void
test_tmpl_markdown_inert(void)
{
	static const char *const evil[] = {
		"<script>alert(1)</script>",
		"a <img src=x onerror=alert(1)> b",
		"<div onclick=\"alert(1)\">\n\nkhối HTML\n\n</div>",
		"[bấm](javascript:alert(1)) [b](JavaScript:alert(1)) "
		    "[c](vbscript:x) [d](data:text/html;base64,PHNjcmlwdD4=)",
		"![ảnh](javascript:alert(1))",
		"<iframe src=\"https://example.com\"></iframe>",
		"<a href=\"javascript:alert(1)\">x</a>",
		"[x](<javascript:alert(1)>)",
	};
	char	*out;
	size_t	 i;

	for (i = 0; i < sizeof(evil) / sizeof(evil[0]); i++) {
		out = render_md(evil[i]);
		CHECK(out != NULL);
		if (out == NULL)
			continue;
		CHECK(strcasestr(out, "<script") == NULL);
		CHECK(strcasestr(out, "<img src=\"x\" onerror") == NULL);
		CHECK(strcasestr(out, "<img src=x") == NULL);
		CHECK(strcasestr(out, "<div onclick") == NULL);
		CHECK(strcasestr(out, "<iframe") == NULL);
		CHECK(strcasestr(out, "href=\"javascript") == NULL);
		CHECK(strcasestr(out, "href=\"vbscript") == NULL);
		CHECK(strcasestr(out, "href=\"data:") == NULL);
		CHECK(strcasestr(out, "src=\"javascript") == NULL);
		free(out);
	}
	out = render_md("## Thông báo\n\n**Lịch** tiếp dân, [xem](/thu-tuc)"
	    "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
	CHECK(out && strstr(out, "<h2>Thông báo</h2>") != NULL);
	CHECK(out && strstr(out, "<strong>Lịch</strong>") != NULL);
	CHECK(out && strstr(out, "<a href=\"/thu-tuc\">xem</a>") != NULL);
	CHECK(out && strstr(out, "<table>") != NULL);
	/* The same value without the modifier is escaped as ever. */
	CHECK(out && strstr(out, "<p>## Thông báo") != NULL);
	free(out);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	RUN(test_tmpl_check_refuses_missing_pragma);
	RUN(test_tmpl_check_refuses_none);
	RUN(test_tmpl_check_refuses_empty_dir);
	RUN(test_tmpl_check_xml_pragma);
	RUN(test_tmpl_project_templates_pass);
	RUN(test_tmpl_render_escapes);
	RUN(test_tmpl_markdown_inert);
	clear();
	rmdir(dir);
	tmpl_shutdown();
	return T_END();
}
