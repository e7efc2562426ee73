"""The one-stop desk's queue (/mot-cua/), its register (/mot-cua/so-theo-doi,
Mẫu 07, HTML and CSV) and `portalctl mark-late`, through nginx.  The
applications are made with SQL (receiving and processing are another part
of the issue) under a procedure of the test's own, so that the queue
filtered by it shows only the test's rows."""
import csv
import io
import os
import random
import re
import subprocess
import uuid

from lib import (BIN, ROOT, case, check, demo_login, main, register, sql, sql_quote as quote,
                 sql_value, stack_env, user_id)

TAG = uuid.uuid4().hex[:8]
PROC = "8.%010d" % random.randrange(10 ** 10)   # digits and dots only
CONF = os.path.join(ROOT, "conf", "portal.conf")
CTX = {}


def setup():
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Lĩnh vực thử một cửa', 'linh-vuc-thu-mot-cua')")
    sid = sql_value("SELECT id FROM sectors WHERE slug = 'linh-vuc-thu-mot-cua'")
    sql("INSERT INTO procedures (code) VALUES (%s)" % quote(PROC))
    pid = sql_value("SELECT id FROM procedures WHERE code = %s" % quote(PROC))
    sql("INSERT INTO procedure_versions (procedure_id, version, name, sector_id, processing_days, "
        "published) VALUES (%s, 1, %s, %s, 5, 1)" % (pid, quote("Thủ tục thử một cửa " + TAG), sid))
    CTX["pv"] = sql_value("SELECT id FROM procedure_versions WHERE procedure_id = %s" % pid)
    CTX["bh"] = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
    CTX["bb"] = sql_value("SELECT id FROM units WHERE slug = 'bai-bong'")
    CTX["bh_code"] = sql_value("SELECT code FROM units WHERE slug = 'ba-hang'")
    CTX["seq"] = 0
    CTX["staff"] = demo_login("0912000021")
    CTX["staff_bb"] = demo_login("0912000022")
    CTX["leader"] = demo_login("0912000031")
    CTX["staff_id"] = user_id("0912000021")
    a = register(name="Người Nộp Một Cửa")
    CTX["applicant"] = a


def new_app(status, due="CURRENT_DATE + INTERVAL 10 DAY", channel="online", assignee=None,
            received=None, unit=None, applicant=None):
    """An application of the test's procedure; returns (id, code)."""
    CTX["seq"] += 1
    code = "%s-9%s-%04d" % (CTX["bh_code"], TAG[:5], CTX["seq"])
    rows = sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, channel, "
               "status, submitted_at, received_at, due_at, assignee_id) VALUES (%s, %s, %s, %s, %s, "
               "%d, UTC_TIMESTAMP(), %s, %s, %s); SELECT LAST_INSERT_ID();"
               % (quote(code), CTX["pv"], unit or CTX["bh"], applicant or CTX["applicant"].id,
                  quote(channel), status, received or "NULL", due, assignee or "NULL"))
    return int(rows[-1][0]), code


def queue(client, query=""):
    return client.get("/mot-cua/?thu_tuc=%s%s" % (PROC, query))


def codes(text):
    return re.findall(r'<a href="/mot-cua/ho-so/([^"]+)">', text)


def row_of(text, code):
    m = re.search(r'<tr class="[^"]*">\s*<th scope="row" class="nowrap"><a href="/mot-cua/ho-so/%s">'
                  r'.*?</tr>' % re.escape(code), text, re.S)
    check(m is not None, "no row for %s" % code)
    return m.group(0)


