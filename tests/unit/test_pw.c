/* Unit tests of pw.c: refusals first (encoding, length, common list,
 * account data), then hashing, verification, rehash and the bound on
 * concurrent hashes across threads and forked processes.  Run from the
 * top of the checkout (the list is conf/common-passwords.txt). */
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <valgrind/valgrind.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/pw.h"
#include "t.h"

#define LIST		"conf/common-passwords.txt"
/* "mậtkhẩu": 7 characters, 11 bytes precomposed, 11 code points
 * decomposed (a + dot below + circumflex, a + circumflex + hook). */
#define MK_NFC		"m\xe1\xba\xadtkh\xe1\xba\xa9u"
#define MK_NFD		"ma\xcc\xa3\xcc\x82tkha\xcc\x82\xcc\x89u"
#define A_NFC		"\xe1\xba\xad"		/* ậ */
#define A_NFD		"a\xcc\xa3\xcc\x82"	/* a, U+0323, U+0302 */
#define NTHREADS	3

static struct arena	*A;

static enum pw_err
pol(const char *p)
{
	return pw_policy(A, p, "0912345678", "an.nguyen@example.vn");
}

/* s repeated n times, in the arena. */
static char *
rep(const char *s, size_t n)
{
	size_t	 l = strlen(s), i;
	char	*r = arena_alloc(A, l * n + 1);

	for (i = 0; i < n; i++)
		memcpy(r + i * l, s, l);
	r[l * n] = '\0';
	return r;
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- pw_init ---- */

static void
test_pw_init_refusals(void)
{
	CHECK_INT(pw_init("/nonexistent/common.txt", 1, 10), 0);
	CHECK_INT(pw_init(NULL, 1, 10), 0);
	CHECK_INT(pw_init(LIST, 0, 10), 0);
	CHECK_INT(pw_init("/dev/null", 1, 10), 0);	/* empty list */
}

static void
test_pw_uninitialised(void)
{
	char	h[PW_HASH_LEN];

	CHECK_INT(pw_policy(A, "zq8#Lm2p-long", NULL, NULL), PW_ERR);
	CHECK_INT(pw_hash("zq8#Lm2p-long", h), PW_ERR);
}

static void
test_pw_init(void)
{
	CHECK_INT(pw_init(LIST, 2, 10000), 1);
}

/* ---- encoding ---- */

static void
test_pw_bad_utf8(void)
{
	static const char *const bad[] = {
		"abcdefgh\xc3\x28",		/* bad continuation */
		"abcdefgh\xc0\xaf",		/* overlong '/' */
		"abcdefgh\xe0\x80\xaf",		/* overlong, 3 bytes */
		"abcdefgh\xed\xa0\x80",		/* surrogate U+D800 */
		"abcdefgh\xf4\x90\x80\x80",	/* past U+10FFFF */
		"abcdefgh\xe1\xba",		/* truncated */
		"abcdefgh\x80",			/* lone continuation */
		"abcdefgh\xff",
	};
	size_t	i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_INT(pol(bad[i]), PW_BAD_UTF8);
		CHECK(pw_normalize(A, bad[i]) == NULL);
	}
	CHECK_INT(pw_policy(A, NULL, NULL, NULL), PW_ERR);
	CHECK(pw_normalize(A, NULL) == NULL);
}

static void
test_pw_control_chars(void)
{
	static const char *const bad[] = {
		"pass\x01word99", "pass\tword99", "pass\nword99",
		"pass\rword99", "pass\x1bword99", "pass\x7fword99",
		"pass\xc2\x85word99",		/* U+0085, a C1 control */
		"pass\xc2\x9fword99",
	};
	size_t	i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_INT(pol(bad[i]), PW_BAD_UTF8);
		CHECK(pw_normalize(A, bad[i]) == NULL);
	}
	/* U+00A0 (just past the C1 block) is not a control. */
	CHECK_INT(pol("pass\xc2\xa0word99"), PW_OK);
}

/* ---- length ---- */

static void
test_pw_too_short(void)
{
	CHECK_INT(pol(""), PW_TOO_SHORT);
	CHECK_INT(pol("abcdefg"), PW_TOO_SHORT);
	CHECK_INT(strlen(MK_NFC), 11);
	CHECK_INT(pol(MK_NFC), PW_TOO_SHORT);
	CHECK_INT(pol(MK_NFD), PW_TOO_SHORT);	/* 11 code points before NFC */
}

