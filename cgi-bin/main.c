/* portal.fcgi: the FastCGI responder.
 *
 * A master process opens the listening socket, then keeps N worker
 * processes alive, starting a new one whenever one dies (as nginx and
 * php-fpm do).  Each worker runs T threads; each thread owns a database
 * connection and an arena and answers requests one at a time.  SIGTERM
 * or SIGINT to the master stops everything once the requests in flight
 * are answered (10 s at most). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "app/jobs.h"
#include "app/mail.h"
#include "app/store.h"
#include "core/arena.h"
#include "core/cfg.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/pw.h"
#include "core/seal.h"
#include "core/tmpl.h"
#include "data/db.h"
#include "h/h.h"
#include "http/resp.h"
#include "http/router.h"
#include "http/sess.h"
#include "serve.h"

#define WORKERS_MAX	64

static struct serve_conf	 conf;

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The jobs process: every second, a tick of app/jobs (mail delivery,
 * housekeeping).  Stops on SIGTERM/SIGINT, between ticks; SIGHUP, which
 * the workers ignore, does nothing either (it killed the process in the
 * middle of a delivery, sent again by the next one). */
static void __attribute__((noreturn))
jobs_main(pid_t master)
{
	struct timespec	 tick = { 1, 0 };
	struct jobs	 j;
	struct arena	*a = arena_new();
	struct db	*db;
	sigset_t	 set;
	int		 sig = 0;

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	prctl(PR_SET_NAME, "portal-jobs");
	if (getppid() != master)
		_exit(0);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_SETMASK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	jobs_init(&j);
	db = db_new(&conf.db);
	while (sig != SIGTERM && sig != SIGINT) {
		jobs_tick(&j, db, a);
		arena_reset(a);
		sig = sigtimedwait(&set, NULL, &tick);
	}
	db_free(db);
	arena_free(a);
	_exit(0);
}

/* Starts the worker of slot, or the jobs process when jobs is set. */
static pid_t
worker_spawn(int slot, int jobs)
{
	pid_t	 master = getpid(), pid;

	if ((pid = fork()) == 0) {
		if (jobs)
			jobs_main(master);
		pw_set_slot(slot + 1);
		serve_main(&conf, master);
	}
	if (pid < 0)
		LOGE("fork: %s", log_errno(errno));
	return pid;
}

struct slot {
	pid_t	 pid;
	double	 started;
	int	 fails;		/* consecutive early deaths */
};

/* Reaps dead workers and starts their replacements; a worker that keeps
 * dying young is restarted with a growing delay (at most 5 s).  The last
 * slot is the jobs process's. */
static void
master_reap(struct slot *w, int n)
{
	pid_t	 pid;
	int	 i, status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		for (i = 0; i < n; i++) {
			if (w[i].pid != pid)
				continue;
			LOGW("worker %d died (%s %d); restarting", (int)pid,
			    WIFSIGNALED(status) ? "signal" : "exit",
			    WIFSIGNALED(status) ? WTERMSIG(status) :
			    WEXITSTATUS(status));
			metrics_worker_restart();
			pw_reclaim((unsigned)i + 1);
			w[i].fails = now() - w[i].started < 1 ? w[i].fails + 1 : 0;
			w[i].pid = 0;
		}
	for (i = 0; i < n; i++)
		if (w[i].pid == 0 && now() - w[i].started >=
		    (w[i].fails > 50 ? 5 : w[i].fails * 0.1)) {
			w[i].started = now();
			w[i].pid = worker_spawn(i, i == n - 1);
		}
}

/* Sends SIGTERM to every worker, waits for them to finish the requests
 * in flight (serve.c gives them 8 s; SIGKILL after 10 s). */
static void
master_stop(struct slot *w, int n)
{
	double	 deadline = now() + 10.0;
	int	 i, live;

	for (i = 0; i < n; i++)
		if (w[i].pid > 0)
			kill(w[i].pid, SIGTERM);
	do {
		for (i = 0, live = 0; i < n; i++) {
			if (w[i].pid > 0 && waitpid(w[i].pid, NULL, WNOHANG) != 0)
				w[i].pid = 0;
			live += w[i].pid > 0;
		}
		if (live > 0)
			usleep(10000);
	} while (live > 0 && now() < deadline);
	for (i = 0; i < n; i++)
		if (w[i].pid > 0) {
			kill(w[i].pid, SIGKILL);
			waitpid(w[i].pid, NULL, 0);
		}
}

static void
master_run(int n)
{
	struct slot	 w[WORKERS_MAX];
	struct timespec	 tick = { 0, 100 * 1000 * 1000 };
	sigset_t	 set;
	int		 sig;

	memset(w, 0, sizeof(w));
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (;;) {
		master_reap(w, n);
		sig = sigtimedwait(&set, NULL, &tick);
		if (sig == SIGTERM || sig == SIGINT)
			break;
	}
	LOGI("stopping");
	master_stop(w, n);
}

