"""Argon2id permits and workers that die (issue 15): a worker killed
(SIGKILL) at the moments where a permit is taken but not yet its own, or
no longer its own but not yet free, loses no permit: after each death
/metrics shows every permit free again, and as many sign-ins as there are
permits, at once, are all answered (none 503, though each waits at most
100 ms for a permit).

The moments are test-only pause points of the sanitized build (core/pw.c,
PORTAL_TEST_HOOKS): a registration whose password begins with the point's
word stops its thread there and logs the point with its pid.  The
responder is one of this file's own (the sanitized build, over FastCGI,
as test_valgrind.py runs one), with 3 permits where the stack has 1."""
import os
import re
import signal
import subprocess
import threading

from lib import (BIN, ROOT, VAR, Client, case, check, children, main, random_password,
                 register, stack_env, wait_for)

ADDR = "127.0.4.80"
SOCK = os.path.join(VAR, "run", "permits.sock")
LOG = os.path.join(VAR, "log", "permits-portal.log")
PERMITS = 3
WORKERS = 2
TAKE, GIVE = "pw-test-pause-take", "pw-test-pause-give"
KILLS = 3  # per moment: a permit lost at the first would already show
PAUSED = re.compile(r'pid=(\d+) at=pw_pause msg="test pause: (pw-test-pause-\w+)"')


class Responder:
    """portal.fcgi of the sanitized build on SOCK, PERMITS permits shared
    by WORKERS workers whose threads may all wait for one 100 ms."""

    def __enter__(self):
        env = dict(os.environ, **stack_env())
        env.update(PORTAL_SERVER_SOCKET=SOCK, PORTAL_SERVER_WORKERS=str(WORKERS),
                   PORTAL_SERVER_THREADS="4", PORTAL_SECURITY_HASH_THREADS="4",
                   PORTAL_SECURITY_HASH_CONCURRENCY=str(PERMITS),
                   PORTAL_SECURITY_HASH_WAIT_MS="100",
                   PORTAL_SECURITY_REGISTER_ADDR_LIMIT="1000")
        self.p = subprocess.Popen(
            [os.path.join(BIN, "portal.fcgi"), "-c", os.path.join(ROOT, "conf", "portal.conf")],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=open(LOG, "w"))
        ok = wait_for(lambda: os.path.exists(SOCK) and len(self.workers()) == WORKERS + 1,
                      60, step=0.2)
        if not ok:
            self.__exit__()
        check(ok, "responder did not start")
        return self

    def __exit__(self, *exc):
        self.p.send_signal(signal.SIGTERM)
        try:
            self.p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()

    def workers(self):
        """The workers and the jobs process."""
        return children(self.p.pid)

    def client(self):
        return Client(ADDR, fcgi=SOCK)

    def permits(self):
        """(permits, free permits) as /metrics has them."""
        text = self.client().get("/metrics").text
        total = re.search(r"^portal_hash_permits (\d+)$", text, re.M)
        free = re.search(r"^portal_hash_permits_free (\d+)$", text, re.M)
        check(total and free, "no permit gauges in /metrics")
        return int(total.group(1)), int(free.group(1))


def paused_since(offset, word):
    """The pid of the worker that logged a pause at word after offset."""
    with open(LOG, "rb") as f:
        f.seek(offset)
        for line in f.read().decode("utf-8", "replace").splitlines():
            m = PAUSED.search(line)
            if m and m.group(2) == word:
                return int(m.group(1))
    return None


def kill_paused(r, word):
    """Registers with a password that stops the hashing worker at word,
    kills that worker there, waits for the master to have replaced it."""
    before = r.workers()
    offset = os.path.getsize(LOG)
    answer = []
    t = threading.Thread(target=lambda: answer.append(register(
        r.client(), password=word + random_password(), expect=None).response.status))
    t.start()
    pid = []
    try:
        check(wait_for(lambda: pid.append(paused_since(offset, word)) or pid[-1], 20),
              "no worker paused at %s" % word)
        check(pid[-1] in before, "pid %d is not a worker" % pid[-1])
        os.kill(pid[-1], signal.SIGKILL)
    finally:
        t.join(60)
    # The connection closed without an answer: no account registered.
    check(answer and answer[0] != 303, "the request of the killed worker: %r" % answer)
    check(wait_for(lambda: pid[-1] not in r.workers() and len(r.workers()) == len(before), 20),
          "the worker was not replaced")


def signins_at_once(r, a, n):
    """n sign-ins of account a at once, each from its own client: their
    statuses."""
    statuses = [None] * n

    def one(i):
        statuses[i] = r.client().login(a.phone, a.password).status
    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return statuses


def deaths_lose_no_permit(word):
    with Responder() as r:
        a = register(r.client())
        check(r.permits() == (PERMITS, PERMITS), "before: %r" % (r.permits(),))
        for i in range(KILLS):
            kill_paused(r, word)
            # The master gives the dead worker's permits back when it
            # reaps it.
            wait_for(lambda: r.permits()[1] == PERMITS, 5)
            total, free = r.permits()
            print("  killed at %s (%d): %d of %d permits free" % (word, i + 1, free, total))
            check(free == PERMITS, "%d of %d permits free after death %d" % (free, total, i + 1))
        statuses = signins_at_once(r, a, PERMITS)
        print("  then %d sign-ins at once: %r" % (PERMITS, statuses))
        check(all(s == 303 for s in statuses), "sign-ins: %r" % statuses)


@case
def test_death_after_taking_loses_no_permit():
    """Killed with the permit taken, before the taking returned."""
    deaths_lose_no_permit(TAKE)


@case
def test_death_while_giving_loses_no_permit():
    """Killed while giving the permit back, before it was free."""
    deaths_lose_no_permit(GIVE)


if __name__ == "__main__":
    main()
