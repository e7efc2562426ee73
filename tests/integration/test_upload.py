"""Uploading documents with an application (issue 8), through nginx: two
files on submission, served back byte for byte by GET
/ho-so/{code}/tep/{id} and named on the receipt; refused files (over the
per-file limit: 413; a text file; a text file named .pdf: 415) and a body
cut mid-upload change nothing (no application, no attachment row, no
temporary file in the store or the spool); a required slot without a file
is a field error; a doubled submission with files makes one application;
a draft keeps its files (listed, one dropped with its box) and is
submitted without sending them again; the answer to a supplement request
(status 5 -> 4, event, audit; 409 at any other status or version)."""
import hashlib
import json
import os
import re
import secrets
import socket
from concurrent.futures import ThreadPoolExecutor

from lib import (ROOT, Client, base_url, case, check, ensure_procedure, main, register, sql,
                 sql_value, stack_env)

ADDR = "127.0.8.2"
CODE = "1.001193"
FORM = "/thu-tuc/%s/nop" % CODE
ensure_procedure(CODE)
EFORM = json.load(open(os.path.join(ROOT, "migrations", "seed", "eforms", CODE + ".json"),
                       encoding="utf-8"))
UNIT = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
UNIT_CODE = sql_value("SELECT code FROM units WHERE slug = 'ba-hang'")
RES = register(Client(ADDR), name="Phạm Thị Tải Tệp")
OTHER = register(Client(ADDR), name="Người Khác Tải")

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def pdf(tag):
    return b"%PDF-1.4\n% " + tag.encode() + b"\n" + os.urandom(64).hex().encode() + b"\n%%EOF\n"


def values():
    """A valid value for every field of the e-form, by type."""
    out = {}
    for f in EFORM["fields"]:
        out["tk_" + f["name"]] = {
            "text": "Nguyễn Văn An", "date": "05/01/2024",
            "number": str(max(f.get("min", 1), 1900 if "nam" in f["name"] else 1)),
            "choice": (f.get("options") or [""])[0], "id_number": "019123456789",
            "phone": "0912 345 678", "address": "Tổ dân phố 3"}[f["type"]]
        if f["type"] == "address":
            out["dv_" + f["name"]] = UNIT_CODE
    return out


def form(action="nop", key=None, **files):
    f = values()
    f.update({"hanh_dong": action, "khoa_nop": key or secrets.token_hex(32), "don_vi": UNIT})
    f.update(files)
    return f


def counts():
    return (int(sql_value("SELECT COUNT(*) FROM applications WHERE applicant_id = %d" % RES.id)),
            int(sql_value("SELECT COUNT(*) FROM attachments t JOIN applications a ON "
                          "a.id = t.application_id WHERE a.applicant_id = %d" % RES.id)))


def temporaries():
    """Temporary files of the store, and every file of the upload spool."""
    env = stack_env()
    out = [os.path.join(root, n) for root, _, names in os.walk(env["PORTAL_STORAGE_DIR"])
           for n in names if n.startswith(".tmp-")]
    spool = env.get("PORTAL_SERVER_TMPDIR")
    if spool and os.path.isdir(spool):
        out += [os.path.join(root, n) for root, _, names in os.walk(spool) for n in names]
    return sorted(out)


def receipt_code(r):
    check(r.status == 303, "%d %s" % (r.status, r.text[:400]))
    m = re.match(r"^/ho-so/([0-9-]+)/bien-nhan$", r.header("location"))
    check(m, r.header("location"))
    return m.group(1)


def file_links(client, code):
    r = client.get("/ho-so/%s" % code)
    check(r.status == 200, "%d" % r.status)
    return r.text, re.findall(r'href="(/ho-so/%s/tep/(\d+))"' % re.escape(code), r.text)


