"""The procedure catalogue through nginx (issue 8): the list by sector,
search with and without diacritics (đ included), the online-level and
sector filters, pagination, a detailed procedure's page with every field,
a catalogue-only entry's "to be published", 404 for an unknown code, the
JSON API's shape and escaping, and the administrator's edit form: a save
adds version 2 and keeps version 1; bad input is refused (422) with field
messages and changes nothing; others are refused."""
import html
import json
import os
import uuid
from urllib.parse import quote

from lib import ROOT, Client, case, check, demo_login, fresh, main, sql, sql_quote, sql_value

ADDR = "127.0.8.31"
ADMIN = "0912000001"
RESIDENT = "0912000041"
BIRTH = "1.001193"          # Thủ tục đăng ký khai sinh, detailed
CATALOGUE_ONLY = "1.000094"  # kết hôn có yếu tố nước ngoài ở biên giới
EDITED = "1.000280"          # a catalogue entry the admin case edits
TAG = uuid.uuid4().hex[:8]


def get(path):
    return Client(ADDR).get(path)


def text(r):
    return html.unescape(r.text)


@case
def test_seeded_catalogue():
    """Every code of the seed files is there, the 13 detailed ones
    published (other tests add procedures of their own: counted apart)."""
    seed = os.path.join(ROOT, "migrations", "seed")
    with open(os.path.join(seed, "procedures-commune-catalog.jsonl"), encoding="utf-8") as f:
        codes = {json.loads(line)["code"] for line in f if line.strip()}
    with open(os.path.join(seed, "procedures-detailed.json"), encoding="utf-8") as f:
        detailed = {p["code"] for p in json.load(f)}
    check(len(codes | detailed) == 462, "%d codes in the seed files" % len(codes | detailed))
    listed = ",".join(sql_quote(c) for c in sorted(codes | detailed))
    check(sql_value("SELECT COUNT(*) FROM procedures WHERE code IN (%s)" % listed) == "462",
          "462 procedures")
    listed = ",".join(sql_quote(c) for c in sorted(detailed))
    check(sql_value("SELECT COUNT(*) FROM procedure_versions v JOIN procedures p "
                    "ON p.current_version = v.id WHERE v.published = 1 AND v.created_by IS NULL "
                    "AND p.code IN (%s)" % listed) == "13", "13 published")
    row = sql("SELECT v.name, v.processing_days, v.online_level, s.name FROM procedures p "
              "JOIN procedure_versions v ON v.id = p.current_version JOIN sectors s "
              "ON s.id = v.sector_id WHERE p.code = '%s'" % BIRTH)[0]
    check(row == ["Thủ tục đăng ký khai sinh", "1", "toan_trinh", "Hộ tịch"], row)
    # "01 ngày (...)" states no working days: NULL
    check(sql_value("SELECT v.processing_days FROM procedures p JOIN procedure_versions v "
                    "ON v.id = p.current_version WHERE p.code = '1.000656'") == "NULL", "khai tử")


@case
def test_list_by_sector_with_counts():
    r = get("/thu-tuc")
    check(r.status == 200, r.status)
    t = text(r)
    check("Tìm thấy 462 thủ tục (trang 1/10)" in t, t[:3000])
    check("Hộ tịch</a> (" in t, "sector counts")
    check('rel="next"' in t and "trang=2" in t, "next page link")
    r = get("/thu-tuc?trang=10")
    check(r.status == 200 and 'rel="prev"' in r.text and 'rel="next"' not in r.text, "last page")
    check(get("/thu-tuc?trang=0").status == 400, "page 0")


@case
def test_search_with_and_without_diacritics():
    for q in ("khai sinh", "dang ky khai sinh", "đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH",
              "Dang Ky Khai Sinh"):
        t = text(get("/thu-tuc?q=" + quote(q)))
        check("Thủ tục đăng ký khai sinh" in t, "search %r" % q)
    t = text(get("/thu-tuc?q=" + quote(BIRTH)))
    check("Tìm thấy 1 thủ tục" in t, "search by code")
    t = text(get("/thu-tuc?q=" + quote("100%_khong-co")))
    check("Không tìm thấy thủ tục nào" in t, "LIKE characters are literal")


