"""make bench: every scenario of the portal through nginx with wrk on
loopback, bounded in time, on a stack whose database `portalctl seed-bulk`
filled (tests/bench/run starts it).  Each public page is also served, in
the same run, as a file of the very same bytes by the same nginx
(/_bench/, VAR/bench-static/): its throughput is the machine's limit for
that page, and the page's figure is reported as a ratio to it.

Prints a table and writes it as JSON (var/bench/latest.json), with the
targets of the benchmark and whether each is met.
Arguments: the stack's port, its state directory."""
import json
import os
import platform
import re
import secrets
import subprocess
import sys
import threading
import time
from urllib.parse import quote_plus

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
os.environ["PORTAL_PORT"], os.environ["PORTAL_VAR"] = sys.argv[1], sys.argv[2]
os.environ.setdefault("PORTAL_BIN", os.path.join(ROOT, "cgi-bin"))
os.environ.setdefault("PORTAL_ROOT", ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from lib import (DEMO_RESIDENT, Client, demo_login, encode_multipart,  # noqa: E402
                 eform_values, ensure_procedure, sql, sql_value, stack_env)

PORT, VAR = sys.argv[1], sys.argv[2]
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
THREADS = 2
BASE = "http://127.0.0.1:%s" % PORT
STATIC = os.path.join(VAR, "bench-static")
REPORT = os.path.join(HERE, "report.lua")
STAFF = "0912000021"      # staff of ba-hang (portalctl demos[])
RESULTS = []


def wrk(path, seconds=SECONDS, conns=CONNS, headers=(), post=None):
    """One wrk run against path; its BENCH line as a dict (latencies in
    ms), with requests per second.  post: (body file, content type[,
    file of account names]); its answers are counted by status (statuses:
    ok (2xx and 3xx), 4xx, 5xx, by_status) and ok_rps is the answers 2xx
    and 3xx per second."""
    args = ["wrk", "-t%d" % THREADS, "-c%d" % conns, "-d%ds" % seconds, "--timeout", "10s",
            "-s", REPORT]
    for h in headers:
        args += ["-H", h]
    args.append(BASE + path)
    if post:
        args += ["--"] + list(post)
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    m = re.search(r"^BENCH (\{.*\})$", out, re.M)
    if not m:
        raise RuntimeError("wrk %s: no report:\n%s" % (path, out))
    r = json.loads(m.group(1))
    secs = r["duration_us"] / 1e6
    res = {"rps": r["requests"] / secs if secs else 0.0, "requests": r["requests"],
           "errors": r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]}
    for p in ("p50", "p95", "p99", "max"):
        res[p] = r[p] / 1000.0
    if post:
        res["statuses"] = r["statuses"]
        res["ok_rps"] = r["statuses"]["ok"] / secs if secs else 0.0
    return res


def static_copy(name, path, headers=()):
    """Saves the bytes the page path answers (anonymous) as the file
    /_bench/<name>.html (name made a file name); returns that path."""
    name = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    c = Client()
    r = c.get(path, headers=dict(h.split(": ", 1) for h in headers))
    assert r.status == 200, (path, r.status)
    os.makedirs(STATIC, exist_ok=True)
    with open(os.path.join(STATIC, name + ".html"), "wb") as f:
        f.write(r.body)
    return "/_bench/%s.html" % name, len(r.body)


def record(name, res, target=None, static=None, note=""):
    """Adds a row; target: (metric, op, value) e.g. ("p95", "<", 30)."""
    row = dict(res, scenario=name, note=note)
    if static:
        row["static_rps"] = static["rps"]
        row["ratio"] = res["rps"] / static["rps"] if static["rps"] else 0.0
    if target:
        metric, op, value = target
        got = row.get(metric)
        row["target"] = "%s %s %s" % (metric, op, value)
        row["met"] = got is not None and (got < value if op == "<" else got >= value) \
            and row["errors"] == 0 and row["requests"] > 0
    RESULTS.append(row)
    print_row(row)


def print_row(r):
    ratio = "%.2f" % r["ratio"] if "ratio" in r else "-"
    met = "" if "met" not in r else ("ok" if r["met"] else "MISSED")
    print("%-34s %9.0f %7.1f %7.1f %7.1f %6d %6s  %-14s %s" % (
        r["scenario"][:34], r["rps"], r["p50"], r["p95"], r["p99"], r["errors"], ratio,
        r.get("target", ""), met), flush=True)
    if "statuses" in r:
        print("%-34s answers: %s" % ("", r["note"]), flush=True)


