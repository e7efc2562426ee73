"""Nothing acknowledged is lost (issue 8): 32 clients submit applications
with one or two small attachments (distinct content each) through nginx
for about 20 s while a worker of the responder is SIGKILLed every 3 s; a
client that gets no answer retries once with the same one-time key.
Afterwards every submission that got its receipt (303 to
/ho-so/{code}/bien-nhan, then 200) exists exactly once with its files,
whose bytes in the store have the SHA-256 the client sent; no one-time
key made two applications; `portalctl check-store rehash` finds no row
without its file.  Prints the counts (submitted, acknowledged, failed,
workers killed) and the median submit latency with a 1 MB attachment."""
import hashlib
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import threading
import time

from lib import (BIN, ROOT, VAR, Client, case, check, children, ensure_procedure, main, register,
                 sql, sql_value, stack_env, wait_for)

ADDR = "127.0.8.3"
CODE = "1.001193"
FORM = "/thu-tuc/%s/nop" % CODE
ensure_procedure(CODE)
UNIT = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
THREADS = 32
SECONDS = 20
KILL_EVERY = 3.0
USERS = [register(Client(ADDR), name="Người Nộp Bền %d" % i) for i in range(4)]


def workers():
    with open(os.path.join(VAR, "run", "portal.pid")) as f:
        master = int(f.read().strip())
    out = []
    for c in children(master):
        try:
            with open("/proc/%d/comm" % c) as f:
                if f.read().strip() == "portal-worker":
                    out.append(c)
        except OSError:
            pass
    return out


def values():
    """The e-form of 1.001193 filled in (its required fields)."""
    return {"tk_ho_ten_nyc": "Đỗ Văn Cha", "tk_so_dinh_danh_nyc": "019123456789",
            "tk_cu_tru_nyc": "Tổ dân phố 3", "tk_dien_thoai_nyc": "0912345678", "tk_quan_he": "Cha",
            "tk_ho_ten_tre": "Đỗ Bảo An", "tk_ngay_sinh_tre": "05/01/2024", "tk_gioi_tinh_tre": "Nam",
            "tk_dan_toc_tre": "Kinh", "tk_quoc_tich_tre": "Việt Nam",
            "tk_so_dinh_danh_tre": "019224000123", "tk_noi_sinh": "Trạm y tế phường Ba Hàng"}


def pdf(n):
    return b"%PDF-1.4\n% " + secrets.token_hex(16).encode() + b"\n" + os.urandom(n) + b"\n%%EOF\n"


def session(user):
    """A client of its own (fresh connections) in user's session."""
    c = Client(ADDR, timeout=30)
    c.cookies = dict(user.client.cookies)
    c.csrf = user.client.token()
    return c


def submit(c, key, files):
    """POSTs the form; returns the code when the receipt came, else None."""
    f = dict(values(), hanh_dong="nop", khoa_nop=key, don_vi=UNIT)
    for slot, name, data in files:
        f[slot] = (name, data, "application/pdf")
    try:
        r = c.post(FORM, f)
        m = re.match(r"^/ho-so/([0-9-]+)/bien-nhan$", r.header("location") or "")
        if r.status != 303 or not m:
            return None
        return m.group(1) if c.get(r.header("location")).status == 200 else None
    except Exception:                       # noqa: the connection died with the worker
        return None


@case
def form_fields_are_the_eforms():
    """values() fills every required field of the seeded e-form."""
    r = session(USERS[0]).get(FORM)
    for k in values():
        check('name="%s"' % k in r.text, "no field %s" % k)


@case
def submit_latency_with_1mb_attachment():
    c = session(USERS[0])
    took = []
    for _ in range(10):
        t0 = time.monotonic()
        code = submit(c, secrets.token_hex(32), [("tep_1", "1mb.pdf", pdf(1024 * 1024 - 64))])
        took.append(time.monotonic() - t0)
        check(code, "a 1 MB submission failed")
    print("submit latency, 1 MB attachment (POST + receipt), median of 10: %.0f ms (min %.0f, max %.0f)"
          % (statistics.median(took) * 1000, min(took) * 1000, max(took) * 1000))


