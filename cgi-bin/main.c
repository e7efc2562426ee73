/* portal.fcgi: the FastCGI responder.
 *
 * A master process opens the listening socket, then keeps N worker
 * processes alive, starting a new one whenever one dies (as nginx and
 * php-fpm do).  Each worker runs T threads; each thread owns a database
 * connection and an arena and answers requests one at a time.  SIGTERM
 * or SIGINT to the master stops everything within about a second. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <fcgiapp.h>
#include <mysql.h>
#include <sodium.h>

#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "log.h"
#include "h.h"
#include "mail.h"
#include "metrics.h"
#include "pw.h"
#include "request.h"
#include "resp.h"
#include "router.h"
#include "seal.h"
#include "sess.h"
#include "text.h"
#include "tmpl.h"

#define WORKERS_MAX	64
#define THREADS_MAX	256

/* What every thread of a worker needs; set before forking, read-only. */
static struct {
	int			 fd;		/* listening socket */
	int			 threads;
	size_t			 header_max;
	struct req_limits	 lim;
	struct db_opts		 db;
} conf;

static atomic_int	 stopping;

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The one place where roles are enforced: a route's roles against the
 * signed-in user's.  Returns 0 to go on, or the status answered: a
 * person not signed in is sent to sign in (GET) or refused (403). */
static int
authorize(struct request *r)
{
	unsigned	 need = r->route->roles;

	if (need == PUBLIC || user_has(r, need, 0))
		return 0;
	if (r->user == NULL && (r->method == METHOD_GET ||
	    r->method == METHOD_HEAD))
		return resp_redirect(r, 303, arena_printf(r->a,
		    "/dang-nhap?tiep=%s", text_urlencode(r->a, r->path)));
	return resp_error(r, 403, NULL);
}

/* Answers one request: parse, route, session, roles, body, keys, CSRF,
 * handler; then write. */
static void
serve(FCGX_Request *f, struct arena *a, struct db *db)
{
	struct request	 r;
	double		 t0 = now();
	const char	*why = NULL;
	char		 allow[64];
	unsigned	 allowed;
	int		 st;

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.db = db;
	r.fcgx = f;
	if ((st = request_read(&r, &conf.lim, conf.header_max)) != 0)
		resp_error(&r, st, NULL);
	else if ((st = router_match(r.path, r.method, &r.route, r.args,
	    &r.nargs, &allowed, r.argbuf, sizeof(r.argbuf))) == 405) {
		router_allow_str(allowed, allow, sizeof(allow));
		resp_header(&r, "Allow", allow);
		resp_error(&r, 405, NULL);
	} else if (st == 404)
		resp_error(&r, 404, NULL);
	else if ((st = sess_load(&r)) != 0)
		resp_error(&r, st, NULL);
	else if (authorize(&r) != 0)
		;
	else if ((st = request_body(&r, &conf.lim)) != 0)
		resp_error(&r, st, NULL);
	else if ((st = request_keys(&r, &why)) != 0)
		resp_error(&r, st, why);
	else if (r.method == METHOD_POST && !sess_csrf_ok(&r))
		resp_error(&r, 403, "Phiên làm việc đã hết hạn hoặc biểu mẫu "
		    "không hợp lệ. Vui lòng tải lại trang rồi thử lại.");
	else
		r.route->handler(&r);
	resp_write(&r);
	metrics_observe(r.route ? (int)r.route->id : -1, r.status,
	    now() - t0);
	log_access(r.rid, r.method_str ? r.method_str : "-", r.path,
	    r.status, (now() - t0) * 1000);
}

static void *
worker_thread(void *arg)
{
	FCGX_Request	 f;
	struct arena	*a = arena_new();
	struct db	*db;

	(void)arg;
	mysql_thread_init();
	db = db_new(&conf.db);
	FCGX_InitRequest(&f, conf.fd, FCGI_FAIL_ACCEPT_ON_INTR);
	while (!atomic_load(&stopping)) {
		if (FCGX_Accept_r(&f) < 0) {
			if (errno == EINTR || atomic_load(&stopping))
				continue;
			LOGE("accept: %s", strerror(errno));
			usleep(10000);
			continue;
		}
		serve(&f, a, db);
		FCGX_Finish_r(&f);
		arena_reset(a);
	}
	FCGX_Free(&f, 0);
	db_free(db);
	arena_free(a);
	mysql_thread_end();
	return NULL;
}

static void
on_wake(int sig)
{
	(void)sig;
}

/* Stops the threads: each is woken out of accept by SIGUSR1 until it has
 * finished its request and returned; gives up after about 0.9 s. */