static void
load_conf(void)
{
	log_set_level(strcmp(cfg_str("log", "level", "info"), "debug") == 0 ?
	    LOG_DEBUG : LOG_INFO);
	conf.threads = (int)cfg_int("server", "threads", 8, 1, 256);
	conf.header_max = (size_t)cfg_int("limits", "header_max", 16384,
	    1024, 1 << 20);
	conf.lim.body_max = (size_t)cfg_int("limits", "body_max", 10 << 20,
	    1024, 1L << 30);
	conf.lim.fields_max = (size_t)cfg_int("limits", "fields_max", 256,
	    1, 100000);
	conf.lim.value_max = (size_t)cfg_int("limits", "value_max", 65536,
	    64, 1 << 24);
	conf.lim.file_max = (size_t)cfg_int("limits", "file_max", 10 << 20,
	    1024, 1L << 30);
	conf.lim.tmpdir = cfg_str("server", "tmpdir", "/tmp");
	db_opts_load(&conf.db, 0);
}

/* Passwords, sealing and sign-in throttling: before forking, so that
 * the bound on concurrent hashes is shared by every worker. */
static int
security_init(void)
{
	const char	*key = cfg_str("security", "id_key", "");

	if (!seal_init(key)) {
		LOGE("[security] id_key must be 64 hex digits (32 bytes); "
		    "set PORTAL_SECURITY_ID_KEY");
		return 0;
	}
	if (!pw_init(cfg_str("security", "common_passwords",
	    "conf/common-passwords.txt"), (unsigned)cfg_int("security",
	    "hash_concurrency", 4, 1, 64), (unsigned)cfg_int("security",
	    "hash_wait_ms", 2000, 0, 60000))) {
		LOGE("cannot load the common-password list");
		return 0;
	}
	/* Half of a worker's threads at most wait for or run a hash: the
	 * other half serve the pages that need none. */
	pw_set_threads((unsigned)cfg_int("security", "hash_threads",
	    conf.threads > 1 ? conf.threads / 2 : 1, 1, 256));
	return 1;
}

/* The attachment store ([storage]): its directory made if missing. */
static int
storage_init(void)
{
	struct store_conf	 sc;

	store_conf_load(&sc);
	return store_init(&sc);
}

/* The route names, for the metrics' labels. */
static int
metrics_start(void)
{
	const char	*names[ROUTE__MAX];
	size_t		 i;

	for (i = 0; i < ROUTE__MAX; i++)
		names[i] = h_routes[i].name;
	return metrics_init(names, ROUTE__MAX);
}

/* Opens the FastCGI socket: a unix path, or ":port"/"host:port". */
static int
open_socket(void)
{
	const char	*path = cfg_str("server", "socket", "var/portal.sock");
	struct stat	 st;
	int		 fd;

	if (path[0] != ':' && stat(path, &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(path);
	fd = FCGX_OpenSocket(path, (int)cfg_int("server", "backlog", 256, 1,
	    65535));
	if (fd < 0)
		LOGE("cannot listen on %s", path);
	else if (path[0] != ':')
		chmod(path, (mode_t)strtol(cfg_str("server", "socket_mode",
		    "0660"), NULL, 8));
	return fd;
}

int
main(int argc, char *argv[])
{
	const char	*conffile = "conf/portal.conf";
	int		 c, workers;

	while ((c = getopt(argc, argv, "c:")) != -1)
		if (c == 'c')
			conffile = optarg;
		else {
			fprintf(stderr, "usage: portal.fcgi [-c portal.conf]\n");
			return 2;
		}
	if (!cfg_load(conffile) || sodium_init() < 0 || !db_library_init() ||
	    !mail_global_init())
		return 1;
	load_conf();
	workers = (int)cfg_int("server", "workers", 2, 1, WORKERS_MAX);
	if (!clock_init(cfg_str("site", "timezone", "+07:00"))) {
		LOGE("[site] timezone must be an offset such as +07:00");
		return 1;
	}
	if (!tmpl_init(cfg_str("paths", "templates", "templates")) ||
	    !metrics_start() || !security_init() || !h_init() ||
	    !storage_init())
		return 1;
	resp_site_init();
	if (!sess_init())
		return 1;
	conf.lim.cookies = sess_cookie_names();
	db_set_error_hook(metrics_db_error);
	if (FCGX_Init() != 0 || (conf.fd = open_socket()) < 0)
		return 1;
	LOGI("listening; %d workers x %d threads", workers, conf.threads);
	master_run(workers + 1);
	if (cfg_str("server", "socket", "")[0] != ':')
		unlink(cfg_str("server", "socket", ""));
	db_library_end();
	store_end();
	cfg_free();
	return 0;
}
