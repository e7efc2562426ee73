/* A worker process: T threads, each accepting and answering requests one
 * at a time: parse, route, session, authorization, body, keys, CSRF,
 * handler; then write, count and log.  SIGTERM stops it: the threads
 * waiting for a connection at once, those answering once they are done. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/epoll.h>
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
#define STOP_WAIT	8.0	/* seconds for the requests in flight */

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

/* This thread's wait for a connection: an epoll set holding the (non-
 * blocking) listening socket, waking one waiter per connection.  Returns
 * its descriptor, or -1. */
static int
serve_listen(void)
{
	struct epoll_event	 ev = { EPOLLIN | EPOLLEXCLUSIVE, { 0 } };
	int			 ep;

	if ((ep = epoll_create1(EPOLL_CLOEXEC)) < 0 ||
	    epoll_ctl(ep, EPOLL_CTL_ADD, conf->fd, &ev) < 0) {
		LOGE("epoll: %s", log_errno(errno));
		if (ep >= 0)
			close(ep);
		return -1;
	}
	return ep;
}

/* A request thread.  SIGUSR1 (the stop) is blocked but while the thread
 * waits for a connection (epoll_pwait unblocks it atomically): it never
 * interrupts the reads and writes of a request, and one sent while the
 * thread answers stays pending and ends its next wait at once. */
static void *
serve_thread(void *arg)
{
	FCGX_Request		 f;
	struct arena		*a = arena_new();
	struct db		*db;
	struct epoll_event	 ev;
	sigset_t		 wake;
	int			 ep, rc;

	(void)arg;
	if ((ep = serve_listen()) < 0)
		return NULL;
	pthread_sigmask(SIG_SETMASK, NULL, &wake);
	sigdelset(&wake, SIGUSR1);
	db_thread_init();
	db = db_new(&conf->db);
	FCGX_InitRequest(&f, conf->fd, 0);
	while (!atomic_load(&stopping)) {
		if (epoll_pwait(ep, &ev, 1, -1, &wake) < 0) {
			if (errno != EINTR) {
				LOGE("epoll_pwait: %s", log_errno(errno));
				usleep(10000);
			}
			continue;
		}
		if ((rc = FCGX_Accept_r(&f)) < 0) {
			if (rc != -EAGAIN && rc != -EWOULDBLOCK) {
				LOGE("accept: %s", log_errno(-rc));
				usleep(10000);
			}
			continue;	/* another thread took it */
		}
		serve(&f, a, db);
		FCGX_Finish_r(&f);
		arena_reset(a);
	}
	FCGX_Free(&f, 0);
	close(ep);
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

/* Stops the threads: one SIGUSR1 each (see serve_thread); waits for those
 * answering a request to finish it, STOP_WAIT seconds at most. */
static void
serve_stop(pthread_t *t, int n)
{
	double	 deadline = now() + STOP_WAIT;
	int	 i, live = n;

	atomic_store(&stopping, 1);
	for (i = 0; i < n; i++)
		if (t[i] != 0)
			pthread_kill(t[i], SIGUSR1);
	while (live > 0 && now() < deadline) {
		for (i = 0, live = 0; i < n; i++) {
			if (t[i] != 0 && pthread_tryjoin_np(t[i], NULL) == 0)
				t[i] = 0;
			live += t[i] != 0;
		}
		if (live > 0)
			usleep(5000);
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
	sa.sa_handler = on_wake;	/* no SA_RESTART: the wait fails EINTR */
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGUSR1);	/* the threads inherit the mask */
	pthread_sigmask(SIG_SETMASK, &set, NULL);
	sigdelset(&set, SIGUSR1);	/* what this thread waits for */
	memset(t, 0, sizeof(t));
	FCGX_Init();
	/* Shared by every worker: a thread whose wake-up another took gets
	 * EAGAIN from accept, not a wait outside epoll_pwait. */
	if (fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK) < 0) {
		LOGE("fcntl: %s", log_errno(errno));
		_exit(1);
	}
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
