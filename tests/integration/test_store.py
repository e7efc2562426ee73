"""The attachment store through nginx: GET /ho-so/{code}/tep/{file} serves
an application's file to its applicant and to the staff and leaders of
its unit, as a download of the sniffed type with its checksum intact;
everyone else, a file of another application and a file that does not
exist get 404.  The files are placed in the stack's store by the test as
app/store.c names them (dir/ab/cd/<sha256>), their rows inserted with SQL
(putting files is app/store.c's, tested by tests/unit/test_store.c).
Then `portalctl check-store`: a row without its file, an unreferenced
file and a temporary file left behind are each reported."""
import hashlib
import os
import random
import subprocess
import urllib.parse

from lib import (BIN, ROOT, Client, DEMO_ADMIN, DEMO_EDITOR_BA_HANG, DEMO_LEADER,
                 DEMO_STAFF, case, check, check_security_headers, demo_login, main,
                 register, sql, sql_quote as quote, sql_value, stack_env)

ADDR = "127.0.0.71"
PROC_CODE = "9.999801"
DEMO_STAFF_BAI_BONG = "0912000022"
CTX = {}
PLACED = set()      # files the test put in the store, removed at the end

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
       b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def store_dir():
    return stack_env()["PORTAL_STORAGE_DIR"]


def store_path(sha):
    return os.path.join(store_dir(), sha[:2], sha[2:4], sha)


def place(data):
    """Puts data in the store as app/store.c would; its SHA-256."""
    sha = hashlib.sha256(data).hexdigest()
    p = store_path(sha)
    PLACED.add(p)
    os.makedirs(os.path.dirname(p), mode=0o700, exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)
    os.chmod(p, 0o600)
    return sha


def procedure_version():
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Lĩnh vực thử tệp đính kèm', 'thu-tep-dinh-kem');"
        "INSERT IGNORE INTO procedures (code) VALUES (%s);"
        "INSERT IGNORE INTO procedure_versions (procedure_id, version, name, sector_id) "
        "SELECT p.id, 1, 'Thủ tục thử tệp đính kèm', s.id FROM procedures p, sectors s "
        "WHERE p.code = %s AND s.slug = 'thu-tep-dinh-kem'" % (quote(PROC_CODE), quote(PROC_CODE)))
    return int(sql_value("SELECT v.id FROM procedure_versions v JOIN procedures p "
                         "ON p.id = v.procedure_id WHERE p.code = %s AND v.version = 1" % quote(PROC_CODE)))


def application(unit_slug, applicant):
    """A submitted application of applicant in unit_slug: (id, code)."""
    unit_id, unit_code = sql("SELECT id, code FROM units WHERE slug = %s" % quote(unit_slug))[0]
    while True:
        code = "%s-000101-%04d" % (unit_code, random.randrange(10000))
        if sql_value("SELECT COUNT(*) FROM applications WHERE code = %s" % quote(code)) == "0":
            break
    rows = sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, status, "
               "submitted_at) VALUES (%s, %d, %s, %d, 1, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID();"
               % (quote(code), CTX["pv"], unit_id, applicant))
    return int(rows[-1][0]), code


def attach(app_id, name, data, mime):
    sha = hashlib.sha256(data).hexdigest()
    rows = sql("INSERT INTO attachments (application_id, slot, filename, sha256, size, mime) "
               "VALUES (%d, 'giay_to', %s, %s, %d, %s); SELECT LAST_INSERT_ID();"
               % (app_id, quote(name), quote(sha), len(data), quote(mime)))
    return int(rows[-1][0])


def url(code, fid):
    return "/ho-so/%s/tep/%d" % (code, fid)


def setup():
    CTX["pv"] = procedure_version()
    CTX["owner"] = register(Client(ADDR), name="Người Nộp Hồ Sơ")
    CTX["other"] = register(Client(ADDR), name="Người Khác")
    CTX["app"], CTX["code"] = application("ba-hang", CTX["owner"].id)
    CTX["app2"], CTX["code2"] = application("ba-hang", CTX["other"].id)
    # A PNG the applicant named .pdf, a PDF with a Vietnamese name, a
    # file of the other application.
    CTX["png_data"] = PNG + os.urandom(5000)
    place(CTX["png_data"])
    CTX["png"] = attach(CTX["app"], "Giấy khai sinh.pdf", CTX["png_data"], "image/png")
    CTX["pdf_data"] = PDF + b"%" + os.urandom(100).hex().encode() + b"\n"
    place(CTX["pdf_data"])
    CTX["pdf"] = attach(CTX["app"], "Đơn đề nghị.pdf", CTX["pdf_data"], "application/pdf")
    CTX["other_file"] = attach(CTX["app2"], "khac.pdf", CTX["pdf_data"], "application/pdf")