static void
test_pw_too_long(void)
{
	CHECK_INT(pol(rep(A_NFC, 129)), PW_TOO_LONG);
	CHECK_INT(pol(rep(A_NFD, 129)), PW_TOO_LONG);
	CHECK_INT(pol(rep("x", 129)), PW_TOO_LONG);
	CHECK_INT(pol(rep("x", 100000)), PW_TOO_LONG);
}

static void
test_pw_length_limits(void)
{
	CHECK_INT(pol("zq8#Lm2p"), PW_OK);		/* 8 */
	CHECK_INT(pol(MK_NFC "1"), PW_OK);
	CHECK_INT(pol(MK_NFD "1"), PW_OK);
	CHECK_INT(pol(rep(A_NFC, 128)), PW_OK);		/* 384 bytes */
	CHECK_INT(pol(rep(A_NFD, 128)), PW_OK);		/* 384 code points */
	CHECK_INT(pol(rep("x", 128)), PW_OK);
}

/* ---- common list ---- */

static void
test_pw_common(void)
{
	CHECK_INT(pol("password"), PW_COMMON);
	CHECK_INT(pol("12345678"), PW_COMMON);
	CHECK_INT(pol("PASSWORD"), PW_COMMON);
	CHECK_INT(pol("PaSsWoRd"), PW_COMMON);
	CHECK_INT(pol("iloveyou"), PW_COMMON);
	/* listed as "Usuckballz1" */
	CHECK_INT(pol("usuckballz1"), PW_COMMON);
	CHECK_INT(pol("USUCKBALLZ1"), PW_COMMON);
	CHECK_INT(pol("password-not-common-9"), PW_OK);
}

/* ---- account data ---- */

static void
test_pw_like_phone(void)
{
	static const char *const forms[] = {
		"0912345678", "+84912345678", "84912345678", "912345678",
		"0912 345 678", "+84 912-345-678", "(+84) 912.345.678",
	};
	static const char *const phones[] = {
		"0912345678", "+84912345678", "84912345678", "+84 912 345 678",
	};
	size_t	i, j;

	for (i = 0; i < sizeof(phones) / sizeof(phones[0]); i++)
		for (j = 0; j < sizeof(forms) / sizeof(forms[0]); j++)
			CHECK_INT(pw_policy(A, forms[j], phones[i], NULL),
			    PW_LIKE_ACCOUNT);
	CHECK_INT(pw_policy(A, "0912345679", "0912345678", NULL), PW_OK);
	CHECK_INT(pw_policy(A, "+85912345678", "0912345678", NULL), PW_OK);
	CHECK_INT(pw_policy(A, "0912345678x", "0912345678", NULL), PW_OK);
	/* A number whose national part starts with 84 (VinaPhone 084). */
	CHECK_INT(pw_policy(A, "841234567", "0841234567", NULL),
	    PW_LIKE_ACCOUNT);
	CHECK_INT(pw_policy(A, "+84841234567", "0841234567", NULL),
	    PW_LIKE_ACCOUNT);
}

static void
test_pw_like_email(void)
{
	const char	*e = "An.Nguyen@Example.VN";
	/* local part "trầnvănbình" precomposed; password decomposed */
	const char	*ev = "tr\xe1\xba\xa7nv\xc4\x83nb\xc3\xacnh@v\xc3\xad.vn";
	const char	*pv = "tra\xcc\x82\xcc\x80nva\xcc\x86nbi\xcc\x80nh";

	CHECK_INT(pw_policy(A, "an.nguyen@example.vn", NULL, e),
	    PW_LIKE_ACCOUNT);
	CHECK_INT(pw_policy(A, "AN.NGUYEN@EXAMPLE.VN", NULL, e),
	    PW_LIKE_ACCOUNT);
	CHECK_INT(pw_policy(A, "an.nguyen", NULL, e), PW_LIKE_ACCOUNT);
	CHECK_INT(pw_policy(A, "An.Nguyen", "", e), PW_LIKE_ACCOUNT);
	CHECK_INT(pw_policy(A, pv, NULL, ev), PW_LIKE_ACCOUNT);
	CHECK_INT(pw_policy(A, "an.nguyen1", NULL, e), PW_OK);
	CHECK_INT(pw_policy(A, "example.vn", NULL, e), PW_OK);
}

