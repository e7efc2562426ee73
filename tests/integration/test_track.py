"""Tracking (/tra-cuu, /api/v1/track) and the resident's applications
(/ho-so, /ho-so/{code}, withdrawing, rating), through nginx.  Procedures,
applications and events are made with SQL (the forms that make them are
another part of the issue) for accounts registered through the form."""
import hashlib
import json
import os
import random
import re
import time
import uuid
from urllib.parse import quote as urlquote

from lib import Client, case, check, main, register, sql, sql_quote as quote, sql_value, stack_env

TAG = uuid.uuid4().hex[:8]
PROC = "T8.%s" % TAG          # the test's procedure code
CTX = {}


def addr():
    """A loopback address of its own: lookups are counted per address."""
    return "127.0.%d.%d" % (random.randint(100, 250), random.randint(2, 250))


def setup():
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Lĩnh vực thử tra cứu', 'linh-vuc-thu-tra-cuu')")
    sid = sql_value("SELECT id FROM sectors WHERE slug = 'linh-vuc-thu-tra-cuu'")
    sql("INSERT IGNORE INTO procedures (code) VALUES (%s)" % quote(PROC))
    pid = sql_value("SELECT id FROM procedures WHERE code = %s" % quote(PROC))
    sql("INSERT IGNORE INTO procedure_versions (procedure_id, version, name, sector_id, processing_days, "
        "published) VALUES (%s, 1, %s, %s, 5, 1)" % (pid, quote("Thủ tục thử tra cứu " + TAG), sid))
    CTX["pv"] = sql_value("SELECT id FROM procedure_versions WHERE procedure_id = %s AND version = 1" % pid)
    CTX["unit"] = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
    CTX["unit_code"] = sql_value("SELECT code FROM units WHERE slug = 'ba-hang'")
    CTX["seq"] = 0
    # The applicant: a phone and an ID number of their own (last 4 digits
    # different, so that each alone can be tested).
    idn = "%03d%09d" % (random.randint(1, 96), random.randrange(10 ** 9))
    a = register(Client(addr()), name="Người Nộp Thử", id_number=idn)
    a.idn = idn
    CTX["a"] = a
    CTX["b"] = register(Client(addr()), name="Người Khác Thử")


def new_app(user, status, due="CURRENT_DATE + INTERVAL 5 DAY", events=None):
    """An application of user at status with a code of its own; events:
    [(from, to, note)], oldest first (default: 0 -> 1 and, past 1, 1 ->
    status).  Returns (id, code)."""
    CTX["seq"] += 1
    code = None
    if status != 0:
        code = "%s-%s-%04d" % (CTX["unit_code"], TAG[:6].translate(str.maketrans("abcdef", "123456")),
                               random.randrange(10000))
        while sql_value("SELECT COUNT(*) FROM applications WHERE code = %s" % quote(code)) != "0":
            code = code[:-4] + "%04d" % random.randrange(10000)
    rows = sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, status, "
               "submitted_at, due_at) VALUES (%s, %s, %s, %d, %d, %s, %s); SELECT LAST_INSERT_ID();"
               % (quote(code) if code else "NULL", CTX["pv"], CTX["unit"], user.id, status,
                  "UTC_TIMESTAMP()" if status else "NULL", due if status else "NULL"))
    aid = int(rows[-1][0])
    if events is None:
        events = [] if status == 0 else [(0, 1, "")] + ([(1, status, "")] if status != 1 else [])
    for f, t, note in events:
        sql("INSERT INTO application_events (application_id, from_status, to_status, note) "
            "VALUES (%d, %d, %d, %s)" % (aid, f, t, quote(note)))
    return aid, code


def track(c, code, digits, api=False):
    path = "/api/v1/track" if api else "/tra-cuu"
    return c.get("%s?ma=%s&xac-minh=%s" % (path, urlquote(code), urlquote(digits)))


def normalise(r, code, digits):
    """The body with the echoed input and the request id taken out."""
    t = r.text.replace(code, "{CODE}").replace(digits, "{DIGITS}")
    return re.sub(r"[0-9a-f]{16,64}", "{ID}", t)


# ---------------------------------------------------------------------------
# Public tracking.