def cleanup():
    ids = [str(CTX[k]) for k in ("app", "app2", "app3") if k in CTX]
    if ids:
        sql("DELETE FROM attachments WHERE application_id IN (%s);"
            "DELETE FROM applications WHERE id IN (%s)" % (",".join(ids), ",".join(ids)))
    for p in PLACED:
        if os.path.exists(p):
            os.unlink(p)


@case
def test_file_applicant_gets_the_bytes():
    c = CTX["owner"].client
    r = c.get(url(CTX["code"], CTX["png"]))
    check(r.status == 200, "status %d" % r.status)
    check(hashlib.sha256(r.body).hexdigest() == hashlib.sha256(CTX["png_data"]).hexdigest(),
          "checksum differs (%d bytes)" % len(r.body))
    check(r.header("content-type") == "image/png", r.header("content-type"))
    cd = r.header("content-disposition") or ""
    want = "filename*=UTF-8''" + urllib.parse.quote("Giấy khai sinh.pdf.png", safe="")
    check(cd.startswith("attachment;") and want in cd, cd)
    check('filename="giay-khai-sinh-pdf.png"' in cd, cd)
    check(len(r.headers.get("x-content-type-options", [])) == 1, r.headers)
    check_security_headers(r)
    check("no-store" in (r.header("cache-control") or ""), r.header("cache-control"))


@case
def test_file_largest():
    """A file of the largest size accepted (10 MiB) comes back whole."""
    data = PDF + os.urandom(10 * 1024 * 1024 - len(PDF))
    place(data)
    fid = attach(CTX["app"], "Bản scan.pdf", data, "application/pdf")
    r = CTX["owner"].client.get(url(CTX["code"], fid))
    check(r.status == 200, "status %d" % r.status)
    check(hashlib.sha256(r.body).digest() == hashlib.sha256(data).digest(),
          "checksum differs (%d bytes)" % len(r.body))


@case
def test_file_pdf_keeps_its_name():
    r = CTX["owner"].client.get(url(CTX["code"], CTX["pdf"]))
    check(r.status == 200 and r.body == CTX["pdf_data"], "status %d" % r.status)
    check(r.header("content-type") == "application/pdf", r.header("content-type"))
    cd = r.header("content-disposition") or ""
    check(cd == "attachment; filename=\"don-de-nghi.pdf\"; filename*=UTF-8''"
          + urllib.parse.quote("Đơn đề nghị.pdf", safe=""), cd)


@case
def test_file_head():
    r = CTX["owner"].client.request("HEAD", url(CTX["code"], CTX["png"]))
    check(r.status == 200 and not r.body, "status %d, %d bytes" % (r.status, len(r.body)))
    check(r.header("content-length") == str(len(CTX["png_data"])), r.header("content-length"))


@case
def test_file_other_resident_404():
    r = CTX["other"].client.get(url(CTX["code"], CTX["png"]))
    check(r.status == 404, "status %d" % r.status)
    check(CTX["png_data"][:200] not in r.body, "the file leaked")


@case
def test_file_unit_staff_and_leader_get_it():
    for phone in (DEMO_STAFF, DEMO_LEADER):
        r = demo_login(phone, ADDR).get(url(CTX["code"], CTX["png"]))
        check(r.status == 200 and r.body == CTX["png_data"], "%s: status %d" % (phone, r.status))


@case
def test_file_others_404():
    # Staff of another unit, the unit's editor, the city administrator.
    for phone in (DEMO_STAFF_BAI_BONG, DEMO_EDITOR_BA_HANG, DEMO_ADMIN):
        r = demo_login(phone, ADDR).get(url(CTX["code"], CTX["png"]))
        check(r.status == 404, "%s: status %d" % (phone, r.status))


@case
def test_file_anonymous_sent_to_sign_in():
    path = url(CTX["code"], CTX["png"])
    r = Client(ADDR).get(path)
    check(r.status == 303, "status %d" % r.status)
    check(r.header("location") == "/dang-nhap?tiep=" + urllib.parse.quote(path, safe=""),
          r.header("location"))


