/* A worker process: T threads in FCGX_Accept_r, each answering requests
 * one at a time: parse, route, session, authorization, body, keys, CSRF,
 * handler; then write, count and log.  SIGTERM stops it within a second. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/metrics.h"
#include "data/db.h"
#include "h/h.h"
#include "http/authz.h"
#include "http/request.h"
#include "http/resp.h"
#include "http/router.h"
#include "http/sess.h"
#include "serve.h"

#define THREADS_MAX	256

static const struct serve_conf	*conf;
static atomic_int		 stopping;

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Routes the request; answers 404 or 405 itself.  Returns 1 when a route
 * was found. */
static int
serve_route(struct request *r)
{
	char	 allow[64];
	int	 st;

	st = router_match(h_routes, ROUTE__MAX, r->path, r->method, &r->match);
	r->route = r->match.route;
	r->args = r->match.args;
	if (st == 405) {
		router_allow_str(r->match.allow, allow, sizeof(allow));
		resp_header(r, "Allow", allow);
	}
	if (st != 200)
		resp_error(r, st, NULL);
	return st == 200;
}

/* Answers one request. */
static void
serve(FCGX_Request *f, struct arena *a, struct db *db)
{
	struct request	 r;
	double		 t0 = now();
	const char	*why = NULL;
	int		 st;

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.db = db;
	r.fcgx = f;
	if ((st = request_read(&r, &conf->lim, conf->header_max)) != 0)
		resp_error(&r, st, NULL);
	else if (!serve_route(&r))
		;
	else if ((st = sess_load(&r)) != 0)
		resp_error(&r, st, NULL);
	else if (authz_check(&r) != 0)
		;
	else if ((st = request_body(&r, &conf->lim)) != 0)
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
serve_thread(void *arg)
{
	FCGX_Request	 f;
	struct arena	*a = arena_new();
	struct db	*db;

	(void)arg;
	db_thread_init();
	db = db_new(&conf->db);
	FCGX_InitRequest(&f, conf->fd, FCGI_FAIL_ACCEPT_ON_INTR);
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
	db_thread_end();
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
serve_stop(pthread_t *t, int n)
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

/* A worker process: the threads, then wait for SIGTERM/SIGINT. */
void
serve_main(const struct serve_conf *c, pid_t master)
{
	pthread_t		 t[THREADS_MAX];
	struct sigaction	 sa;
	sigset_t		 set;
	int			 i, sig, n;

	conf = c;
	n = c->threads < THREADS_MAX ? c->threads : THREADS_MAX;
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
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, serve_thread, NULL) != 0) {
			LOGE("pthread_create failed");
			_exit(1);
		}
	do
		sigwait(&set, &sig);
	while (sig == SIGHUP);
	serve_stop(t, n);
	_exit(0);
}
