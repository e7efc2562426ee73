// The only C++ of the program: a thin extern "C" shim over ctemplate.
// Every entry point catches all exceptions; none may cross into C.
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>
#include <vector>
#include <algorithm>
#include <fstream>

#include <ctemplate/template.h>
#include <ctemplate/template_modifiers.h>

extern "C" {
#include "core/log.h"
#include "core/md.h"
#include "core/tmpl.h"
}

using ctemplate::TemplateDictionary;

static const char kPragma[] = "{{%AUTOESCAPE context=\"HTML\"}}";
// The templates of XML documents (*.xml: Atom feeds, sitemaps) escape
// every value as XML instead.
static const char kPragmaXml[] = "{{%AUTOESCAPE context=\"XML\"}}";

// The folders of the plain-text templates (*.txt) of mail and of SMS: no
// escaping (the text goes out as text/plain or to an SMS gateway, never
// as HTML), whitespace kept.
#define MAIL_DIR "mail"
#define SMS_DIR "sms"

static bool
tmpl_is_text(const char *file)
{
	return strncmp(file, MAIL_DIR "/", sizeof(MAIL_DIR)) == 0 ||
	    strncmp(file, SMS_DIR "/", sizeof(SMS_DIR)) == 0;
}

static TemplateDictionary *
D(struct tmpl_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static struct tmpl_dict *
C(TemplateDictionary *d)
{
	return reinterpret_cast<struct tmpl_dict *>(d);
}

// {{BODY:x-markdown}}: the value is Markdown, written out as the HTML
// cmark-gfm renders in its safe mode (core/md.c).  The one way a template
// writes HTML it did not write itself; ctemplate adds no escaping after a
// modifier registered as XSS-safe.
class MarkdownModifier : public ctemplate::TemplateModifier {
	void Modify(const char *in, size_t inlen,
	    const ctemplate::PerExpandData *, ctemplate::ExpandEmitter *out,
	    const std::string &) const override
	{
		size_t	 n = 0;
		char	*html = md_html(in, inlen, &n);

		if (html != NULL)
			out->Emit(html, n);
		free(html);
	}
};
static MarkdownModifier kMarkdown;

// Lists the files of dir whose names end in ext, sorted.
static std::vector<std::string>
tmpl_files(const char *dir, const char *ext = ".tpl")
{
	std::vector<std::string>	 v;
	DIR				*d = opendir(dir);
	struct dirent			*e;

	if (d == NULL)
		return v;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name), x = strlen(ext);
		if (n > x && strcmp(e->d_name + n - x, ext) == 0)
			v.push_back(e->d_name);
	}
	closedir(d);
	std::sort(v.begin(), v.end());
	return v;
}

// Checks one template's text: the auto-escape pragma first (XML's for a
// *.xml template, HTML's for the others), no :none.
static int
tmpl_check_text(const std::string &name, const std::string &text,
    char *err, size_t errsz)
{
	bool		 xml = name.size() > 4 &&
			    name.compare(name.size() - 4, 4, ".xml") == 0;
	const char	*pragma = xml ? kPragmaXml : kPragma;

	if (text.compare(0, strlen(pragma), pragma) != 0) {
		snprintf(err, errsz, "%s: does not begin with %s",
		    name.c_str(), pragma);
		return 0;
	}
	if (text.find(":none") != std::string::npos) {
		snprintf(err, errsz, "%s: uses :none", name.c_str());
		return 0;
	}
	return 1;
}

// The page templates (*.tpl) and the XML ones (*.xml) of dir, sorted.
static std::vector<std::string>
tmpl_pages(const char *dir)
{
	std::vector<std::string> v = tmpl_files(dir), x = tmpl_files(dir,
	    ".xml");

	v.insert(v.end(), x.begin(), x.end());
	return v;
}

/* Checks every template of dir for the pragma and against :none; writes
 * the first problem into err.  Returns 1 when all are fine. */
extern "C" int
tmpl_check(const char *dir, char *err, size_t errsz)
{
	try {
		std::vector<std::string> files = tmpl_pages(dir);
		if (files.empty()) {
			snprintf(err, errsz, "%s: no templates", dir);
			return 0;
		}
		for (const std::string &f : files) {
			std::ifstream in(std::string(dir) + "/" + f);
			std::string text((std::istreambuf_iterator<char>(in)),
			    std::istreambuf_iterator<char>());
			if (!tmpl_check_text(f, text, err, errsz))
				return 0;
		}
		return 1;
	} catch (...) {
		snprintf(err, errsz, "exception");
		return 0;
	}
}

