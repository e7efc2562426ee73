"""The one-stop desk's transitions (issue 9, part A), through nginx, at
/mot-cua/ho-so/{code}: the transition table (every action from every
status for staff and a leader of the unit, written out by hand below from
README "The one-stop desk"; the resident 403; staff and leaders of another
unit 404); what is wrong in a form (400, nothing changes); the supplement's
pause and resume (the appointment moves by the working days paused); the
race (two staff sessions, one version: one 303, one 409, one event); the
apology with a new appointment; internal notes never shown to the
applicant (page, tracking, API, mail); and the whole story of the issue's
"Done means" on the birth-registration procedure, with a mail at each
step and the result downloaded by the resident."""
import datetime
import hashlib
import json
import os
import re
import secrets
import uuid
from concurrent.futures import ThreadPoolExecutor

from lib import (ROOT, Client, case, check, demo_login, ensure_procedure, eform_values, mails_to, main, sql,
                 sql_value, stack_env, wait_for)

ADDR = "127.0.9.21"
TAG = uuid.uuid4().hex[:8]
PROC = "1.001193"                      # đăng ký khai sinh
ensure_procedure(PROC)
EFORM = json.load(open(os.path.join(ROOT, "migrations", "seed", "eforms", PROC + ".json"), encoding="utf-8"))
UNIT = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
UNIT_CODE = sql_value("SELECT code FROM units WHERE slug = 'ba-hang'")

STAFF = demo_login("0912000021", ADDR)       # staff of ba-hang
STAFF2 = demo_login("0912000021", ADDR)      # the same officer, a second browser
LEADER = demo_login("0912000031", ADDR)      # leader of ba-hang
STAFF_BB = demo_login("0912000022", ADDR)    # staff of bai-bong
LEADER_BB = demo_login("0912000032", ADDR)    # leader of bai-bong
RESIDENT = demo_login("0912000041", ADDR)    # dan@example.com
STAFF_ID = sql_value("SELECT id FROM users WHERE phone = '0912000021'")
STAFF_BB_ID = sql_value("SELECT id FROM users WHERE phone = '0912000022'")
RES_MAIL = "dan@example.com"
sql("UPDATE users SET email_verified_at = COALESCE(email_verified_at, UTC_TIMESTAMP()) "
    "WHERE phone = '0912000041'")

STALE = "Hồ sơ đã được người khác thay đổi"


def pdf(tag):
    return b"%PDF-1.4\n% " + tag.encode() + b"\n" + os.urandom(32).hex().encode() + b"\n%%EOF\n"


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def apply(client):
    """Submits a birth registration with its required document; returns
    (code, id)."""
    f = eform_values(EFORM, UNIT_CODE)
    f.update({"hanh_dong": "nop", "khoa_nop": secrets.token_hex(32), "don_vi": UNIT,
              "tep_1": ("giay-chung-sinh.pdf", pdf("chung sinh"), "application/pdf")})
    r = client.post("/thu-tuc/%s/nop" % PROC, f)
    check(r.status == 303, "apply: %d %s" % (r.status, r.text[:300]))
    code = re.match(r"^/ho-so/([0-9-]+)/bien-nhan$", r.header("location")).group(1)
    return code, int(sql_value("SELECT id FROM applications WHERE code = '%s'" % code))


def url(code):
    return "/mot-cua/ho-so/%s" % code


def row(aid, cols="status, version"):
    return sql("SELECT %s FROM applications WHERE id = %d" % (cols, aid))[0]


def version(aid):
    return int(sql_value("SELECT version FROM applications WHERE id = %d" % aid))


def events(aid):
    return int(sql_value("SELECT COUNT(*) FROM application_events WHERE application_id = %d" % aid))


def holidays():
    return set(datetime.date.fromisoformat(d) for (d,) in sql("SELECT day FROM holidays"))


def working(d, off):
    return d.weekday() < 5 and d not in off


def next_working(d, off, n=1):
    while n > 0:
        d += datetime.timedelta(days=1)
        if working(d, off):
            n -= 1
    return d


def today():
    """The city's day (UTC+7)."""
    return (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).date()


def act(client, code, aid, action, ver=None, **fields):
    f = {"hanh_dong": action, "phien_ban": str(ver if ver is not None else version(aid))}
    f.update(fields)
    return client.post(url(code), f)


