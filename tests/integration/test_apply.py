"""Applying online (issue 8), through nginx: the e-form of a procedure at
/thu-tuc/{code}/nop (sign-in required, prefilled from the profile), its
errors in Vietnamese beside the fields with nothing typed lost and nothing
written, drafts saved and resumed (only the owner's), idempotent
submission (a retried or doubled POST gives one application and the same
receipt), codes {unit code}-{yyMMdd}-{NNNN} unique and without gaps under
200 concurrent submissions (duplicates among them, whose transactions roll
back), the appointment date in working days (holidays table, the
cut-off), and the receipt whose QR code decodes to the tracking address.
Prints the median latency of 20 submissions."""
import datetime
import html
import json
import os
import re
import secrets
import statistics
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from lib import (ROOT, Client, base_url, case, check, eform_values, ensure_procedure, main, register,
                 sql, sql_quote as quote, sql_value)

ADDR = "127.0.8.1"
CODE = "1.001193"
DAYS = ensure_procedure(CODE)
FORM = "/thu-tuc/%s/nop" % CODE
EFORM = json.load(open(os.path.join(ROOT, "migrations", "seed", "eforms", CODE + ".json"),
                       encoding="utf-8"))
UNITS = dict(sql("SELECT slug, id FROM units WHERE slug IN ('ba-hang', 'phuc-tan', 'bai-bong')"))
UNIT_CODES = dict(sql("SELECT slug, code FROM units WHERE slug IN ('ba-hang', 'phuc-tan')"))
APP_CODE_RE = re.compile(r"^\d{5}-\d{6}-\d{4}$")

RES = register(Client(ADDR), name="Trần Thị Nộp Hồ Sơ")
OTHER = register(Client(ADDR), name="Người Khác")


def valid_values():
    return eform_values(EFORM, UNIT_CODES["ba-hang"], "Nguyễn Văn An", "Tổ dân phố 3")


def pdf(tag=""):
    """A small PDF (by its magic bytes), distinct per tag."""
    return b"%PDF-1.4\n% giay chung sinh " + tag.encode() + b"\n%%EOF\n"


def body(action="nop", key=None, unit="ba-hang", **over):
    f = valid_values()
    f["tep_1"] = ("giay-chung-sinh.pdf", pdf(), "application/pdf")  # the required slot
    f.update(over)
    f.update({"hanh_dong": action, "khoa_nop": key or secrets.token_hex(32),
              "don_vi": str(UNITS[unit]) if unit else ""})
    return f


def apps_of(uid):
    return int(sql_value("SELECT COUNT(*) FROM applications WHERE applicant_id = %d" % uid))


@case
def anonymous_goes_to_sign_in():
    r = Client(ADDR).get(FORM)
    check(r.status == 303 and "/dang-nhap" in r.header("location"), "%d" % r.status)


@case
def form_renders_prefilled():
    r = RES.client.get(FORM)
    t = r.text
    check(r.status == 200, "%d" % r.status)
    check('value="Trần Thị Nộp Hồ Sơ"' in t, "full name not prefilled")
    check(RES.phone in t, "phone not prefilled")
    check(re.search(r'name="khoa_nop" value="[0-9a-f]{64}"', t), "no one-time key")
    for f in EFORM["fields"]:
        check('name="tk_%s"' % f["name"] in t, "field %s missing" % f["name"])
        check(('<label for="tk_%s">' % f["name"]) in t, "label of %s missing" % f["name"])
    check("Giấy chứng sinh" in t and 'type="file" id="tep_1" name="tep_1"' in t, "document slots")
    check('enctype="multipart/form-data"' in t and "Mỗi tệp tối đa 10 MB" in t, "multipart, limits")
    check("<legend>Người được khai sinh</legend>" in t, "groups as fieldsets")
    check('id="don-vi"' in t, "unit choice")