@case
def test_filters():
    t = text(get("/thu-tuc?hinh_thuc=toan-trinh"))
    check("Thủ tục đăng ký khai sinh" in t and "Chứng thực chữ ký" not in t, "toàn trình")
    n_full = int(sql_value("SELECT COUNT(*) FROM procedures p JOIN procedure_versions v "
                           "ON v.id = p.current_version WHERE v.online_level = 'toan_trinh'"))
    check("Tìm thấy %d thủ tục" % n_full in t, "count toàn trình")
    t = text(get("/thu-tuc?hinh_thuc=mot-phan"))
    check("Chứng thực chữ ký" in t and "Thủ tục đăng ký khai sinh" not in t, "một phần")
    check(get("/thu-tuc?hinh_thuc=bat-ky").status == 400, "unknown level")
    t = text(get("/thu-tuc?linh_vuc=chung-thuc"))
    check("Chứng thực bản sao" in t and "khai sinh" not in t, "sector page")
    check(get("/thu-tuc?linh_vuc=Khong%20hop%20le").status == 400, "bad sector slug")


@case
def test_detailed_procedure_every_field():
    r = get("/thu-tuc/" + BIRTH)
    check(r.status == 200, r.status)
    t = text(r)
    for s in ("Thủ tục đăng ký khai sinh", "Mã thủ tục", BIRTH, "Hộ tịch", "Cấp xã",
              "Cơ quan thực hiện", "Ủy ban nhân dân cấp xã", "Trực tuyến toàn trình",
              "1 ngày làm việc", "Trình tự thực hiện", "Cách thức thực hiện", "Bưu chính",
              "Thành phần hồ sơ", "Giấy chứng sinh", "01 bản chính", "Phí, lệ phí",
              "Đối tượng thực hiện", "Kết quả thực hiện", "Giấy khai sinh (bản chính)",
              "Yêu cầu, điều kiện", "Căn cứ pháp lý", "Luật Hộ tịch số 60/2014/QH13",
              "Phiên bản 1"):
        check(s in t, "missing %r" % s)
    check("sẽ được đơn vị công bố" not in t, "published")
    check('href="/thu-tuc/%s/nop"' % BIRTH in r.text, "no apply link (it has an e-form)")


@case
def test_catalogue_only_procedure():
    r = get("/thu-tuc/" + CATALOGUE_ONLY)
    check(r.status == 200, r.status)
    t = text(r)
    check("sẽ được đơn vị công bố" in t and "Hộ tịch" in t and "Trình tự thực hiện" not in t, t[:2000])


@case
def test_unknown_procedure():
    for path in ("/thu-tuc/9.999999", "/thu-tuc/khong-co", "/thu-tuc/1..2"):
        check(get(path).status == 404, path)


@case
def test_api_shape_and_escaping():
    r = get("/api/v1/procedures?q=" + quote("khai sinh"))
    check(r.status == 200 and r.header("content-type").startswith("application/json"), r.status)
    d = json.loads(r.body)
    check(set(d) == {"total", "page", "per_page", "procedures"}, d.keys())
    p = [x for x in d["procedures"] if x["code"] == BIRTH][0]
    check(p == {"code": BIRTH, "name": "Thủ tục đăng ký khai sinh",
                "sector": {"name": "Hộ tịch", "slug": "ho-tich"}, "online_level": "toan_trinh",
                "processing_days": 1, "published": True, "url": "/thu-tuc/" + BIRTH}, p)
    d = json.loads(get("/api/v1/procedures?trang=2").body)
    check(d["total"] == 462 and d["page"] == 2 and d["per_page"] == 50 and
          len(d["procedures"]) == 50, (d["total"], d["page"]))
    c = [x for x in json.loads(get("/api/v1/procedures?q=" + CATALOGUE_ONLY).body)["procedures"]]
    check(c[0]["published"] is False and c[0]["processing_days"] is None, c)
    check(get("/api/v1/procedures?hinh_thuc=x").status == 400, "bad filter")


def form(**kw):
    f = {"ten": "Công nhận trường tiểu học đạt chuẩn quốc gia", "linh_vuc": "ho-tich", "cap": "Cấp xã",
         "co_quan": "Ủy ban nhân dân cấp xã", "hinh_thuc": "mot-phan", "so_ngay": "7",
         "trinh_tu": "Bước một\n\n  Bước hai  ", "thanh_phan": "Tờ trình\nBiên bản",
         "can_cu": "Luật Giáo dục 2019", "doi_tuong": "Tổ chức", "ket_qua": "Quyết định",
         "dieu_kien": "", "phi": "Không", "cong_bo": "1"}
    f.update(kw)
    return f