def public(name, path, target_ratio=0.5):
    """A public page and its static copy, one after the other."""
    spath, size = static_copy(name, path)
    st = wrk(spath)
    res = wrk(path)
    record(name, res, ("ratio", ">=", target_ratio), static=st, note="%d bytes" % size)
    return res


def discover():
    """The pages of the data set: an article, a procedure, an application
    to track with its check digits, the resident and the officer."""
    d = {}
    row = sql("SELECT a.id, a.slug FROM articles a JOIN units u ON u.id = a.unit_id "
              "WHERE u.slug = 'ba-hang' AND a.status = 'published' "
              "AND a.published_at <= UTC_TIMESTAMP() ORDER BY a.published_at DESC LIMIT 1")[0]
    d["article"] = "/don-vi/ba-hang/tin-tuc/%s-%s" % (row[0], row[1])
    ensure_procedure("1.001193")
    d["procedure"] = "/thu-tuc/1.001193"
    row = sql("SELECT a.code, RIGHT(u.phone, 4) FROM applications a JOIN users u "
              "ON u.id = a.applicant_id WHERE a.code IS NOT NULL AND u.phone IS NOT NULL "
              "ORDER BY a.id DESC LIMIT 1")
    d["track"] = "/tra-cuu?ma=%s&xac-minh=%s" % tuple(row[0]) if row else None
    return d


# Searches no scenario asks (the words of the seed's articles, with and
# without diacritics): what a reader waits for a query the portal has not
# kept (README: Search, kept results).
FIRST_QUERIES = ("khai sinh cho trẻ", "kết hôn", "đất đai", "dat dai", "hộ tịch", "tiem chung",
                 "an toàn giao thông", "phòng cháy", "chứng thực", "giay phep xay dung",
                 "bảo hiểm y tế", "hoc sinh", "ngày hội", "mua bão", "người cao tuổi",
                 "nông thôn mới", "cai cach hanh chinh", "dân số", "môi trường", "việc làm")


def first_searches():
    """Each of FIRST_QUERIES once, sequentially, with its latency."""
    c = Client()
    ms = []
    for q in FIRST_QUERIES:
        t = time.monotonic()
        r = c.get("/tim-kiem?q=" + quote_plus(q))
        ms.append((time.monotonic() - t) * 1000.0)
        assert r.status == 200, (q, r.status)
    ms.sort()
    res = {"rps": len(ms) / (sum(ms) / 1000.0), "requests": len(ms), "errors": 0, "max": ms[-1]}
    for name, p in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99)):
        res[name] = ms[min(len(ms) - 1, int(len(ms) * p))]
    return res


def cookie(client):
    return "Cookie: " + "; ".join("%s=%s" % kv for kv in client.cookies.items())


def apply_body(proc_path):
    """A submission of the procedure with a 1 MB PDF (the one paper it
    requires), as the resident's browser sends it; the one-time key is
    KEY...KEY for report.lua to replace in every request.  Returns (file,
    content type, cookie)."""
    res = demo_login(DEMO_RESIDENT)
    code = proc_path.rsplit("/", 1)[1]
    eform = json.loads(sql_value(
        "SELECT JSON_COMPACT(v.eform) FROM procedures p JOIN procedure_versions v ON v.id = p.current_version "
        "WHERE p.code = '%s'" % code))
    unit = sql("SELECT id, code FROM units WHERE slug = 'ba-hang'")[0]
    pdf = b"%PDF-1.4\n" + secrets.token_bytes(1 << 20) + b"\n%%EOF\n"
    pairs = [("csrf", res.token()), ("hanh_dong", "nop"), ("khoa_nop", "K" * 64),
             ("don_vi", unit[0])] + sorted(eform_values(eform, unit[1]).items())
    # The required papers (the birth certificate of 1.001193), one file
    # each; the optional ones left out, as most applicants do.
    for i, d in enumerate(eform.get("documents") or [{"required": True}]):
        if d.get("required"):
            pairs.append(("tep_%d" % (i + 1), ("giay-to.pdf", pdf, "application/pdf")))
    ctype, body = encode_multipart(pairs)
    path = os.path.join(VAR, "bench-apply.body")
    with open(path, "wb") as f:
        f.write(body)
    return path, ctype, cookie(res), "%s/nop" % proc_path


SIGNIN_ACCOUNTS = 5000