@case
def two_files_on_submission_served_back():
    a, b = pdf("giay chung sinh"), PNG + os.urandom(16)
    code = receipt_code(RES.client.post(FORM, form(tep_1=("giấy chứng sinh.pdf", a, "application/pdf"),
                                                   tep_3=("uy-quyen.png", b, "image/png"))))
    rows = sql("SELECT t.slot, t.filename, t.sha256, t.size, t.mime FROM attachments t JOIN applications a "
               "ON a.id = t.application_id WHERE a.code = '%s' ORDER BY t.id" % code)
    check(rows == [["giay_to_1", "giấy chứng sinh.pdf", hashlib.sha256(a).hexdigest(), str(len(a)),
                    "application/pdf"],
                   ["giay_to_3", "uy-quyen.png", hashlib.sha256(b).hexdigest(), str(len(b)), "image/png"]],
          repr(rows))
    t, links = file_links(RES.client, code)
    check(len(links) == 2, repr(links))
    for (path, _), data in zip(links, (a, b)):
        r = RES.client.get(path)
        check(r.status == 200 and hashlib.sha256(r.body).hexdigest() == hashlib.sha256(data).hexdigest(),
              "%s: %d" % (path, r.status))
        check(r.header("content-disposition").startswith("attachment"), "not a download")
    check(OTHER.client.get(links[0][0]).status == 404, "another resident got the file")
    r = RES.client.get("/ho-so/%s/bien-nhan" % code)
    check(r.status == 200 and "đã nhận tệp điện tử giấy chứng sinh.pdf" in r.text and
          "đã nhận tệp điện tử uy-quyen.png" in r.text and "chưa nộp" in r.text, "receipt's documents")


def refused(fields, status, text):
    before, tmp = counts(), temporaries()
    r = RES.client.post(FORM, fields)
    check(r.status == status, "%d (want %d) %s" % (r.status, status, r.text[:300]))
    if text:
        check(text in r.text, "message %r not in the answer" % text)
    check(counts() == before, "something was written: %r -> %r" % (before, counts()))
    check(temporaries() == tmp, "temporary files: %r" % temporaries())
    return r


@case
def oversize_file_refused_413():
    """Over [limits] file_max (10 MB) the body is over body_max too: the
    responder answers 413 before reading it, the page says so."""
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 10)
    r = refused(form(tep_1=("to.pdf", big, "application/pdf")), 413, None)
    check("quá lớn" in r.text or "vượt quá" in r.text or "413" in r.text, r.text[:300])


@case
def wrong_type_and_wrong_magic_refused_415():
    r = refused(form(tep_1=("ghi-chu.txt", b"chi la van ban\n", "text/plain")), 415,
                "chỉ nhận tệp PDF, JPEG hoặc PNG")
    check('id="loi-tep_1"' in r.text and 'aria-invalid="true"' in r.text, "error beside the input")
    check('value="Nguyễn Văn An"' in r.text, "what was typed is lost")
    refused(form(tep_1=("gia.pdf", b"day khong phai PDF\n", "application/pdf")), 415,
            "Tệp “gia.pdf”: Tệp không đúng định dạng")


@case
def required_slot_empty_is_a_field_error():
    r = refused(form(tep_3=("uy-quyen.png", PNG, "image/png")), 422,
                "vui lòng tải lên tệp giấy tờ này.")
    check('id="loi-tep_1"' in r.text, "error not beside tep_1")
    check("chưa được lưu" in r.text and "uy-quyen.png" in r.text, "the chosen file not named")


