/* Passwords: NFC normalisation, the policy, and Argon2id hashing bounded
 * by permits shared by every worker process.  Every copy of a password
 * made here is wiped before it is freed. */
#include <errno.h>
#include <stdatomic.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <linux/futex.h>

#include <sodium.h>
#include <unistr.h>
#include <uninorm.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/metrics.h"
#include "core/pw.h"
#include "core/text.h"

#define PW_MIN_CHARS	8
#define PW_MAX_CHARS	128
/* Bytes accepted before normalising: one NFC character decomposes to at
 * most 4 code points of at most 4 bytes, so 128 characters never need
 * more than 2048; anything longer is too long whatever its form. */
#define PW_RAW_MAX	4096
#define PW_PHONE_MAX	20	/* digits of a phone number, E.164 has 15 */
#define PW_OPS		crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PW_MEM		crypto_pwhash_MEMLIMIT_INTERACTIVE
#define PW_PERMITS_MAX	64	/* [security] hash_concurrency at most */
#define PW_FREE		0	/* the owner of a permit nobody holds */

/* The bound on concurrent hashes, shared by every process forked after
 * pw_init: permits tied to their owners (issue 15).  Each permit is one
 * word naming the process that holds it (its slot + 1) or PW_FREE.  A
 * thread takes a permit with one compare-and-swap from PW_FREE to its own
 * name and gives it back with one store of PW_FREE: at every moment a
 * permit is free or names its holder, so whatever the moment a worker
 * dies, its permits are the words that name it, and the master frees them
 * once it has reaped it (pw_reclaim).  No lock is ever held, so a dead or
 * stopped process leaves nothing half done and blocks nobody: a robust
 * mutex would need mending after its owner's death, and OFD locks an open
 * file description of their own per thread.
 *
 * Threads waiting for a permit sleep on the futex gen, which every give
 * and reclaim increments: a waiter reads gen before it looks for a free
 * permit, so a permit freed after it looked has changed gen and its sleep
 * ends at once; the kernel keeps nothing of a waiter that dies (a
 * process-shared condition variable would). */
struct pw_shared {
	atomic_uint	 owner[PW_PERMITS_MAX];
	atomic_uint	 gen;
};
_Static_assert(sizeof(atomic_uint) == sizeof(uint32_t), "a futex word");

static struct {
	char		**words;	/* sorted, unique, NFC */
	size_t		  nwords;
	size_t		  cap;
	struct pw_shared *sh;		/* in a MAP_SHARED mapping */
	unsigned	  slot;		/* this process's, see pw_set_slot */
	unsigned	  wait_ms;
	unsigned	  permits;	/* [security] hash_concurrency */
	unsigned	  threads_max;	/* of this process, in pw_take */
	atomic_uint	  threads;	/* waiting for a permit or holding one */
} pw;

static const char *const pw_msgs[PW_ERR__MAX] = {
	[PW_OK] = "Mật khẩu hợp lệ.",
	[PW_TOO_SHORT] = "Mật khẩu phải có ít nhất 8 ký tự.",
	[PW_TOO_LONG] = "Mật khẩu không được dài quá 128 ký tự.",
	[PW_BAD_UTF8] = "Mật khẩu chứa ký tự không hợp lệ.",
	[PW_COMMON] = "Mật khẩu này quá phổ biến, dễ bị đoán. "
	    "Vui lòng chọn mật khẩu khác.",
	[PW_LIKE_ACCOUNT] = "Mật khẩu không được trùng với số điện thoại "
	    "hoặc thư điện tử.",
	[PW_MISMATCH] = "Số điện thoại hoặc mật khẩu không đúng.",
	[PW_BUSY] = "Hệ thống đang bận, vui lòng thử lại sau ít giây.",
	[PW_ERR] = "Đã có lỗi xảy ra, vui lòng thử lại sau.",
};

/* Strictly valid UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF) without C0 controls, DEL or C1 controls (U+0080-U+009F). */
static int
pw_utf8_ok(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i;

	if (u8_check((const uint8_t *)s, n) != NULL)
		return 0;
	for (i = 0; i < n; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f)
			return 0;
		if (u[i] == 0xc2 && i + 1 < n && u[i + 1] < 0xa0)
			return 0;
	}
	return 1;
}