static void
test_pw_no_account_data(void)
{
	CHECK_INT(pw_policy(A, "correct horse", NULL, NULL), PW_OK);
	CHECK_INT(pw_policy(A, "correct horse", "", ""), PW_OK);
	CHECK_INT(pw_policy(A, "correct horse", "@", "@"), PW_OK);
	CHECK_INT(pw_policy(A, "0912345678", "not a phone", NULL), PW_OK);
}

/* ---- normalisation and messages ---- */

static void
test_pw_normalize(void)
{
	CHECK_STR(pw_normalize(A, MK_NFD), MK_NFC);
	CHECK_STR(pw_normalize(A, MK_NFC), MK_NFC);
	CHECK_STR(pw_normalize(A, ""), "");
	CHECK_STR(pw_normalize(A, "plain ascii"), "plain ascii");
}

static void
test_pw_err_msg(void)
{
	int	e;

	for (e = 0; e < PW_ERR__MAX; e++) {
		CHECK(pw_err_msg(e) != NULL && pw_err_msg(e)[0] != '\0');
		CHECK_STR(pw_normalize(A, pw_err_msg(e)), pw_err_msg(e));
	}
	CHECK_STR(pw_err_msg(PW_TOO_SHORT), "Mật khẩu phải có ít nhất 8 ký tự.");
	CHECK_STR(pw_err_msg(PW_BUSY),
	    "Hệ thống đang bận, vui lòng thử lại sau ít giây.");
	CHECK_STR(pw_err_msg(PW_ERR__MAX), pw_err_msg(PW_ERR));
	CHECK_STR(pw_err_msg((enum pw_err)-1), pw_err_msg(PW_ERR));
}

/* ---- hashing and verification ---- */

static void
test_pw_verify_malformed(void)
{
	char	long_hash[PW_HASH_LEN + 10];
	int	rh = 7;

	memset(long_hash, 'a', sizeof(long_hash) - 1);
	long_hash[sizeof(long_hash) - 1] = '\0';
	CHECK_INT(pw_verify("", "zq8#Lm2p", &rh), PW_ERR);
	CHECK_INT(rh, 0);
	CHECK_INT(pw_verify("not a hash", "zq8#Lm2p", &rh), PW_ERR);
	CHECK_INT(pw_verify("$argon2id$garbage", "zq8#Lm2p", &rh), PW_ERR);
	CHECK_INT(pw_verify("$argon2id$v=19$m=65536,t=2,p=1$", "zq8#Lm2p",
	    &rh), PW_ERR);
	CHECK_INT(pw_verify("$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQ"
	    "RSTUVWXYZ0123", "zq8#Lm2p", &rh), PW_ERR);
	CHECK_INT(pw_verify(long_hash, "zq8#Lm2p", &rh), PW_ERR);
	CHECK_INT(pw_verify(NULL, "zq8#Lm2p", &rh), PW_ERR);
}

static void
test_pw_hash_refusals(void)
{
	char	h[PW_HASH_LEN];

	CHECK_INT(pw_hash("abcdefgh\xc0\xaf", h), PW_BAD_UTF8);
	CHECK_INT(pw_hash("abc\x01" "defgh", h), PW_BAD_UTF8);
	CHECK_INT(pw_hash(rep("x", 5000), h), PW_TOO_LONG);
	CHECK_INT(pw_hash(NULL, h), PW_ERR);
}

static void
test_pw_wrong_password(void)
{
	char	h[PW_HASH_LEN];
	int	rh = 7;

	CHECK_INT(pw_hash(MK_NFC "-42", h), PW_OK);
	CHECK_INT(pw_verify(h, MK_NFC "-43", &rh), PW_MISMATCH);
	CHECK_INT(rh, 0);
	CHECK_INT(pw_verify(h, "", &rh), PW_MISMATCH);
	CHECK_INT(pw_verify(h, "abc\xc0\xaf", &rh), PW_MISMATCH);
	CHECK_INT(pw_verify(h, NULL, &rh), PW_ERR);
	/* a well-formed hash whose digest was altered */
	h[strlen(h) - 2] = h[strlen(h) - 2] == 'A' ? 'B' : 'A';
	CHECK_INT(pw_verify(h, MK_NFC "-42", &rh), PW_MISMATCH);
}