@case
def test_file_unknown_or_mismatched_404():
    c = CTX["owner"].client
    missing = int(sql_value("SELECT IFNULL(MAX(id), 0) + 100000 FROM attachments"))
    for path in (url(CTX["code"], missing),
                 url(CTX["code"], CTX["other_file"]),     # another application's file
                 url(CTX["code2"], CTX["png"]),            # my file under another code
                 url("00000-000101-0000", CTX["png"]),
                 "/ho-so/%s/tep/0" % CTX["code"],
                 "/ho-so/%s/tep/abc" % CTX["code"],
                 "/ho-so/KHONG_HOP_LE/tep/%d" % CTX["png"]):
        r = c.get(path)
        check(r.status == 404, "%s: status %d" % (path, r.status))
        check("Không tìm thấy" in r.text, "%s: %s" % (path, r.text[:200]))


@case
def test_file_post_refused():
    r = CTX["owner"].client.post(url(CTX["code"], CTX["png"]), {})
    check(r.status == 405, "status %d" % r.status)


def portalctl(*args):
    return subprocess.run([os.path.join(BIN, "portalctl"), "-c", os.path.join(ROOT, "conf/portal.conf")]
                          + list(args), env=dict(os.environ, **stack_env()), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@case
def test_check_store():
    p = portalctl("check-store")
    check(p.returncode == 0, "exit %d\n%s%s" % (p.returncode, p.stdout, p.stderr))
    check("attachments: " in p.stdout, p.stdout)
    # A row whose file is missing (something acknowledged, lost): exit 1.
    CTX["app3"], _ = application("bai-bong", CTX["owner"].id)
    lost = PNG + os.urandom(64)
    lost_id = attach(CTX["app3"], "mat.png", lost, "image/png")
    lost_sha = hashlib.sha256(lost).hexdigest()
    p = portalctl("check-store")
    check(p.returncode == 1, "exit %d\n%s%s" % (p.returncode, p.stdout, p.stderr))
    check("missing\tattachment %d\tapplication %d\t%s" % (lost_id, CTX["app3"], lost_sha)
          in p.stdout, p.stdout)
    # Served, that row answers 503 (not the bytes of anything else).
    r = CTX["owner"].client.get(url(sql_value("SELECT code FROM applications WHERE id = %d"
                                              % CTX["app3"]), lost_id))
    check(r.status == 503, "status %d" % r.status)
    # Placed, but damaged (same size, other bytes): only rehash sees it.
    p_ = store_path(lost_sha)
    os.makedirs(os.path.dirname(p_), exist_ok=True)
    with open(p_, "wb") as f:
        f.write(b"X" * len(lost))
    check(portalctl("check-store").returncode == 0, "size alone is checked without rehash")
    p = portalctl("check-store", "rehash")
    check(p.returncode == 1 and "damaged\tattachment %d\t" % lost_id in p.stdout, p.stdout)
    place(lost)
    p = portalctl("check-store", "rehash")
    check(p.returncode == 0, "exit %d\n%s%s" % (p.returncode, p.stdout, p.stderr))
    # Files no row names, and a writer's temporary file: listed, exit 0.
    orphan = place(PDF + os.urandom(32).hex().encode())
    tmp = os.path.join(os.path.dirname(store_path(orphan)), ".tmp-" + orphan + "-0123456789abcdef")
    with open(tmp, "wb") as f:
        f.write(b"%PDF")
    try:
        p = portalctl("check-store")
        check(p.returncode == 0, "exit %d\n%s%s" % (p.returncode, p.stdout, p.stderr))
        check("unreferenced\t%s\n" % store_path(orphan) in p.stdout, p.stdout)
        check("temporary\t%s\n" % tmp in p.stdout, p.stdout)
    finally:
        os.unlink(tmp)


@case
def test_store_dir_private():
    st = os.stat(store_dir())
    check(st.st_mode & 0o777 == 0o700, "mode %o" % (st.st_mode & 0o777))
    check(not os.path.realpath(store_dir()).startswith(os.path.realpath(os.path.join(ROOT, "static"))),
          "the store is under the web root")


if __name__ == "__main__":
    try:
        setup()
        main()
    finally:
        cleanup()