@case
def track_form_without_query():
    r = Client(addr()).get("/tra-cuu")
    check(r.status == 200, "%d" % r.status)
    for s in ('<label for="ma-ho-so">', '<label for="xac-minh">', 'name="ma"', 'name="xac-minh"',
              '<h1>Tra cứu hồ sơ</h1>', 'method="get" action="/tra-cuu"'):
        check(s in r.text, "missing %r" % s)


@case
def track_wrong_digits_same_as_unknown_code():
    a = CTX["a"]
    _, code = new_app(a, 4)
    right = a.phone[-4:]
    wrong = "%04d" % ((int(right) + 1) % 10000)
    while wrong == a.idn[-4:]:
        wrong = "%04d" % ((int(wrong) + 1) % 10000)
    unknown = code[:-4] + ("%04d" % ((int(code[-4:]) + 5000) % 10000))
    check(sql_value("SELECT COUNT(*) FROM applications WHERE code = %s" % quote(unknown)) == "0")
    c = Client(addr())
    r1 = track(c, code, wrong)
    r2 = track(c, unknown, right)
    check(r1.status == 404 and r2.status == 404, "%d %d" % (r1.status, r2.status))
    check(normalise(r1, code, wrong) == normalise(r2, unknown, right), "bodies differ")
    check("Không tìm thấy hồ sơ" in r1.text)
    check(code in r1.text, "the code typed is echoed in the form")
    # API: the same status and byte-identical bodies.
    j1, j2 = track(c, code, wrong, True), track(c, unknown, right, True)
    check(j1.status == 404 and j2.status == 404, "%d %d" % (j1.status, j2.status))
    check(j1.body == j2.body, "%r %r" % (j1.body, j2.body))
    check(json.loads(j1.text)["error"].startswith("Không tìm thấy hồ sơ"), j1.text)
    check(j1.header("content-type").startswith("application/json"), j1.header("content-type"))


@case
def track_wrong_digits_and_unknown_code_take_similar_time():
    a = CTX["a"]
    _, code = new_app(a, 2)
    unknown = code[:-4] + ("%04d" % ((int(code[-4:]) + 4321) % 10000))
    wrong = "%04d" % ((int(a.phone[-4:]) + 1) % 10000)
    if wrong == a.idn[-4:]:
        wrong = "%04d" % ((int(wrong) + 1) % 10000)
    times = {"wrong": [], "unknown": []}
    for i in range(12):
        c = Client(addr())       # 2 lookups an address: far under the limit
        for kind, (cd, dg) in (("wrong", (code, wrong)), ("unknown", (unknown, wrong)))[::1 if i % 2 else -1]:
            t0 = time.monotonic()
            r = track(c, cd, dg, api=True)
            times[kind].append(time.monotonic() - t0)
            check(r.status == 404, "%s: %d" % (kind, r.status))
    med = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
    # Same statement, no row either way: medians within 25 ms of each other.
    check(abs(med["wrong"] - med["unknown"]) < 0.025, "medians %r" % med)


