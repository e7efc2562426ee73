"""The desk with a million applications (make bench, after bench.py, on
the data of `portalctl seed --bulk`): prints the EXPLAIN of each queue
statement as the responder runs it
(PREPARE and EXECUTE with parameters, the statements' text taken from
cgi-bin/data/st_queue.h through cpp), the latency of the queue's pages
through nginx for a signed-in officer of Phường Ba Hàng (sequential
requests: p50, p99), and the time of `portalctl mark-late` over them.
Arguments: the stack's port, its state directory."""
import ast
import os
import re
import subprocess
import sys
import time

os.environ["PORTAL_PORT"], os.environ["PORTAL_VAR"] = sys.argv[1], sys.argv[2]
RUNS = int(os.environ.get("BENCH_DESK_RUNS", "200"))
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from lib import demo_login, sql_root, stack_env, user_id  # noqa: E402 (needs the environment above)

STAFF = "0912000021"      # staff of ba-hang (portalctl demos[])


def statements():
    """The statements of data/st_queue.h, by id, as the program sends them."""
    src = ("#define C(t, n)\n#define Q(id, sql, cols) @@ id sql\n#define QL(id, sql, cols) @@ id sql\n"
           "#define X(id, sql) @@ id sql\n#include \"data/st_queue.h\"\n")
    out = subprocess.run(["cpp", "-P", "-I", os.path.join(ROOT, "cgi-bin")], input=src, check=True,
                         capture_output=True, text=True).stdout
    stmts = {}
    for part in out.split("@@")[1:]:
        name, rest = part.strip().split(None, 1)
        stmts[name] = "".join(ast.literal_eval(s) for s in re.findall(r'"(?:[^"\\]|\\.)*"', rest))
    return stmts


def sqlval(v):
    return str(v) if isinstance(v, int) else "'%s'" % v


def explain(stmts, name, params, label):
    """EXPLAIN of statement name executed with params, as the responder
    would (a prepared statement: MariaDB optimises each execution with its
    values)."""
    sets = "; ".join("SET @p%d = %s" % (i, sqlval(v)) for i, v in enumerate(params))
    using = ", ".join("@p%d" % i for i in range(len(params)))
    q = "PREPARE st FROM %s; %s; EXECUTE st USING %s" % (
        sqlval("EXPLAIN " + stmts[name].replace("'", "''")).replace("\\", "\\\\"), sets, using)
    print("\nEXPLAIN %s (%s)" % (name, label))
    print(sql_root(q, table=True).rstrip())


def percentile(times, p):
    return times[min(len(times) - 1, int(len(times) * p / 100))]


def measure(client, path):
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status == 200, (path, r.status)
    times.sort()
    print("%-52s %8.1f %8.1f %8.1f" % (path[:52], percentile(times, 50), percentile(times, 99), times[-1]))