static void
test_pw_hash_verify_nfd(void)
{
	char	h[PW_HASH_LEN], h2[PW_HASH_LEN];
	double	t0, t1, t2;
	int	rh = 7;

	t0 = now_ms();
	CHECK_INT(pw_hash(MK_NFC "-42", h), PW_OK);
	t1 = now_ms();
	CHECK_INT(pw_verify(h, MK_NFD "-42", &rh), PW_OK);
	t2 = now_ms();
	CHECK_INT(rh, 0);
	CHECK(strncmp(h, "$argon2id$v=19$m=65536,t=2,p=1$", 31) == 0);
	CHECK_INT(pw_verify(h, MK_NFC "-42", &rh), PW_OK);
	printf("  argon2id hash: %.0f ms\n", t1 - t0);
	printf("  argon2id verify: %.0f ms\n", t2 - t1);
	/* fresh salt each time */
	CHECK_INT(pw_hash(MK_NFD "-42", h2), PW_OK);
	CHECK(strcmp(h, h2) != 0);
	CHECK_INT(pw_verify(h2, MK_NFC "-42", &rh), PW_OK);
}

static void
test_pw_rehash_weak(void)
{
	char		 h[crypto_pwhash_STRBYTES];
	const char	*p = "zq8#Lm2p-weak";
	int		 rh = 0;

	CHECK_INT(crypto_pwhash_str_alg(h, p, strlen(p), 2, 16 << 20,
	    crypto_pwhash_ALG_ARGON2ID13), 0);
	CHECK_INT(pw_verify(h, p, &rh), PW_OK);
	CHECK_INT(rh, 1);
	rh = 7;
	CHECK_INT(pw_verify(h, "zq8#Lm2p-wrong", &rh), PW_MISMATCH);
	CHECK_INT(rh, 0);
}

/* ---- the bound ---- */

struct racer {
	pthread_barrier_t	*start;
	enum pw_err		 rc;
};

static void *
racer_run(void *arg)
{
	struct racer	*r = arg;
	char		 h[PW_HASH_LEN];

	pthread_barrier_wait(r->start);
	r->rc = pw_hash("zq8#Lm2p-race", h);
	return NULL;
}

/* Starts NTHREADS hashes at once; counts the results. */
static void
race(int *ok, int *busy)
{
	pthread_barrier_t	b;
	pthread_t		t[NTHREADS];
	struct racer		r[NTHREADS];
	int			i;

	*ok = *busy = 0;
	pthread_barrier_init(&b, NULL, NTHREADS);
	for (i = 0; i < NTHREADS; i++) {
		r[i].start = &b;
		r[i].rc = PW_ERR;
		pthread_create(&t[i], NULL, racer_run, &r[i]);
	}
	for (i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], NULL);
		*ok += r[i].rc == PW_OK;
		*busy += r[i].rc == PW_BUSY;
	}
	pthread_barrier_destroy(&b);
}

static void
test_pw_bound_busy(void)
{
	int	ok, busy;

	CHECK_INT(pw_init(LIST, 1, 1), 1);
	race(&ok, &busy);
	printf("  concurrency 1, wait 1 ms: %d ok, %d busy\n", ok, busy);
	CHECK(ok >= 1);
	CHECK(busy >= 1);
	CHECK_INT(ok + busy, NTHREADS);
}

/* The bound holds across fork(): a child and its parent share it. */
static void
test_pw_bound_processes(void)
{
	char		h[PW_HASH_LEN];
	int		fd[2], st = 0, ok = 0, busy = 0;
	enum pw_err	rc;
	pid_t		pid;

	CHECK_INT(pw_init(LIST, 1, 1), 1);
	CHECK_INT(pipe(fd), 0);
	fflush(stdout);		/* or the child's exit may print it again */
	if ((pid = fork()) == 0) {
		char	c;

		close(fd[1]);
		if (read(fd[0], &c, 1) != 1)
			_exit(100);
		_exit(pw_hash("zq8#Lm2p-fork", h));
	}
	CHECK(pid > 0);
	close(fd[0]);
	CHECK_INT(write(fd[1], "x", 1), 1);
	close(fd[1]);
	rc = pw_hash("zq8#Lm2p-fork", h);
	CHECK_INT(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st));
	ok = (rc == PW_OK) + (WEXITSTATUS(st) == PW_OK);
	busy = (rc == PW_BUSY) + (WEXITSTATUS(st) == PW_BUSY);
	printf("  two processes, concurrency 1: %d ok, %d busy\n", ok, busy);
	CHECK_INT(ok, 1);
	CHECK_INT(busy, 1);
}

