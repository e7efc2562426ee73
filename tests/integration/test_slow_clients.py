"""Slow clients through nginx (issue 7, finding A), bounded in sockets and
seconds and on loopback only: hundreds of connections that send their
request header a line a second (slowloris) must not take nginx down:
/healthz, asked from another address meanwhile, keeps answering 200 at
once, and nginx keeps each slow connection for client_header_timeout, then
drops it.  A request whose body comes slowly is counted by the per-address
connection limit: the ones over it get 429 at once, other addresses are not
affected, and nginx drops the slow ones after client_body_timeout.  The
same against the production files (conf/nginx/nginx.conf and
production.conf) run on loopback ports, with slow TLS handshakes.

nginx counts a connection against limit_conn only once its request header
is complete, so partial headers are bounded by worker_connections and the
header timeout, not by the per-address limit (README: Limits at the front)."""
import re
import resource
import selectors
import socket
import threading
import time

from lib import PORT, PROD_HOST, VAR, Client, ProductionNginx, case, check, main, prod_tls

SLOW_NET = "127.0.5.%d"     # the slow clients, spread over SLOW_ADDRS addresses
SLOW_ADDRS = 8
SLOW_SOCKETS = 800          # more than the 512 worker_connections nginx had
SLOW_SECONDS = 15
PROBE_ADDR = "127.0.6.1"    # asks /healthz while the slow clients hold on
BODY_ADDR = "127.0.6.2"     # slow bodies, all from one address
OTHER_ADDR = "127.0.6.3"
PROBE_EVERY = 0.25          # seconds between /healthz probes
PROBE_MAX = 2.0             # seconds a /healthz answer may take meanwhile
SLACK = 3                   # seconds nginx may take past its timeouts
LIMIT_CONN_DEFAULT = 100    # README: Limits at the front


def nginx_conf():
    with open("%s/nginx.conf" % VAR) as f:
        return f.read()


def conf_seconds(conf, name):
    m = re.search(r"^\s*%s\s+(\d+)s;" % name, conf, re.M)
    check(m, "no %s in nginx.conf" % name)
    return int(m.group(1))


def conf_limit_conn(conf):
    """The per-address limit_conn of the server (LIMIT_CONN_DEFAULT when
    nginx.conf has none: then nothing is limited, and the test says so)."""
    m = re.search(r"^\s*limit_conn\s+\S+\s+(\d+);", conf, re.M)
    return int(m.group(1)) if m else LIMIT_CONN_DEFAULT


def enough_descriptors(n):
    """Raises this process's soft limit of open files to at least n."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < n:
        check(hard == resource.RLIM_INFINITY or hard >= n, "need %d open files, hard limit %d" % (n, hard))
        resource.setrlimit(resource.RLIMIT_NOFILE, (n, hard))


def tcp(source, port, timeout=5):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.settimeout(timeout)
        s.bind((source, 0))
        s.connect(("127.0.0.1", port))
    except OSError:
        s.close()
        raise
    return s


class Prober:
    """Asks probe() every PROBE_EVERY seconds in a thread of its own until
    stopped; keeps (seconds taken, status or the exception's text)."""

    def __init__(self, probe):
        self.probe = probe
        self.results = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run)

    def run(self):
        while not self.stop.is_set():
            t = time.monotonic()
            try:
                status = self.probe()
            except Exception as e:  # noqa: BLE001 - a failed probe is a result
                status = "%s: %s" % (type(e).__name__, e)
            self.results.append((time.monotonic() - t, status))
            self.stop.wait(PROBE_EVERY)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(30)

    def check(self, what):
        check(len(self.results) >= 5, "%s: only %d probes" % (what, len(self.results)))
        bad = [r for r in self.results if r[1] != 200]
        check(not bad, "%s: %d of %d probes failed: %r" % (what, len(bad), len(self.results), bad[:5]))
        worst = max(t for t, _ in self.results)
        check(worst <= PROBE_MAX, "%s: /healthz took %.2f s" % (what, worst))
        return worst


