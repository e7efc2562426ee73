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
    """The worker processes of master pid (not the mailer)."""
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
    check(any(comm(c) == "portal-mailer" for c in children(pid)), "a mailer runs")
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
    time.sleep(0.5)
    victim = before[0]
    killed_at = time.monotonic()
    os.kill(victim, signal.SIGKILL)
    replaced = wait_for(lambda: len(workers(pid)) == 2 and victim not in workers(pid), 1.0)
    took = time.monotonic() - killed_at
    time.sleep(1.0)
    stop.set()
    for t in threads:
        t.join()
    check(replaced, "no new worker within 1 s (%.2f s)" % took)
    after = [s for t, s in results if t > killed_at + 0.05]
    bad = [s for t, s in results if s != 200]
    check(len(after) > 20, "too few answers after the kill: %d" % len(after))
    check(all(s == 200 for s in after), "answers after the kill: %r" % [s for s in after if s != 200])
    # Only what the killed worker held in flight may fail (4 threads).
    check(len(bad) <= 4, "failed requests: %d of %d" % (len(bad), len(results)))
    check("portal_worker_restarts_total" in get("/metrics").text)


@case
def test_sigterm_stops_master_and_workers_within_a_second():
    sock = os.path.join(VAR, "run", "second.sock")
    env = dict(os.environ, **stack_env())
    env["PORTAL_SERVER_SOCKET"] = sock
    env["PORTAL_SERVER_WORKERS"] = "3"
    log = open(os.path.join(VAR, "log", "second.log"), "w")
    p = subprocess.Popen([os.path.join(BIN, "portal.fcgi"), "-c", os.path.join(ROOT, "conf", "portal.conf")],
                         env=env, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    try:
        check(wait_for(lambda: os.path.exists(sock) and len(workers(p.pid)) == 3, 10), "second responder up")
        procs = children(p.pid)
        check(len(procs) == 4, "3 workers and the mailer: %r" % procs)
        t0 = time.monotonic()
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=5)
        took = time.monotonic() - t0
        check(took < 1.0, "master exited after %.2f s" % took)
        check(p.returncode == 0, "exit status %d" % p.returncode)
        check(not any(alive(w) for w in procs), "a worker or the mailer survived")
        check(not os.path.exists(sock), "socket removed")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


if __name__ == "__main__":
    main()