@case
def body_cut_mid_upload_leaves_nothing():
    before, tmp = counts(), temporaries()
    boundary = "----cut" + secrets.token_hex(8)
    head = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
            "--%s\r\nContent-Disposition: form-data; name=\"hanh_dong\"\r\n\r\nnop\r\n"
            "--%s\r\nContent-Disposition: form-data; name=\"tep_1\"; filename=\"cat.pdf\"\r\n"
            "Content-Type: application/pdf\r\n\r\n%%PDF-1.4\n" % (boundary, RES.client.token(),
                                                                boundary, boundary)).encode()
    u = base_url()
    host, port = re.match(r"https?://([^:/]+):(\d+)", u).groups()
    s = socket.create_connection((host, int(port)), source_address=(ADDR, 0))
    cookie = "; ".join("%s=%s" % kv for kv in RES.client.cookies.items())
    s.sendall(("POST %s HTTP/1.1\r\nHost: %s:%s\r\nCookie: %s\r\n"
               "Content-Type: multipart/form-data; boundary=%s\r\nContent-Length: %d\r\n\r\n"
               % (FORM, host, port, cookie, boundary, len(head) + 500000)).encode() + head +
              b"0" * 100000)
    s.close()
    # Whatever was in flight has ended once a later request is answered.
    check(RES.client.get("/ho-so").status == 200, "the portal answers")
    check(counts() == before, "something was written")
    check(temporaries() == tmp, "temporary files left: %r" % temporaries())


@case
def doubled_submission_with_files_is_one_application():
    key = secrets.token_hex(32)
    f = form(key=key, tep_1=("a.pdf", pdf("doubled"), "application/pdf"))
    code = receipt_code(RES.client.post(FORM, f))
    check(receipt_code(RES.client.post(FORM, f)) == code, "a retry gave another code")
    with ThreadPoolExecutor(4) as ex:
        codes = {receipt_code(r) for r in ex.map(lambda _: RES.client.post(FORM, f), range(4))}
    check(codes == {code}, repr(codes))
    check(sql_value("SELECT COUNT(*) FROM attachments t JOIN applications a ON a.id = t.application_id "
                    "WHERE a.code = '%s'" % code) == "1", "files recorded more than once")


@case
def draft_keeps_its_files_and_is_submitted():
    key = secrets.token_hex(32)
    a, b, c = pdf("draft one"), pdf("draft two"), PNG + b"draft"
    r = RES.client.post(FORM, form(action="luu-nhap", key=key, tep_3=("mot.pdf", b, "application/pdf")))
    check(r.status == 303, "%d %s" % (r.status, r.text[:300]))
    did = int(re.search(r"\?ho-so=(\d+)", r.header("location")).group(1))
    url = FORM + "?ho-so=%d" % did
    # A second save adds to the slots: a required one and a second file.
    r = RES.client.post(url, form(action="luu-nhap", key=key, tep_1=("khai-sinh.pdf", a, "application/pdf"),
                                  tep_2=("bien-ban.png", c, "image/png")))
    check(r.status == 303, "%d" % r.status)
    ids = dict((n, i) for i, n in sql("SELECT id, filename FROM attachments WHERE application_id = %d" % did))
    check(sorted(ids) == ["bien-ban.png", "khai-sinh.pdf", "mot.pdf"], repr(ids))
    r = RES.client.get(url)
    for n, i in ids.items():
        check('name="bo_tep" value="%s"' % i in r.text and n in r.text, "draft file %s not listed" % n)
    # Sent back with an error: nothing changes, the files are listed.
    r = RES.client.post(url, dict(form(key=key), tk_ho_ten_tre="", bo_tep=ids["mot.pdf"]))
    check(r.status == 422 and 'name="bo_tep" value="%s" checked' % ids["mot.pdf"] in r.text,
          "%d: the draft's files with their boxes" % r.status)
    check(len(sql("SELECT id FROM attachments WHERE application_id = %d" % did)) == 3, "a file went")
    # Submitted: the box drops one; the others stay without being sent again.
    code = receipt_code(RES.client.post(url, dict(form(key=key), bo_tep=ids["mot.pdf"])))
    rows = sql("SELECT t.filename FROM attachments t JOIN applications a ON a.id = t.application_id "
               "WHERE a.code = '%s' ORDER BY t.filename" % code)
    check(rows == [["bien-ban.png"], ["khai-sinh.pdf"]], repr(rows))
    check(sql_value("SELECT id FROM applications WHERE code = '%s'" % code) == str(did), "not the draft")


