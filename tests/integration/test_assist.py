"""The community digital-technology team (tổ công nghệ số cộng đồng) and
assisted submission (issue 8), through nginx: the role granted at
/quan-tri/nguoi-dung/{id} like the other unit roles and shown on
/tai-khoan; the "Nộp hộ người dân" section of /thu-tuc/{code}/nop for
members only; an assisted submission recorded for the resident
(applicant_id), with the helper (assisted_by), the helper's unit, an event
note and an audit row naming the helper, and the line "Nộp với sự hỗ trợ
của tổ công nghệ số: <name>" on the receipt and /ho-so/{code}; refusals
that write nothing (no consent, no such account, another unit, a draft,
one's own number; a non-member: 403).  Also the catalogue's link
"Nộp hồ sơ trực tuyến" on /thu-tuc/{code} (shown only when the version in
force has an e-form and can be done online) and the administrator's link
to /quan-tri/thu-tuc."""
import json
import os
import re
import secrets
import uuid

from lib import (DEMO_ADMIN, DEMO_DIGITAL, ROOT, Client, case, check, demo_login, eform_values,
                 ensure_procedure, fresh, main, register, sql, sql_quote as quote, sql_value)

ADDR = "127.0.8.21"
CODE = "1.001193"
ensure_procedure(CODE)
FORM = "/thu-tuc/%s/nop" % CODE
EFORM = json.load(open(os.path.join(ROOT, "migrations", "seed", "eforms", CODE + ".json"),
                       encoding="utf-8"))
UNITS = dict(sql("SELECT slug, id FROM units WHERE slug IN ('ba-hang', 'bai-bong')"))
UNIT_CODES = dict(sql("SELECT slug, code FROM units WHERE slug IN ('ba-hang', 'bai-bong')"))
TAG = uuid.uuid4().hex[:8]
HELPER_NAME = sql_value("SELECT full_name FROM users WHERE phone = %s" % quote(DEMO_DIGITAL))
HELPER_ID = int(sql_value("SELECT id FROM users WHERE phone = %s" % quote(DEMO_DIGITAL)))
HELPER_LINE = "Nộp với sự hỗ trợ của tổ công nghệ số: %s" % HELPER_NAME

HELPER = demo_login(DEMO_DIGITAL, ADDR)
RES = register(Client(ADDR), name="Hoàng Thị Được Hỗ Trợ")


def valid_values():
    return eform_values(EFORM, UNIT_CODES["ba-hang"], "Hoàng Văn Bé", "Tổ dân phố 5")


def body(phone=None, consent="co", action="nop", unit="ba-hang", key=None):
    f = valid_values()
    f.update({"hanh_dong": action, "khoa_nop": key or secrets.token_hex(32),
              "don_vi": str(UNITS[unit])})
    # The e-form's required document (the birth certificate), a small PDF.
    f["tep_1"] = ("giay-chung-sinh.pdf", b"%PDF-1.4\n% ho tro " + secrets.token_hex(4).encode()
                  + b"\n%%EOF\n", "application/pdf")
    if phone is not None:
        f["sdt_nguoi_dan"] = phone
    if consent is not None:
        f["dong_y_nop_ho"] = consent
    return f


def count_apps():
    """Applications of the resident, and those the demo member helped with."""
    return sql("SELECT (SELECT COUNT(*) FROM applications WHERE applicant_id = %d), "
               "(SELECT COUNT(*) FROM applications WHERE assisted_by = %d)" % (RES.id, HELPER_ID))


# ---------------------------------------------------------------------------
# The role.

MEMBER_BB = {}


@case
def role_granted_by_admin_and_shown_on_account():
    admin = demo_login(DEMO_ADMIN, ADDR)
    m = register(Client(ADDR), name="Lý Văn Công Nghệ")
    page = "/quan-tri/nguoi-dung/%d" % m.id
    r = admin.get(page)
    check(r.status == 200 and 'value="digital"' in r.text and "Tổ công nghệ số cộng đồng" in r.text,
          "admin page: %d" % r.status)
    # Held in one unit: without one, refused and nothing granted.
    r = admin.post(page + "/cap-quyen", {"vai_tro": "digital", "don_vi": ""})
    check(r.status == 422, "digital without a unit: %d" % r.status)
    check(sql("SELECT COUNT(*) FROM user_roles WHERE user_id = %d AND role = 'digital'" % m.id)
          == [["0"]], "granted without a unit")
    r = admin.post(page + "/cap-quyen", {"vai_tro": "digital", "don_vi": str(UNITS["bai-bong"])})
    check(r.status == 303, "grant: %d %s" % (r.status, r.text[:300]))
    check(sql("SELECT role, unit_id FROM user_roles WHERE user_id = %d AND role = 'digital'" % m.id)
          == [["digital", str(UNITS["bai-bong"])]], "the role row")
    c = Client(ADDR)
    check(c.login(m.phone, m.password).status == 303, "member signs in")
    r = c.get("/tai-khoan")
    check(r.status == 200 and "Tổ công nghệ số cộng đồng" in r.text and "Bãi Bông" in r.text,
          "/tai-khoan shows the role")
    MEMBER_BB.update(client=c, id=m.id)
    # The demo member of ba-hang (portalctl seed).
    r = HELPER.get("/tai-khoan")
    check("Tổ công nghệ số cộng đồng" in r.text and "Ba Hàng" in r.text, "demo member's roles")