# The valid fields of each action (they are only used where it is allowed).
def fields_for(action):
    day = next_working(today(), holidays()).isoformat()
    return {
        "tiep-nhan": {}, "tu-choi": {"ghi_chu": "Hồ sơ không thuộc thẩm quyền"},
        "phan-cong": {"can_bo": STAFF_ID}, "yeu-cau-bo-sung": {"ghi_chu": "Giấy chứng sinh bản gốc"},
        "nhan-bo-sung": {}, "yeu-cau-thanh-toan": {"so_tien": "50000"}, "da-thanh-toan": {},
        "dung": {"ghi_chu": "Người nộp đề nghị dừng"},
        "ket-qua": {"tep_ket_qua": ("ket-qua.pdf", pdf("ket qua"), "application/pdf")},
        "phe-duyet": {}, "hoan-thanh": {}, "tra-ket-qua": {"kenh": "counter"},
        "xin-loi": {"ngay": day, "ghi_chu": "Cán bộ nghỉ ốm"},
        "ghi-chu": {"ghi_chu": "ghi chú " + TAG}, "nhan-tin": {"ghi_chu": "lời nhắn " + TAG},
    }[action]


# THE TABLE, by hand from README: action -> (statuses it starts from, the
# status it goes to or None when it stays, who: s staff, l leader).
TABLE = {
    "tiep-nhan": ({1}, 2, "s"),
    "tu-choi": ({1}, 3, "s"),
    "phan-cong": ({2, 4}, 4, "sl"),
    "yeu-cau-bo-sung": ({2, 4}, 5, "s"),
    "nhan-bo-sung": ({5}, 4, "s"),
    "yeu-cau-thanh-toan": ({4}, 6, "s"),
    "da-thanh-toan": ({6}, 4, "s"),
    "dung": ({4, 5, 6}, 8, "sl"),
    "ket-qua": ({4}, None, "s"),
    "phe-duyet": ({4}, None, "l"),
    "hoan-thanh": ({4}, 9, "s"),
    "tra-ket-qua": ({9}, 10, "s"),
    "xin-loi": ({1, 2, 4, 5, 6}, None, "s"),
    "ghi-chu": (set(range(1, 11)), None, "sl"),
    "nhan-tin": (set(range(1, 11)), None, "s"),
}


def stored_result():
    """A result PDF put into the stack's store as app/store.c names it
    (so that portalctl check-store finds the file of every row): its
    sha256 and size."""
    data = b"%PDF-1.4\n% ket qua " + TAG.encode() + b"\n%%EOF\n"
    sha = hashlib.sha256(data).hexdigest()
    path = os.path.join(stack_env()["PORTAL_STORAGE_DIR"], sha[:2], sha[2:4], sha)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return sha, len(data)


RESULT = stored_result()


def prepare(aid, status, action):
    """Puts application aid at status with every condition of action met:
    the applicant's supplement in, a result file, the appointment passed,
    the unit approving results (approved only for hoan-thanh)."""
    sql("UPDATE units SET result_approval = 1 WHERE id = %s" % UNIT)
    sql("DELETE FROM attachments WHERE application_id = %d AND kind = 'result'" % aid)
    sql("INSERT INTO attachments (application_id, slot, filename, sha256, size, mime, kind) "
        "VALUES (%d, 'ket_qua', 'kq.pdf', '%s', %d, 'application/pdf', 'result')" % ((aid,) + RESULT))
    sql("UPDATE applications SET status = %d, version = version + 1, supplied_at = UTC_TIMESTAMP(), "
        "paused_at = UTC_TIMESTAMP(), due_at = CURRENT_DATE - INTERVAL 3 DAY, "
        "approved_by = %s, approved_at = %s WHERE id = %d"
        % (status, STAFF_ID if action == "hoan-thanh" else "NULL",
           "UTC_TIMESTAMP()" if action == "hoan-thanh" else "NULL", aid))