/* Checks, loads and freezes every template of dir.  Call once, before
 * threads start.  Returns 1 on success. */
extern "C" int
tmpl_init(const char *dir)
{
	char	 err[512];

	try {
		if (!tmpl_check(dir, err, sizeof(err))) {
			LOGE("%s", err);
			return 0;
		}
		if (!md_init() || !ctemplate::AddXssSafeModifier(
		    "x-markdown", &kMarkdown)) {
			LOGE("the x-markdown modifier cannot be set up");
			return 0;
		}
		ctemplate::TemplateCache *c =
		    ctemplate::mutable_default_template_cache();
		c->SetTemplateRootDirectory(dir);
		for (const std::string &f : tmpl_pages(dir)) {
			if (!c->LoadTemplate(f, ctemplate::STRIP_WHITESPACE)) {
				LOGE("template %s does not parse", f.c_str());
				return 0;
			}
		}
		// Mail and SMS: plain text, lines kept as written.
		for (const char *sub : { MAIL_DIR, SMS_DIR })
			for (const std::string &f : tmpl_files((std::string(dir)
			    + "/" + sub).c_str(), ".txt")) {
				if (!c->LoadTemplate(std::string(sub) + "/" + f,
				    ctemplate::DO_NOT_STRIP)) {
					LOGE("template %s does not parse",
					    f.c_str());
					return 0;
				}
			}
		c->Freeze();
		return 1;
	} catch (...) {
		LOGE("exception");
		return 0;
	}
}

extern "C" void
tmpl_shutdown(void)
{
	try {
		ctemplate::mutable_default_template_cache()->ClearCache();
	} catch (...) {
	}
}

extern "C" struct tmpl_dict *
tmpl_dict_new(const char *name)
{
	try {
		return C(new TemplateDictionary(name));
	} catch (...) {
		abort();	/* only bad_alloc: out of memory */
	}
}

extern "C" void
tmpl_dict_free(struct tmpl_dict *d)
{
	delete D(d);
}

extern "C" void
tmpl_set(struct tmpl_dict *d, const char *key, const char *val)
{
	try {
		D(d)->SetValue(key, val != NULL ? val : "");
	} catch (...) {
		abort();
	}
}

extern "C" void
tmpl_set_int(struct tmpl_dict *d, const char *key, long long val)
{
	try {
		D(d)->SetValue(key, std::to_string(val));
	} catch (...) {
		abort();
	}
}

extern "C" void
tmpl_show(struct tmpl_dict *d, const char *section)
{
	try {
		D(d)->ShowSection(section);
	} catch (...) {
		abort();
	}
}

/* Adds one repetition of section; the dictionary returned is owned by d. */
extern "C" struct tmpl_dict *
tmpl_section(struct tmpl_dict *d, const char *section)
{
	try {
		return C(D(d)->AddSectionDictionary(section));
	} catch (...) {
		abort();
	}
}

/* Fills the include {{>name}} with file; the dictionary is owned by d. */
extern "C" struct tmpl_dict *
tmpl_include(struct tmpl_dict *d, const char *name, const char *file)
{
	try {
		TemplateDictionary *i = D(d)->AddIncludeDictionary(name);
		i->SetFilename(file);
		return C(i);
	} catch (...) {
		abort();
	}
}

/* Expands file with d into a malloc'd string the caller frees: an HTML
 * page, or with a mail/ file name a plain-text message.  Returns 1 on
 * success. */
extern "C" int
tmpl_render(const char *file, struct tmpl_dict *d, char **out,
    size_t *outlen)
{
	try {
		std::string s;
		bool mail = tmpl_is_text(file);
		if (!ctemplate::ExpandTemplate(file, mail ?
		    ctemplate::DO_NOT_STRIP : ctemplate::STRIP_WHITESPACE, D(d),
		    &s)) {
			LOGE("template %s failed to expand", file);
			return 0;
		}
		*out = static_cast<char *>(malloc(s.size() + 1));
		if (*out == NULL)
			abort();
		memcpy(*out, s.data(), s.size() + 1);
		*outlen = s.size();
		return 1;
	} catch (...) {
		LOGE("exception expanding %s", file);
		return 0;
	}
}