@case
def admin_links_to_procedure_administration():
    admin = demo_login(DEMO_ADMIN, ADDR)
    r = admin.get("/quan-tri/nguoi-dung")
    check(r.status == 200 and 'href="/quan-tri/thu-tuc"' in r.text, "no link: %d" % r.status)
    check(admin.get("/quan-tri/thu-tuc").status == 200, "the link does not answer")


# ---------------------------------------------------------------------------
# The catalogue's link to applying.

def make_procedure(code, online, eform):
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Thử nghiệm', 'thu-nghiem'); "
        "INSERT INTO procedures (code) VALUES (%s); "
        "INSERT INTO procedure_versions (procedure_id, version, name, sector_id, online_level, "
        "processing_days, published, eform) SELECT p.id, 1, 'Thủ tục thử nộp hộ', s.id, %s, 3, 1, %s "
        "FROM procedures p, sectors s WHERE p.code = %s AND s.slug = 'thu-nghiem'; "
        "UPDATE procedures p SET current_version = (SELECT MAX(v.id) FROM procedure_versions v "
        "WHERE v.procedure_id = p.id) WHERE p.code = %s"
        % (quote(code), quote(online), quote(eform) if eform else "NULL", quote(code), quote(code)))


def drop_procedure(code):
    """Removes a procedure of the test's (never applied for), so that the
    catalogue's totals stay the seed's."""
    q = quote(code)
    sql("UPDATE procedures SET current_version = NULL WHERE code = %s; "
        "DELETE v FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id "
        "WHERE p.code = %s; DELETE FROM procedures WHERE code = %s" % (q, q, q))


@case
def procedure_page_links_to_applying_only_when_online():
    n = int(TAG[:6], 16) % 1000000
    codes = ["8.%06d" % n, "8.%06d" % ((n + 1) % 1000000)]
    try:
        links_only_when_online(*codes)
    finally:
        for code in codes:
            drop_procedure(code)


def links_only_when_online(none, direct):
    link = 'href="/thu-tuc/%s/nop"' % CODE
    r = Client(ADDR).get("/thu-tuc/" + CODE)
    check(r.status == 200 and link in r.text and "Nộp hồ sơ trực tuyến</a>" in r.text,
          "no link on %s: %d" % (CODE, r.status))
    # The link answers: sign-in first, then the form.
    r = Client(ADDR).get("/thu-tuc/%s/nop" % CODE)
    check(r.status == 303 and r.header("location").startswith("/dang-nhap"), "anonymous: %d" % r.status)
    check(RES.client.get("/thu-tuc/%s/nop" % CODE).status == 200, "signed in: not 200")
    # A catalogue-only procedure (no e-form), and one with an e-form that
    # is done in person only: no link.
    form = json.dumps(EFORM, ensure_ascii=False)
    make_procedure(none, "toan_trinh", None)
    make_procedure(direct, "truc_tiep", form)
    for code in (none, direct):
        r = Client(ADDR).get("/thu-tuc/" + code)
        check(r.status == 200, "%s: %d" % (code, r.status))
        check("/nop" not in r.text and "Nộp hồ sơ trực tuyến" not in r.text, "%s has the link" % code)
    # Online in part, with an e-form: the link.
    sql("UPDATE procedure_versions v JOIN procedures p ON p.current_version = v.id "
        "SET v.online_level = 'mot_phan' WHERE p.code = %s" % quote(direct))
    link = 'href="/thu-tuc/%s/nop"' % direct
    r = fresh(lambda: Client(ADDR).get("/thu-tuc/" + direct), lambda r: link in r.text)
    check(link in r.text, "mot_phan with an e-form: no link")
    check(RES.client.get("/thu-tuc/%s/nop" % direct).status == 200, "its form")