@case
def transition_table_by_role():
    code, aid = apply(RESIDENT)
    cells = 0
    for action, (starts, to, who) in TABLE.items():
        for status in range(1, 11):
            for actor, role in ((STAFF, "s"), (LEADER, "l")):
                prepare(aid, status, action)
                before = events(aid)
                r = act(actor, code, aid, action, **fields_for(action))
                want = 403 if role not in who else 303 if status in starts else 409
                cells += 1
                check(r.status == want, "%s at %d by %s: %d, expected %d: %s" % (
                    action, status, role, r.status, want, r.text[:200]))
                st = int(row(aid)[0])
                if want == 303:
                    check(st == (to if to is not None else status), "%s at %d: now %d" % (action, status, st))
                    check(events(aid) > before, "%s at %d: no event" % (action, status))
                    check(r.header("location") == url(code) + "?tb=da-xu-ly", r.header("location"))
                else:
                    check(st == status and events(aid) == before, "%s at %d: changed" % (action, status))
    check(cells == 15 * 10 * 2, "cells %d" % cells)
    sql("UPDATE units SET result_approval = 0 WHERE id = %s" % UNIT)
    # Neither the resident nor anyone of another unit.
    prepare(aid, 1, "tiep-nhan")
    v, n = version(aid), events(aid)
    check(RESIDENT.get(url(code)).status == 403, "resident GET")
    check(act(RESIDENT, code, aid, "tiep-nhan").status == 403, "resident POST")
    for c in (STAFF_BB, LEADER_BB):
        check(c.get(url(code)).status == 404, "another unit GET")
        check(act(c, code, aid, "tiep-nhan").status == 404, "another unit POST")
        check(act(c, code, aid, "ghi-chu", ghi_chu="x").status == 404, "another unit note")
    check(version(aid) == v and events(aid) == n, "changed by the refused")
    check(STAFF.get(url("99999-000000-0000")).status == 404, "unknown code")


@case
def the_page_shows_only_what_is_allowed():
    code, aid = apply(RESIDENT)
    t = STAFF.get(url(code)).text
    for w in ("tiep-nhan", "tu-choi", "ghi-chu", "nhan-tin"):
        check('name="hanh_dong" value="%s"' % w in t, "form %s missing" % w)
    for w in ("phan-cong", "hoan-thanh", "phe-duyet", "xin-loi", "tra-ket-qua"):
        check('name="hanh_dong" value="%s"' % w not in t, "form %s shown at 1" % w)
    check('name="phien_ban" value="%d"' % version(aid) in t, "version")
    check("Giấy chứng sinh" in t or "giay-chung-sinh.pdf" in t, "the files")
    check('href="/ho-so/%s/tep/' % code in t, "file links")
    t = LEADER.get(url(code)).text
    check('value="tiep-nhan"' not in t and 'value="ghi-chu"' in t, "leader's forms at 1")


@case
def bad_input_changes_nothing():
    code, aid = apply(RESIDENT)
    v, n = version(aid), events(aid)
    cases = [
        ({"hanh_dong": "xoa-ho-so", "phien_ban": str(v)}, 400, "Thao tác không hợp lệ"),
        ({"hanh_dong": "tiep-nhan"}, 400, "phiên bản"),
        ({"hanh_dong": "tu-choi", "phien_ban": str(v), "ghi_chu": "  "}, 400, "lý do"),
        ({"hanh_dong": "tiep-nhan", "phien_ban": str(v + 1)}, 409, STALE),
    ]
    for f, st, why in cases:
        r = STAFF.post(url(code), f)
        check(r.status == st and why in r.text, "%r: %d %s" % (f, r.status, r.text[:300]))
    check(act(STAFF, code, aid, "tiep-nhan").status == 303, "receive")
    check(act(STAFF, code, aid, "phan-cong", can_bo=STAFF_BB_ID).status == 400, "another unit's officer")
    check(act(STAFF, code, aid, "phan-cong", can_bo="abc").status == 400, "not an id")
    check(act(STAFF, code, aid, "phan-cong", can_bo=STAFF_ID).status == 303, "assign")
    v, n = version(aid), events(aid)
    for f, why in (({"so_tien": "0"}, "số tiền"), ({"so_tien": "12a"}, "số tiền")):
        r = act(STAFF, code, aid, "yeu-cau-thanh-toan", **f)
        check(r.status == 400 and why in r.text.lower(), "amount %r: %d" % (f, r.status))
    r = act(STAFF, code, aid, "yeu-cau-bo-sung", ghi_chu="")
    check(r.status == 400 and "mỗi giấy tờ một dòng" in r.text, "supplement without the list: %d" % r.status)
    r = act(STAFF, code, aid, "ket-qua", tep_ket_qua=("anh.png", PNG, "image/png"))
    check(r.status == 415 and "PDF" in r.text, "a PNG result: %d" % r.status)
    r = act(STAFF, code, aid, "ket-qua", tep_ket_qua=("ket-qua.pdf", b"not a pdf", "application/pdf"))
    check(r.status == 415, "a text result: %d" % r.status)
    r = act(STAFF, code, aid, "hoan-thanh")
    check(r.status == 409 and "Chưa tải lên kết quả" in r.text, "done without a result: %d" % r.status)
    sql("UPDATE applications SET due_at = CURRENT_DATE - INTERVAL 1 DAY WHERE id = %d" % aid)
    r = act(STAFF, code, aid, "xin-loi", ngay=today().isoformat(), ghi_chu="trễ")
    check(r.status == 400 and "sau ngày hôm nay" in r.text, "apology for today: %d" % r.status)
    sat = today() + datetime.timedelta(days=(5 - today().weekday()) % 7 or 7)
    r = act(STAFF, code, aid, "xin-loi", ngay=sat.isoformat(), ghi_chu="trễ")
    check(r.status == 400 and "ngày làm việc" in r.text, "apology for a Saturday: %d" % r.status)
    r = act(STAFF, code, aid, "xin-loi", ngay="2026-02-30", ghi_chu="trễ")
    check(r.status == 400, "not a date: %d" % r.status)
    check(version(aid) == v and events(aid) == n, "changed by bad input")
    check(int(sql_value("SELECT COUNT(*) FROM attachments WHERE application_id = %d AND kind = 'result'"
                        % aid)) == 0, "a refused result recorded")


