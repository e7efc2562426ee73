/* Structured log lines (key=value) on standard error.  Values are quoted
 * and control characters stripped, so a request cannot forge a line. */
#ifndef LOG_H
#define LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERR, LOG_LEVEL__MAX };

void	log_set_level(enum log_level);
void	log_msg(enum log_level, const char *where, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	log_access(const char *rid, const char *method, const char *path,
	    int status, double ms);
size_t	log_clean(char *dst, size_t dstsz, const char *src);
const char *log_errno(int);

#define LOGE(...) log_msg(LOG_ERR, __func__, __VA_ARGS__)
#define LOGW(...) log_msg(LOG_WARN, __func__, __VA_ARGS__)
#define LOGI(...) log_msg(LOG_INFO, __func__, __VA_ARGS__)

#endif