def slowloris(connect, first, drip, n, seconds):
    """Holds n slow connections for seconds: connect(i) opens the i-th,
    which sends first at once and drip(k) once a second after that (drip
    None: nothing more); one that nginx closes is replaced, as an attacker
    would.  Every socket is closed on return.  Returns a dict: opened,
    refused (connects that failed), closed (by nginx), held (seconds nginx
    kept each socket it closed), oldest (age of the oldest socket ever
    seen open), least (fewest open at once after the first second)."""
    sel = selectors.DefaultSelector()
    st = {"opened": 0, "refused": 0, "closed": 0, "held": [], "oldest": 0.0, "least": n}
    born = {}
    start = time.monotonic()

    def open_one(i):
        try:
            s = connect(i)
            if first:
                s.sendall(first)
            s.setblocking(False)
        except OSError:
            st["refused"] += 1
            return
        st["opened"] += 1
        born[s] = time.monotonic()
        sel.register(s, selectors.EVENT_READ, i)

    def drop(s, by_nginx):
        sel.unregister(s)
        if by_nginx:
            st["closed"] += 1
            st["held"].append(time.monotonic() - born[s])
        del born[s]
        s.close()

    try:
        for i in range(n):
            open_one(i)
        k, next_drip = 0, time.monotonic() + 1
        while time.monotonic() < start + seconds:
            for key, _ in sel.select(0.2):
                # Anything readable is nginx's end: a close, a reset, an answer.
                try:
                    key.fileobj.recv(4096)
                except OSError:
                    pass
                drop(key.fileobj, True)
                open_one(key.data)
            now = time.monotonic()
            if born:
                st["oldest"] = max(st["oldest"], now - min(born.values()))
            if now - start > 1:
                st["least"] = min(st["least"], len(born))
            if drip and now >= next_drip:
                k += 1
                next_drip = now + 1
                for s in list(born):
                    try:
                        s.send(drip(k))
                    except BlockingIOError:
                        pass
                    except OSError:
                        drop(s, True)
    finally:
        for s in list(born):
            drop(s, False)
        sel.close()
    return st