@case
def supplement_pauses_and_resumes_the_clock():
    code, aid = apply(RESIDENT)
    for a, f in (("tiep-nhan", {}), ("phan-cong", {"can_bo": STAFF_ID})):
        check(act(STAFF, code, aid, a, **f).status == 303, a)
    r = act(STAFF, code, aid, "yeu-cau-bo-sung", ghi_chu="Giấy chứng sinh bản gốc\nCCCD của người đi khai")
    check(r.status == 303, "ask: %d" % r.status)
    check(row(aid, "status, paused_at IS NOT NULL, supplied_at IS NULL") == ["5", "1", "1"], "paused")
    note = sql_value("SELECT REPLACE(note, CHAR(10), '|') FROM application_events "
                     "WHERE application_id = %d AND to_status = 5" % aid)
    check(note == "Giấy chứng sinh bản gốc|CCCD của người đi khai", "one document a line: %r" % note)
    # Not yet answered: nothing to accept.
    check('value="nhan-bo-sung"' not in STAFF.get(url(code)).text, "accept shown before the answer")
    check(act(STAFF, code, aid, "nhan-bo-sung").status == 409, "accept before the answer")
    t = RESIDENT.get("/ho-so/%s" % code).text
    check("CCCD của người đi khai" in t and 'action="/ho-so/%s/bo-sung"' % code in t, "resident's form")
    r = RESIDENT.post("/ho-so/%s/bo-sung" % code, {"phien_ban": str(version(aid)),
                                                 "tep_1": ("cccd.pdf", pdf("cccd"), "application/pdf")})
    check(r.status == 303, "supply: %d" % r.status)
    check(row(aid, "status, supplied_at IS NOT NULL") == ["5", "1"], "still 5, supplied")
    # Paused seven days ago, with a known appointment: the clock stood still
    # for the working days from the pause's day to yesterday.
    off = holidays()
    paused = today() - datetime.timedelta(days=7)
    due = next_working(today(), off, 3)
    sql("UPDATE applications SET paused_at = '%s 03:00:00', due_at = '%s' WHERE id = %d"
        % (paused.isoformat(), due.isoformat(), aid))
    n = sum(1 for i in range(7) if working(paused + datetime.timedelta(days=i), off))
    check(n >= 4, "paused days %d" % n)
    t = STAFF.get(url(code)).text
    check('value="nhan-bo-sung"' in t and "Người nộp đã bổ sung" in t, "accept form")
    check(act(STAFF, code, aid, "nhan-bo-sung").status == 303, "accept")
    want = next_working(due, off, n)
    check(row(aid, "status, due_at, paused_at IS NULL, supplied_at IS NULL") ==
          ["4", want.isoformat(), "1", "1"], "resumed: %r, want due %s" % (
              row(aid, "status, due_at, paused_at, supplied_at"), want))