def portalctl(*args):
    return subprocess.run([os.path.join(BIN, "portalctl"), "-c", CONF] + list(args),
                          env=dict(os.environ, **stack_env()), cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


setup()
# The fixture: due dates spread around today, one without a date.
A_LATE = new_app(4, due="CURRENT_DATE - INTERVAL 3 DAY")
A_TODAY = new_app(2, due="CURRENT_DATE", channel="counter")
A_FAR = new_app(6, due="CURRENT_DATE + INTERVAL 30 DAY", assignee=CTX["staff_id"])
A_PAUSED = new_app(5, due="CURRENT_DATE - INTERVAL 5 DAY")
A_DONE = new_app(9, due="CURRENT_DATE - INTERVAL 8 DAY", channel="post")
A_NODUE = new_app(1, due="NULL")


# ---------------------------------------------------------------------------
# The queue.

@case
def queue_sorted_by_due_date_no_date_last():
    r = queue(CTX["staff"])
    check(r.status == 200, "%d %s" % (r.status, r.text[:300]))
    got = codes(r.text)
    want = [A_DONE[1], A_PAUSED[1], A_LATE[1], A_TODAY[1], A_FAR[1], A_NODUE[1]]
    check(got == want, "%s != %s" % (got, want))
    check("6 hồ sơ" in r.text, "the count")
    check("Phường Ba Hàng" in r.text)


@case
def queue_leader_sees_it_too():
    r = queue(CTX["leader"])
    check(r.status == 200 and A_LATE[1] in codes(r.text), "%d" % r.status)


@case
def queue_highlights_with_words():
    t = queue(CTX["staff"]).text
    check("Quá hạn</span>" in row_of(t, A_LATE[1]), "overdue at 4")
    check("is-overdue" in row_of(t, A_LATE[1]))
    check("Sắp đến hạn</span>" in row_of(t, A_TODAY[1]), "due today")
    # The clock is paused at 5 and over at 9: no mark.
    for c in (A_PAUSED[1], A_DONE[1], A_FAR[1], A_NODUE[1]):
        row = row_of(t, c)
        check("Quá hạn</span>" not in row and "Sắp đến hạn</span>" not in row, c)


@case
def queue_filters():
    s = CTX["staff"]
    check(codes(queue(s, "&trang_thai=4").text) == [A_LATE[1]], "status")
    check(codes(queue(s, "&kenh=counter").text) == [A_TODAY[1]], "channel")
    check(codes(queue(s, "&kenh=post").text) == [A_DONE[1]], "channel post")
    check(codes(queue(s, "&can_bo=%d" % CTX["staff_id"]).text) == [A_FAR[1]], "assignee")
    check(codes(queue(s, "&han=qua-han").text) == [A_LATE[1]], "overdue")
    check(codes(queue(s, "&han=sap-den-han").text) == [A_TODAY[1]], "soon")
    check(codes(queue(s, "&han=qua-han&trang_thai=2").text) == [], "overdue and 2")
    r = s.get("/mot-cua/?thu_tuc=9.999999")
    check(r.status == 200 and codes(r.text) == [] and "Không có thủ tục nào mã 9.999999" in r.text)


@case
def queue_form_empty_choices_mean_any():
    # The filter form sends "Tất cả" as empty values.
    r = CTX["staff"].get("/mot-cua/?don_vi=&trang_thai=&thu_tuc=%s&kenh=&can_bo=&han=&trang=" % PROC)
    check(r.status == 200, "%d" % r.status)
    check(A_LATE[1] in codes(r.text) and A_NODUE[1] in codes(r.text))
    r = CTX["staff"].get("/mot-cua/so-theo-doi?don_vi=&tu_ngay=&den_ngay=&dinh_dang=")
    check(r.status == 200 and r.header("Content-Type").startswith("text/html"), "%d" % r.status)


@case
def queue_counts_by_status_link_to_filters():
    t = CTX["staff"].get("/mot-cua/").text
    for st in (1, 2, 4, 5, 9):
        n = sql_value("SELECT COUNT(*) FROM applications WHERE unit_id = %s AND status = %d"
                      % (CTX["bh"], st))
        m = re.search(r'<a href="/mot-cua/\?don_vi=%s&amp;trang_thai=%d">%d\. [^:<]+: (\d+)</a>'
                      % (CTX["bh"], st, st), t)
        check(m is not None and m.group(1) == n, "status %d: %s vs %s" % (st, m and m.group(1), n))
    total = sql_value("SELECT COUNT(*) FROM applications WHERE unit_id = %s AND status >= 1" % CTX["bh"])
    check("Tất cả: %s</a>" % total in t, "all")


def shown_counts(client, query=""):
    """The queue's counts by status, "Tất cả" and the number of matches."""
    t = client.get("/mot-cua/" + query).text
    by = {int(st): int(n) for st, n in re.findall(
        r'trang_thai=(\d+)">\d+\. [^:<]+: (\d+)</a>', t)}
    m = re.search(r"Tất cả: (\d+)</a>", t)
    total = re.search(r'<p class="result-count" role="status">(\d+) hồ sơ', t)
    return by, int(m.group(1)), int(total.group(1)) if total else 0


def sql_counts():
    rows = sql("SELECT status, COUNT(*) FROM applications WHERE unit_id = %s AND status >= 1 "
               "GROUP BY status" % CTX["bh"])
    return {int(st): int(n) for st, n in rows}


@case
def queue_counts_follow_every_change():
    """The counts by status and the number of matches (kept by migration
    0027's triggers) follow every insert, change of status or date and
    delete, in both directions, and a note changes nothing."""
    s = CTX["staff"]
    a, b, c = new_app(4), new_app(5), new_app(1, due="NULL")
    sql("UPDATE applications SET status = 5, version = version + 1 WHERE id = %d" % a[0])
    sql("UPDATE applications SET status = 4 WHERE id = %d" % b[0])
    sql("UPDATE applications SET status = 2, due_at = CURRENT_DATE WHERE id = %d" % c[0])
    sql("UPDATE applications SET version = version + 1 WHERE id = %d" % b[0])
    d = new_app(1, due="NULL")
    sql("DELETE FROM applications WHERE id = %d" % d[0])
    want = sql_counts()
    by, all_, total = shown_counts(s)
    check(by == {st: want.get(st, 0) for st in range(1, 11)}, "%s vs %s" % (by, want))
    check(all_ == total == sum(want.values()), "%d %d %s" % (all_, total, want))
    nodue = int(sql_value("SELECT COUNT(*) FROM applications WHERE unit_id = %s AND status = 1 "
                          "AND due_at IS NULL" % CTX["bh"]))
    for st in (1, 2, 4, 5):
        _, _, total = shown_counts(s, "?trang_thai=%d" % st)
        check(total == want.get(st, 0), "status %d: %d vs %s" % (st, total, want.get(st)))
    check(nodue > 0, "a status-1 application without a date")
    kept = sql("SELECT c.status, c.n, c.nodue FROM application_counts c WHERE c.unit_id = %s "
               "AND c.status >= 1 AND c.n > 0 ORDER BY c.status" % CTX["bh"])
    real = sql("SELECT status, COUNT(*), SUM(due_at IS NULL) FROM applications WHERE unit_id = %s "
               "AND status >= 1 GROUP BY status ORDER BY status" % CTX["bh"])
    check(kept == real, "%s vs %s" % (kept, real))


@case
def queue_pages_keep_the_filter():
    s = CTX["staff"]
    start = CTX["seq"]
    sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, channel, status, "
        "submitted_at, due_at) SELECT CONCAT(%s, LPAD(seq, 4, '0')), %s, %s, %s, 'post', 4, "
        "UTC_TIMESTAMP(), CURRENT_DATE + INTERVAL 40 + seq DAY FROM seq_1_to_60"
        % (quote("%s-8%s-" % (CTX["bh_code"], TAG[:5])), CTX["pv"], CTX["bh"], CTX["applicant"].id))
    check(CTX["seq"] == start)
    r1 = queue(s, "&kenh=post&trang_thai=4")
    got1 = codes(r1.text)
    check(len(got1) == 50, "page 1: %d" % len(got1))
    check("60 hồ sơ (trang 1/2)" in r1.text)
    m = re.search(r'<a href="([^"]+)" rel="next">', r1.text)
    check(m is not None, "next link")
    nxt = m.group(1).replace("&amp;", "&")
    for part in ("thu_tuc=%s" % PROC, "kenh=post", "trang_thai=4", "trang=2", "don_vi=%s" % CTX["bh"]):
        check(part in nxt, "%s kept in %s" % (part, nxt))
    r2 = s.get(nxt)
    got2 = codes(r2.text)
    check(len(got2) == 10 and not set(got1) & set(got2), "page 2: %d" % len(got2))
    check(got1 + got2 == sorted(got1 + got2), "in due order across pages")
    check('rel="prev"' in r2.text)
    r3 = queue(s, "&kenh=post&trang_thai=4&trang=9")
    check(r3.status == 200 and codes(r3.text) == [], "past the end: empty")