def check_slowloris(st, n, timeout, what):
    """The slow clients got their sockets, nginx kept each of them for
    its timeout (closing one sooner is refusing it: no room), at most
    timeout (+SLACK) seconds, and closed them by itself."""
    check(st["refused"] == 0, "%s: %d of %d connects failed" % (what, st["refused"], n + st["closed"]))
    check(st["least"] >= n * 0.9, "%s: only %d of %d sockets held" % (what, st["least"], n))
    early = [t for t in st["held"] if t < timeout - 1]
    check(not early, "%s: nginx closed %d slow sockets early (after %.1f s), out of room"
          % (what, len(early), min(early or [0])))
    check(st["oldest"] <= timeout + SLACK,
          "%s: a slow socket was kept %.1f s (timeout %d s)" % (what, st["oldest"], timeout))
    check(st["closed"] >= n // 2, "%s: nginx closed only %d slow sockets" % (what, st["closed"]))


def healthz_from(source):
    return Client(source, timeout=PROBE_MAX + 3).get("/healthz").status


def error_log_since(offset):
    with open("%s/log/nginx-error.log" % VAR, errors="replace") as f:
        f.seek(offset)
        return f.read()


def error_log_size():
    try:
        with open("%s/log/nginx-error.log" % VAR, "rb") as f:
            return f.seek(0, 2)
    except OSError:
        return 0


@case
def test_healthz_answers_while_slow_headers_hold_sockets():
    conf = nginx_conf()
    timeout = conf_seconds(conf, "client_header_timeout")
    check(timeout <= 15, "client_header_timeout %d s is not short" % timeout)
    enough_descriptors(SLOW_SOCKETS + 256)
    mark = error_log_size()
    check(healthz_from(PROBE_ADDR) == 200, "/healthz before")

    def connect(i):
        return tcp(SLOW_NET % (1 + i % SLOW_ADDRS), PORT)
    first = b"GET /?slow HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    with Prober(lambda: healthz_from(PROBE_ADDR)) as p:
        st = slowloris(connect, first, lambda k: b"X-Slow-%d: x\r\n" % k, SLOW_SOCKETS, SLOW_SECONDS)
    worst = max([t for t, _ in p.results] or [0])
    print("INFO %d slow sockets from %d addresses for %d s: at least %d held at once, %d closed by "
          "nginx after %.1f-%.1f s, oldest %.1f s; %d /healthz probes, slowest %.3f s"
          % (SLOW_SOCKETS, SLOW_ADDRS, SLOW_SECONDS, st["least"], st["closed"],
             min(st["held"] or [0]), max(st["held"] or [0]), st["oldest"], len(p.results), worst))
    p.check("during the slow clients")
    check_slowloris(st, SLOW_SOCKETS, timeout, "slow headers")
    check(healthz_from(PROBE_ADDR) == 200, "/healthz after")
    log = error_log_since(mark)
    check("worker_connections are not enough" not in log, "nginx ran out of connections:\n" + log[-2000:])


def slow_post(sock, host):
    """Sends on sock a POST whose header is complete and whose body never
    comes; returns sock."""
    sock.sendall(b"POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 b"Content-Length: 1000\r\n\r\nx=" % host.encode())
    return sock


def answers_within(socks, wait):
    """What each socket got within wait seconds: its first bytes, b"" for
    a close or reset, None for nothing yet."""
    out = [None] * len(socks)
    sel = selectors.DefaultSelector()
    for i, s in enumerate(socks):
        sel.register(s, selectors.EVENT_READ, i)
    end = time.monotonic() + wait
    try:
        while sel.get_map() and time.monotonic() < end:
            for key, _ in sel.select(max(0.0, end - time.monotonic())):
                try:
                    out[key.data] = key.fileobj.recv(4096)
                except OSError:
                    out[key.data] = b""
                sel.unregister(key.fileobj)
    finally:
        sel.close()
    return out


def check_slow_bodies(open_post, limit, timeout, burst, pace, full, other):
    """From one address, limit + 10 slow bodies (open_post() opens one):
    burst of them at once, then pace a second (under a rate limit that
    would otherwise answer first).  The 10 over the limit get 429 at once,
    a further request from that address (full()) too, another address
    (other()) gets 200, and nginx drops the held ones after timeout (+SLACK)
    seconds.  Returns (refused, held, seconds the last was held)."""
    extra = 10
    enough_descriptors(limit + extra + 256)
    socks = []
    try:
        t0 = time.monotonic()
        for i in range(limit + extra):
            if i >= burst:
                time.sleep(max(0.0, t0 + (i - burst + 1) / pace - time.monotonic()))
            socks.append(open_post())
        opened = time.monotonic() - t0
        check(opened < timeout - 2, "opening the slow bodies took %.1f s" % opened)
        quick = answers_within(socks, 1.5)
        refused = [a for a in quick if a and a.startswith(b"HTTP/1.1 429")]
        others = [a[:60] for a in quick if a is not None and not a.startswith(b"HTTP/1.1 429")]
        check(not others, "unexpected answers: %r" % others[:5])
        check(len(refused) == extra, "%d slow bodies from one address: %d refused with 429, expected %d"
              % (limit + extra, len(refused), extra))
        held = [s for s, a in zip(socks, quick) if a is None]
        check(len(held) == limit, "%d held, limit %d" % (len(held), limit))
        # The address is at its limit; another one is not affected.
        check(full() == 429, "a further request from the full address")
        check(other() == 200, "another address")
        # nginx drops the slow bodies after client_body_timeout.
        closed = answers_within(held, max(0.0, t0 + opened + timeout + SLACK - time.monotonic()))
        took = time.monotonic() - t0
        check(all(a == b"" for a in closed), "slow bodies not dropped within %d s: %d still open"
              % (timeout + SLACK, sum(1 for a in closed if a is None)))
        return len(refused), len(held), took
    finally:
        for s in socks:
            s.close()


@case
def test_slow_bodies_limited_per_address():
    conf = nginx_conf()
    limit = conf_limit_conn(conf)
    timeout = conf_seconds(conf, "client_body_timeout")
    check(timeout <= 15, "client_body_timeout %d s is not short" % timeout)
    refused, held, took = check_slow_bodies(
        lambda: slow_post(tcp(BODY_ADDR, PORT), "127.0.0.1"), limit, timeout, limit + 10, 1,
        lambda: Client(BODY_ADDR).get("/healthz").status, lambda: healthz_from(OTHER_ADDR))
    print("INFO %d slow bodies from one address: %d refused with 429 at once, %d held until nginx "
          "dropped them (%.1f s)" % (refused + held, refused, held, took))
    check(healthz_from(BODY_ADDR) == 200, "the address may connect again")


@case
def test_concurrent_requests_from_one_address_not_refused():
    """What the tests' own clients do (the resilience test's load, the
    browser's page loads) stays well inside the per-address limit."""
    n = 40
    res = [None] * n
    barrier = threading.Barrier(n)

    def go(i):
        barrier.wait()
        try:
            res[i] = Client("127.0.0.1").get("/healthz").status
        except Exception as e:  # noqa: BLE001 - counted below
            res[i] = repr(e)
    ts = [threading.Thread(target=go, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(60)
    check(res == [200] * n, "answers: %r" % sorted(set(map(str, res))))


# ---------------------------------------------------------------- production

PROD_SLOW_SOCKETS = 2000    # more than Debian's 768 connections on each of two workers
# The header of a TLS handshake record whose 512 bytes come one a second.
# (A connection that sends nothing at all is one nginx may close at once
# when it runs out of connections; one in its handshake is not.)
SLOW_HELLO = b"\x16\x03\x01\x02\x00"


def prod_conf(ngx):
    with open(ngx.path("production.conf")) as f:
        return f.read()


def prod_error_log(ngx):
    """nginx's error logs, its own and the portal server's."""
    out = ""
    for name in ("error.log", "ward-portal.error.log"):
        try:
            with open(ngx.path("log", name), errors="replace") as f:
                out += f.read()
        except FileNotFoundError:
            pass
    return out


def tls(ngx, source):
    return prod_tls().wrap_socket(tcp(source, ngx.https_port), server_hostname=PROD_HOST)


@case
def test_production_healthz_answers_while_slow_handshakes_hold_sockets():
    """conf/nginx/nginx.conf and production.conf, run on loopback: more
    sockets than Debian's worker_connections that send their TLS handshake
    a byte a second, spread over several addresses."""
    enough_descriptors(PROD_SLOW_SOCKETS + 256)
    with ProductionNginx() as ngx:
        timeout = conf_seconds(prod_conf(ngx), "client_header_timeout")
        check(timeout <= 15, "client_header_timeout %d s is not short" % timeout)
        for w in ngx.workers():
            with open("/proc/%d/limits" % w) as f:
                nofile = int(re.search(r"^Max open files\s+(\d+)", f.read(), re.M).group(1))
            check(nofile >= 2 * 4096, "worker %d may open only %d files" % (w, nofile))

        def connect(i):
            return tcp(SLOW_NET % (1 + i % SLOW_ADDRS), ngx.https_port)
        with Prober(lambda: ngx.get("/healthz", PROBE_ADDR, timeout=PROBE_MAX + 3).status) as p:
            st = slowloris(connect, SLOW_HELLO, lambda k: b"\1", PROD_SLOW_SOCKETS, SLOW_SECONDS)
        worst = max([t for t, _ in p.results] or [0])
        print("INFO production: %d slow TLS handshakes from %d addresses for %d s: at least "
              "%d held at once, %d closed by nginx after %.1f-%.1f s, oldest %.1f s; %d /healthz probes, "
              "slowest %.3f s" % (PROD_SLOW_SOCKETS, SLOW_ADDRS, SLOW_SECONDS, st["least"], st["closed"],
                                  min(st["held"] or [0]), max(st["held"] or [0]), st["oldest"],
                                  len(p.results), worst))
        p.check("production, during the slow clients")
        check_slowloris(st, PROD_SLOW_SOCKETS, timeout, "production, slow handshakes")
        log = prod_error_log(ngx)
        check("worker_connections are not enough" not in log, "nginx ran out of connections:\n" + log[-2000:])


@case
def test_production_slow_bodies_limited_per_address():
    """The same per-address limit as the dev stack's, and in production
    too it refuses the slow bodies over it (paced under the general rate
    limit, so that the 429s are the connection limit's)."""
    with ProductionNginx() as ngx:
        conf = prod_conf(ngx)
        limit = conf_limit_conn(conf)
        check(limit == conf_limit_conn(nginx_conf()), "production's per-address limit is not the dev stack's")
        timeout = conf_seconds(conf, "client_body_timeout")
        check(timeout <= 15, "client_body_timeout %d s is not short" % timeout)
        refused, held, took = check_slow_bodies(
            lambda: slow_post(tls(ngx, BODY_ADDR), PROD_HOST), limit, timeout, 30, 18,
            lambda: ngx.get("/healthz", BODY_ADDR).status, lambda: ngx.get("/healthz", OTHER_ADDR).status)
        log = prod_error_log(ngx)
        check(log.count('limiting connections by zone "portal_conn"') >= refused, "refusals not logged")
        check("limiting requests" not in log, "the rate limit answered: " + log[-1000:])
        print("INFO production: %d slow bodies from one address: %d refused with 429, %d held until nginx "
              "dropped them (%.1f s)" % (refused + held, refused, held, took))


if __name__ == "__main__":
    main()
