"""The desk with a million applications (tests/bench/desk): fills the
stack's database with ROWS applications over the 18 current units (INSERT
... SELECT from MariaDB's sequence engine, 50,000 a statement), then
prints the EXPLAIN of each queue statement as the responder runs it
(PREPARE and EXECUTE with parameters, the statements' text taken from
cgi-bin/data/st_queue.h through cpp), the latency of the queue's pages
through nginx for a signed-in officer of Phường Ba Hàng (sequential
requests: p50, p99), and the time of `portalctl mark-late` over them.
The database's buffer pool is raised to BENCH_DESK_POOL_MB (1024).
Arguments: the stack's port, its state directory, the number of rows."""
import ast
import os
import re
import subprocess
import sys
import time

os.environ["PORTAL_PORT"], os.environ["PORTAL_VAR"] = sys.argv[1], sys.argv[2]
ROWS = int(sys.argv[3]) if len(sys.argv) > 3 else 1000000
RUNS = int(os.environ.get("BENCH_DESK_RUNS", "200"))
CHUNK = 50000
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from lib import demo_login, stack_env, user_id  # noqa: E402 (needs the environment above)

STAFF = "0912000021"      # staff of ba-hang (portalctl demos[])
RESIDENT = "0912000041"


def admin(query, table=False):
    """Runs query as the database's administrator; rows (table=True: the
    client's table, for EXPLAIN)."""
    env = stack_env()
    args = ["mariadb", "--no-defaults", "-S", env["PORTAL_DB_SOCKET"], env["PORTAL_DB_NAME"]]
    args += ["--table"] if table else ["--batch", "--skip-column-names", "--raw"]
    out = subprocess.run(args + ["-e", "SET time_zone = '+00:00'; " + query], check=True,
                         capture_output=True, text=True).stdout
    return out if table else [line.split("\t") for line in out.splitlines()]


def seed():
    """ROWS applications: a unit each in turn; the older the submission
    (up to two years), the likelier closed; one old one in 40 still in
    processing (overdue); a third of ba-hang's assigned to its officer."""
    staff, resident = user_id(STAFF), user_id(RESIDENT)
    admin("CREATE TABLE IF NOT EXISTS bench_units (n INT PRIMARY KEY, id INT UNSIGNED, slug VARCHAR(64)); "
          "DELETE FROM bench_units; INSERT INTO bench_units SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, "
          "id, slug FROM units WHERE valid_to IS NULL; "
          "CREATE TABLE IF NOT EXISTS bench_pv (n INT PRIMARY KEY, id INT UNSIGNED); DELETE FROM bench_pv; "
          "INSERT INTO bench_pv SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM procedure_versions")
    units = int(admin("SELECT COUNT(*) FROM bench_units")[0][0])
    pvs = int(admin("SELECT COUNT(*) FROM bench_pv")[0][0])
    t0 = time.time()
    for c in range((ROWS + CHUNK - 1) // CHUNK):
        n = min(CHUNK, ROWS - c * CHUNK)
        age = "((s.seq * 13 + %d) %% 730)" % c
        admin("SET foreign_key_checks = 0, unique_checks = 0; "
              "INSERT INTO applications (code, procedure_version, unit_id, applicant_id, channel, status, "
              "submitted_at, received_at, due_at, assignee_id) "
              "SELECT CONCAT('B', LPAD(%(c)d, 3, '0'), '-', LPAD(s.seq, 6, '0')), pv.id, u.id, %(res)d, "
              "ELT(1 + s.seq DIV 18 %% 3, 'online', 'counter', 'post'), "
              "@st := CASE WHEN %(age)s < 20 THEN ELT(1 + s.seq DIV 18 %% 6, 1, 2, 4, 4, 5, 6) "
              "WHEN s.seq DIV 18 %% 40 = 0 THEN 4 WHEN s.seq DIV 18 %% 40 < 30 THEN 10 "
              "WHEN s.seq DIV 18 %% 40 < 35 THEN 9 WHEN s.seq DIV 18 %% 40 < 37 THEN 3 "
              "WHEN s.seq DIV 18 %% 40 < 39 THEN 7 ELSE 8 END, "
              "UTC_TIMESTAMP() - INTERVAL %(age)s DAY, "
              "IF(@st = 1, NULL, UTC_TIMESTAMP() - INTERVAL %(age)s DAY + INTERVAL 1 HOUR), "
              "CURRENT_DATE - INTERVAL %(age)s DAY + INTERVAL 10 DAY, "
              "IF(u.slug = 'ba-hang' AND s.seq DIV 18 %% 3 = 0, %(staff)d, NULL) "
              "FROM seq_1_to_%(n)d s JOIN bench_units u ON u.n = s.seq %% %(units)d "
              "JOIN bench_pv pv ON pv.n = (s.seq * 31 + %(c)d) %% %(pvs)d"
              % {"c": c, "res": resident, "age": age, "staff": staff, "n": n, "units": units, "pvs": pvs})
    admin("ANALYZE TABLE applications")
    total = admin("SELECT COUNT(*) FROM applications")[0][0]
    print("seeded %d applications in %.0f s (table: %s rows)" % (ROWS, time.time() - t0, total))


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
    print(admin(q, table=True).rstrip())


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
    # The dev stack's 64 MiB buffer pool holds a tenth of these indexes:
    # the numbers would be the disk's.  1 GiB holds them, as a server's
    # pool would (innodb_buffer_pool_size is dynamic).
    admin("SET GLOBAL innodb_buffer_pool_size = %d" % (int(os.environ.get("BENCH_DESK_POOL_MB", "1024")) << 20))
    if ROWS > 0:
        seed()
    unit = int(admin("SELECT id FROM units WHERE slug = 'ba-hang'")[0][0])
    staff = user_id(STAFF)
    today = admin("SELECT CURRENT_DATE")[0][0]
    yesterday = admin("SELECT CURRENT_DATE - INTERVAL 1 DAY")[0][0]
    soon = admin("SELECT CURRENT_DATE + INTERVAL 4 DAY")[0][0]
    proc, code = admin("SELECT p.id, p.code FROM procedures p JOIN procedure_versions v ON "
                       "v.procedure_id = p.id ORDER BY v.id LIMIT 1")[0]
    proc = int(proc)
    mine = admin("SELECT COUNT(*) FROM applications WHERE unit_id = %d AND status >= 1" % unit)[0][0]
    print("Phường Ba Hàng has %s of them" % mine)
    none = [unit, 0, 0, 0, 0, "", "", 0, 0, 0, "1900-01-01", yesterday]
    late4 = [unit, 4, 4, 0, 0, "", "", 0, 0, 1, "1900-01-01", yesterday]
    overdue = [unit, 0, 0, 0, 0, "", "", 0, 0, 1, "1900-01-01", yesterday]
    soon_f = [unit, 0, 0, 0, 0, "", "", 0, 0, 1, today, soon]
    assigned = [unit, 2, 2, 0, 0, "", "", staff, staff, 0, "1900-01-01", yesterday]
    by_proc = [unit, 0, 0, proc, proc, "", "", 0, 0, 0, "1900-01-01", yesterday]
    channel = [unit, 0, 0, 0, 0, "counter", "counter", 0, 0, 0, "1900-01-01", yesterday]
    s = statements()
    explain(s, "QUEUE_STATUS_COUNTS", [unit], "the counts by status")
    explain(s, "QUEUE_COUNT", none, "no filter")
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
    t = int(admin("SELECT UNIX_TIMESTAMP(DATE_FORMAT(CURRENT_DATE, '%Y-%m-01')) - 7 * 3600")[0][0])
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
