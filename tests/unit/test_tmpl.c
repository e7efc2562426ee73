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
	char	 cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -f %s/*.tpl", dir);
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
	tmpl_dict_free(d);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	RUN(test_tmpl_check_refuses_missing_pragma);
	RUN(test_tmpl_check_refuses_none);
	RUN(test_tmpl_check_refuses_empty_dir);
	RUN(test_tmpl_project_templates_pass);
	RUN(test_tmpl_render_escapes);
	clear();
	rmdir(dir);
	tmpl_shutdown();
	return T_END();
}
