"""The responder survives: a database restart, a killed worker; and it
stops cleanly on SIGTERM."""
import os
import signal
import subprocess
import threading
import time

from lib import BIN, ROOT, VAR, alive, case, check, children, get, main, stack_env, wait_for

STACK = os.path.join(ROOT, "conf", "stack.sh")


def master_pid():
    with open(os.path.join(VAR, "run", "portal.pid")) as f:
        return int(f.read().strip())


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return ""


def workers(pid):
    """The worker processes of master pid (not the jobs process)."""
    return [c for c in children(pid) if comm(c) == "portal-worker"]


@case
def test_healthz_follows_the_database():
    pid = master_pid()
    check(get("/healthz").status == 200)
    subprocess.run([STACK, "db-stop", VAR], check=True, capture_output=True)
    try:
        r = get("/healthz")
        check(r.status == 503, "healthz with the database down: %d" % r.status)
        check(r.header("retry-after") is not None)
        check(get("/").status == 500, "a page needing the database says 500")
    finally:
        subprocess.run([STACK, "db-start", VAR], check=True, capture_output=True)
    check(wait_for(lambda: get("/healthz").status == 200, 10), "healthz back to 200")
    check(get("/").status == 200)
    check(master_pid() == pid and alive(pid), "the responder was not restarted")
    m = get("/metrics").text
    errs = [l for l in m.splitlines() if l.startswith("portal_db_errors_total ")]
    check(errs and int(errs[0].split()[1]) > 0, "db errors counted")


@case
def test_worker_killed_under_load_is_replaced():
    pid = master_pid()
    before = workers(pid)
    check(len(before) == 2, "workers: %r" % before)
    check(any(comm(c) == "portal-jobs" for c in children(pid)), "the jobs process runs")
    stop = threading.Event()
    results = []

    def load():
        # Each answer is stamped with the time its request started: one
        # started after the kill cannot have been held by the dead worker.
        while not stop.is_set():
            t = time.monotonic()
            try:
                results.append((t, get("/").status))
            except Exception:
                results.append((t, 0))

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()

    def answered_since(t0):
        return [s for t, s in list(results) if t > t0]
    try:
        # Requests in flight when the worker dies.
        check(wait_for(lambda: len(results) >= 20, 30), "no load: %d answers" % len(results))
        victim = before[0]
        killed_at = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        replaced = wait_for(lambda: len(workers(pid)) == 2 and victim not in workers(pid), 1.0)
        took = time.monotonic() - killed_at
        # Enough answers to requests started after the kill.
        wait_for(lambda: len(answered_since(killed_at + 0.05)) >= 40, 30)
    finally:
        stop.set()
        for t in threads:
            t.join()
    check(replaced, "no new worker within 1 s (%.2f s)" % took)
    after = answered_since(killed_at + 0.05)
    bad = [s for t, s in results if s != 200]
    check(len(after) >= 40, "too few answers after the kill: %d" % len(after))
    check(all(s == 200 for s in after), "answers after the kill: %r" % [s for s in after if s != 200])
    # Only what the killed worker held in flight may fail (4 threads).
    check(len(bad) <= 4, "failed requests: %d of %d" % (len(bad), len(results)))
    check("portal_worker_restarts_total" in get("/metrics").text)


@case
def test_sigterm_stops_master_and_workers_promptly():
    """SIGTERM wakes every worker thread out of accept (libfcgi alone would
    leave them there, and the worker would give up on them after 0.9 s
    with a warning): the workers and the jobs process end on their own, before
    the master's deadline (1.5 s after SIGTERM, it SIGKILLs what still
    runs), and the master exits cleanly."""
    sock = os.path.join(VAR, "run", "second.sock")
    env = dict(os.environ, **stack_env())
    env["PORTAL_SERVER_SOCKET"] = sock
    env["PORTAL_SERVER_WORKERS"] = "3"
    log = open(os.path.join(VAR, "log", "second.log"), "w")
    p = subprocess.Popen([os.path.join(BIN, "portal.fcgi"), "-c", os.path.join(ROOT, "conf", "portal.conf")],
                         env=env, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    try:
        def up():
            return os.path.exists(sock) and len(workers(p.pid)) == 3 and \
                any(comm(c) == "portal-jobs" for c in children(p.pid))
        check(wait_for(up, 10), "second responder up")
        procs = children(p.pid)
        check(len(procs) == 4, "3 workers and the jobs process: %r" % procs)
        t0 = time.monotonic()
        p.send_signal(signal.SIGTERM)
        gone = wait_for(lambda: not any(alive(w) for w in procs), 5)
        took = time.monotonic() - t0
        check(gone, "a worker or the jobs process survived")
        check(took < 1.5, "the workers and the jobs process ended after %.2f s: killed by the master" % took)
        p.wait(timeout=10)  # its own exit, leak check (ASan) included
        check(p.returncode == 0, "exit status %d" % p.returncode)
        with open(os.path.join(VAR, "log", "second.log"), errors="replace") as f:
            busy = [l for l in f if "still busy" in l]
        check(not busy, "threads did not wake out of accept: %r" % busy)
        check(not os.path.exists(sock), "socket removed")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


if __name__ == "__main__":
    main()