# ---------------------------------------------------------------------------
# The form's section.

@case
def section_shown_to_members_only():
    r = HELPER.get(FORM)
    check(r.status == 200, "%d" % r.status)
    check("<legend>Nộp hộ người dân</legend>" in r.text and 'name="sdt_nguoi_dan"' in r.text
          and 'name="dong_y_nop_ho"' in r.text, "no section for the member")
    check('<label for="dong-y-nop-ho">Người dân đồng ý để tổ công nghệ số nộp hồ sơ thay' in r.text,
          "consent label")
    check('<label for="sdt-nguoi-dan">' in r.text and 'href="/dang-ky"' in r.text, "phone label, register link")
    r = RES.client.get(FORM)
    check(r.status == 200 and "sdt_nguoi_dan" not in r.text and "Nộp hộ" not in r.text,
          "a resident sees the section")


@case
def non_member_is_refused():
    before = count_apps()
    for who in (RES.client, demo_login("0912000021", ADDR)):     # a resident, one-stop staff
        for f in (body(phone=RES.phone), body(phone="", consent="co"), body(phone=RES.phone, consent=None)):
            r = who.post(FORM, f)
            check(r.status == 403, "non-member: %d" % r.status)
            check("Chỉ thành viên tổ công nghệ số cộng đồng" in r.text, "the reason")
    check(count_apps() == before, "something was written")


@case
def refusals_write_nothing():
    before = count_apps()
    # No consent: the field's error, what was typed kept.
    r = HELPER.post(FORM, body(phone=RES.phone, consent=None))
    check(r.status == 422, "no consent: %d" % r.status)
    check("Cần đánh dấu ô xác nhận người dân đồng ý" in r.text and 'href="#dong-y-nop-ho"' in r.text,
          "consent error")
    check('value="%s"' % RES.phone in r.text and "Hoàng Thị Được Hỗ Trợ" in r.text, "phone / resident lost")
    check('aria-invalid="true" aria-describedby="loi-dong-y-nop-ho"' in r.text, "checkbox marked")
    r = HELPER.post(FORM, body(phone=RES.phone, consent="khong"))
    check(r.status == 422 and "Cần đánh dấu ô xác nhận" in r.text, "consent not 'co': %d" % r.status)
    # No account with that number: say so, point to registering.
    r = HELPER.post(FORM, body(phone="0987000000" if sql_value(
        "SELECT COUNT(*) FROM users WHERE phone = '0987000000'") == "0" else "0986999999"))
    check(r.status == 422 and "Chưa có tài khoản nào với số điện thoại này" in r.text
          and 'href="/dang-ky"' in r.text, "unknown phone: %d" % r.status)
    for bad, msg in (("0123", "không hợp lệ"), ("", "Vui lòng nhập số điện thoại của người dân"),
                     (DEMO_DIGITAL, "số điện thoại của chính bạn")):
        r = HELPER.post(FORM, body(phone=bad))
        check(r.status == 422 and msg in r.text, "phone %r: %d" % (bad, r.status))
    # Another unit than the member's.
    r = HELPER.post(FORM, body(phone=RES.phone, unit="bai-bong"))
    check(r.status == 422 and "chỉ nộp hộ hồ sơ tại phường, xã của mình" in r.text,
          "another unit: %d" % r.status)
    # A unit that does not exist: one message, the form's own.
    f = body(phone=RES.phone)
    f["don_vi"] = "999999"
    r = HELPER.post(FORM, f)
    check(r.status == 422 and r.text.count('href="#don-vi"') == 1, "unknown unit: %d" % r.status)
    # The alert lists the errors in the order of the page.
    r = HELPER.post(FORM, body(phone="0123", consent=None, unit="bai-bong"))
    t = r.text
    check(r.status == 422 and 0 < t.find('href="#don-vi"') < t.find('href="#sdt-nguoi-dan"')
          < t.find('href="#dong-y-nop-ho"'), "alert order")
    # Never a draft.
    r = HELPER.post(FORM, body(phone=RES.phone, action="luu-nhap"))
    check(r.status == 422 and "không lưu nháp" in r.text, "draft: %d" % r.status)
    # An empty e-form with valid assisted fields: the e-form's errors.
    r = HELPER.post(FORM, {"hanh_dong": "nop", "khoa_nop": secrets.token_hex(32),
                           "don_vi": str(UNITS["ba-hang"]), "sdt_nguoi_dan": RES.phone,
                           "dong_y_nop_ho": "co"})
    check(r.status == 422, "empty e-form: %d" % r.status)
    check(count_apps() == before, "something was written: %r -> %r" % (before, count_apps()))