/* Wipes and frees a copy of a password (NULL is fine). */
static void
pw_wipe(char *p, size_t n)
{
	if (p == NULL)
		return;
	sodium_memzero(p, n);
	free(p);
}

/* The NFC form of n bytes at s, NUL-terminated, in malloc'd memory the
 * caller must pw_wipe(p, *len + 1); NULL when s is not acceptable UTF-8. */
static char *
pw_nfc(const char *s, size_t n, size_t *len)
{
	uint8_t	*r;
	char	*out;

	*len = 0;
	if (!pw_utf8_ok(s, n))
		return NULL;
	if (n == 0)
		return xcalloc(1, 1);
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, len);
	if (r == NULL) {
		LOGE("u8_normalize: %s", log_errno(errno));
		abort();
	}
	out = xmalloc(*len + 1);
	memcpy(out, r, *len);
	out[*len] = '\0';
	pw_wipe((char *)r, *len);
	return out;
}

/* ASCII lower-casing in place; other bytes are left alone. */
static void
pw_lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static int
pw_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
pw_list_free(void)
{
	size_t	i;

	for (i = 0; i < pw.nwords; i++)
		free(pw.words[i]);
	free(pw.words);
	pw.words = NULL;
	pw.nwords = pw.cap = 0;
}

static void
pw_list_push(char *w)
{
	if (pw.nwords == pw.cap) {
		pw.cap = pw.cap ? pw.cap * 2 : 1024;
		pw.words = xrealloc(pw.words, pw.cap * sizeof(*pw.words));
	}
	pw.words[pw.nwords++] = w;
}

/* Adds one line of the list: its NFC form as written and, when that
 * differs, lower-cased.  Returns 0 for a line that is not UTF-8 text. */
static int
pw_list_add(const char *line, size_t n)
{
	char	*w;
	size_t	 len;

	if ((w = pw_nfc(line, n, &len)) == NULL || len == 0) {
		free(w);
		return 0;
	}
	pw_list_push(w);
	w = xstrdup(w);
	pw_lower(w);
	if (strcmp(w, pw.words[pw.nwords - 1]) != 0)
		pw_list_push(w);
	else
		free(w);
	return 1;
}

/* Sorts the list for bsearch and drops duplicates. */
static void
pw_list_sort(void)
{
	size_t	i, j = 0;

	if (pw.nwords == 0)
		return;
	qsort(pw.words, pw.nwords, sizeof(*pw.words), pw_cmp);
	for (i = 1; i < pw.nwords; i++) {
		if (strcmp(pw.words[i], pw.words[j]) == 0)
			free(pw.words[i]);
		else
			pw.words[++j] = pw.words[i];
	}
	pw.nwords = j + 1;
}

/* Loads the common-password list at path, one password a line.
 * Returns 1 when at least one password was loaded. */
static int
pw_list_load(const char *path)
{
	FILE	*f;
	char	*line = NULL;
	size_t	 cap = 0, bad = 0;
	ssize_t	 len;
	int	 ok = 0;

	if ((f = fopen(path, "r")) == NULL) {
		LOGE("%s: %s", path, log_errno(errno));
		goto out;
	}
	while ((len = getline(&line, &cap, f)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len > 0 && !pw_list_add(line, (size_t)len))
			bad++;
	}
	if (ferror(f)) {
		LOGE("%s: read error", path);
		goto out;
	}
	pw_list_sort();
	if (bad > 0)
		LOGW("%s: %zu lines skipped (not UTF-8 text)", path, bad);
	if (!(ok = pw.nwords > 0))
		LOGE("%s: no passwords in the list", path);
out:
	free(line);
	if (f != NULL)
		fclose(f);
	return ok;
}

static void
pw_shared_free(void)
{
	if (pw.sh == NULL)
		return;
	munmap(pw.sh, sizeof(*pw.sh));
	pw.sh = NULL;
}

/* The permits, all free, in anonymous shared memory so that processes
 * forked afterwards all count against the same bound. */