@case
def bad_input_changes_nothing():
    before = apps_of(RES.id)
    typed = "ngày ba mươi"
    r = RES.client.post(FORM, body(unit=None, tk_ho_ten_tre="", tk_ngay_sinh_tre=typed,
                                   tk_so_dinh_danh_nyc="12345", tk_dien_thoai_nyc="0123"))
    t = r.text
    check(r.status == 422, "%d" % r.status)
    check("Họ, chữ đệm, tên người được khai sinh: vui lòng nhập." in t, "required message")
    check("ngày không hợp lệ" in t and html.escape(typed) in t, "the typed date is lost")
    check("12 chữ số" in t and 'value="12345"' in t, "ID number error / value")
    check("số điện thoại không hợp lệ" in t, "phone error")
    check("Vui lòng chọn phường, xã" in t, "unit error")
    check('aria-invalid="true"' in t and 'href="#tk_ho_ten_tre"' in t, "error links")
    check(apps_of(RES.id) == before, "an application was written")
    # Wrong action, unknown unit, a repeated field, a bad draft id.
    check(RES.client.post(FORM, body(action="xoa")).status == 422, "unknown action")
    r = RES.client.post(FORM, [("tk_ho_ten_tre", "A"), ("tk_ho_ten_tre", "B"),
                               ("hanh_dong", "nop"), ("khoa_nop", secrets.token_hex(32))])
    check(r.status == 400, "repeated field: %d" % r.status)
    f = body()
    f["don_vi"] = "999999"
    check(RES.client.post(FORM, f).status == 422, "unit that does not exist")
    check(RES.client.get(FORM + "?ho-so=abc").status == 400, "draft id not a number")
    check(RES.client.get("/thu-tuc/9.999999/nop").status == 404, "no such procedure")
    check(RES.client.get("/thu-tuc/khong-co/nop").status == 404, "not a procedure code")
    f = body()
    f["khoa_nop"] = "ngan"
    r = RES.client.post(FORM, f)
    check(r.status == 422 and "Biểu mẫu đã cũ" in r.text, "a bad one-time key: %d" % r.status)
    check(apps_of(RES.id) == before, "an application was written")


DRAFT = {}


@case
def draft_saved_and_resumed():
    key = secrets.token_hex(32)
    f = {"hanh_dong": "luu-nhap", "khoa_nop": key, "don_vi": str(UNITS["ba-hang"]),
         "tk_ho_ten_tre": "Lê Minh Khôi", "tk_ngay_sinh_tre": "không nhớ"}
    r = RES.client.post(FORM, f)
    check(r.status == 303, "%d %s" % (r.status, r.text[:300]))
    m = re.search(r"\?ho-so=(\d+)&tb=da-luu-nhap$", r.header("location"))
    check(m, r.header("location"))
    did = int(m.group(1))
    DRAFT.update(id=did, key=key)
    row = sql("SELECT status, code IS NULL, applicant_id, idem_key FROM applications WHERE id = %d" % did)
    check(row == [["0", "1", str(RES.id), key]], repr(row))
    # A double click on "save" keeps one draft.
    check(RES.client.post(FORM, f).status == 303, "second save")
    check(int(sql_value("SELECT COUNT(*) FROM applications WHERE idem_key = %s" % quote(key))) == 1,
          "two drafts")
    r = RES.client.get(r.header("location"))
    check(r.status == 200 and 'value="Lê Minh Khôi"' in r.text and 'value="không nhớ"' in r.text,
          "draft values not shown")
    check("Đã lưu bản nháp" in r.text and key in r.text, "notice / draft key")
    # Resaving it updates the same row.
    f["tk_ho_ten_tre"] = "Lê Minh Khang"
    r = RES.client.post(FORM + "?ho-so=%d" % did, f)
    check(r.status == 303, "%d" % r.status)
    check("Lê Minh Khang" in sql_value("SELECT form_data FROM applications WHERE id = %d" % did),
          "draft not updated")
    # Not the owner: not found, and nothing changes.
    check(OTHER.client.get(FORM + "?ho-so=%d" % did).status == 404, "another's draft shown")
    r = OTHER.client.post(FORM + "?ho-so=%d" % did, dict(f, tk_ho_ten_tre="Kẻ Khác"))
    check(r.status == 404, "another's draft saved: %d" % r.status)
    check("Kẻ Khác" not in sql_value("SELECT form_data FROM applications WHERE id = %d" % did),
          "another changed the draft")