@case
def nothing_acknowledged_is_lost_while_workers_are_killed():
    stop = threading.Event()
    lock = threading.Lock()
    sent, acked, killed, retried = [], [], [], []

    def client(i):
        c = session(USERS[i % len(USERS)])
        rnd = random.Random(i)
        while not stop.is_set():
            key = secrets.token_hex(32)
            files = [("tep_1", "khai-sinh-%d.pdf" % i, pdf(rnd.randint(2000, 6000)))]
            if rnd.random() < 0.5:
                files.append(("tep_3", "uy-quyen-%d.pdf" % i, pdf(rnd.randint(2000, 6000))))
            code = submit(c, key, files)
            if code is None:                # no answer: the same form again
                with lock:
                    retried.append(key)
                code = submit(c, key, files)
            sums = sorted(hashlib.sha256(d).hexdigest() for _, _, d in files)
            with lock:
                sent.append(key)
                if code:
                    acked.append((code, key, sums))

    def killer():
        while not stop.wait(KILL_EVERY):
            w = workers()
            if w:
                victim = random.choice(w)
                try:
                    os.kill(victim, signal.SIGKILL)
                    killed.append(victim)
                except ProcessLookupError:
                    pass

    threads = [threading.Thread(target=client, args=(i,)) for i in range(THREADS)]
    k = threading.Thread(target=killer)
    for t in threads + [k]:
        t.start()
    time.sleep(SECONDS)
    stop.set()
    for t in threads + [k]:
        t.join(30)
    check(not any(t.is_alive() for t in threads), "a client hung")
    check(wait_for(lambda: len(workers()) >= 2, 10), "the workers were not restarted")
    print("submitted %d, acknowledged %d, failed %d (retried with the same key: %d), workers killed %d"
          % (len(sent), len(acked), len(sent) - len(acked), len(retried), len(killed)))
    check(len(killed) >= 5, "too few kills: %d" % len(killed))
    check(len(acked) > len(sent) / 2, "most submissions should succeed")
    store = stack_env()["PORTAL_STORAGE_DIR"]
    ids = ",".join(str(u.id) for u in USERS)
    rows = sql("SELECT a.idem_key, a.code, IFNULL(GROUP_CONCAT(CONCAT(t.sha256, ':', t.size) "
               "ORDER BY t.sha256), '') FROM applications a LEFT JOIN attachments t ON "
               "t.application_id = a.id WHERE a.applicant_id IN (%s) GROUP BY a.id" % ids)
    by_key = {}
    for key, code, files in rows:
        by_key.setdefault(key, []).append((code, files))
    # The code is given last in the transaction: every row has one, and
    # the unit's numbers of the day are not given twice.
    codes = [code for _, code, _ in rows]
    check(None not in codes and "NULL" not in codes, "a submitted row without its code")
    check(len(set(codes)) == len(codes), "a code given twice: %r" % sorted(codes))
    for code, key, sums in acked:
        got = by_key.get(key, [])
        check(len(got) == 1 and got[0][0] == code, "%s: %r" % (code, got))
        files = [f.split(":") for f in got[0][1].split(",") if f]
        check(sorted(sha for sha, _ in files) == sums, "%s: files %r, sent %r" % (code, files, sums))
        for sha, size in files:
            with open(os.path.join(store, sha[:2], sha[2:4], sha), "rb") as f:
                data = f.read()
            check(len(data) == int(size) and hashlib.sha256(data).hexdigest() == sha, "%s: %s" % (code, sha))
    dup = [k for k, v in by_key.items() if len(v) > 1]
    check(dup == [], "a key made two applications: %r" % dup[:10])
    p = subprocess.run([os.path.join(BIN, "portalctl"), "-c", os.path.join(ROOT, "conf/portal.conf"),
                        "check-store", "rehash"], env=dict(os.environ, **stack_env()), cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, "check-store: %d %s" % (p.returncode, (p.stdout + p.stderr)[-2000:]))
    bad = [ln for ln in p.stdout.splitlines() if ln.startswith(("missing", "damaged"))]
    check(bad == [] and " 0 missing, 0 damaged" in p.stdout, "rows without their file: %r" % bad[:10])


if __name__ == "__main__":
    main()