/* ---- reclaiming a dead worker's permits ----
 *
 * A link seam: this program's crypto_pwhash_str stands in for libsodium's
 * (pw.c's call binds to the executable's definition).  Normally it hashes
 * like libsodium's; in hold mode it reports on the "held" pipe that it runs,
 * which pw_hash calls only with a permit taken, and waits on the "release"
 * pipe, so that a test knows exactly how many permits are held, and by
 * whom. */
static atomic_int	 hold_mode;
static int		 held_pipe[2] = { -1, -1 };
static int		 release_pipe[2] = { -1, -1 };

int
crypto_pwhash_str(char out[crypto_pwhash_STRBYTES], const char *const passwd,
    unsigned long long passwdlen, unsigned long long opslimit, size_t memlimit)
{
	char	c;

	if (!atomic_load(&hold_mode))
		return crypto_pwhash_str_alg(out, passwd, passwdlen, opslimit,
		    memlimit, crypto_pwhash_ALG_DEFAULT);
	if (write(held_pipe[1], "h", 1) != 1)
		abort();
	if (read(release_pipe[0], &c, 1) != 1)
		abort();
	return -1;	/* pw_hash: PW_ERR, and the permit given back */
}

struct taker {
	pthread_t	 t;
	atomic_int	*busy;
	enum pw_err	 rc;
};

static void *
taker_run(void *arg)
{
	struct taker	*k = arg;
	char		 h[PW_HASH_LEN];

	k->rc = pw_hash("zq8#Lm2p-taker", h);
	if (k->rc == PW_BUSY)
		atomic_fetch_add(k->busy, 1);
	return NULL;
}

/* Reads what the held pipe has within ms milliseconds; returns the
 * number of bytes read (0 on timeout). */
static int
held_read(int ms)
{
	struct pollfd	 p = { held_pipe[0], POLLIN, 0 };
	char		 buf[16];
	ssize_t		 n;

	if (poll(&p, 1, ms) != 1 || (n = read(held_pipe[0], buf,
	    sizeof(buf))) <= 0)
		return 0;
	return (int)n;
}

/* How many permits are free: n threads each try to take one (pw_hash in
 * hold mode) and hold it; once every thread holds one or has timed out
 * (PW_BUSY), the holders are counted and released.  Exact as long as
 * fewer than n permits are free.  -1 when the threads never settle. */
static int
free_permits(int n)
{
	struct taker	 k[8];
	atomic_int	 busy = 0;
	int		 i, held = 0, waited = 0;

	if (n > 8)
		return -1;
	/* the released holders' pw_hash logs a failure: expected here */
	log_set_level(LOG_LEVEL__MAX);
	atomic_store(&hold_mode, 1);
	for (i = 0; i < n; i++) {
		k[i].busy = &busy;
		pthread_create(&k[i].t, NULL, taker_run, &k[i]);
	}
	while (held + atomic_load(&busy) < n && waited < 10000) {
		held += held_read(10);
		waited += 10;
	}
	if (held + atomic_load(&busy) != n)
		held = -1;
	for (i = 0; i < n; i++)
		if (write(release_pipe[1], "r", 1) != 1)
			abort();
	for (i = 0; i < n; i++)
		pthread_join(k[i].t, NULL);
	/* the releases the busy threads did not consume */
	for (i = atomic_load(&busy); i > 0; i--)
		if (read(release_pipe[0], k, 1) != 1)
			abort();
	atomic_store(&hold_mode, 0);
	log_set_level(LOG_WARN);
	return held;
}

/* The child: takes n permits in slot and holds them until killed. */
static void
child_hold(unsigned slot, int n)
{
	struct taker	 k[8];
	atomic_int	 busy = 0;
	int		 i;

	pw_set_slot(slot);
	atomic_store(&hold_mode, 1);
	for (i = 0; i < n && i < 8; i++) {
		k[i].busy = &busy;
		pthread_create(&k[i].t, NULL, taker_run, &k[i]);
	}
	for (;;)
		pause();
}

/* The seam itself: without the release, a taker holds its permit. */
static void
test_pw_free_permits(void)
{
	CHECK_INT(pipe(held_pipe), 0);
	CHECK_INT(pipe(release_pipe), 0);
	CHECK_INT(pw_init(LIST, 3, 200), 1);
	CHECK_INT(free_permits(4), 3);
	CHECK_INT(free_permits(4), 3);	/* all given back */
	CHECK_INT(free_permits(2), 2);
}

