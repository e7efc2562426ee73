/* Configuration: conf/portal.conf (INI) with every key overridable by
 * the environment variable PORTAL_<SECTION>_<KEY> (upper case). */
#ifndef CFG_H
#define CFG_H
#include <stddef.h>

int		 cfg_load(const char *path);
const char	*cfg_str(const char *section, const char *key, const char *def);
long		 cfg_int(const char *section, const char *key, long def,
		    long min, long max);
int		 cfg_bool(const char *section, const char *key, int def);
void		 cfg_free(void);

#endif