def signin_body():
    """A sign-in form with an anonymous form cookie, for the residents of
    the bulk seed (portalctl seed --bulk: 097NNNNNNN, password
    "Cu-dan-thu-nghiem-" and the seed number), one after the other
    (report.lua puts the next name for ACCOUNT): each sign-in is a real
    Argon2id check of a right password, and no account's own bounds (one
    check at a time, lock after failures) shape the flood.  One is signed
    in first, to be sure that the password is right.  Returns (body file,
    content type, accounts file, cookie)."""
    password = "Cu-dan-thu-nghiem-%s" % os.environ.get("BENCH_SEED", "1")
    phones = [r[0] for r in sql("SELECT phone FROM users WHERE phone LIKE '097%%' "
                                "AND status = 'active' ORDER BY id LIMIT %d" % SIGNIN_ACCOUNTS)]
    assert phones, "no bulk residents (portalctl seed --bulk)"
    r = Client().login(phones[-1], password)
    assert r.status == 303, ("bulk resident sign-in", r.status)
    c = Client()
    tok = c.token()
    path = os.path.join(VAR, "bench-signin.body")
    with open(path, "w") as f:
        f.write("csrf=%s&tai_khoan=ACCOUNT&mat_khau=%s" % (tok, password))
    accounts = os.path.join(VAR, "bench-signin.accounts")
    with open(accounts, "w") as f:
        f.write("\n".join(phones) + "\n")
    return path, "application/x-www-form-urlencoded", accounts, cookie(c)


def statuses_note(res):
    """What the answers of a POST run were: 2xx/3xx, 4xx and 5xx, and the
    statuses, e.g. "ok 712 (89/s); 4xx 0; 5xx 3 [303: 712, 503: 3]"."""
    st = res["statuses"]
    by = ", ".join("%s: %d" % kv for kv in sorted(st["by_status"].items()))
    return "ok %d (%.0f/s); 4xx %d; 5xx %d [%s]" % (st["ok"], res["ok_rps"], st["4xx"],
                                                   st["5xx"], by)


def rss(pid, field="VmRSS"):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def responder_pids():
    with open(os.path.join(VAR, "run", "portal.pid")) as f:
        master = int(f.read())
    kids = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    return master, [int(k) for k in kids]


def memory(label):
    """The responder's and MariaDB's memory (MiB) once the requests wrk
    left behind are done: the largest worker's resident size and peak, and
    the server's."""
    time.sleep(3)
    master, kids = responder_pids()
    with open(os.path.join(VAR, "run", "mysqld.pid")) as f:
        db = int(f.read())
    m = {"label": label, "worker_rss_max": max([rss(k) for k in kids] or [0]),
         "worker_peak_max": max([rss(k, "VmHWM") for k in kids] or [0]),
         "master_rss": rss(master), "mariadb_rss": rss(db), "mariadb_peak": rss(db, "VmHWM")}
    print("memory (%s): largest worker %d MiB (peak %d), master %d MiB, MariaDB %d MiB (peak %d)"
          % (label, m["worker_rss_max"], m["worker_peak_max"], m["master_rss"], m["mariadb_rss"],
             m["mariadb_peak"]), flush=True)
    return m


def flood(post, seconds, stop):
    """Sign-ins for seconds (a thread's work, during a public run)."""
    body, ctype, accounts, ck = post
    try:
        stop["res"] = wrk("/dang-nhap", seconds=seconds, conns=16, headers=[ck],
                          post=(body, ctype, accounts))
    except Exception as e:  # reported by the caller
        stop["err"] = e