# ---------------------------------------------------------------------------
# The assisted submission.

@case
def assisted_submission_recorded_for_the_resident():
    before = count_apps()
    f = body(phone=RES.phone.replace("09", "09 ", 1))         # typed with a space
    r = HELPER.post(FORM, f)
    check(r.status == 303, "%d %s" % (r.status, r.text[:500]))
    m = re.match(r"^/ho-so/(\d{5}-\d{6}-\d{4})/bien-nhan$", r.header("location") or "")
    check(m, r.header("location"))
    code = m.group(1)
    check(code.startswith(UNIT_CODES["ba-hang"] + "-"), "not ba-hang's code: " + code)
    row = sql("SELECT id, applicant_id, assisted_by, unit_id, status, channel FROM applications "
              "WHERE code = %s" % quote(code))
    check(row and row[0][1:] == [str(RES.id), str(HELPER_ID), str(UNITS["ba-hang"]), "1", "online"],
          repr(row))
    aid = int(row[0][0])
    ev = sql("SELECT actor_id, from_status, to_status, note FROM application_events "
             "WHERE application_id = %d" % aid)
    check(ev == [[str(HELPER_ID), "0", "1", "Nộp hồ sơ trực tuyến với sự hỗ trợ của tổ công nghệ số: "
                  + HELPER_NAME]], repr(ev))
    au = sql("SELECT actor_id, action, detail FROM audit_log WHERE object_type = 'application' "
             "AND object_id = %s" % quote(str(aid)))
    check(len(au) == 1 and au[0][0] == str(HELPER_ID) and au[0][1] == "application_submit_assisted"
          and code in au[0][2] and HELPER_NAME in au[0][2], repr(au))
    # The same POST again (a retry, a second click): one application.
    r2 = HELPER.post(FORM, f)
    check(r2.status == 303 and r2.header("location") == r.header("location"), "retry: %d" % r2.status)
    b = count_apps()
    check(b == [[str(int(before[0][0]) + 1), str(int(before[0][1]) + 1)]], "%r -> %r" % (before, b))
    # The receipt, to the helper and to the resident, names the helper.
    for who in (HELPER, RES.client):
        r = who.get("/ho-so/%s/bien-nhan" % code)
        check(r.status == 200, "receipt: %d" % r.status)
        check(HELPER_LINE in r.text and "Hoàng Thị Được Hỗ Trợ" in r.text, "receipt lines")
    # The resident's list and page; the helper may not see the page.
    r = RES.client.get("/ho-so")
    check(r.status == 200 and code in r.text, "not in the resident's /ho-so")
    r = RES.client.get("/ho-so/" + code)
    check(r.status == 200 and HELPER_LINE in r.text, "/ho-so/{code}: %d" % r.status)
    check(HELPER.get("/ho-so/" + code).status == 404, "the helper sees the resident's page")
    # Another unit's member and another resident: not found.
    check(MEMBER_BB["client"].get("/ho-so/%s/bien-nhan" % code).status == 404, "another member")
    other = register(Client(ADDR), name="Người Khác Hẳn")
    check(other.client.get("/ho-so/%s/bien-nhan" % code).status == 404, "another resident")


@case
def unassisted_application_has_no_helper_line():
    r = RES.client.post(FORM, body(consent=None))
    check(r.status == 303, "%d" % r.status)
    code = r.header("location").split("/")[2]
    row = sql("SELECT applicant_id, IFNULL(assisted_by, 0) FROM applications WHERE code = %s" % quote(code))
    check(row == [[str(RES.id), "0"]], repr(row))
    r = RES.client.get("/ho-so/%s/bien-nhan" % code)
    check(r.status == 200 and "tổ công nghệ số" not in r.text, "a helper line without a helper")
    # A member applying for themselves (no assisted fields): theirs, unassisted.
    r = HELPER.post(FORM, body(consent=None))
    check(r.status == 303, "member for self: %d" % r.status)
    code = r.header("location").split("/")[2]
    row = sql("SELECT applicant_id, IFNULL(assisted_by, 0) FROM applications WHERE code = %s" % quote(code))
    check(row == [[str(HELPER_ID), "0"]], repr(row))


if __name__ == "__main__":
    main()