/* A worker killed while it holds permits loses them: no other process
 * gets one, until the master's pw_reclaim of the worker's slot gives back
 * exactly those, once. */
static void
test_pw_reclaim_after_kill(void)
{
	int	 st = 0, got = 0, waited = 0;
	pid_t	 pid;

	CHECK_INT(pw_init(LIST, 3, 200), 1);
	fflush(stdout);
	if ((pid = fork()) == 0)
		child_hold(5, 2);
	CHECK(pid > 0);
	while (got < 2 && waited < 10000) {
		got += held_read(10);
		waited += 10;
	}
	CHECK_INT(got, 2);		/* the child holds 2 of the 3 */
	CHECK_INT(kill(pid, SIGKILL), 0);
	CHECK_INT(waitpid(pid, &st, 0), pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	CHECK_INT(free_permits(3), 1);	/* the two died with the child */
	pw_reclaim(6);			/* another slot: nothing */
	pw_reclaim(0);			/* slot 0 is never reclaimed */
	CHECK_INT(free_permits(3), 1);
	pw_reclaim(5);
	CHECK_INT(free_permits(4), 3);	/* exactly those two are back */
	pw_reclaim(5);			/* nothing held: no extra permit */
	CHECK_INT(free_permits(4), 3);
	CHECK_INT(pw_init(LIST, 1, 1), 1);
}

/* A thread waiting for the permit a dead worker held gets it as soon as
 * the master gives it back, not when its wait runs out: the give-back
 * wakes waiters of every process. */
static void
test_pw_reclaim_wakes_waiter(void)
{
	struct taker	 k;
	atomic_int	 busy = 0;
	int		 st = 0;
	double		 t0;
	pid_t		 pid;

	CHECK_INT(pw_init(LIST, 1, 60000), 1);
	fflush(stdout);
	if ((pid = fork()) == 0)
		child_hold(5, 1);
	CHECK(pid > 0);
	CHECK_INT(held_read(10000), 1);	/* the child holds the only one */
	k.busy = &busy;
	k.rc = PW_ERR;
	pthread_create(&k.t, NULL, taker_run, &k);
	usleep(100 * 1000);		/* the taker waits */
	CHECK_INT(kill(pid, SIGKILL), 0);
	CHECK_INT(waitpid(pid, &st, 0), pid);
	t0 = now_ms();
	pw_reclaim(5);
	pthread_join(k.t, NULL);
	printf("  the waiter hashed %.0f ms after the give-back\n",
	    now_ms() - t0);
	CHECK_INT(k.rc, PW_OK);
	CHECK(now_ms() - t0 < 10000);
	CHECK_INT(pw_init(LIST, 1, 1), 1);
}

static void
test_pw_bound_wait(void)
{
	int	ok, busy;

	CHECK_INT(pw_init(LIST, 1, 60000), 1);
	race(&ok, &busy);
	CHECK_INT(ok, NTHREADS);
	CHECK_INT(busy, 0);
}

int
main(void)
{
	log_set_level(LOG_WARN);
	if ((A = arena_new()) == NULL || sodium_init() < 0)
		return 1;
	RUN(test_pw_init_refusals);
	RUN(test_pw_uninitialised);
	RUN(test_pw_init);
	RUN(test_pw_bad_utf8);
	RUN(test_pw_control_chars);
	RUN(test_pw_too_short);
	RUN(test_pw_too_long);
	RUN(test_pw_length_limits);
	RUN(test_pw_common);
	RUN(test_pw_like_phone);
	RUN(test_pw_like_email);
	RUN(test_pw_no_account_data);
	RUN(test_pw_normalize);
	RUN(test_pw_err_msg);
	RUN(test_pw_verify_malformed);
	RUN(test_pw_hash_refusals);
	RUN(test_pw_wrong_password);
	RUN(test_pw_hash_verify_nfd);
	RUN(test_pw_rehash_weak);
	RUN(test_pw_bound_wait);
	/* Contention needs threads that really run at once; valgrind runs
	 * one at a time, so these run in the sanitized build only. */
	if (!RUNNING_ON_VALGRIND) {
		RUN(test_pw_bound_busy);
		RUN(test_pw_bound_processes);
		RUN(test_pw_free_permits);
		RUN(test_pw_reclaim_after_kill);
		RUN(test_pw_reclaim_wakes_waiter);
	}
	arena_free(A);
	return T_END();
}
