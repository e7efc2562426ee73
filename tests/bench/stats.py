"""The statistics over a million applications (make bench): fills the
stack's database with ROWS applications over the current units and the
last two years (INSERT ... SELECT from MariaDB's sequence engine, 50,000 a
statement: channels, statuses, appointments, decisions on time or late,
ratings, a supplement request for one in ten), prints the EXPLAIN of the
statistics' main statement, then the latency through nginx of /thong-ke
and /api/v1/stats (sequential requests: p50, p95, max in ms), cold (every
request a range never asked before: the worker's cache misses) and warm
(the same range again: the minute's cache).  Arguments: the stack's port,
its state directory, the number of rows (0: use what is there)."""
import os
import sys
import time

os.environ["PORTAL_PORT"], os.environ["PORTAL_VAR"] = sys.argv[1], sys.argv[2]
ROWS = int(sys.argv[3]) if len(sys.argv) > 3 else 1000000
RUNS = int(os.environ.get("BENCH_STATS_RUNS", "40"))
CHUNK = 50000
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from lib import get, sql_root, user_id  # noqa: E402 (needs the environment above)


def seed():
    resident = user_id("0912000041")
    sql_root("CREATE TABLE IF NOT EXISTS bench_units (n INT PRIMARY KEY, id INT UNSIGNED, code CHAR(5)); "
          "DELETE FROM bench_units; INSERT INTO bench_units SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, "
          "id, code FROM units WHERE valid_to IS NULL; "
          "CREATE TABLE IF NOT EXISTS bench_pv (n INT PRIMARY KEY, id INT UNSIGNED); DELETE FROM bench_pv; "
          "INSERT INTO bench_pv SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM procedure_versions")
    units = int(sql_root("SELECT COUNT(*) FROM bench_units")[0][0])
    pvs = int(sql_root("SELECT COUNT(*) FROM bench_pv")[0][0])
    t0 = time.time()
    for c in range((ROWS + CHUNK - 1) // CHUNK):
        n = min(CHUNK, ROWS - c * CHUNK)
        sql_root("SET foreign_key_checks = 0, unique_checks = 0; "
              "INSERT INTO applications (code, procedure_version, unit_id, applicant_id, channel, status, "
              "submitted_at, received_at, due_at, decided_at, rating, idem_key) "
              "SELECT CONCAT('S', LPAD(%(c)d, 3, '0'), '-', LPAD(x.seq, 6, '0')), x.pv, x.unit, %(res)d, "
              "x.channel, x.st, x.recv, x.recv, DATE(x.recv) + INTERVAL 10 DAY, "
              "IF(x.st IN (8, 9, 10), x.recv + INTERVAL (x.seq %% 13) DAY, NULL), "
              "IF(x.st = 10 AND x.seq %% 3 = 0, 1 + x.seq %% 5, NULL), "
              "CONCAT('bench-stats-%(c)d-', x.seq) FROM (SELECT s.seq, pv.id AS pv, u.id AS unit, "
              "ELT(1 + s.seq DIV 18 %% 3, 'online', 'counter', 'post') AS channel, "
              "UTC_TIMESTAMP() - INTERVAL ((s.seq * 13 + %(c)d) %% 730) DAY AS recv, "
              "IF((s.seq * 13 + %(c)d) %% 730 < 10, ELT(1 + s.seq %% 3, 2, 4, 6), "
              "ELT(1 + s.seq DIV 18 %% 20, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 9, 9, "
              "8, 7, 4, 10)) AS st "
              "FROM seq_1_to_%(n)d s JOIN bench_units u ON u.n = s.seq %% %(units)d "
              "JOIN bench_pv pv ON pv.n = (s.seq * 31 + %(c)d) %% %(pvs)d) x"
              % {"c": c, "res": resident, "n": n, "units": units, "pvs": pvs})
    sql_root("INSERT INTO application_events (application_id, from_status, to_status, kind, at) "
          "SELECT id, 4, 5, 'status', received_at + INTERVAL 1 DAY FROM applications "
          "WHERE idem_key LIKE 'bench-stats-%' AND id % 10 = 0")
    sql_root("ANALYZE TABLE applications, application_events")
    print("seeded %d applications in %.0f s" % (ROWS, time.time() - t0))


def percentile(times, p):
    return times[min(len(times) - 1, int(len(times) * p / 100))]


def measure(label, paths):
    times = []
    for path in paths:
        t0 = time.perf_counter()
        r = get(path)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status == 200, (path, r.status, r.text[:200])
    times.sort()
    print("%-46s %8.1f %8.1f %8.1f" % (label, percentile(times, 50), percentile(times, 95), times[-1]))


def main():
    sql_root("SET GLOBAL innodb_buffer_pool_size = %d" % (int(os.environ.get("BENCH_DESK_POOL_MB", "1024")) << 20))
    if ROWS > 0:
        seed()
    print("applications: %s" % sql_root("SELECT COUNT(*) FROM applications")[0][0])
    unit = int(sql_root("SELECT id FROM units WHERE slug = 'ba-hang'")[0][0])
    print(sql_root("EXPLAIN SELECT a.unit_id, COUNT(*) FROM applications a FORCE INDEX (stats_received) "
                "WHERE a.received_at >= UTC_TIMESTAMP() - INTERVAL 365 DAY GROUP BY a.unit_id",
                table=True).rstrip())
    year = sql_root("SELECT CURRENT_DATE - INTERVAL 364 DAY, CURRENT_DATE")[0]
    print("\nthrough nginx, %d sequential requests each (ms): a year's range" % RUNS)
    print("%-46s %8s %8s %8s" % ("", "p50", "p95", "max"))
    cold = ["tu_ngay=%s&den_ngay=%s" % tuple(sql_root(
        "SELECT CURRENT_DATE - INTERVAL %d DAY, CURRENT_DATE - INTERVAL %d DAY" % (364 + i, i))[0])
        for i in range(1, 2 * RUNS + 1)]
    for label, base in (("/thong-ke", "/thong-ke?"), ("/api/v1/stats", "/api/v1/stats?")):
        measure(label + " cold (a new range each)", [base + q for q in cold[:RUNS]])
        measure(label + " warm (cached a minute)", [base + "tu_ngay=%s&den_ngay=%s" % tuple(year)] * RUNS)
    measure("/thong-ke?don_vi= cold (one unit)",
            ["/thong-ke?don_vi=%d&%s" % (unit, q) for q in cold[RUNS:2 * RUNS]])


main()
