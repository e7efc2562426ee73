/* INI configuration with environment overrides.  Loaded once at start-up,
 * before threads exist; read-only afterwards. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/cfg.h"
#include "core/log.h"

struct cfg_entry {
	char	*section;
	char	*key;
	char	*value;
};

static struct cfg_entry	*entries;
static size_t		 nentries;

static char *
trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static void
cfg_add(const char *section, const char *key, const char *value)
{
	entries = xrealloc(entries, (nentries + 1) * sizeof(*entries));
	entries[nentries].section = xstrdup(section);
	entries[nentries].key = xstrdup(key);
	entries[nentries].value = xstrdup(value);
	nentries++;
}

/* Parses one line into the current section; returns 0 on a syntax error. */
static int
cfg_line(char *line, char *section, size_t sectionsz)
{
	char	*p = trim(line), *eq;

	if (*p == '\0' || *p == '#' || *p == ';')
		return 1;
	if (*p == '[') {
		char *end = strchr(p, ']');
		if (end == NULL || (size_t)(end - p) >= sectionsz)
			return 0;
		*end = '\0';
		snprintf(section, sectionsz, "%s", trim(p + 1));
		return 1;
	}
	if ((eq = strchr(p, '=')) == NULL)
		return 0;
	*eq = '\0';
	cfg_add(section, trim(p), trim(eq + 1));
	return 1;
}

/* Loads path; a missing file is an error.  Returns 1 on success. */
int
cfg_load(const char *path)
{
	FILE	*f;
	char	 line[1024], section[64] = "";
	int	 ok = 1, lineno = 0;

	if ((f = fopen(path, "r")) == NULL) {
		LOGE("%s: %s", path, log_errno(errno));
		return 0;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if (!cfg_line(line, section, sizeof(section))) {
			LOGE("%s:%d: syntax error", path, lineno);
			ok = 0;
		}
	}
	fclose(f);
	return ok;
}

void
cfg_free(void)
{
	size_t	 i;

	for (i = 0; i < nentries; i++) {
		free(entries[i].section);
		free(entries[i].key);
		free(entries[i].value);
	}
	free(entries);
	entries = NULL;
	nentries = 0;
}

/* Returns PORTAL_<SECTION>_<KEY> from the environment, else the file's
 * value (the last one wins), else def.  The result lives as long as the
 * configuration. */
const char *
cfg_str(const char *section, const char *key, const char *def)
{
	const char	*v = NULL;
	char		 envbuf[256];
	size_t		 i, n;

	n = (size_t)snprintf(envbuf, sizeof(envbuf), "PORTAL_%s_%s",
	    section, key);
	if (n < sizeof(envbuf)) {
		for (i = 0; envbuf[i] != '\0'; i++)
			envbuf[i] = (char)toupper((unsigned char)envbuf[i]);
		if ((v = getenv(envbuf)) != NULL)
			return v;
	}
	for (i = 0; i < nentries; i++)
		if (strcmp(entries[i].section, section) == 0 &&
		    strcmp(entries[i].key, key) == 0)
			v = entries[i].value;
	return v != NULL ? v : def;
}

long
cfg_int(const char *section, const char *key, long def, long min, long max)
{
	const char	*s = cfg_str(section, key, NULL);
	char		*end;
	long		 v;

	if (s == NULL || *s == '\0')
		return def;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max) {
		LOGW("[%s] %s = \"%s\": not a number in %ld..%ld, using %ld",
		    section, key, s, min, max, def);
		return def;
	}
	return v;
}

int
cfg_bool(const char *section, const char *key, int def)
{
	const char	*s = cfg_str(section, key, NULL);

	if (s == NULL || *s == '\0')
		return def;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0 ||
	    strcmp(s, "1") == 0 || strcmp(s, "on") == 0)
		return 1;
	if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0 ||
	    strcmp(s, "0") == 0 || strcmp(s, "off") == 0)
		return 0;
	LOGW("[%s] %s = \"%s\": not a boolean", section, key, s);
	return def;
}