def working_days_due(submitted_utc, days, cutoff=(15, 0)):
    """The appointment date by the rule of core/workday.c, in Python."""
    off = {datetime.date.fromisoformat(d) for (d,) in sql("SELECT day FROM holidays")}
    local = submitted_utc + datetime.timedelta(hours=7)
    day = local.date()

    def work(d):
        return d.weekday() < 5 and d not in off

    def nxt(d):
        d += datetime.timedelta(days=1)
        while not work(d):
            d += datetime.timedelta(days=1)
        return d
    if not (work(day) and (local.hour, local.minute) < cutoff):
        day = nxt(day)
    for _ in range(days):
        day = nxt(day)
    return day


RECEIPT = {}


@case
def submit_draft_idempotently():
    did, key = DRAFT["id"], DRAFT["key"]
    f = body(key=key)
    r = RES.client.post(FORM + "?ho-so=%d" % did, f)
    check(r.status == 303, "%d %s" % (r.status, r.text[:500]))
    m = re.match(r"^/ho-so/([0-9-]+)/bien-nhan$", r.header("location"))
    check(m and APP_CODE_RE.match(m.group(1)), r.header("location"))
    code = m.group(1)
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).strftime("%y%m%d")
    check(code.startswith(UNIT_CODES["ba-hang"] + "-" + today + "-"), code)
    row = sql("SELECT id, status, code, submitted_at, IFNULL(due_at, '') FROM applications "
              "WHERE id = %d" % did)[0]
    check(row[1] == "1" and row[2] == code, repr(row))
    sub = datetime.datetime.fromisoformat(row[3])
    check(row[4] == str(working_days_due(sub, DAYS)), "due %s, expected %s" % (
        row[4], working_days_due(sub, DAYS)))
    check(sql("SELECT from_status, to_status, actor_id FROM application_events "
              "WHERE application_id = %d" % did) == [["0", "1", str(RES.id)]], "event row")
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'application_submit' AND "
                    "object_id = %d" % did) == "1", "audit row")
    # The same POST again (a retry): the same receipt, nothing new.
    n = apps_of(RES.id)
    r2 = RES.client.post(FORM + "?ho-so=%d" % did, f)
    check(r2.status == 303 and r2.header("location") == r.header("location"), "retry")
    check(apps_of(RES.id) == n, "retry wrote a row")
    RECEIPT.update(code=code, url=r.header("location"), due=row[4])


@case
def double_click_gives_one_application():
    f = body()
    n = apps_of(RES.id)
    with ThreadPoolExecutor(4) as ex:
        rs = list(ex.map(lambda _: RES.client.post(FORM, f), range(4)))
    locs = {r.header("location") for r in rs}
    check(all(r.status == 303 for r in rs), [r.status for r in rs])
    check(len(locs) == 1, repr(locs))
    check(apps_of(RES.id) == n + 1, "%d rows" % (apps_of(RES.id) - n))


