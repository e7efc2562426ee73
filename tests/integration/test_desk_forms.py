"""The one-stop desk's printable forms and counter intake (issue 9, part
D), through nginx.

Counter intake, /mot-cua/tiep-nhan: staff register a walk-in application
for a new applicant (an account made without a password, a resident) and
for an existing one (found by phone, keeping its own name and address);
it is received at once (channel counter, status 2, received now, an
appointment date), its scanned files are in the store byte for byte
(sha256) and added by the staff member, its first event (0 -> 2) and
audit row are written, and the answer is 303 to its printable receipt
(Mẫu 01).  The same one-time key sent twice, one after the other or at
once, makes one application.  An unknown procedure, a bad phone number,
a text file named .pdf, a unit where the user is not staff: 4xx, nothing
written.  A leader (not staff) gets 403.

The forms, /mot-cua/ho-so/{code}/mau/{1..5}: each with the unit's header
in capitals and its own content (the files received and the appointment;
every missing document, one a line; the reason of a refusal; the apology
and its new date; the reason of a stop), escaped; a form that does not
apply (no such event, Mẫu 01 of an application not received or refused,
a number outside 1-5) is 404, and so is any form to staff and leaders of
another unit; a resident is refused (403).  The events are written with
SQL as migration 0015's comments fix them (part A's transitions write
them so)."""
import hashlib
import html
import os
import re
import secrets
from concurrent.futures import ThreadPoolExecutor

from lib import (Client, case, check, demo_login, ensure_procedure, main, new_phone, sql,
                 sql_quote as quote, sql_value, stack_env, user_id)

ADDR = "127.0.9.4"
CODE = "1.001193"
ensure_procedure(CODE)
BH = int(sql_value("SELECT id FROM units WHERE slug = 'ba-hang'"))
BB = int(sql_value("SELECT id FROM units WHERE slug = 'bai-bong'"))
STAFF = demo_login("0912000021", ADDR)          # ba-hang
STAFF_BB = demo_login("0912000022", ADDR)       # bai-bong
LEADER = demo_login("0912000031", ADDR)         # ba-hang
LEADER_BB = demo_login("0912000032", ADDR)      # bai-bong
RESIDENT = demo_login("0912000041", ADDR)
STAFF_ID = user_id("0912000021")
INTAKE = "/mot-cua/tiep-nhan"

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def pdf(tag):
    return b"%PDF-1.4\n% " + tag.encode() + b"\n" + os.urandom(64).hex().encode() + b"\n%%EOF\n"


def intake(client, phone, name="Trần Văn Quầy", key=None, unit=BH, proc=CODE, **extra):
    f = {"khoa_nop": key or secrets.token_hex(32), "don_vi": str(unit), "thu_tuc": proc,
         "dien_thoai": phone, "ho_ten": name}
    f.update(extra)
    return client.post(INTAKE, f)


def code_of(r):
    check(r.status == 303, "intake: %d %s" % (r.status, r.text[:800]))
    m = re.fullmatch(r"/mot-cua/ho-so/([0-9]+-[0-9]{6}-[0-9]{4})/mau/1", r.header("location") or "")
    check(m, "intake went to %r" % r.header("location"))
    return m.group(1)


def counts():
    return sql("SELECT (SELECT COUNT(*) FROM applications), (SELECT COUNT(*) FROM users), "
               "(SELECT COUNT(*) FROM attachments), (SELECT COUNT(*) FROM application_events)")[0]


def app_row(code):
    return sql("SELECT id, applicant_id, unit_id, channel, status, submitted_at = received_at, "
               "received_at IS NOT NULL, due_at IS NOT NULL, "
               "TIMESTAMPDIFF(SECOND, received_at, UTC_TIMESTAMP()) < 120 "
               "FROM applications WHERE code = %s" % quote(code))[0]


def form(client, code, n):
    return client.get("/mot-cua/ho-so/%s/mau/%d" % (code, n))


def event(code, to, note, kind="status", due=None, frm=None):
    sql("INSERT INTO application_events (application_id, actor_id, from_status, to_status, kind, "
        "note, due_at) SELECT id, %d, %d, %d, %s, %s, %s FROM applications WHERE code = %s"
        % (STAFF_ID, to if frm is None else frm, to, quote(kind), quote(note),
           quote(due) if due else "NULL", quote(code)))
    if kind == "status":
        sql("UPDATE applications SET status = %d, version = version + 1 WHERE code = %s"
            % (to, quote(code)))