@case
def queue_other_unit_sees_nothing():
    bb = CTX["staff_bb"]
    check(bb.get("/mot-cua/?don_vi=%s" % CTX["bh"]).status == 404, "don_vi of another unit")
    check(bb.get("/mot-cua/so-theo-doi?don_vi=%s" % CTX["bh"]).status == 404, "register")
    r = queue(bb)
    check(r.status == 200 and codes(r.text) == [], "own queue has none of ba-hang's")
    check("Phường Bãi Bông" in r.text)
    check(CTX["staff"].get("/mot-cua/?don_vi=%s" % CTX["bb"]).status == 404)
    check(CTX["applicant"].client.get("/mot-cua/").status == 403, "a resident")


@case
def queue_bad_input_400():
    s = CTX["staff"]
    for q in ("trang_thai=0", "trang_thai=11", "trang_thai=x", "han=hom-nay", "kenh=fax",
              "don_vi=abc", "can_bo=-1", "thu_tuc=%27%20OR%201%3D1", "trang=0"):
        r = s.get("/mot-cua/?" + q)
        check(r.status == 400, "%s: %d" % (q, r.status))
    check("Trạng thái không hợp lệ" in s.get("/mot-cua/?trang_thai=0").text)


# ---------------------------------------------------------------------------
# The register.

