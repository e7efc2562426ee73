"""A unit's content (issue 11, part C) through nginx: documents (list,
filters by year and type, one document, an editor's document published
and unpublished with its search row), the leaders' weekly schedule (ISO
weeks across the year's end), introduction pages and contacts, questions
and answers (signed in; anonymous with a mailed confirmation link; bad
input refused and nothing stored; the bound per address; an editor's
answer published, mailed and hidden; Markdown rendered inert), the
editors' pages (own unit only: another unit's object is 404, a resident
403), and the demo content `portalctl seed` gives every current unit."""
import datetime
import random
import re
import secrets

from lib import (PORT, Client, case, check, demo_login, fresh, mails_to, main, sql, sql_quote as quote,
                 sql_value, wait_for)

EDBH, EDBB, RESIDENT = "0912000011", "0912000012", "0912000041"
TAG = secrets.token_hex(4)


def source():
    """A loopback address of its own: the anonymous questions' bound counts
    per address."""
    return "127.0.%d.%d" % (random.randint(40, 250), random.randint(2, 250))


def unit_id(slug):
    return int(sql_value("SELECT id FROM units WHERE slug = %s" % quote(slug)))


def audit_count(action):
    return int(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = %s" % quote(action)))


# ---------------------------------------------------------------------------
# Documents.

@case
def test_documents_list_and_filters():
    c = Client()
    r = c.get("/don-vi/ba-hang/van-ban")
    check(r.status == 200, r.status)
    nums = [n for (n,) in sql("SELECT number FROM documents WHERE status = 'published' AND unit_id = %d"
                              % unit_id("ba-hang"))]
    check(len(nums) >= 2, nums)
    for n in nums:
        check(n in r.text, "%s not listed" % n)
    r = c.get("/don-vi/ba-hang/van-ban?loai=ke-hoach")
    check(r.status == 200 and "KH-UBND" in r.text and "QĐ-UBND" not in r.text.split("<table")[1], r.status)
    year = sql_value("SELECT MAX(YEAR(issued_on)) FROM documents WHERE unit_id = %d" % unit_id("ba-hang"))
    r = c.get("/don-vi/ba-hang/van-ban?nam=%s" % year)
    check(r.status == 200 and '<option value="%s" selected>' % year in r.text)
    r = c.get("/don-vi/ba-hang/van-ban?nam=1995")
    check(r.status == 200 and "Không có văn bản nào phù hợp" in r.text)
    for bad in ("loai=luat", "nam=abc", "nam=3000", "trang=0"):
        r = c.get("/don-vi/ba-hang/van-ban?" + bad)
        check(r.status == 400, "%s: %d" % (bad, r.status))
    check("Loại văn bản không hợp lệ" in c.get("/don-vi/ba-hang/van-ban?loai=luat").text)
    check(c.get("/don-vi/khong-co/van-ban").status == 404)


@case
def test_document_page():
    bh, bb = unit_id("ba-hang"), unit_id("bai-bong")
    did, num = sql("SELECT id, number FROM documents WHERE unit_id = %d AND status = 'published' "
                   "ORDER BY id LIMIT 1" % bh)[0]
    c = Client()
    r = c.get("/don-vi/ba-hang/van-ban/%s" % did)
    check(r.status == 200, r.status)
    for want in (num, "Cơ quan ban hành", "Ủy ban nhân dân phường Ba Hàng", "Ngày ban hành", "Trích yếu"):
        check(want in r.text, want)
    check(c.get("/don-vi/bai-bong/van-ban/%s" % did).status == 404)
    bbid = sql_value("SELECT MIN(id) FROM documents WHERE unit_id = %d" % bb)
    check(c.get("/don-vi/ba-hang/van-ban/%s" % bbid).status == 404)
    check(c.get("/don-vi/ba-hang/van-ban/abc").status == 404)


@case
def test_editor_document_publish_unpublish():
    ed = demo_login(EDBH)
    r = ed.get("/bien-tap/van-ban")
    check(r.status == 200 and "Thêm văn bản" in r.text, r.status)
    number = "%s/TB-UBND" % TAG
    before = audit_count("document_create")
    r = ed.post("/bien-tap/van-ban/moi", {"so_ky_hieu": number, "loai": "thong-bao",
                                          "co_quan": "Ủy ban nhân dân phường Ba Hàng",
                                          "nguoi_ky": "Nguyễn Văn Ký", "ngay": "2026-11-20",
                                          "ngay_hieu_luc": "2026-11-25",
                                          "tieu_de": "Thông báo lịch cắt điện đắc sơn " + TAG,
                                          "noi_dung": "Tóm tắt", "hanh_dong": "dang"})
    check(r.status == 303, "%d %s" % (r.status, r.text[:400]))
    did = int(re.search(r"/bien-tap/van-ban/(\d+)", r.header("location")).group(1))
    check(audit_count("document_create") == before + 1)
    r = Client().get("/don-vi/ba-hang/van-ban/%d" % did)
    check(r.status == 200 and number in r.text and "25/11/2026" in r.text, r.status)
    check(sql_value("SELECT url FROM search_docs WHERE kind = 'document' AND ref_id = %d" % did) ==
          "/don-vi/ba-hang/van-ban/%d" % did)
    check("dac son" in sql_value("SELECT title_folded FROM search_docs WHERE kind = 'document' "
                                 "AND ref_id = %d" % did))
    # Another unit's editor: 404, nothing changes.
    bb = demo_login(EDBB)
    check(bb.get("/bien-tap/van-ban/%d" % did).status == 404)
    r = bb.post("/bien-tap/van-ban/%d" % did, {"so_ky_hieu": "X", "loai": "khac", "co_quan": "X",
                                               "ngay": "2026-11-20", "tieu_de": "X", "hanh_dong": "go"})
    check(r.status == 404, r.status)
    check(sql_value("SELECT status FROM documents WHERE id = %d" % did) == "published")
    # Bad input: the form again, nothing changed.
    r = ed.post("/bien-tap/van-ban/%d" % did, {"so_ky_hieu": "", "loai": "", "co_quan": "",
                                               "ngay": "20/11/2026", "tieu_de": "", "hanh_dong": "go"})
    check(r.status == 422 and "Vui lòng nhập số, ký hiệu" in r.text and "Vui lòng chọn loại" in r.text,
          r.status)
    check(sql_value("SELECT status FROM documents WHERE id = %d" % did) == "published")
    # Unpublished: gone from the public and from the index.
    r = ed.post("/bien-tap/van-ban/%d" % did, {"so_ky_hieu": number, "loai": "thong-bao",
                                               "co_quan": "Ủy ban nhân dân phường Ba Hàng",
                                               "ngay": "2026-11-20", "tieu_de": "Thông báo " + TAG,
                                               "hanh_dong": "go"})
    check(r.status == 303, r.status)
    path = "/don-vi/ba-hang/van-ban/%d" % did
    check(fresh(lambda: Client().get(path), lambda r: r.status == 404).status == 404)
    check(sql_value("SELECT COUNT(*) FROM search_docs WHERE kind = 'document' AND ref_id = %d" % did) == "0")
    check(audit_count("document_update") >= 1)


@case
def test_editor_document_pdf():
    """A PDF attached to a document is served at its /media/ address from
    the public page; a PNG named .pdf and bytes that are no PDF are refused
    with a clear message, and nothing is stored."""
    ed = demo_login(EDBH)
    form = [("so_ky_hieu", "%s/CV-UBND" % TAG), ("loai", "cong-van"), ("co_quan", "UBND phường Ba Hàng"),
            ("ngay", "2026-11-02"), ("tieu_de", "Công văn có tệp " + TAG), ("hanh_dong", "dang")]
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    before = sql_value("SELECT COUNT(*) FROM documents")
    r = ed.post("/bien-tap/van-ban/moi", form + [("tep_1", ("cong-van.pdf", png, "application/pdf"))])
    check(r.status in (415, 422) and "PDF" in r.text, "%d %s" % (r.status, r.text[:200]))
    r = ed.post("/bien-tap/van-ban/moi", form + [("tep_1", ("cong-van.pdf", b"khong phai pdf", "application/pdf"))])
    check(r.status in (415, 422), r.status)
    check(sql_value("SELECT COUNT(*) FROM documents") == before, "nothing stored")
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + TAG.encode() + b"\n%%EOF\n"
    r = ed.post("/bien-tap/van-ban/moi", form + [("tep_1", ("cong-van.pdf", pdf, "application/pdf"))])
    check(r.status == 303, "%d %s" % (r.status, r.text[:400]))
    did = int(re.search(r"/bien-tap/van-ban/(\d+)", r.header("location")).group(1))
    r = Client().get("/don-vi/ba-hang/van-ban/%d" % did)
    m = re.search(r'href="(/media/[0-9a-f]{64}\.pdf)"', r.text)
    check(r.status == 200 and m, "no PDF link")
    f = Client().get(m.group(1))
    check(f.status == 200 and f.body == pdf and "application/pdf" in f.header("content-type"), f.status)


# ---------------------------------------------------------------------------
# The schedule.

@case
def test_schedule_this_week():
    c = Client()
    r = c.get("/don-vi/ba-hang/lich-cong-tac")
    check(r.status == 200, r.status)
    today = datetime.datetime.utcnow() + datetime.timedelta(hours=7)
    y, w, _ = today.isocalendar()
    check("Tuần %d năm %d" % (w, y) in r.text, "week label")
    check("Giao ban lãnh đạo" in r.text and "Chủ tịch UBND" in r.text, "seeded items")
    for day in ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"):
        check(day in r.text, day)
    check("(hôm nay)" in r.text)


@case
def test_schedule_week_navigation():
    c = Client()
    r = c.get("/don-vi/ba-hang/lich-cong-tac?tuan=2026-W53")
    check(r.status == 200, r.status)
    check("Tuần 53 năm 2026 (từ 28/12/2026 đến 03/01/2027)" in r.text, "2026-W53 label")
    check("tuan=2027-W01" in r.text and "tuan=2026-W52" in r.text, "links of 2026-W53")
    r = c.get("/don-vi/ba-hang/lich-cong-tac?tuan=2027-W01")
    check("từ 04/01/2027 đến 10/01/2027" in r.text and "tuan=2026-W53" in r.text)
    r = c.get("/don-vi/ba-hang/lich-cong-tac?tuan=2026-W01")
    check("từ 29/12/2025 đến 04/01/2026" in r.text and "tuan=2025-W52" in r.text)
    r = c.get("/don-vi/ba-hang/lich-cong-tac?tuan=2020-W53")
    check(r.status == 200 and "tuan=2021-W01" in r.text)
    for bad in ("2025-W53", "2026-W00", "2026W10", "2026-w10", "x"):
        r = c.get("/don-vi/ba-hang/lich-cong-tac?tuan=" + bad)
        check(r.status == 400 and "Tuần không hợp lệ" in r.text, "%s: %d" % (bad, r.status))


@case
def test_editor_schedule():
    ed = demo_login(EDBH)
    r = ed.get("/bien-tap/lich-cong-tac?tuan=2027-W02")
    check(r.status == 200 and "Thêm lịch" in r.text, r.status)
    r = ed.post("/bien-tap/lich-cong-tac", {"ngay": "2027-01-13", "gio": "25:00", "tom_tat": ""})
    check(r.status == 422 and "Vui lòng nhập giờ" in r.text, r.status)
    content = "Họp bàn kế hoạch Tết " + TAG
    r = ed.post("/bien-tap/lich-cong-tac", {"ngay": "2027-01-13", "gio": "09:30", "tom_tat": content,
                                            "dia_diem": "Hội trường", "chu_tri": "Chủ tịch UBND",
                                            "thanh_phan_du": "Các ban ngành"})
    check(r.status == 303 and "tuan=2027-W02" in r.header("location"), r.status)
    r = fresh(lambda: Client().get("/don-vi/ba-hang/lich-cong-tac?tuan=2027-W02"),
              lambda r: content in r.text)
    check(content in r.text and "09:30" in r.text and "13/01/2027" in r.text)
    iid = int(sql_value("SELECT id FROM schedule_items WHERE content = %s" % quote(content)))
    check(demo_login(EDBB).get("/bien-tap/lich-cong-tac/%d" % iid).status == 404)
    r = ed.post("/bien-tap/lich-cong-tac/%d" % iid, {"hanh_dong": "xoa"})
    check(r.status == 303, r.status)
    check(sql_value("SELECT COUNT(*) FROM schedule_items WHERE id = %d" % iid) == "0")
    check(audit_count("schedule_delete") >= 1)


# ---------------------------------------------------------------------------
# Introduction and contacts.

@case
def test_intro_and_contacts():
    c = Client()
    r = c.get("/don-vi/ba-hang/gioi-thieu")
    check(r.status == 200 and "Nội dung minh hoạ" in r.text and "<h2>Lãnh đạo" in r.text, r.status)
    r = c.get("/don-vi/ba-hang/gioi-thieu/chuc-nang-nhiem-vu")
    check(r.status == 200 and "<h1>Chức năng, nhiệm vụ</h1>" in r.text, r.status)
    check(c.get("/don-vi/ba-hang/gioi-thieu/khong-co").status == 404)
    r = c.get("/don-vi/ba-hang/lien-he")
    check(r.status == 200, r.status)
    check(re.search(r'href="tel:0208\d{7}"', r.text), "tel: link")
    check('href="mailto:motcua.bahang' in r.text, "mailto: link")
    check("Bộ phận tiếp nhận và trả kết quả" in r.text and "Sáng 7:30" in r.text)


@case
def test_editor_pages_markdown_inert():
    ed = demo_login(EDBH)
    slug = "thu-nghiem-" + TAG
    body = ("## Mục\n\n<script>alert(1)</script>\n\n[bấm](javascript:alert(2))\n\n"
            "<img src=x onerror=alert(3)>\n\n**đậm**")
    r = ed.post("/bien-tap/gioi-thieu", {"duong_dan": "Sai Dau", "tieu_de": "T", "noi_dung": "x"})
    check(r.status == 422 and "Vui lòng nhập đường dẫn" in r.text, r.status)
    r = ed.post("/bien-tap/gioi-thieu", {"duong_dan": slug, "tieu_de": "Trang thử " + TAG,
                                         "noi_dung": body, "thu_tu": "9"})
    check(r.status == 303, "%d %s" % (r.status, r.text[:300]))
    r = Client().get("/don-vi/ba-hang/gioi-thieu/" + slug)
    check(r.status == 200 and "<strong>đậm</strong>" in r.text, r.status)
    main_html = r.text.split('id="noi-dung"')[1]
    for bad in ("<script>alert", "javascript:", "onerror=", "<img"):
        check(bad not in main_html, bad)
    r = ed.post("/bien-tap/gioi-thieu", {"duong_dan": slug, "tieu_de": "Lặp", "noi_dung": "x"})
    check(r.status == 409 and "đã có trang khác" in r.text, r.status)
    pid = int(sql_value("SELECT id FROM unit_pages WHERE slug = %s" % quote(slug)))
    check(demo_login(EDBB).get("/bien-tap/gioi-thieu/%d" % pid).status == 404)
    sql("DELETE FROM unit_pages WHERE id = %d" % pid)


@case
def test_editor_contacts():
    ed = demo_login(EDBH)
    r = ed.post("/bien-tap/lien-he", {"tieu_de": "Công an phường " + TAG, "so_lien_he": "abc"})
    check(r.status == 422 and "Số điện thoại gồm 8 đến 20" in r.text, r.status)
    r = ed.post("/bien-tap/lien-he", {"tieu_de": "Công an phường " + TAG, "so_lien_he": "0208 3855 113",
                                      "email": "CongAn@Example.com", "thu_tu": "9"})
    check(r.status == 303, r.status)
    r = fresh(lambda: Client().get("/don-vi/ba-hang/lien-he"), lambda r: "congan@example.com" in r.text)
    check('href="tel:02083855113"' in r.text and "congan@example.com" in r.text)
    cid = int(sql_value("SELECT id FROM contacts WHERE title = %s" % quote("Công an phường " + TAG)))
    check(demo_login(EDBB).post("/bien-tap/lien-he/%d" % cid, {"hanh_dong": "xoa"}).status == 404)
    check(ed.post("/bien-tap/lien-he/%d" % cid, {"hanh_dong": "xoa"}).status == 303)
    check(sql_value("SELECT COUNT(*) FROM contacts WHERE id = %d" % cid) == "0")


# ---------------------------------------------------------------------------
# Questions and answers.

QA = "/don-vi/ba-hang/hoi-dap"


def qa_rows(title):
    return sql("SELECT id, status, IFNULL(user_id, ''), IFNULL(email, '') FROM questions "
               "WHERE title = %s" % quote(title))


@case
def test_qa_public_list():
    r = Client().get(QA)
    check(r.status == 200 and "Câu hỏi đã được trả lời" in r.text, r.status)
    check("Thủ tục đăng ký khai sinh" in r.text and "<strong>tờ khai" in r.text, "seeded Q&A")
    check(Client().get(QA + "?trang=abc").status == 400)


@case
def test_qa_signed_in():
    c = demo_login(RESIDENT)
    title = "Hỏi về cấp nước sạch " + TAG
    r = c.post(QA, {"tieu_de": title, "noi_dung": "Khi nào khu tôi có nước sạch?"})
    check(r.status == 200 and "Đã gửi câu hỏi" in r.text, r.status)
    rows = qa_rows(title)
    check(len(rows) == 1 and rows[0][1] == "new" and rows[0][2] != "", rows)
    check(sql_value("SELECT asker_name FROM questions WHERE id = %s" % rows[0][0]) == "Nguyễn Thị Dân")


@case
def test_qa_anonymous_confirmed_answered_hidden():
    c = Client(source())
    c.get(QA)
    addr = "hoi.%s@example.com" % TAG
    title = "Hỏi về lịch tiêm chủng <b>" + TAG
    r = c.post(QA, {"ho_ten": "Lê Văn Hỏi", "email": addr, "tieu_de": title,
                    "noi_dung": "Lịch tiêm tháng này?<script>alert(1)</script>"})
    check(r.status == 200 and "đường dẫn xác nhận" in r.text, r.status)
    rows = qa_rows(title)
    check(len(rows) == 1 and rows[0][1] == "unconfirmed" and rows[0][3] == addr, rows)
    qid = int(rows[0][0])
    # Not confirmed: the editors do not see it.
    ed = demo_login(EDBH)
    check(title not in ed.get("/bien-tap/hoi-dap").text)
    check(ed.get("/bien-tap/hoi-dap/%d" % qid).status == 404)
    link_re = r"http://127\.0\.0\.1:%d/hoi-dap/xac-nhan\?ma=([A-Za-z0-9_-]{43})" % PORT
    check(wait_for(lambda: any(re.search(link_re, m.get_content()) for m in mails_to(addr)), 10),
          "no confirmation mail")
    token = re.search(link_re, mails_to(addr)[0].get_content()).group(1)
    r = c.get("/hoi-dap/xac-nhan?ma=" + token)
    check(r.status == 200 and "Xác nhận gửi câu hỏi" in r.text, r.status)
    check(qa_rows(title)[0][1] == "unconfirmed", "a GET confirms nothing")
    r = c.post("/hoi-dap/xac-nhan", {"ma": token})
    check(r.status == 200 and "Đã xác nhận" in r.text, r.status)
    check(qa_rows(title)[0][1] == "new")
    check(c.post("/hoi-dap/xac-nhan", {"ma": token}).status == 404, "a link works once")
    # The editor of another unit: 404; a resident: 403.
    check(demo_login(EDBB).get("/bien-tap/hoi-dap/%d" % qid).status == 404)
    check(demo_login(RESIDENT).get("/bien-tap/hoi-dap").status == 403)
    # Answered and published: shown safely, the asker told once.
    r = ed.get("/bien-tap/hoi-dap")
    check(r.status == 200 and "Hỏi về lịch tiêm chủng" in r.text)
    answer = "Lịch tiêm **ngày 10** hằng tháng.\n\n<script>alert(9)</script> [x](javascript:alert(8))"
    r = ed.post("/bien-tap/hoi-dap/%d" % qid, {"noi_dung": answer, "hanh_dong": "dang"})
    check(r.status == 303, r.status)
    r = Client().get(QA)
    part = r.text.split('id="hoi-%d"' % qid)[1].split("</article>")[0]
    check("<strong>ngày 10</strong>" in part and "&lt;b&gt;" in part, part[:400])
    check("<script>" not in part and "javascript:" not in part, part)
    check(wait_for(lambda: any("đã được trả lời" in str(m["subject"]) for m in mails_to(addr)), 10),
          "no mail about the answer")
    ed.post("/bien-tap/hoi-dap/%d" % qid, {"noi_dung": answer + " Sửa.", "hanh_dong": "dang"})
    check(audit_count("question_publish") >= 2)
    # Hidden: gone from the public page.
    check(ed.post("/bien-tap/hoi-dap/%d" % qid, {"hanh_dong": "an"}).status == 303)
    check('id="hoi-%d"' % qid not in Client().get(QA).text)
    check(qa_rows(title)[0][1] == "hidden")
    import time
    time.sleep(1.5)
    n = sum(1 for m in mails_to(addr) if "đã được trả lời" in str(m["subject"]))
    check(n == 1, "%d answer mails" % n)


@case
def test_qa_refusals():
    c = Client(source())
    c.get(QA)
    title = "Câu hỏi sai " + TAG
    cases = [
        ({"ho_ten": "", "email": "a@example.com", "tieu_de": title, "noi_dung": "x"}, "họ và tên"),
        ({"ho_ten": "A", "email": "khong-phai-email", "tieu_de": title, "noi_dung": "x"}, "đúng địa chỉ thư"),
        ({"ho_ten": "A", "email": "a@example.com", "tieu_de": "", "noi_dung": "x"}, "tiêu đề"),
        ({"ho_ten": "A", "email": "a@example.com", "tieu_de": "x" * 301, "noi_dung": "x"}, "tiêu đề"),
        ({"ho_ten": "A", "email": "a@example.com", "tieu_de": title, "noi_dung": "x" * 5001}, "nội dung"),
        ({"ho_ten": "A", "email": "a@example.com", "tieu_de": title, "noi_dung": "\x01"}, "nội dung"),
    ]
    for form, word in cases:
        r = c.post(QA, form)
        check(r.status == 422 and ("Vui lòng nhập " + word) in r.text, "%s: %d" % (word, r.status))
    check(qa_rows(title) == [] and qa_rows("x" * 300) == [], "nothing stored")
    check(c.post(QA, {"ho_ten": "A", "email": "a@example.com", "tieu_de": title, "noi_dung": "x"},
                 csrf=False).status == 403)


@case
def test_qa_anonymous_bound():
    c = Client(source())
    c.get(QA)
    for i in range(6):
        r = c.post(QA, {"ho_ten": "Người Hỏi", "email": "gioi.han%d.%s@example.com" % (i, TAG),
                        "tieu_de": "Giới hạn %d %s" % (i, TAG), "noi_dung": "Hỏi"})
        check(r.status == (200 if i < 5 else 429), "question %d: %d" % (i, r.status))
    check("nhiều câu hỏi trong hôm nay" in r.text)
    n = sql_value("SELECT COUNT(*) FROM questions WHERE title LIKE %s" % quote("Giới hạn % " + TAG))
    check(n == "5", n)
    # Per email too, from other addresses.
    addr = "mot.dia.chi.%s@example.com" % TAG
    for i in range(4):
        d = Client(source())
        d.get(QA)
        r = d.post(QA, {"ho_ten": "B", "email": addr, "tieu_de": "Thư %d %s" % (i, TAG), "noi_dung": "Hỏi"})
        check(r.status == (200 if i < 3 else 429), "email %d: %d" % (i, r.status))


# ---------------------------------------------------------------------------
# The seed.

@case
def test_seed_every_unit():
    rows = sql(
        "SELECT u.slug, "
        "(SELECT COUNT(*) FROM articles a WHERE a.unit_id = u.id AND a.status = 'published' AND "
        " a.published_at <= UTC_TIMESTAMP() AND (a.expires_at IS NULL OR a.expires_at > UTC_TIMESTAMP())), "
        "(SELECT COUNT(*) FROM articles a WHERE a.unit_id = u.id AND a.pinned = 1 AND a.kind = 'announcement'), "
        "(SELECT COUNT(*) FROM documents d WHERE d.unit_id = u.id AND d.status = 'published'), "
        "(SELECT COUNT(*) FROM schedule_items s WHERE s.unit_id = u.id AND s.starts_at >= "
        " DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) - INTERVAL WEEKDAY(UTC_TIMESTAMP() + INTERVAL 7 HOUR) DAY "
        " AND s.starts_at < DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) + INTERVAL 7 - "
        " WEEKDAY(UTC_TIMESTAMP() + INTERVAL 7 HOUR) DAY), "
        "(SELECT COUNT(*) FROM unit_pages p WHERE p.unit_id = u.id), "
        "(SELECT COUNT(*) FROM contacts c WHERE c.unit_id = u.id), "
        "(SELECT COUNT(*) FROM questions q WHERE q.unit_id = u.id AND q.status = 'published'), "
        "(SELECT COUNT(*) FROM categories c WHERE c.unit_id = u.id) "
        "FROM units u WHERE u.valid_to IS NULL")
    check(len(rows) == 18, len(rows))
    for slug, arts, pinned, docs, sched, pages, contacts, qa, cats in rows:
        got = tuple(map(int, (arts, pinned, docs, sched, pages, contacts, qa, cats)))
        check(got[0] >= 5 and got[1] >= 1 and got[2] >= 2 and got[3] >= 5 and got[4] >= 1 and
              got[5] >= 4 and got[6] >= 2 and got[7] >= 4, "%s: %r" % (slug, got))
    missing = sql_value(
        "SELECT COUNT(*) FROM articles a WHERE a.status = 'published' AND a.category_id IS NOT NULL AND "
        "NOT EXISTS (SELECT 1 FROM search_docs s WHERE s.kind = 'article' AND s.ref_id = a.id)")
    check(missing == "0", "%s seeded articles not in search_docs" % missing)
    missing = sql_value(
        "SELECT COUNT(*) FROM documents d WHERE d.status = 'published' AND "
        "NOT EXISTS (SELECT 1 FROM search_docs s WHERE s.kind = 'document' AND s.ref_id = d.id)")
    check(missing == "0", "%s published documents not in search_docs" % missing)
    r = Client().get("/don-vi/dong-cao/gioi-thieu")
    check(r.status == 200 and "Phường Đông Cao" in r.text)


@case
def test_seed_again_changes_nothing():
    import os
    import subprocess
    from lib import BIN, ROOT, stack_env
    q = ("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM documents), "
         "(SELECT COUNT(*) FROM schedule_items), (SELECT COUNT(*) FROM unit_pages), "
         "(SELECT COUNT(*) FROM contacts), (SELECT COUNT(*) FROM questions), "
         "(SELECT COUNT(*) FROM categories), (SELECT COUNT(*) FROM search_docs)")
    before = sql(q)
    out = subprocess.run([os.path.join(BIN, "portalctl"), "seed"], cwd=ROOT, env=dict(os.environ, **stack_env()),
                         capture_output=True, text=True)
    check(out.returncode == 0, out.stdout[-300:] + out.stderr[-500:])
    check("content: 18 units" in out.stdout, out.stdout)
    check(sql(q) == before, "%r -> %r" % (before, sql(q)))


if __name__ == "__main__":
    main()
