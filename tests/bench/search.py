"""Search with a hundred thousand articles (tests/bench/search): the
latency of /tim-kiem through nginx for 10 queries (5 with diacritics, the
same 5 without; sequential requests: p50, p95, in ms) on the seeded data,
then after ROWS published articles are added (INSERT ... SELECT from
MariaDB's sequence engine: titles of 8 and bodies of 80 words drawn from
the words of the seed files, a unit each in turn) and indexed by
`portalctl search-reindex` (timed, twice: the second finds nothing to
change).  The database's buffer pool is raised to BENCH_SEARCH_POOL_MB
(512).  Arguments: the stack's port, its state directory, the number of
articles."""
import collections
import json
import os
import re
import subprocess
import sys
import time
from urllib.parse import quote

os.environ["PORTAL_PORT"], os.environ["PORTAL_VAR"] = sys.argv[1], sys.argv[2]
ROWS = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
RUNS = int(os.environ.get("BENCH_SEARCH_RUNS", "40"))
CHUNK = 20000
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from lib import Client, sql_root, stack_env  # noqa: E402 (needs the environment above)

QUERIES = ["khai sinh", "đăng ký kết hôn", "Phổ Yên", "tiêm chủng mở rộng", "y tế",
           "khai sinh", "dang ky ket hon", "pho yen", "tiem chung mo rong", "y te"]


def vocabulary():
    """The 400 commonest words of the seed files (articles, procedures)."""
    seed = os.path.join(ROOT, "migrations", "seed")
    text = open(os.path.join(seed, "articles.tsv"), encoding="utf-8").read()
    text += json.dumps(json.load(open(os.path.join(seed, "procedures-detailed.json"),
                                      encoding="utf-8")), ensure_ascii=False)
    words = collections.Counter(w.lower() for w in re.findall(r"[^\W\d_]+", text) if len(w) < 8)
    return [w for w, _ in words.most_common(400)]


def words(vocab, n, salt):
    """SQL: n words of vocab, drawn by CRC32 of the row's number."""
    lst = ", ".join("'%s'" % w for w in vocab)
    return "CONCAT_WS(' ', %s)" % ", ".join(
        "ELT(1 + CRC32(CONCAT(s.seq, '-%s%d')) %% %d, %s)" % (salt, i, len(vocab), lst)
        for i in range(n))


def fill(vocab):
    units = int(sql_root("SELECT COUNT(*) FROM units WHERE valid_to IS NULL")[0][0])
    sql_root("CREATE TABLE IF NOT EXISTS bench_units (n INT PRIMARY KEY, id INT UNSIGNED); "
          "DELETE FROM bench_units; INSERT INTO bench_units SELECT ROW_NUMBER() OVER "
          "(ORDER BY id) - 1, id FROM units WHERE valid_to IS NULL")
    t0 = time.time()
    for c in range((ROWS + CHUNK - 1) // CHUNK):
        lo, hi = c * CHUNK + 1, min(ROWS, (c + 1) * CHUNK)
        sql_root("INSERT INTO articles (unit_id, kind, status, slug, title, summary, body, "
              "published_at) SELECT b.id, 'news', 'published', CONCAT('bench-', s.seq), %s, '', %s, "
              "UTC_TIMESTAMP() - INTERVAL s.seq MINUTE FROM seq_%d_to_%d s JOIN bench_units b "
              "ON b.n = s.seq %% %d" % (words(vocab, 8, "t"), words(vocab, 80, "b"), lo, hi, units))
    print("%d articles inserted in %.1f s" % (ROWS, time.time() - t0))


def reindex():
    t0 = time.time()
    p = subprocess.run([os.path.join(ROOT, "cgi-bin", "portalctl"), "-c",
                        os.path.join(ROOT, "conf", "portal.conf"), "search-reindex"],
                       env=dict(os.environ, **stack_env()), cwd=ROOT, capture_output=True,
                       text=True)
    if p.returncode != 0:
        sys.exit("portalctl search-reindex failed:\n" + p.stdout + p.stderr)
    print("portalctl search-reindex: %.1f s (%s)" % (time.time() - t0,
                                                    ", ".join(p.stdout.strip().splitlines())))


def percentile(times, p):
    return times[min(len(times) - 1, int(round(p / 100.0 * (len(times) - 1))))]


def measure(label):
    sys.stdout.flush()
    print("\n%s: %d requests a query, one at a time" % (label, RUNS))
    print("%-26s %8s %8s %8s %8s" % ("query", "hits", "p50 ms", "p95 ms", "max ms"))
    c = Client("127.0.0.1")
    every = []
    for q in QUERIES:
        path = "/tim-kiem?q=" + quote(q)
        c.get(path)  # warm
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            r = c.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status == 200, r.status
        m = re.search(r"Tìm thấy (\d+) kết quả", r.text)
        times.sort()
        every += times
        print("%-26s %8s %8.1f %8.1f %8.1f" % (q, m.group(1) if m else "0", percentile(times, 50),
                                              percentile(times, 95), times[-1]))
    every.sort()
    print("%-26s %8s %8.1f %8.1f %8.1f" % ("all", "", percentile(every, 50),
                                          percentile(every, 95), every[-1]))


def main():
    sql_root("SET GLOBAL innodb_buffer_pool_size = %d"
          % (int(os.environ.get("BENCH_SEARCH_POOL_MB", "512")) << 20))
    measure("seeded data (%s rows in the index)" % sql_root("SELECT COUNT(*) FROM search_docs")[0][0])
    fill(vocabulary())
    reindex()
    reindex()
    measure("with %d more articles (%s rows in the index)"
            % (ROWS, sql_root("SELECT COUNT(*) FROM search_docs")[0][0]))


sys.stdout.reconfigure(line_buffering=True)
main()