R_MONTH = sql_value("SELECT DATE_FORMAT(CURRENT_DATE, '%Y-%m-01')")
REG_NAME = '=HYPERLINK("http://x.invalid","bấm"), và "trích"'


def register_fixture():
    """Two received this month (one by an applicant whose name is a
    formula), one received last year."""
    if "reg" in CTX:
        return CTX["reg"]
    b = register(name="Người Nộp Sổ")
    sql("UPDATE users SET full_name = %s WHERE id = %d" % (quote(REG_NAME), b.id))
    r1 = new_app(4, received="UTC_TIMESTAMP()")
    r2 = new_app(9, received="UTC_TIMESTAMP()", applicant=b.id)
    sql("UPDATE applications SET late_at = UTC_TIMESTAMP(), decided_at = UTC_TIMESTAMP() WHERE id = %d"
        % r2[0])
    r3 = new_app(10, received="UTC_TIMESTAMP() - INTERVAL 400 DAY")
    CTX["reg"] = (r1, r2, r3, b)
    return CTX["reg"]


@case
def register_html_this_month():
    r1, r2, r3, b = register_fixture()
    r = CTX["staff"].get("/mot-cua/so-theo-doi")
    check(r.status == 200, "%d %s" % (r.status, r.text[:300]))
    check(r1[1] in r.text and r2[1] in r.text and r3[1] not in r.text)
    for h in ("STT", "Mã hồ sơ", "Tên thủ tục", "Người nộp", "Ngày nhận", "Ngày hẹn trả",
              "Ngày có kết quả", "Ngày trả kết quả", "Trạng thái", "Ghi chú"):
        check('<th scope="col">%s</th>' % h in r.text, h)
    check("Trễ hạn" in r.text)
    check("=HYPERLINK(&quot;http://x.invalid&quot;" in r.text, "escaped in HTML")
    check('dinh_dang=csv' in r.text and 'tu_ngay=%s' % R_MONTH in r.text, "the CSV link")
    # Last year's, by its range.
    day = sql_value("SELECT DATE(CONVERT_TZ(received_at, '+00:00', '+07:00')) FROM applications "
                    "WHERE id = %d" % r3[0])
    r = CTX["staff"].get("/mot-cua/so-theo-doi?tu_ngay=%s&den_ngay=%s" % (day, day))
    check(r.status == 200 and r3[1] in r.text and r1[1] not in r.text)


@case
def register_csv_bom_quoting_injection():
    r1, r2, r3, b = register_fixture()
    r = CTX["staff"].get("/mot-cua/so-theo-doi?dinh_dang=csv")
    check(r.status == 200, "%d" % r.status)
    check(r.header("Content-Type").startswith("text/csv"), r.header("Content-Type"))
    cd = r.header("Content-Disposition") or ""
    check(cd.startswith("attachment;") and ".csv" in cd, cd)
    check(r.body.startswith(b"\xef\xbb\xbf"), "BOM")
    text = r.body[3:].decode("utf-8")
    check("\r\n" in text)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check(rows[0][:3] == ["STT", "Mã hồ sơ", "Tên thủ tục"], rows[0])
    byc = {row[1]: row for row in rows[1:]}
    check(r1[1] in byc and r2[1] in byc and r3[1] not in byc)
    check(byc[r2[1]][3] == "'" + REG_NAME, "formula guarded: %r" % byc[r2[1]][3])
    check(byc[r2[1]][10].startswith("Trễ hạn"), byc[r2[1]][10])
    check(all(len(row) == 11 for row in rows), "11 columns each")
    check('"\'=HYPERLINK(""http://x.invalid"",""bấm""), và ""trích"""' in text, "RFC 4180 quoting")