def versions(code):
    return sql("SELECT v.version, v.name, v.published, IFNULL(v.processing_days, 'NULL') "
               "FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id "
               "WHERE p.code = '%s' ORDER BY v.version" % code)


@case
def test_admin_bad_input_changes_nothing():
    c = demo_login(ADMIN, ADDR)
    before = versions(EDITED)
    r = c.post("/quan-tri/thu-tuc/" + EDITED, form(ten="", so_ngay="bảy"))
    check(r.status == 422, r.status)
    t = text(r)
    check("Vui lòng nhập tên thủ tục" in t and "Thời hạn giải quyết phải là một số ngày làm việc" in t, t[:3000])
    check('href="#ten"' in r.text and 'href="#so-ngay"' in r.text, "alert links to the fields")
    check('value="bảy"' in t, "value kept")
    for bad in ({"so_ngay": "0"}, {"so_ngay": "366"}, {"linh_vuc": "khong-co-linh-vuc"},
                {"hinh_thuc": ""}):
        check(c.post("/quan-tri/thu-tuc/" + EDITED, form(**bad)).status == 422, bad)
    check(c.post("/quan-tri/thu-tuc/" + EDITED, form(hinh_thuc="x")).status == 400, "strict level")
    check(versions(EDITED) == before, "nothing changed")


@case
def test_admin_edit_creates_version_two():
    c = demo_login(ADMIN, ADDR)
    check(c.get("/quan-tri/thu-tuc").status == 200, "list")
    r = c.get("/quan-tri/thu-tuc/" + EDITED)
    check(r.status == 200 and "Công nhận trường tiểu học" in text(r), r.status)
    name = 'Thủ tục "thử" <b>%s</b> & đặc biệt' % TAG
    before = versions(EDITED)
    r = c.post("/quan-tri/thu-tuc/" + EDITED, form(ten=name))
    check(r.status == 303 and r.header("location") == "/quan-tri/thu-tuc/%s?tb=da-luu-phien-ban" % EDITED,
          (r.status, r.header("location")))
    after = versions(EDITED)
    check(after[:len(before)] == before, "older versions kept")
    last = int(before[-1][0])
    check(after[-1] == [str(last + 1), name, "1", "7"], after)
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'procedure_version' "
                    "AND detail = '%s v%d'" % (EDITED, last + 1)) == "1", "audit row")
    steps = sql_value("SELECT v.steps FROM procedures p JOIN procedure_versions v "
                      "ON v.id = p.current_version WHERE p.code = '%s'" % EDITED)
    check(json.loads(steps) == ["Bước một", "Bước hai"], steps)
    r = fresh(lambda: get("/thu-tuc/" + EDITED), lambda r: name in text(r))
    t = text(r)
    check(name in t and "<b>%s</b>" % TAG not in r.text and "Bước hai" in t and
          "7 ngày làm việc" in t and "Phiên bản %d" % (last + 1) in t, t[:2000])
    items = json.loads(get("/api/v1/procedures?q=" + TAG).body)["procedures"]
    check(len(items) == 1 and items[0]["name"] == name, items)
    # the version in force before stays as it was, for its applications
    check(sql_value("SELECT name FROM procedure_versions v JOIN procedures p ON p.id = "
                    "v.procedure_id WHERE p.code = '%s' AND v.version = 1" % EDITED) ==
          "Công nhận trường tiểu học đạt chuẩn quốc gia", "version 1 kept")


@case
def test_admin_refused_to_others():
    check(get("/quan-tri/thu-tuc").status == 303, "anonymous GET: sign in")
    c = demo_login(RESIDENT, ADDR)
    before = versions(BIRTH)
    check(c.get("/quan-tri/thu-tuc").status == 403, "resident list")
    check(c.get("/quan-tri/thu-tuc/" + BIRTH).status == 403, "resident form")
    check(c.post("/quan-tri/thu-tuc/" + BIRTH, form(ten="Chiếm quyền")).status == 403, "resident POST")
    check(versions(BIRTH) == before, "nothing changed")
    a = demo_login(ADMIN, ADDR)
    check(a.get("/quan-tri/thu-tuc/9.999999").status == 404, "unknown code")


@case
def test_nav_links_the_catalogue():
    r = get("/")
    check('href="/thu-tuc"' in r.text, "menu item")
    check('aria-current="page">Thủ tục' in get("/thu-tuc").text, "current item")


if __name__ == "__main__":
    main()