def text_of(r):
    """The page's text without tags, entities decoded, white space folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", r.text)))


# ---------------------------------------------------------------------------
# Counter intake.

NEW = {}


@case
def intake_pages_by_role():
    r = STAFF.get(INTAKE)
    check(r.status == 200 and 'name="thu_tuc"' in r.text and "Phường Ba Hàng" in r.text, r.status)
    check("Phường Bãi Bông" not in r.text, "a unit where the staff member is not staff is offered")
    r = STAFF.get("%s?don_vi=%d&thu_tuc=%s" % (INTAKE, BH, CODE))
    check(r.status == 200 and 'enctype="multipart/form-data"' in r.text, r.status)
    check('name="tep_1"' in r.text and 'name="tep_3"' in r.text and "Giấy chứng sinh" in r.text,
          "the slots of the procedure's e-form")
    r = STAFF.get("%s?don_vi=%d&thu_tuc=9.999999" % (INTAKE, BH))
    check(r.status == 422 and "Không có thủ tục đã công bố với mã này." in r.text, r.status)
    for c in (LEADER, RESIDENT):
        check(c.get(INTAKE).status == 403, "not staff: 403")
    anon = Client(ADDR)
    r = anon.get(INTAKE)
    check(r.status == 303 and r.header("location").startswith("/dang-nhap?tiep="), r.status)


@case
def intake_new_applicant():
    phone, email = new_phone(), "quay-%s@example.com" % secrets.token_hex(4)
    a, b = pdf("giay chung sinh"), PNG
    r = intake(STAFF, phone, name="Trần Văn Quầy", email=email, ghi_chu="Nộp bản chính, đã đối chiếu.",
               tep_1=("giấy chứng sinh.pdf", a, "application/pdf"), tep_3=("uy-quyen.png", b, "image/png"))
    code = NEW["code"] = code_of(r)
    aid, applicant, unit, channel, status, same, rcv, due, recent = app_row(code)
    check((unit, channel, status, same, rcv, due, recent) == (str(BH), "counter", "2", "1", "1", "1", "1"),
          app_row(code))
    check(code.startswith(sql_value("SELECT code FROM units WHERE id = %d" % BH) + "-"), code)
    u = sql("SELECT id, full_name, IFNULL(pw_hash, 'NULL'), email FROM users WHERE phone = %s" % quote(phone))
    check(len(u) == 1 and u[0][0] == applicant and u[0][1] == "Trần Văn Quầy" and u[0][2] == "NULL"
          and u[0][3] == email, u)
    check(sql_value("SELECT COUNT(*) FROM user_roles WHERE user_id = %s AND role = 'resident'"
                    % applicant) == "1", "the new account is a resident")
    files = sql("SELECT slot, filename, sha256, size, added_by FROM attachments WHERE application_id = %s "
                "ORDER BY slot" % aid)
    check(files == [["giay_to_1", "giấy chứng sinh.pdf", hashlib.sha256(a).hexdigest(), str(len(a)),
                     str(STAFF_ID)],
                    ["giay_to_3", "uy-quyen.png", hashlib.sha256(b).hexdigest(), str(len(b)),
                     str(STAFF_ID)]], files)
    store = stack_env()["PORTAL_STORAGE_DIR"]
    for data in (a, b):
        sha = hashlib.sha256(data).hexdigest()
        with open(os.path.join(store, sha[:2], sha[2:4], sha), "rb") as f:
            check(f.read() == data, "stored file differs")
    ev = sql("SELECT actor_id, from_status, to_status, kind, note FROM application_events "
             "WHERE application_id = %s" % aid)
    check(len(ev) == 1 and ev[0][:4] == [str(STAFF_ID), "0", "2", "status"]
          and "đã đối chiếu" in ev[0][4], ev)
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'application_intake' AND "
                    "object_type = 'application' AND object_id = %s AND actor_id = %d" % (aid, STAFF_ID))
          == "1", "audit row")
    r = STAFF.get(r.header("location"))
    t = text_of(r)
    check(r.status == 200, r.status)
    for s in ("ỦY BAN NHÂN DÂN PHƯỜNG BA HÀNG", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "Số: %s/TNHS" % code, "Ba Hàng, ngày", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
              "Trần Văn Quầy", phone, "Thủ tục đăng ký khai sinh", "giấy chứng sinh.pdf", "uy-quyen.png",
              "nộp trực tiếp tại bộ phận một cửa", "Thời gian trả kết quả giải quyết hồ sơ: ngày",
              "NGƯỜI TIẾP NHẬN HỒ SƠ", "(ký và ghi rõ họ tên)"):
        check(s in t, "Mẫu 01 lacks %r" % s)
    check(LEADER.get(r_path(code, 1)).status == 200, "the unit's leader prints it too")


def r_path(code, n):
    return "/mot-cua/ho-so/%s/mau/%d" % (code, n)


@case
def intake_existing_applicant():
    res_id = user_id("0912000041")
    res_name, res_email = sql("SELECT full_name, IFNULL(email, '') FROM users WHERE id = %d" % res_id)[0]
    users = sql_value("SELECT COUNT(*) FROM users")
    r = intake(STAFF, "0912 000 041", name="Tên Gõ Khác Hẳn", email="khac-%s@example.com" % secrets.token_hex(3),
               tep_1=("gcs.pdf", pdf("co tai khoan"), "application/pdf"))
    code = code_of(r)
    check(app_row(code)[1] == str(res_id), "the application is the resident's")
    check(sql_value("SELECT COUNT(*) FROM users") == users, "no account made")
    check(sql("SELECT full_name, IFNULL(email, '') FROM users WHERE id = %d" % res_id)[0] == [res_name, res_email],
          "the existing account is unchanged")
    t = text_of(STAFF.get(r.header("location")))
    check(res_name in t and "Tên Gõ Khác Hẳn" not in t, "Mẫu 01 names the account's holder")
    check(not res_email or res_email not in t, "the account's email is shown to staff")
    check(code in RESIDENT.get("/ho-so").text, "the resident sees it among their applications")


@case
def intake_same_key_once():
    phone, key = new_phone(), secrets.token_hex(32)
    f = ("a.pdf", pdf("hai lan"), "application/pdf")
    first = code_of(intake(STAFF, phone, key=key, tep_1=f))
    check(code_of(intake(STAFF, phone, key=key, tep_1=f)) == first, "a second POST answers as the first")
    check(sql_value("SELECT COUNT(*) FROM applications WHERE idem_key = %s" % quote(key)) == "1", "one")
    # At once, for an applicant who has no account yet: one account, one
    # application, one answer.
    phone, key = new_phone(), secrets.token_hex(32)
    clients = [demo_login("0912000021", ADDR) for _ in range(4)]
    with ThreadPoolExecutor(4) as ex:
        codes = list(ex.map(lambda c: code_of(intake(c, phone, key=key, tep_1=f)), clients))
    check(len(set(codes)) == 1, codes)
    check(sql_value("SELECT COUNT(*) FROM applications WHERE idem_key = %s" % quote(key)) == "1", "one")
    check(sql_value("SELECT COUNT(*) FROM users WHERE phone = %s" % quote(phone)) == "1", "one account")


@case
def intake_bad_input_changes_nothing():
    before = counts()
    phone = new_phone()
    cases = [
        (dict(proc="9.999999"), 422, "Không có thủ tục đã công bố với mã này."),
        (dict(proc=""), 422, "Vui lòng nhập mã thủ tục."),
        (dict(proc="khong-phai-ma"), 400, "Mã thủ tục không hợp lệ."),
        (dict(phone="12345"), 422, "Số điện thoại di động không hợp lệ"),
        (dict(name=""), 422, "Vui lòng nhập họ và tên người nộp"),
        (dict(email="khong-phai-email"), 422, "Thư điện tử không hợp lệ."),
        (dict(ghi_chu="x" * 1001), 422, "Ghi chú tối đa 1.000 ký tự."),
        (dict(unit=BB), 422, "Vui lòng chọn đơn vị nơi bạn là cán bộ một cửa."),
        (dict(khoa_nop=""), 422, "Biểu mẫu đã cũ."),
        (dict(tep_1=("gia.pdf", b"day khong phai PDF\n", "application/pdf")), 415,
         "chỉ nhận tệp PDF, JPEG hoặc PNG"),
    ]
    for extra, status, msg in cases:
        args = {"phone": phone, "tep_2": ("ok.pdf", pdf("khong luu"), "application/pdf")}
        args.update(extra)
        if "khoa_nop" in args:
            r = STAFF.post(INTAKE, {"khoa_nop": "", "don_vi": str(BH), "thu_tuc": CODE,
                                    "dien_thoai": phone, "ho_ten": "Người Thử"})
        else:
            r = intake(STAFF, args.pop("phone"), **args)
        check(r.status == status and msg in html.unescape(r.text),
              "%r: %d %s" % (extra, r.status, r.text[:600]))
        check(counts() == before, "%r changed something: %r -> %r" % (extra, before, counts()))
    # Staff of another unit posting for ba-hang, and a leader: refused.
    r = intake(STAFF_BB, phone, unit=BH)
    check(r.status == 422 and counts() == before, r.status)
    r = intake(LEADER, phone)
    check(r.status == 403 and counts() == before, r.status)


# ---------------------------------------------------------------------------
# The forms.

@case
def forms_that_do_not_apply():
    code = NEW["code"]
    for n in (2, 3, 4, 5):
        check(form(STAFF, code, n).status == 404, "Mẫu 0%d without its event" % n)
    for path in ("/mot-cua/ho-so/%s/mau/0" % code, "/mot-cua/ho-so/%s/mau/6" % code,
                 "/mot-cua/ho-so/%s/mau/99999999" % code, "/mot-cua/ho-so/99999-000000-0000/mau/1"):
        check(STAFF.get(path).status == 404, path)
    # Not received yet (status 1, online): no receipt of the desk.
    other = code_of(intake(STAFF, new_phone()))
    sql("UPDATE applications SET status = 1, channel = 'online', received_at = NULL WHERE code = %s"
        % quote(other))
    check(form(STAFF, other, 1).status == 404, "Mẫu 01 of an application not received")


@case
def forms_other_unit_and_resident():
    code = NEW["code"]
    for n in (1, 2):
        for c in (STAFF_BB, LEADER_BB):
            check(form(c, code, n).status == 404, "another unit's staff or leader: 404")
        check(form(RESIDENT, code, n).status == 403, "a resident: 403")


@case
def form_02_missing_documents():
    code = NEW["code"]
    event(code, 4, "", frm=2)
    event(code, 5, "Bản sao giấy chứng sinh có chứng thực\n\n  Giấy tờ tùy thân của người đi khai <b>sinh</b>\n",
          frm=4)
    r = form(STAFF, code, 2)
    check(r.status == 200, r.status)
    t = text_of(r)
    for s in ("ỦY BAN NHÂN DÂN PHƯỜNG BA HÀNG", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Số: %s/BSHS" % code,
              "Trần Văn Quầy", "Thủ tục đăng ký khai sinh", "NGƯỜI HƯỚNG DẪN"):
        check(s in t, "Mẫu 02 lacks %r" % s)
    items = re.findall(r"<li>([^<]*(?:&lt;[^<]*)*)</li>", r.text)
    check("Bản sao giấy chứng sinh có chứng thực" in items, items)
    check("Giấy tờ tùy thân của người đi khai &lt;b&gt;sinh&lt;/b&gt;" in r.text and "<b>sinh" not in r.text,
          "escaped, one a line")
    check(LEADER.get(r_path(code, 2)).status == 200, "the leader")
    check(form(STAFF, code, 1).status == 200, "Mẫu 01 still applies after the supplement request")


@case
def form_04_apology():
    code = NEW["code"]
    event(code, 4, "", frm=5)
    event(code, 4, "Cần xác minh thêm thông tin tại nơi cư trú.", kind="apology", due="2030-01-15")
    r = form(STAFF, code, 4)
    t = text_of(r)
    check(r.status == 200, r.status)
    for s in ("Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Cần xác minh thêm thông tin tại nơi cư trú.",
              "ngày 15/01/2030", "Số: %s/XLHS" % code, "xin lỗi Ông/Bà", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"):
        check(s in t, "Mẫu 04 lacks %r" % s)
    event(code, 4, "Lần hai.", kind="apology", due="2030-02-20")
    t = text_of(form(STAFF, code, 4))
    check("ngày 20/02/2030" in t and "Lần hai." in t and "15/01/2030" not in t, "the newest apology")


@case
def form_05_stop():
    code = NEW["code"]
    event(code, 8, "Người yêu cầu đề nghị dừng giải quyết.", frm=4)
    r = form(STAFF, code, 5)
    t = text_of(r)
    check(r.status == 200, r.status)
    for s in ("Phiếu dừng xử lý hồ sơ", "Người yêu cầu đề nghị dừng giải quyết.", "Số: %s/DXLHS" % code,
              "ỦY BAN NHÂN DÂN PHƯỜNG BA HÀNG"):
        check(s in t, "Mẫu 05 lacks %r" % s)


@case
def form_03_refusal():
    code = code_of(intake(STAFF, new_phone(), name="Lê Thị Từ Chối"))
    check(form(STAFF, code, 3).status == 404, "never refused")
    event(code, 3, "Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường.", frm=2)
    r = form(STAFF, code, 3)
    t = text_of(r)
    check(r.status == 200, r.status)
    for s in ("Phiếu từ chối tiếp nhận giải quyết hồ sơ", "Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường.",
              "Lê Thị Từ Chối", "Số: %s/TCHS" % code, "ỦY BAN NHÂN DÂN PHƯỜNG BA HÀNG"):
        check(s in t, "Mẫu 03 lacks %r" % s)
    check(form(STAFF, code, 1).status == 404, "no receipt for a refused application")
    check(form(STAFF_BB, code, 3).status == 404, "another unit")


if __name__ == "__main__":
    main()