static int
pw_shared_new(void)
{
	void	*m;

	m = mmap(NULL, sizeof(struct pw_shared), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		LOGE("mmap: %s", log_errno(errno));
		return 0;
	}
	memset(m, 0, sizeof(struct pw_shared));	/* every owner PW_FREE */
	pw.sh = m;
	return 1;
}

/* Names this process in the permits it takes: a worker's slot number, 1
 * or more; 0 is everyone else's, never reclaimed. */
void
pw_set_slot(unsigned slot)
{
	pw.slot = slot < UINT_MAX ? slot : 0;
}

/* Wakes every thread waiting for a permit, of every process: woken one
 * at a time, a waiter that was giving up would not pass its turn on. */
static void
pw_wake(void)
{
	atomic_fetch_add(&pw.sh->gen, 1);
	syscall(SYS_futex, &pw.sh->gen, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* Gives back the permits held by the process of slot, which has died.
 * For the master, after reaping a worker and before starting the next
 * one in its slot.  Wakes the waiters even when the dead held none: it
 * may have died between freeing a permit and waking them. */
void
pw_reclaim(unsigned slot)
{
	unsigned	 i, n = 0, owner;

	if (pw.sh == NULL || slot == 0 || slot == UINT_MAX)
		return;
	for (i = 0; i < pw.permits; i++) {
		owner = slot + 1;
		n += atomic_compare_exchange_strong(&pw.sh->owner[i], &owner,
		    PW_FREE);
	}
	if (n > 0)
		LOGI("%u hash permits of the dead worker %u given back", n,
		    slot);
	pw_wake();
}

/* Loads the common-password list and creates the bound on concurrent
 * hashes.  Call once in the master process before forking the workers
 * (again only while no hash runs).  Returns 1/0. */
int
pw_init(const char *common_list, unsigned concurrency, unsigned wait_ms)
{
	int	ok = 0;

	pw_list_free();
	pw_shared_free();
	if (sodium_init() < 0) {
		LOGE("sodium_init failed");
		goto out;
	}
	if (concurrency == 0 || concurrency > PW_PERMITS_MAX) {
		LOGE("concurrency must be 1..%d", PW_PERMITS_MAX);
		goto out;
	}
	if (common_list == NULL || !pw_list_load(common_list))
		goto out;
	if (!pw_shared_new())
		goto out;
	pw.wait_ms = wait_ms;
	pw.permits = concurrency;
	LOGI("%zu common passwords, %u concurrent hashes, wait %u ms",
	    pw.nwords, concurrency, wait_ms);
	ok = 1;
out:
	if (!ok)
		pw_list_free();
	return ok;
}

/* Set while this thread holds a permit taken by pw_permit_take: its
 * hashes then use that one. */
static _Thread_local int	 pw_held;
/* The index of the permit this thread holds, -1 when none. */
static _Thread_local int	 pw_cell = -1;

#ifdef PORTAL_TEST_HOOKS
/* Test builds only (make asan): the moments where a worker's death must
 * not lose a permit.  pw_hash of a password that begins with one of these
 * words stops its thread at that moment for PW_PAUSE_SECONDS, after a log
 * line naming the moment (the line has the pid), so that a test can kill
 * the worker right there (tests/integration/test_permits.py). */
#define PW_PAUSE_SECONDS	30
enum pw_pause {
	PW_PAUSE_NONE,
	PW_PAUSE_TAKE,	/* the permit taken, pw_take not returned */
	PW_PAUSE_GIVE,	/* pw_give called, the permit not yet free */
	PW_PAUSE__MAX
};
static const char *const pw_pause_words[PW_PAUSE__MAX] = {
	[PW_PAUSE_NONE] = NULL,
	[PW_PAUSE_TAKE] = "pw-test-pause-take",
	[PW_PAUSE_GIVE] = "pw-test-pause-give",
};
static _Thread_local enum pw_pause	 pw_pause_at;

/* Arms this thread's pause for a password p (NULL: disarms). */
static void
pw_pause_arm(const char *p)
{
	size_t	 i;

	pw_pause_at = PW_PAUSE_NONE;
	for (i = 1; p != NULL && i < PW_PAUSE__MAX; i++)
		if (strncmp(p, pw_pause_words[i],
		    strlen(pw_pause_words[i])) == 0)
			pw_pause_at = (enum pw_pause)i;
}

/* Stops here when this thread's pause is armed for moment at. */
static void
pw_pause(enum pw_pause at)
{
	struct timespec	 ts = { PW_PAUSE_SECONDS, 0 };

	if (pw_pause_at != at)
		return;
	pw_pause_at = PW_PAUSE_NONE;
	LOGW("test pause: %s", pw_pause_words[at]);
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}
#else
#define pw_pause_arm(p)	((void)0)
#define pw_pause(at)	((void)0)
#endif

/* Takes a free permit for this thread: its index, or -1 when none is. */
static int
pw_try(void)
{
	unsigned	 i, owner;

	for (i = 0; i < pw.permits; i++) {
		owner = PW_FREE;
		if (atomic_compare_exchange_strong(&pw.sh->owner[i], &owner,
		    pw.slot + 1))
			return (int)i;
	}
	return -1;
}

/* Sleeps while gen is still seen, until the deadline on the monotonic
 * clock.  Returns 1 to look for a permit again, 0 at the deadline, -1 on
 * error. */
static int
pw_sleep(unsigned seen, const struct timespec *deadline)
{

	if (syscall(SYS_futex, &pw.sh->gen, FUTEX_WAIT_BITSET, seen, deadline,
	    NULL, FUTEX_BITSET_MATCH_ANY) == 0 || errno == EAGAIN ||
	    errno == EINTR)
		return 1;
	if (errno == ETIMEDOUT)
		return 0;
	LOGE("futex: %s", log_errno(errno));
	return -1;
}

/* Waits at most wait_ms (on the monotonic clock, so that setting the
 * time of day changes nothing) for a permit to hash. */
static enum pw_err
pw_take(void)
{
	struct timespec	ts;
	unsigned	seen;
	int		i, rc = 1;

	if (pw_held)
		return PW_OK;
	if (pw.sh == NULL) {
		LOGE("pw_init was not called");
		return PW_ERR;
	}
	/* Threads beyond the cap do not queue: they would be missing from
	 * the pages that need no hash. */
	if (pw.threads_max > 0 &&
	    atomic_fetch_add(&pw.threads, 1) >= pw.threads_max) {
		atomic_fetch_sub(&pw.threads, 1);
		metrics_event(EV_HASH_BUSY);
		return PW_BUSY;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += pw.wait_ms / 1000;
	ts.tv_nsec += (long)(pw.wait_ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	do {
		seen = atomic_load(&pw.sh->gen);
		if ((i = pw_try()) >= 0)
			break;
	} while ((rc = pw_sleep(seen, &ts)) == 1);
	if (i >= 0) {
		pw_cell = i;
		pw_pause(PW_PAUSE_TAKE);
		return PW_OK;
	}
	if (pw.threads_max > 0)
		atomic_fetch_sub(&pw.threads, 1);
	if (rc == 0)
		metrics_event(EV_HASH_BUSY);
	return rc == 0 ? PW_BUSY : PW_ERR;
}

static void
pw_give(void)
{
	if (pw_held || pw_cell < 0)
		return;
	if (pw.threads_max > 0)
		atomic_fetch_sub(&pw.threads, 1);
	pw_pause(PW_PAUSE_GIVE);
	atomic_store(&pw.sh->owner[pw_cell], PW_FREE);
	pw_cell = -1;
	pw_wake();
}

/* How many hash permits are free now, of *total (for /metrics): every
 * one of them whenever no hash runs. */
unsigned
pw_permits_free(unsigned *total)
{
	unsigned	 i, n = 0;

	*total = pw.sh != NULL ? pw.permits : 0;
	for (i = 0; i < *total; i++)
		n += atomic_load(&pw.sh->owner[i]) == PW_FREE;
	return n;
}

/* At most n threads of this process wait for a permit or hash at once
 * (0: no cap); the others are answered PW_BUSY at once.  Call before the
 * threads start. */
void
pw_set_threads(unsigned n)
{
	pw.threads_max = n;
}

/* Takes a permit for this thread's next hashes, so that work that must
 * follow a check (reserving a sign-in attempt) starts only once the check
 * can run.  PW_OK, PW_BUSY or PW_ERR; give it back with pw_permit_give. */
enum pw_err
pw_permit_take(void)
{
	enum pw_err	 rc;

	if (pw_held)
		return PW_ERR;	/* a programming error: one at a time */
	if ((rc = pw_take()) == PW_OK)
		pw_held = 1;
	return rc;
}

void
pw_permit_give(void)
{
	if (!pw_held)
		return;
	pw_held = 0;
	pw_give();
}

/* NFC copy of a password for hashing: *out is malloc'd, to be released
 * with pw_wipe(*out, *len + 1).  PW_TOO_LONG past PW_RAW_MAX bytes. */
static enum pw_err
pw_prepare(const char *p, char **out, size_t *len)
{
	size_t	n;

	*out = NULL;
	*len = 0;
	if (p == NULL)
		return PW_ERR;
	if ((n = strnlen(p, PW_RAW_MAX + 1)) > PW_RAW_MAX)
		return PW_TOO_LONG;
	if ((*out = pw_nfc(p, n, len)) == NULL)
		return PW_BAD_UTF8;
	return PW_OK;
}

/* The NFC form of s in arena memory; NULL when s is not valid UTF-8 or
 * holds a control character. */
char *
pw_normalize(struct arena *a, const char *s)
{
	char	*nfc, *r = NULL;
	size_t	 n;

	if (s == NULL || (nfc = pw_nfc(s, strlen(s), &n)) == NULL)
		return NULL;
	r = arena_strndup(a, nfc, n);
	pw_wipe(nfc, n + 1);
	return r;
}

/* Reduces a phone number, or a password that looks like one, to its
 * national significant number: digits without +84, 84 or 0 in front.
 * Spaces, dots, hyphens and brackets are ignored.  Returns 0 when s is
 * not a phone number. */
static int
pw_phone_nsn(const char *s, char out[PW_PHONE_MAX + 1])
{
	char	 d[PW_PHONE_MAX + 1];
	size_t	 n = 0;
	int	 plus = 0, cc;
	char	*p = d;

	for (; *s != '\0'; s++) {
		if (*s == '+' && n == 0 && !plus)
			plus = 1;
		else if (*s >= '0' && *s <= '9' && n < PW_PHONE_MAX)
			d[n++] = *s;
		else if (strchr(" .-()", *s) == NULL)
			return 0;
	}
	d[n] = '\0';
	cc = n >= 2 && d[0] == '8' && d[1] == '4';
	if (plus && cc)
		p += 2;
	else if (!plus && d[0] == '0')
		p += 1;
	else if (!plus && cc && n >= 11)
		p += 2;
	memcpy(out, p, strlen(p) + 1);
	return *p != '\0';
}

/* 1 when the password is the phone number in any of its forms. */
static int
pw_like_phone(const char *low, const char *phone)
{
	char	a[PW_PHONE_MAX + 1], b[PW_PHONE_MAX + 1];
	int	r;

	if (phone == NULL || !pw_phone_nsn(phone, a))
		return 0;
	r = pw_phone_nsn(low, b) && strcmp(a, b) == 0;
	sodium_memzero(b, sizeof(b));
	return r;
}

/* 1 when the (lower-cased) password is the email or its local part. */
static int
pw_like_email(struct arena *a, const char *low, const char *email)
{
	char	*e, *at;

	if (email == NULL || *email == '\0')
		return 0;
	if ((e = pw_normalize(a, email)) == NULL)
		e = arena_strdup(a, email);
	pw_lower(e);
	if (strcmp(low, e) == 0)
		return 1;
	if ((at = strrchr(e, '@')) == NULL || at == e)
		return 0;
	*at = '\0';
	return strcmp(low, e) == 0;
}

static int
pw_in_list(const char *w)
{
	return pw.words != NULL && bsearch(&w, pw.words, pw.nwords,
	    sizeof(*pw.words), pw_cmp) != NULL;
}

/* Applies the policy to a normalised password of n bytes. */
static enum pw_err
pw_check(struct arena *a, const char *nfc, size_t n, const char *phone,
    const char *email)
{
	char		low[PW_MAX_CHARS * 4 + 1];
	size_t		chars = text_chars(nfc);
	enum pw_err	rc = PW_OK;

	if (chars < PW_MIN_CHARS)
		return PW_TOO_SHORT;
	if (chars > PW_MAX_CHARS)
		return PW_TOO_LONG;
	if (pw.words == NULL) {
		LOGE("pw_init was not called");
		return PW_ERR;
	}
	memcpy(low, nfc, n + 1);
	pw_lower(low);
	if (pw_in_list(low) || pw_in_list(nfc))
		rc = PW_COMMON;
	else if (pw_like_phone(low, phone) || pw_like_email(a, low, email))
		rc = PW_LIKE_ACCOUNT;
	sodium_memzero(low, sizeof(low));
	return rc;
}

/* Whether a new password may be used: 8-128 characters after NFC, not
 * in the common list, not the phone number (in any of its forms), the
 * email or its local part.  phone and email may be NULL or "". */
enum pw_err
pw_policy(struct arena *a, const char *p, const char *phone,
    const char *email)
{
	char		*nfc;
	size_t		 n;
	enum pw_err	 rc;

	if ((rc = pw_prepare(p, &nfc, &n)) == PW_OK)
		rc = pw_check(a, nfc, n, phone, email);
	pw_wipe(nfc, n + 1);
	return rc;
}

/* Hashes the NFC form of a password with Argon2id at libsodium's
 * interactive limits into out, waiting for a permit at most wait_ms.
 * Returns PW_OK, PW_BUSY, PW_BAD_UTF8, PW_TOO_LONG or PW_ERR. */
enum pw_err
pw_hash(const char *p, char out[PW_HASH_LEN])
{
	char		*nfc;
	size_t		 n;
	enum pw_err	 rc;

	if ((rc = pw_prepare(p, &nfc, &n)) != PW_OK)
		goto out;
	pw_pause_arm(nfc);
	if ((rc = pw_take()) != PW_OK)
		goto out;
	if (crypto_pwhash_str(out, nfc, n, PW_OPS, PW_MEM) != 0) {
		LOGE("crypto_pwhash_str failed (out of memory?)");
		rc = PW_ERR;
	}
	pw_give();
out:
	pw_pause_arm(NULL);
	pw_wipe(nfc, n + 1);
	return rc;
}

/* Checks a password against a stored hash.  PW_OK, with *rehash set when
 * the hash was made with other limits than today's; PW_MISMATCH for a
 * wrong password (or one no policy could have accepted); PW_BUSY; PW_ERR
 * for a malformed hash. */
enum pw_err
pw_verify(const char *hash, const char *p, int *rehash)
{
	char		*nfc = NULL;
	size_t		 n = 0;
	int		 stale = 0;
	enum pw_err	 rc = PW_ERR;

	if (hash == NULL || strnlen(hash, PW_HASH_LEN) == PW_HASH_LEN)
		goto out;
	if ((stale = crypto_pwhash_str_needs_rehash(hash, PW_OPS,
	    PW_MEM)) == -1)
		goto out;
	if ((rc = pw_prepare(p, &nfc, &n)) != PW_OK) {
		rc = rc == PW_ERR ? PW_ERR : PW_MISMATCH;
		goto out;
	}
	if ((rc = pw_take()) != PW_OK)
		goto out;
	rc = crypto_pwhash_str_verify(hash, nfc, n) == 0 ? PW_OK :
	    PW_MISMATCH;
	pw_give();
out:
	if (rehash != NULL)
		*rehash = rc == PW_OK && stale != 0;
	pw_wipe(nfc, n + 1);
	return rc;
}

/* A sentence for the forms, in Vietnamese; never NULL. */
const char *
pw_err_msg(enum pw_err e)
{
	if ((unsigned)e >= PW_ERR__MAX)
		e = PW_ERR;
	return pw_msgs[e];
}