def markdown(out):
    """The run as the README shows it: the machine, then a table."""
    m = out["machine"]
    lines = ["%s, %d cores, Linux %s; wrk -t%d -c%d, %d s a run; %s; data: %s articles, "
             "%s applications, %s users." % (
                 out["when"], m["cores"], m["kernel"], THREADS, out["connections"], out["seconds"],
                 m.get("cpu", "?"), *("{:,}".format(out["data"][k]) for k in ("articles", "applications", "users"))),
             "", "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | × static | target | |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in out["scenarios"]:
        lines.append("| %s | %.0f | %.1f | %.1f | %.1f | %d | %s | %s | %s |" % (
            r["scenario"], r["rps"], r["p50"], r["p95"], r["p99"], r["errors"],
            "%.2f" % r["ratio"] if "ratio" in r else "", r.get("target", ""),
            "" if "met" not in r else ("met" if r["met"] else "**missed**")))
    lines.append("")
    for mem in out["memory"]:
        lines.append("Memory %(label)s: largest worker %(worker_rss_max)d MiB (peak %(worker_peak_max)d), "
                     "MariaDB %(mariadb_rss)d MiB." % mem)
    return "\n".join(lines) + "\n"


def cpu():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "?"


def main():
    print("make bench: wrk -t%d -c%d, %d s a run, on %s (%d cores)" % (
        THREADS, CONNS, SECONDS, platform.node(), os.cpu_count()), flush=True)
    counts = {t: int(sql_value("SELECT COUNT(*) FROM %s" % t)) for t in ("articles", "applications", "users")}
    print("data: %(articles)d articles, %(applications)d applications, %(users)d users" % counts)
    print("%-34s %9s %7s %7s %7s %6s %6s  %s" % ("scenario", "req/s", "p50", "p95", "p99", "errors",
                                                "static", "target"))
    d = discover()
    mem = []
    public("city home /", "/")
    public("unit home /don-vi/ba-hang/", "/don-vi/ba-hang/")
    public("article", d["article"])
    public("procedure " + d["procedure"], d["procedure"])
    for q in ("dac son", "Đắc Sơn", "ĐẮC SƠN", "ve sinh moi truong", "chuyển đổi số", "khai sinh"):
        record("search " + q, wrk("/tim-kiem?q=" + quote_plus(q)), ("p95", "<", 30))
    record("search, each query asked once", first_searches(), ("p95", "<", 30),
           note="%d queries, one at a time, never asked before: no kept result" % len(FIRST_QUERIES))
    if d["track"]:
        record("tracking", wrk(d["track"]), ("p95", "<", 10))
    res = demo_login(DEMO_RESIDENT)
    record("resident /ho-so", wrk("/ho-so", headers=[cookie(res)]), ("p95", "<", 25))
    staff = demo_login(STAFF)
    for q in ("/mot-cua/", "/mot-cua/?han=qua-han", "/mot-cua/?trang_thai=4&han=sap-den-han"):
        record("desk " + q, wrk(q, headers=[cookie(staff)]), ("p95", "<", 25))
    Client().get("/thong-ke")   # the first asking computes, the run reads the cache
    record("statistics /thong-ke (cached)", wrk("/thong-ke"))
    mem.append(memory("after reading"))
    body, ctype, ck, path = apply_body(d["procedure"])
    res = wrk(path, conns=8, headers=[ck], post=(body, ctype))
    record("submit, 1 MB attachment", res, ("p95", "<", 150), note=statuses_note(res))
    # The floor of that figure: the same requests, made by the same wrk
    # script, to nginx alone (a file that is not there: nginx reads the
    # body and answers 404).  wrk makes each body afresh (its one-time
    # key), several megabytes of LuaJIT string a request.
    res = wrk("/_bench/submit-floor", conns=8, headers=[ck], post=(body, ctype))
    record("submit: same bytes to nginx alone", res, note=statuses_note(res))
    sign = signin_body()
    res = wrk("/dang-nhap", conns=4, headers=[sign[3]], post=sign[:3])
    record("sign-in (Argon2id)", res, note=statuses_note(res))
    mem.append(memory("after sign-ins"))
    quiet = wrk(d["article"])
    stop = {}
    t = threading.Thread(target=flood, args=(sign, SECONDS + 2, stop))
    t.start()
    time.sleep(1)
    loud = wrk(d["article"])
    t.join()
    record("article, quiet (again)", quiet)
    record("article during sign-in flood", loud, ("p99", "<", 2 * quiet["p99"]),
           note="flood: %s" % (statuses_note(stop["res"]) if "res" in stop else stop.get("err")))
    if "res" in stop:
        record("sign-in flood (the answers)", stop["res"], note=statuses_note(stop["res"]))
    mem.append(memory("after the flood"))
    out = {"machine": {"node": platform.node(), "cores": os.cpu_count(), "kernel": platform.release(),
                       "cpu": cpu()},
           "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "seconds": SECONDS,
           "connections": CONNS, "data": counts, "scenarios": RESULTS, "memory": mem}
    os.makedirs(os.path.join(ROOT, "var", "bench"), exist_ok=True)
    with open(os.path.join(ROOT, "var", "bench", "latest.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
    with open(os.path.join(ROOT, "var", "bench", "latest.md"), "w") as f:
        f.write(markdown(out))
    missed = [r["scenario"] for r in RESULTS if r.get("met") is False]
    print("targets missed: %s" % (", ".join(missed) if missed else "none"))
    print("written: var/bench/latest.json, latest.md (the README's table); env: %s" % stack_env().get("PORTAL_VAR", VAR))


main()