static void
worker_stop(pthread_t *t, int n)
{
	int	 i, live = n, tries;

	atomic_store(&stopping, 1);
	for (tries = 0; live > 0 && tries < 90; tries++) {
		for (i = 0, live = 0; i < n; i++) {
			if (t[i] == 0)
				continue;
			if (pthread_tryjoin_np(t[i], NULL) == 0) {
				t[i] = 0;
				continue;
			}
			pthread_kill(t[i], SIGUSR1);
			live++;
		}
		if (live > 0)
			usleep(10000);
	}
	if (live > 0)
		LOGW("%d threads still busy; leaving", live);
}

/* A worker process: T threads, then wait for SIGTERM/SIGINT. */
static void __attribute__((noreturn))
worker_main(pid_t master)
{
	pthread_t		 t[THREADS_MAX];
	struct sigaction	 sa;
	sigset_t		 set;
	int			 i, sig;

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	prctl(PR_SET_NAME, "portal-worker");
	if (getppid() != master)
		_exit(0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_wake;	/* no SA_RESTART: accept fails EINTR */
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_SETMASK, &set, NULL);
	memset(t, 0, sizeof(t));
	FCGX_Init();
	for (i = 0; i < conf.threads; i++)
		if (pthread_create(&t[i], NULL, worker_thread, NULL) != 0) {
			LOGE("pthread_create failed");
			_exit(1);
		}
	do
		sigwait(&set, &sig);
	while (sig == SIGHUP);
	worker_stop(t, conf.threads);
	_exit(0);
}

/* The mailer process: every second, delivers what the outbox holds; every
 * [server] housekeeping seconds, deletes expired sessions and old
 * throttling rows.  Stops on SIGTERM/SIGINT. */
static void __attribute__((noreturn))
mailer_main(pid_t master)
{
	struct timespec	 tick = { 1, 0 };
	struct mail_conf mc;
	struct arena	*a = arena_new();
	struct db	*db;
	sigset_t	 set;
	long		 every = cfg_int("server", "housekeeping", 60, 1, 86400);
	long		 n = 0;
	int		 sig = 0;

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	prctl(PR_SET_NAME, "portal-mailer");
	if (getppid() != master)
		_exit(0);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_SETMASK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	mail_conf_load(&mc);
	db = db_new(&conf.db);
	while (sig != SIGTERM && sig != SIGINT) {
		mail_run_once(db, a, &mc);
		if (n++ % every == 0)
			sess_expire(db);
		arena_reset(a);
		sig = sigtimedwait(&set, NULL, &tick);
	}
	db_free(db);
	arena_free(a);
	_exit(0);
}

/* Starts the worker of slot, or the mailer when mailer is set. */
static pid_t
worker_spawn(int slot, int mailer)
{
	pid_t	 master = getpid(), pid;

	if ((pid = fork()) == 0) {
		if (mailer)
			mailer_main(master);
		pw_set_slot(slot + 1);
		worker_main(master);
	}
	if (pid < 0)
		LOGE("fork: %s", strerror(errno));
	return pid;
}

struct slot {
	pid_t	 pid;
	double	 started;
	int	 fails;		/* consecutive early deaths */
};

/* Reaps dead workers and starts their replacements; a worker that keeps
 * dying young is restarted with a growing delay (at most 5 s).  The last
 * slot is the mailer's. */
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

/* Sends SIGTERM to every worker, waits for them (SIGKILL after 1.5 s). */
static void
master_stop(struct slot *w, int n)
{
	double	 deadline = now() + 1.5;
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
	conf.threads = (int)cfg_int("server", "threads", 8, 1, THREADS_MAX);
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
	db_opts_load(&conf.db);
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
	return h_auth_init();
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
	if (!cfg_load(conffile) || sodium_init() < 0 ||
	    mysql_library_init(0, NULL, NULL) != 0 ||
	    curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	load_conf();
	workers = (int)cfg_int("server", "workers", 2, 1, WORKERS_MAX);
	if (!tmpl_init(cfg_str("paths", "templates", "templates")) ||
	    !metrics_init() || !security_init())
		return 1;
	resp_site_init();
	sess_init();
	db_set_error_hook(metrics_db_error);
	if (FCGX_Init() != 0 || (conf.fd = open_socket()) < 0)
		return 1;
	LOGI("listening; %d workers x %d threads", workers, conf.threads);
	master_run(workers + 1);
	if (cfg_str("server", "socket", "")[0] != ':')
		unlink(cfg_str("server", "socket", ""));
	mysql_library_end();
	cfg_free();
	return 0;
}