@case
def supplement_response():
    code = receipt_code(RES.client.post(FORM, form(tep_1=("a.pdf", pdf("supp"), "application/pdf"))))
    app = int(sql_value("SELECT id FROM applications WHERE code = '%s'" % code))
    t, _ = file_links(RES.client, code)
    check('action="/ho-so/%s/bo-sung"' % code not in t, "a form at status 1")
    act = "/ho-so/%s/bo-sung" % code
    data = pdf("bổ sung")
    r = RES.client.post(act, {"phien_ban": "1", "tep_1": ("bo-sung.pdf", data, "application/pdf")})
    check(r.status == 409 and "chỉ bổ sung giấy tờ khi" in r.text, "status 1: %d" % r.status)
    sql("UPDATE applications SET status = 5, version = version + 1 WHERE id = %d" % app)
    ver = sql_value("SELECT version FROM applications WHERE id = %d" % app)
    t, _ = file_links(RES.client, code)
    check('action="%s"' % act in t and 'name="phien_ban" value="%s"' % ver in t and
          'enctype="multipart/form-data"' in t, "no supplement form at status 5")
    f = {"phien_ban": ver, "tep_1": ("bo-sung.pdf", data, "application/pdf")}
    check(OTHER.client.post(act, f).status == 404, "another resident")
    check(RES.client.post(act, dict(f, phien_ban=str(int(ver) - 1))).status == 409, "old version")
    r = RES.client.post(act, {"phien_ban": ver})
    check(r.status == 422 and "ít nhất một tệp" in r.text, "no file: %d" % r.status)
    r = RES.client.post(act, dict(f, tep_1=("x.pdf", b"not a pdf", "application/pdf")))
    check(r.status == 415 and "x.pdf" in r.text, "bad file: %d" % r.status)
    check(sql_value("SELECT status FROM applications WHERE id = %d" % app) == "5", "changed")
    r = RES.client.post(act, f)
    check(r.status == 303 and r.header("location") == "/ho-so/%s?tb=da-bo-sung" % code, "%d" % r.status)
    # Issue 9: the status stays 5 (the deadline clock stays stopped) until
    # staff accept the documents at the desk; the answer is marked.
    check(sql("SELECT status, version, supplied_at IS NOT NULL FROM applications WHERE id = %d" % app) ==
          [["5", str(int(ver) + 1), "1"]], "stays at 5, supplied")
    ev = sql("SELECT from_status, to_status, kind, internal, note FROM application_events "
             "WHERE application_id = %d ORDER BY id DESC LIMIT 1" % app)
    check(ev == [["5", "5", "supplied", "0", "Công dân bổ sung giấy tờ: bo-sung.pdf"]], repr(ev))
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'application_supplement' AND "
                    "object_id = '%d'" % app) == "1", "no audit row")
    t = RES.client.get(r.header("location")).text
    check("Đã gửi giấy tờ bổ sung" in t and "Cán bộ sẽ kiểm tra" in t, "notice")
    t, links = file_links(RES.client, code)
    check(len(links) == 2, "files after: %r" % links)
    # the form stays, at the new version, for a document forgotten
    check('action="%s"' % act in t and 'name="phien_ban" value="%d"' % (int(ver) + 1) in t, "no form after")
    r = RES.client.get(links[-1][0])
    check(hashlib.sha256(r.body).hexdigest() == hashlib.sha256(data).hexdigest(), "supplement file")
    check(RES.client.post(act, f).status == 409, "a second answer with the old version")
    sql("UPDATE applications SET status = 4, supplied_at = NULL, version = version + 1 WHERE id = %d" % app)
    check(RES.client.post(act, dict(f, phien_ban=str(int(ver) + 2))).status == 409, "an answer at status 4")

if __name__ == "__main__":
    main()