@case
def race_two_staff_one_version():
    code, aid = apply(RESIDENT)
    v, n = version(aid), events(aid)
    STAFF.token(), STAFF2.token()
    with ThreadPoolExecutor(2) as ex:
        rs = list(ex.map(lambda c: act(c, code, aid, "tiep-nhan", ver=v), (STAFF, STAFF2)))
    sts = sorted(r.status for r in rs)
    check(sts == [303, 409], "statuses %r" % sts)
    lost = [r for r in rs if r.status == 409][0]
    check(STALE in lost.text and "Được tiếp nhận" in lost.text, "409 page: current state")
    check(events(aid) == n + 1 and row(aid) == ["2", str(v + 1)], "one event, one change")
    check(int(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'desk_receive' AND object_id = '%d'"
                        % aid)) == 1, "one audit row")
    # Two different actions on one version: one wins as well.
    v = version(aid)
    with ThreadPoolExecutor(2) as ex:
        rs = list(ex.map(lambda ca: act(ca[0], code, aid, ca[1], ver=v, **fields_for(ca[1])),
                         ((STAFF, "phan-cong"), (LEADER, "ghi-chu"))))
    check(sorted(r.status for r in rs) == [303, 409], "%r" % [r.status for r in rs])


@case
def internal_notes_stay_inside():
    code, aid = apply(RESIDENT)
    secret = "GHI-CHU-NOI-BO-" + TAG
    message = "LOI-NHAN-" + TAG
    check(act(LEADER, code, aid, "ghi-chu", ghi_chu=secret).status == 303, "note")
    check(act(STAFF, code, aid, "nhan-tin", ghi_chu=message).status == 303, "message")
    check(sql("SELECT kind, internal FROM application_events WHERE application_id = %d AND kind <> 'status' "
              "ORDER BY id" % aid) == [["note", "1"], ["message", "0"]], "kinds")
    t = STAFF.get(url(code)).text
    check(secret in t and "Nội bộ" in t and message in t, "the desk sees both")
    t = RESIDENT.get("/ho-so/%s" % code).text
    check(secret not in t and message in t, "resident's page")
    for p in ("/tra-cuu?ma=%s&xac-minh=0041" % code, "/api/v1/track?ma=%s&xac-minh=0041" % code):
        r = Client(ADDR).get(p)
        check(r.status == 200 and secret not in r.text and message not in r.text, "%s: %d" % (p, r.status))
    check(wait_for(lambda: any(message in m.get_body(("plain",)).get_content()
                               for m in mails_to(RES_MAIL) if code in m["subject"]), 20), "message mailed")
    body = [m.get_body(("plain",)).get_content() for m in mails_to(RES_MAIL)
            if code in m["subject"] and message in m.get_body(("plain",)).get_content()][0]
    check("cán bộ gửi bạn lời nhắn" in body and "đã chuyển sang trạng thái" not in body, body)
    check(not any(secret in m.get_body(("plain",)).get_content() for m in mails_to(RES_MAIL)), "note mailed")


@case
def apology_with_a_new_appointment():
    code, aid = apply(RESIDENT)
    check(act(STAFF, code, aid, "tiep-nhan").status == 303, "receive")
    check('value="xin-loi"' not in STAFF.get(url(code)).text, "apology before the appointment passed")
    check(act(STAFF, code, aid, "xin-loi", ngay="2099-01-05", ghi_chu="x").status == 409, "not late")
    sql("UPDATE applications SET due_at = CURRENT_DATE - INTERVAL 2 DAY, late_at = UTC_TIMESTAMP() "
        "WHERE id = %d" % aid)
    t = STAFF.get(url(code)).text
    check('value="xin-loi"' in t and "quá hạn" in t, "late shown, apology offered")
    day = next_working(today(), holidays(), 2)
    r = act(STAFF, code, aid, "xin-loi", ngay=day.isoformat(), ghi_chu="Chờ xác minh của cơ quan khác")
    check(r.status == 303, "apology: %d %s" % (r.status, r.text[:300]))
    check(row(aid, "status, due_at, late_at IS NULL") == ["2", day.isoformat(), "1"], "new day")
    check(sql("SELECT kind, internal, due_at FROM application_events WHERE application_id = %d "
              "ORDER BY id DESC LIMIT 1" % aid) == [["apology", "0", day.isoformat()]], "event")
    t = RESIDENT.get("/ho-so/%s" % code).text
    check("Thư xin lỗi" in t and day.strftime("%d/%m/%Y") in t, "resident sees the apology")
    check(wait_for(lambda: any("Chờ xác minh" in m.get_body(("plain",)).get_content()
                               for m in mails_to(RES_MAIL) if code in m["subject"]), 20), "apology mailed")