@case
def receipt_with_qr():
    r = RES.client.get(RECEIPT["url"])
    t = r.text
    check(r.status == 200, "%d" % r.status)
    code = RECEIPT["code"]
    check(code in t and "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in t, "title / code")
    check("Thủ tục đăng ký khai sinh" in t and "Giấy chứng sinh" in t, "procedure / documents")
    y, m, d = RECEIPT["due"].split("-")
    check("ngày %s/%s/%s" % (d, m, y) in t, "appointment date")
    track = "%s/tra-cuu?ma=%s" % (base_url().rstrip("/"), code)
    check('href="/tra-cuu?ma=%s"' % code in t, "tracking link")
    svg = re.search(r'<svg class="receipt-qr".*?</svg>', t, re.S)
    check(svg, "no QR")
    with tempfile.TemporaryDirectory() as tmp:
        sp, pp = os.path.join(tmp, "qr.svg"), os.path.join(tmp, "qr.png")
        with open(sp, "w") as fp:
            fp.write(svg.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
        subprocess.run(["rsvg-convert", "-w", "400", "-h", "400", "-b", "white", "-o", pp, sp],
                       check=True)
        out = subprocess.run(["zbarimg", "--raw", "-q", pp], capture_output=True, text=True)
    check(out.stdout.strip() == track, "QR decodes to %r, expected %r" % (out.stdout, track))
    # Others: not found; signed out: to sign-in.
    check(OTHER.client.get(RECEIPT["url"]).status == 404, "another's receipt")
    check(RES.client.get("/ho-so/00000-000000-0000/bien-nhan").status == 404, "no such code")
    check(Client(ADDR).get(RECEIPT["url"]).status == 303, "signed out")


@case
def codes_unique_without_gaps_under_concurrency():
    """200 submissions to one unit from 16 clients at once (the stack's
    responders: 2 workers x 4 threads), 20 of them sent twice with the
    same key (the second rolls back after taking a number)."""
    clients = [Client(ADDR) for _ in range(16)]
    for c in clients:
        c.cookies = dict(RES.client.cookies)
        c.csrf = RES.client.csrf
    keys = [secrets.token_hex(32) for _ in range(200)]
    jobs = [(i, k) for i, k in enumerate(keys)] + [(i, keys[i]) for i in range(0, 200, 10)]
    unit = "phuc-tan"
    prefix = UNIT_CODES[unit] + "-"
    before = {r[0] for r in sql("SELECT code FROM applications WHERE code LIKE %s" % quote(prefix + "%"))}
    lock = threading.Lock()
    got = {}

    def one(job):
        i, k = job
        r = clients[i % 16].post(FORM, body(key=k, unit=unit))
        with lock:
            got.setdefault(k, set()).add((r.status, r.header("location")))
    with ThreadPoolExecutor(16) as ex:
        list(ex.map(one, jobs))
    check(all(len(v) == 1 and next(iter(v))[0] == 303 for v in got.values()),
          "answers: %r" % [v for v in got.values() if len(v) != 1][:3])
    codes = [next(iter(v))[1].split("/")[2] for v in got.values()]
    check(len(set(codes)) == 200, "%d distinct codes" % len(set(codes)))
    rows = sql("SELECT code FROM applications WHERE code LIKE %s" % quote(prefix + "%"))
    new = {r[0] for r in rows} - before
    check(new == set(codes), "rows and receipts differ")
    # No gap: per day, the numbers are 1..last.
    byday = {}
    for c in {r[0] for r in rows}:
        _, day, n = c.split("-")
        byday.setdefault(day, []).append(int(n))
    for day, ns in byday.items():
        check(sorted(ns) == list(range(1, len(ns) + 1)), "gap on %s: %r" % (day, sorted(ns)[:20]))
    last = sql("SELECT DATE_FORMAT(day, '%%y%%m%%d'), last FROM application_seq s JOIN units u "
               "ON u.id = s.unit_id WHERE u.slug = %s" % quote(unit))
    for day, n in last:
        check(int(n) == len(byday.get(day, [])), "sequence %s at %s, %d codes" % (
            day, n, len(byday.get(day, []))))


@case
def submit_latency():
    times = []
    for _ in range(20):
        t0 = time.monotonic()
        r = RES.client.post(FORM, body())
        times.append(time.monotonic() - t0)
        check(r.status == 303, "%d" % r.status)
    print("submit latency: median %.1f ms, max %.1f ms (20 submissions, ASan build)" % (
        statistics.median(times) * 1000, max(times) * 1000))


if __name__ == "__main__":
    main()