def main():
    unit = int(sql_root("SELECT id FROM units WHERE slug = 'ba-hang'")[0][0])
    staff = user_id(STAFF)
    today = sql_root("SELECT CURRENT_DATE")[0][0]
    yesterday = sql_root("SELECT CURRENT_DATE - INTERVAL 1 DAY")[0][0]
    soon = sql_root("SELECT CURRENT_DATE + INTERVAL 4 DAY")[0][0]
    proc, code = sql_root("SELECT p.id, p.code FROM procedures p JOIN procedure_versions v ON "
                       "v.procedure_id = p.id ORDER BY v.id LIMIT 1")[0]
    proc = int(proc)
    mine = sql_root("SELECT COUNT(*) FROM applications WHERE unit_id = %d AND status >= 1" % unit)[0][0]
    print("Phường Ba Hàng has %s of them" % mine)
    none = [unit, 0, 0, 0, 0, "", "", 0, 0, 0, "1900-01-01", yesterday]
    late4 = [unit, 4, 4, 0, 0, "", "", 0, 0, 1, "1900-01-01", yesterday]
    overdue = [unit, 0, 0, 0, 0, "", "", 0, 0, 1, "1900-01-01", yesterday]
    soon_f = [unit, 0, 0, 0, 0, "", "", 0, 0, 1, today, soon]
    assigned = [unit, 2, 2, 0, 0, "", "", staff, staff, 0, "1900-01-01", yesterday]
    by_proc = [unit, 0, 0, proc, proc, "", "", 0, 0, 0, "1900-01-01", yesterday]
    channel = [unit, 0, 0, 0, 0, "counter", "counter", 0, 0, 0, "1900-01-01", yesterday]
    s = statements()
    explain(s, "QUEUE_STATUS_COUNTS", [unit], "the counts by status, and the number of matches "
            "without a filter or with a status alone")
    explain(s, "QUEUE_COUNT", overdue, "overdue, any status")
    explain(s, "QUEUE_PAGE", none + [50, 0], "no filter, page 1")
    explain(s, "QUEUE_PAGE", none + [50, 4950], "no filter, page 100")
    explain(s, "QUEUE_COUNT", late4, "status 4, overdue")
    explain(s, "QUEUE_PAGE_STATUS", late4 + [50, 0], "status 4, overdue")
    explain(s, "QUEUE_PAGE_STATUS", [unit, 10, 10] + none[3:] + [50, 4950], "status 10, page 100")
    explain(s, "QUEUE_PAGE", overdue + [50, 0], "overdue, any status")
    explain(s, "QUEUE_PAGE", soon_f + [50, 0], "due within 2 working days")
    explain(s, "QUEUE_PAGE_STATUS", assigned + [50, 0], "assignee, status 2")
    explain(s, "QUEUE_PAGE", channel + [50, 0], "channel")
    explain(s, "QUEUE_PAGE", by_proc + [50, 0], "procedure")
    explain(s, "QUEUE_NODUE", none + [50, 0], "without an appointment date")
    t = int(sql_root("SELECT UNIX_TIMESTAMP(DATE_FORMAT(CURRENT_DATE, '%Y-%m-01')) - 7 * 3600")[0][0])
    explain(s, "REG_PAGE", [unit, t, t + 31 * 86400, 100, 0], "the register, a month")
    explain(s, "LATE_PICK", [today, 500], "mark-late's batch")

    c = demo_login(STAFF)
    print("\nthrough nginx, %d sequential requests each (ms):" % RUNS)
    print("%-52s %8s %8s %8s" % ("page", "p50", "p99", "max"))
    for path in ("/mot-cua/", "/mot-cua/?trang_thai=4&han=qua-han", "/mot-cua/?han=qua-han",
                 "/mot-cua/?han=sap-den-han", "/mot-cua/?can_bo=%d&trang_thai=2" % staff,
                 "/mot-cua/?kenh=counter", "/mot-cua/?thu_tuc=%s" % code, "/mot-cua/?trang=100", "/mot-cua/?trang_thai=10&trang=100",
                 "/mot-cua/so-theo-doi"):
        measure(c, path)
    env = dict(os.environ, **stack_env())
    t0 = time.time()
    p = subprocess.run([os.path.join(ROOT, "cgi-bin", "portalctl"), "-c",
                        os.path.join(ROOT, "conf", "portal.conf"), "mark-late"], env=env, cwd=ROOT,
                       capture_output=True, text=True, check=True)
    print("\nportalctl mark-late: %s in %.1f s" % (p.stdout.strip(), time.time() - t0))
    t0 = time.time()
    p = subprocess.run([os.path.join(ROOT, "cgi-bin", "portalctl"), "-c",
                        os.path.join(ROOT, "conf", "portal.conf"), "mark-late"], env=env, cwd=ROOT,
                       capture_output=True, text=True, check=True)
    print("portalctl mark-late again: %s in %.1f s" % (p.stdout.strip(), time.time() - t0))


main()