@case
def the_whole_story_with_mails():
    """Done means: receive, supplement, supplied, accepted, assigned,
    result, leader's approval, done, returned online; the resident got a
    mail at each step and downloads the result."""
    sql("UPDATE units SET result_approval = 1 WHERE id = %s" % UNIT)
    try:
        code, aid = apply(RESIDENT)
        steps = [(STAFF, "tiep-nhan", {}),
                 (STAFF, "yeu-cau-bo-sung", {"ghi_chu": "Bản sao giấy kết hôn của cha mẹ"})]
        for c, a, f in steps:
            check(act(c, code, aid, a, **f).status == 303, a)
        r = RESIDENT.post("/ho-so/%s/bo-sung" % code, {"phien_ban": str(version(aid)),
                          "tep_1": ("ket-hon.pdf", pdf("ket hon"), "application/pdf")})
        check(r.status == 303, "supply %d" % r.status)
        result = pdf("trich luc khai sinh")
        steps = [(STAFF, "nhan-bo-sung", {}), (LEADER, "phan-cong", {"can_bo": STAFF_ID}),
                 (STAFF, "ket-qua", {"tep_ket_qua": ("trich-luc-khai-sinh.pdf", result, "application/pdf")})]
        for c, a, f in steps:
            r = act(c, code, aid, a, **f)
            check(r.status == 303, "%s: %d %s" % (a, r.status, r.text[:300]))
        r = act(STAFF, code, aid, "hoan-thanh")
        check(r.status == 409 and "phê duyệt" in r.text, "done before approval: %d" % r.status)
        check(act(STAFF, code, aid, "phe-duyet").status == 403, "staff approves")
        check(act(LEADER, code, aid, "phe-duyet").status == 303, "leader approves")
        check(act(STAFF, code, aid, "hoan-thanh").status == 303, "done")
        # At 9 the result is not yet the resident's.
        t = RESIDENT.get("/ho-so/%s" % code).text
        check("trich-luc-khai-sinh.pdf" not in t, "result shown before it is returned")
        rid = sql_value("SELECT id FROM attachments WHERE application_id = %d AND kind = 'result'" % aid)
        check(RESIDENT.get("/ho-so/%s/tep/%s" % (code, rid)).status == 404, "result downloadable at 9")
        check(STAFF.get("/ho-so/%s/tep/%s" % (code, rid)).status == 200, "staff reads the result")
        check(act(STAFF, code, aid, "tra-ket-qua", kenh="online").status == 303, "returned")
        check(row(aid, "status, returned_via, decided_at IS NOT NULL, approved_by IS NOT NULL") ==
              ["10", "online", "1", "1"], "final row")
        t = RESIDENT.get("/ho-so/%s" % code).text
        check("Kết quả giải quyết" in t and "trich-luc-khai-sinh.pdf" in t, "result listed")
        r = RESIDENT.get("/ho-so/%s/tep/%s" % (code, rid))
        check(r.status == 200 and hashlib.sha256(r.body).digest() == hashlib.sha256(result).digest(),
              "downloaded: %d" % r.status)
        # A mail at each step the resident is told of: submitted, received,
        # supplement asked (with the list), supplied, accepted (4),
        # processing, done (9), returned (10).
        want = ["Mới đăng ký", "Được tiếp nhận", "Yêu cầu bổ sung giấy tờ", "Yêu cầu bổ sung giấy tờ",
                "Đang xử lý", "Đã xử lý xong", "Đã trả kết quả"]

        def got():
            return sorted(m["subject"] for m in mails_to(RES_MAIL) if code in m["subject"])
        check(wait_for(lambda: len(got()) >= len(want), 30), "mails: %r" % got())
        subjects = got()
        for w in set(want):
            check(sum(1 for s in subjects if s.endswith(w)) >= want.count(w), "no mail %s: %r" % (w, subjects))
        check(any("Bản sao giấy kết hôn" in m.get_body(("plain",)).get_content()
                  for m in mails_to(RES_MAIL) if code in m["subject"]), "the list is mailed")
        hist = STAFF.get(url(code)).text
        for w in ("Lãnh đạo phê duyệt kết quả", "Người nộp đã gửi giấy tờ bổ sung", "Phân công xử lý"):
            check(w in hist, "history lacks %s" % w)
    finally:
        sql("UPDATE units SET result_approval = 0 WHERE id = %s" % UNIT)


if __name__ == "__main__":
    main()