@case
def register_bad_ranges_400():
    s = CTX["staff"]
    r = s.get("/mot-cua/so-theo-doi?tu_ngay=2026-03-02&den_ngay=2026-03-01")
    check(r.status == 400 and "sau ngày kết thúc" in r.text, "%d" % r.status)
    r = s.get("/mot-cua/so-theo-doi?tu_ngay=2025-01-01&den_ngay=2026-01-02")
    check(r.status == 400 and "366 ngày" in r.text, "%d" % r.status)
    r = s.get("/mot-cua/so-theo-doi?tu_ngay=2025-01-01&den_ngay=2026-01-01&dinh_dang=csv")
    check(r.status == 200, "366 days: %d" % r.status)
    for q in ("tu_ngay=2026-02-30", "den_ngay=hom-nay", "dinh_dang=xlsx", "tu_ngay=01/02/2026"):
        r = s.get("/mot-cua/so-theo-doi?" + q)
        check(r.status == 400, "%s: %d" % (q, r.status))


# ---------------------------------------------------------------------------
# The overdue job.

@case
def mark_late_once():
    late = new_app(4, due="CURRENT_DATE - INTERVAL 2 DAY")
    pay = new_app(6, due="CURRENT_DATE - INTERVAL 1 DAY")
    paused = new_app(5, due="CURRENT_DATE - INTERVAL 2 DAY")
    done = new_app(9, due="CURRENT_DATE - INTERVAL 2 DAY")
    fresh = new_app(4, due="CURRENT_DATE + INTERVAL 1 DAY")
    mails = sql_value("SELECT COUNT(*) FROM outbox")
    p = portalctl("mark-late")
    check(p.returncode == 0 and "marked late" in p.stdout, p.stdout + p.stderr)
    for aid, _ in (late, pay):
        check(sql_value("SELECT late_at IS NOT NULL FROM applications WHERE id = %d" % aid) == "1")
        check(sql_value("SELECT COUNT(*) FROM application_events WHERE application_id = %d AND "
                        "kind = 'late' AND from_status = to_status" % aid) == "1", "event")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'application_late' AND "
                        "object_id = '%d'" % aid) == "1", "audit")
    for aid, _ in (paused, done, fresh):
        check(sql_value("SELECT late_at IS NULL FROM applications WHERE id = %d" % aid) == "1", "%d" % aid)
    check(sql_value("SELECT COUNT(*) FROM outbox") == mails, "no mail to the applicant")
    at = sql_value("SELECT late_at FROM applications WHERE id = %d" % late[0])
    p = portalctl("mark-late")
    check(p.returncode == 0 and p.stdout.strip() == "0 marked late", p.stdout + p.stderr)
    check(sql_value("SELECT late_at FROM applications WHERE id = %d" % late[0]) == at)
    check(sql_value("SELECT COUNT(*) FROM application_events WHERE application_id = %d AND "
                    "kind = 'late'" % late[0]) == "1", "once")


@case
def mark_late_twice_at_once():
    ids = [new_app(2, due="CURRENT_DATE - INTERVAL 4 DAY")[0] for _ in range(30)]
    env = dict(os.environ, **stack_env())
    procs = [subprocess.Popen([os.path.join(BIN, "portalctl"), "-c", CONF, "mark-late"], env=env,
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    check(all(p.returncode == 0 for p in procs), repr(outs))
    n = sql_value("SELECT COUNT(*) FROM application_events WHERE kind = 'late' AND application_id IN (%s)"
                  % ",".join(map(str, ids)))
    check(n == "30", "each once: %s" % n)
    total = sum(int(o[0].split()[0]) for o in outs)
    check(total == 30, "the two runs together marked %d" % total)


if __name__ == "__main__":
    main()