@case
def track_found_by_phone_and_by_id_digits():
    a = CTX["a"]
    aid, code = new_app(a, 4, due="CURRENT_DATE - INTERVAL 2 DAY",
                        events=[(0, 1, ""), (1, 2, ""), (2, 4, "Ghi chú nội bộ " + TAG)])
    c = Client(addr())
    for digits in (a.phone[-4:], a.idn[-4:]):
        r = track(c, code, digits)
        check(r.status == 200, "%s: %d %s" % (digits, r.status, r.text[:300]))
        for s in ("Hồ sơ %s" % code, "Đang xử lý", "Mới đăng ký", "Được tiếp nhận", "Quá hạn",
                  "Phường Ba Hàng"):
            check(s in r.text, "missing %r" % s)
        # Nothing personal: no name, no phone, no note, no procedure.
        for s in (a.name, a.phone, a.idn, "Ghi chú nội bộ", "Thủ tục thử tra cứu"):
            check(s not in r.text, "shows %r" % s)
    j = track(c, code, a.phone[-4:], api=True)
    check(j.status == 200, "%d" % j.status)
    o = json.loads(j.text)
    check(o["code"] == code and o["status"] == {"code": 4, "name": "Đang xử lý"}, o)
    check(o["late"] is True and re.match(r"^\d{4}-\d\d-\d\d$", o["due_date"]), o)
    check([e["status"] for e in o["timeline"]] == [1, 2, 4], o)
    check(all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", e["at"]) for e in o["timeline"]), o)
    check(a.name not in j.text and a.phone not in j.text and "Ghi chú" not in j.text, j.text)


@case
def track_not_late_when_closed_or_due_today():
    a = CTX["a"]
    c = Client(addr())
    _, code = new_app(a, 9, due="CURRENT_DATE - INTERVAL 3 DAY")
    o = json.loads(track(c, code, a.phone[-4:], api=True).text)
    check(o["late"] is False and o["status"]["name"] == "Đã xử lý xong", o)
    _, code = new_app(a, 2, due="DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR)")
    o = json.loads(track(c, code, a.phone[-4:], api=True).text)
    check(o["late"] is False, o)


@case
def track_draft_is_not_found():
    a = CTX["a"]
    aid, _ = new_app(a, 0)
    # A draft has no code; one given a code by hand is still not public.
    sql("UPDATE applications SET code = %s WHERE id = %d" % (quote("%s-000000-%04d" % (
        CTX["unit_code"], aid % 10000)), aid))
    r = track(Client(addr()), "%s-000000-%04d" % (CTX["unit_code"], aid % 10000), a.phone[-4:], True)
    sql("UPDATE applications SET code = NULL WHERE id = %d" % aid)
    check(r.status == 404, "%d" % r.status)


@case
def track_bad_input_is_explained_and_not_counted():
    c = Client(addr())
    cases = [("khong-phai-ma", "1234", "mã hồ sơ"), ("05860-261130-0001", "12a4", "4 chữ số"),
             ("05860-261130-0001", "", "4 chữ số"), ("", "1234", "mã hồ sơ"),
             ("05860-261130-0001", "12345", "4 chữ số")]
    for code, digits, what in cases:
        r = track(c, code, digits)
        check(r.status == 422, "%r %r: %d" % (code, digits, r.status))
        check(what in r.text and 'aria-invalid="true"' in r.text, "%r %r: %s" % (code, digits, r.text[:200]))
        j = track(c, code, digits, api=True)
        check(j.status == 400 and what in json.loads(j.text)["error"], "%r: %d %s" % (code, j.status, j.text))
    n = sql_value("SELECT COALESCE(SUM(n), 0) FROM track_counts WHERE addr = %s" % quote(c.source))
    check(n == "0", "bad input counted: %s" % n)
    # A repeated parameter is refused before the handler.
    r = c.get("/tra-cuu?ma=05860-261130-0001&ma=05860-261130-0002&xac-minh=1234")
    check(r.status == 400, "%d" % r.status)


@case
def track_rate_limited_per_address():
    a = CTX["a"]
    _, code = new_app(a, 1)
    limit = 30  # conf/portal.conf's track_addr_limit (the test stacks keep it)
    c = Client(addr())
    other = Client(addr())
    for i in range(limit):
        r = track(c, code, a.phone[-4:], api=(i % 2 == 0))
        check(r.status == 200, "lookup %d: %d" % (i + 1, r.status))
    r = track(c, code, a.phone[-4:])
    check(r.status == 429, "%d" % r.status)
    check(int(r.header("retry-after")) > 0, r.header("retry-after"))
    check("quá nhiều lần tra cứu" in r.text, r.text[:300])
    check(code not in r.text.split("<form", 1)[-1].split("</form>", 1)[-1], "answers past the limit")
    j = track(c, code, a.phone[-4:], api=True)
    check(j.status == 429 and "quá nhiều lần tra cứu" in json.loads(j.text)["error"], j.text)
    check(track(other, code, a.phone[-4:]).status == 200, "another address is limited too")


@case
def track_lookups_counted_each_and_never_through_the_page_cache():
    """Every lookup counts once against its address (one row a minute,
    however many lookups), and nginx's page cache never takes part: an
    answer about one application is never kept, and waiting on the
    cache's lock would only queue identical lookups."""
    a = CTX["a"]
    _, code = new_app(a, 1)
    c = Client(addr())
    for i in range(6):
        r = track(c, code, a.phone[-4:], api=(i % 2 == 1))
        check(r.status == 200, "lookup %d: %d" % (i + 1, r.status))
        check(r.header("X-Cache-Status") == "BYPASS", "%d: %s" % (i + 1, r.header("X-Cache-Status")))
    n = sql("SELECT COUNT(*), SUM(n) FROM track_counts WHERE addr = %s" % quote(c.source))[0]
    check(n[1] == "6" and n[0] in ("1", "2"), "rows, lookups: %s" % n)


# ---------------------------------------------------------------------------
# The resident's applications.

@case
def myapps_lists_own_drafts_first():
    a, b = CTX["a"], CTX["b"]
    _, code = new_app(a, 2, due="CURRENT_DATE - INTERVAL 1 DAY")
    new_app(a, 0)
    _, other = new_app(b, 1)
    r = a.client.get("/ho-so")
    check(r.status == 200, "%d" % r.status)
    check(code in r.text and other not in r.text, "lists another's application")
    check(r.text.index("Bản nháp chưa nộp") < r.text.index("Hồ sơ đã nộp"), "drafts not first")
    check("/thu-tuc/%s/nop?ho-so=" % PROC in r.text, "no link to resume the draft")
    check('href="/ho-so/%s"' % code in r.text and "quá hạn" in r.text)
    r = Client(addr()).get("/ho-so")
    check(r.status == 303 and r.header("location").startswith("/dang-nhap?tiep="), "%d" % r.status)


@case
def myapp_shows_timeline_messages_and_files():
    a = CTX["a"]
    aid, code = new_app(a, 5, events=[(0, 1, ""), (1, 2, ""),
                                      (2, 5, "Vui lòng bổ sung bản sao giấy khai sinh " + TAG)])
    # A real file in the stack's store (as app/store.c names it), 123456
    # bytes: a row never names a file that is not there.
    head, tail = b"%PDF-1.4\n% " + TAG.encode() + b"\n", b"\n%%EOF\n"
    data = head + b"0" * (123456 - len(head) - len(tail)) + tail
    sha = hashlib.sha256(data).hexdigest()
    path = os.path.join(stack_env()["PORTAL_STORAGE_DIR"], sha[:2], sha[2:4], sha)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    fid = sql("INSERT INTO attachments (application_id, slot, filename, sha256, size, mime) VALUES "
              "(%d, 'don', %s, %s, %d, 'application/pdf'); SELECT LAST_INSERT_ID();"
              % (aid, quote("Đơn đề nghị " + TAG + ".pdf"), quote(sha), len(data)))[-1][0]
    try:
        r = a.client.get("/ho-so/" + code)
        check(r.status == 200, "%d" % r.status)
        for s in ("Yêu cầu bổ sung giấy tờ", "Vui lòng bổ sung bản sao giấy khai sinh " + TAG,
                  "Lời nhắn của cán bộ", "Đơn đề nghị %s.pdf" % TAG, "121 KB", "Mới đăng ký",
                  "Thủ tục thử tra cứu " + TAG, "Rút hồ sơ", 'name="phien_ban"'):
            check(s in r.text, "missing %r" % s)
        link = "/ho-so/%s/tep/%s" % (code, fid)
        check('href="%s"' % link in r.text, "no link to the file")
        r = a.client.get(link)
        check(r.status == 200 and hashlib.sha256(r.body).hexdigest() == sha, "the link: %d" % r.status)
    finally:
        sql("DELETE FROM attachments WHERE id = %s" % fid)
        os.unlink(path)
    # Another resident's application, and one that does not exist: 404.
    check(CTX["b"].client.get("/ho-so/" + code).status == 404)
    check(a.client.get("/ho-so/%s-000000-0000" % CTX["unit_code"]).status == 404)


def version(aid):
    return int(sql_value("SELECT version FROM applications WHERE id = %d" % aid))


def state(aid):
    return sql("SELECT status, version, IFNULL(rating, ''), IFNULL(rating_comment, '') FROM applications "
               "WHERE id = %d" % aid), sql_value("SELECT COUNT(*) FROM application_events WHERE "
                                                 "application_id = %d" % aid)


@case
def withdraw_once_with_event_and_audit():
    a = CTX["a"]
    aid, code = new_app(a, 4)
    before = state(aid)
    # Another resident: 404, nothing changes.
    r = CTX["b"].client.post("/ho-so/%s/rut" % code, {"phien_ban": str(version(aid))})
    check(r.status == 404 and state(aid) == before, "%d" % r.status)
    # No version: 422; a stale one: 409; nothing changes.
    r = a.client.post("/ho-so/%s/rut" % code, {})
    check(r.status == 422 and "phiên bản" in r.text, "%d" % r.status)
    r = a.client.post("/ho-so/%s/rut" % code, {"phien_ban": str(version(aid) + 1)})
    check(r.status == 409 and "vừa được cập nhật" in r.text, "%d" % r.status)
    check(state(aid) == before, "changed by a refused withdrawal")
    r = a.client.post("/ho-so/%s/rut" % code, {"phien_ban": str(version(aid))})
    check(r.status == 303 and r.header("location") == "/ho-so/%s?tb=da-rut" % code, "%d" % r.status)
    check(sql_value("SELECT status FROM applications WHERE id = %d" % aid) == "7")
    check(sql("SELECT from_status, to_status, actor_id FROM application_events WHERE application_id = %d "
              "ORDER BY id DESC LIMIT 1" % aid) == [["4", "7", str(a.id)]])
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'application_withdraw' AND "
                    "object_id = %s" % quote(aid)) == "1")
    r = a.client.get("/ho-so/%s?tb=da-rut" % code)
    check("Công dân yêu cầu rút hồ sơ" in r.text and "Đã gửi yêu cầu rút hồ sơ" in r.text)
    check('name="phien_ban"' not in r.text, "still offers withdrawal")
    # Again: 409, one event only.
    r = a.client.post("/ho-so/%s/rut" % code, {"phien_ban": str(version(aid))})
    check(r.status == 409 and "không thể rút" in r.text, "%d" % r.status)
    check(sql_value("SELECT COUNT(*) FROM application_events WHERE application_id = %d AND "
                    "to_status = 7" % aid) == "1")


