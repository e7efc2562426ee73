/* Structured log lines on standard error: one write(2) per line, so lines
 * from threads and processes do not interleave. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

static enum log_level	 level = LOG_INFO;
static const char *const level_names[LOG_LEVEL__MAX] = {
	"debug",	/* LOG_DEBUG */
	"info",		/* LOG_INFO */
	"warn",		/* LOG_WARN */
	"error",	/* LOG_ERR */
};

void
log_set_level(enum log_level l)
{
	level = l;
}

/* Copies src into dst, dropping control characters and quotes' power:
 * '"' and '\\' become '\''.  Returns the length written. */
size_t
log_clean(char *dst, size_t dstsz, const char *src)
{
	size_t	 n = 0;

	if (dstsz == 0)
		return 0;
	for (; src != NULL && *src != '\0' && n + 1 < dstsz; src++) {
		unsigned char c = (unsigned char)*src;
		if (c < 0x20 || c == 0x7f)
			continue;
		dst[n++] = (c == '"' || c == '\\') ? '\'' : (char)c;
	}
	dst[n] = '\0';
	return n;
}

static size_t
log_stamp(char *buf, size_t sz)
{
	struct timespec	 ts;
	struct tm	 tm;
	size_t		 n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, sz, "%Y-%m-%dT%H:%M:%S", &tm);
	n += (size_t)snprintf(buf + n, sz - n, ".%03ldZ", ts.tv_nsec / 1000000);
	return n;
}

static void
log_line(char *line, size_t n, size_t sz)
{
	if (n >= sz - 1)
		n = sz - 2;
	line[n++] = '\n';
	(void)!write(STDERR_FILENO, line, n);
}

void
log_msg(enum log_level l, const char *where, const char *fmt, ...)
{
	char	 line[2048], msg[1536], clean[1536];
	va_list	 ap;
	size_t	 n;

	if (l < level)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_clean(clean, sizeof(clean), msg);
	n = log_stamp(line, sizeof(line));
	n += (size_t)snprintf(line + n, sizeof(line) - n,
	    " level=%s pid=%d at=%s msg=\"%s\"", level_names[l], (int)getpid(),
	    where, clean);
	log_line(line, n, sizeof(line));
}

/* One access line per request. */
void
log_access(const char *rid, const char *method, const char *path,
    int status, double ms)
{
	char	 line[2048], crid[64], cmethod[16], cpath[1024];
	size_t	 n;

	if (LOG_INFO < level)
		return;
	log_clean(crid, sizeof(crid), rid);
	log_clean(cmethod, sizeof(cmethod), method);
	log_clean(cpath, sizeof(cpath), path);
	n = log_stamp(line, sizeof(line));
	n += (size_t)snprintf(line + n, sizeof(line) - n,
	    " level=info type=access rid=%s method=%s path=\"%s\" status=%d "
	    "dur_ms=%.3f", crid, cmethod, cpath, status, ms);
	log_line(line, n, sizeof(line));
}

/* The text of error number e, for a log line: strerror_r into a buffer of
 * the calling thread (strerror's is shared by all threads). */
const char *
log_errno(int e)
{
	static _Thread_local char	 buf[128];

	return strerror_r(e, buf, sizeof(buf));
}