@case
def withdraw_refused_when_not_allowed():
    a = CTX["a"]
    for st in (3, 8, 9, 10):
        aid, code = new_app(a, st)
        before = state(aid)
        r = a.client.post("/ho-so/%s/rut" % code, {"phien_ban": str(version(aid))})
        check(r.status == 409, "status %d: %d" % (st, r.status))
        check(state(aid) == before, "status %d changed" % st)


@case
def rate_after_result_once():
    a = CTX["a"]
    aid, code = new_app(a, 10)
    page = a.client.get("/ho-so/" + code)
    check("Đánh giá chất lượng phục vụ" in page.text and 'name="diem"' in page.text)
    before = state(aid)
    for bad in ({"diem": "0"}, {"diem": "6"}, {"diem": ""}, {"diem": "x"}, {},
                {"diem": "5", "nhan_xet": "x" * 1001}):
        r = a.client.post("/ho-so/%s/danh-gia" % code, bad)
        check(r.status == 422, "%r: %d" % (bad, r.status))
    check(state(aid) == before, "changed by an invalid rating")
    r = CTX["b"].client.post("/ho-so/%s/danh-gia" % code, {"diem": "1", "nhan_xet": "Kẻ lạ"})
    check(r.status == 404 and state(aid) == before, "%d" % r.status)
    comment = "Cán bộ hướng dẫn tận tình " + TAG
    r = a.client.post("/ho-so/%s/danh-gia" % code, {"diem": "5", "nhan_xet": comment})
    check(r.status == 303, "%d %s" % (r.status, r.text[:300]))
    check(sql("SELECT rating, rating_comment FROM applications WHERE id = %d" % aid) == [["5", comment]])
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'application_rate' AND "
                    "object_id = %s" % quote(aid)) == "1")
    r = a.client.get("/ho-so/%s?tb=da-danh-gia" % code)
    check("5/5 sao" in r.text and comment in r.text and 'name="diem"' not in r.text)
    r = a.client.post("/ho-so/%s/danh-gia" % code, {"diem": "1"})
    check(r.status == 409 and "đã đánh giá" in r.text, "%d" % r.status)
    check(sql_value("SELECT rating FROM applications WHERE id = %d" % aid) == "5")


@case
def rate_refused_before_result():
    a = CTX["a"]
    aid, code = new_app(a, 9)
    r = a.client.post("/ho-so/%s/danh-gia" % code, {"diem": "4"})
    check(r.status == 409 and "sau khi đã nhận kết quả" in r.text, "%d" % r.status)
    check(sql_value("SELECT IFNULL(rating, 'NULL') FROM applications WHERE id = %d" % aid) == "NULL")


if __name__ == "__main__":
    setup()
    main()
