"""The public pages of the foundation: the city home, a unit's home, an
article; 404/405 answers; correct Vietnamese."""
import csv
import os
import re
import unicodedata

from lib import ROOT, case, check, check_security_headers, get, main, request, sql

UNITS = list(csv.DictReader(
    open(os.path.join(ROOT, "migrations/seed/units-pho-yen.tsv"), encoding="utf-8"),
    delimiter="\t"))


def full_name(u):
    return ("Xã " if u["kind"] == "xã" else "Phường ") + u["name"]


@case
def test_home_lists_all_18_units():
    r = get("/")
    check(r.status == 200, r.status)
    check(r.header("content-type") == "text/html; charset=utf-8")
    check(len(UNITS) == 18)
    for u in UNITS:
        check(full_name(u) in r.text, "missing " + full_name(u))
        check('href="/don-vi/%s/"' % u["slug"] in r.text, "no link to " + u["slug"])
    check(sum(1 for u in UNITS if u["kind"] == "phường") == 13)


@case
def test_home_units_in_vietnamese_alphabetical_order():
    t = get("/").text
    order = [t.index(n) for n in ("Phường Ba Hàng", "Phường Bãi Bông", "Phường Bắc Sơn",
                                  "Phường Đắc Sơn", "Phường Hồng Tiến", "Xã Minh Đức")]
    check(order == sorted(order), "units out of Vietnamese order")


@case
def test_home_is_nfc_vietnamese_html():
    r = get("/")
    check(unicodedata.is_normalized("NFC", r.text), "page text is not NFC")
    check('<html lang="vi"' in r.text)
    check("Phổ Yên" in r.text)
    check("<script" not in r.text.lower(), "no script on the page")


@case
def test_home_shows_latest_news_linked():
    r = get("/")
    links = re.findall(r'href="(/don-vi/[a-z0-9-]+/tin-tuc/[0-9]+-[a-z0-9-]+)"', r.text)
    check(len(links) >= 3, "latest news links: %r" % links)
    check("Ra quân tổng vệ sinh môi trường" in r.text)
    a = get(links[0])
    check(a.status == 200, a.status)


@case
def test_unit_home():
    r = get("/don-vi/ba-hang/")
    check(r.status == 200, r.status)
    check("Phường Ba Hàng" in r.text)
    check("05860" in r.text)
    check("Tuyên truyền phòng cháy, chữa cháy mùa hanh khô" in r.text)
    check("Nông dân xã Thành Công" not in r.text, "another unit's news shown")
    r = get("/don-vi/thanh-cong/")
    check(r.status == 200 and "Xã Thành Công" in r.text)


@case
def test_unit_news_in_pages():
    """The unit's news listing (/tin-tuc) has pages of 20, newest first,
    with numbered links (aria-current) and rel=prev/next; the home shows
    the latest and links the listing; the old home's ?trang=N goes there."""
    uid = sql("SELECT id FROM units WHERE slug = 'tan-phu'")[0][0]
    sql("INSERT INTO articles (unit_id, status, slug, title, body, published_at) VALUES "
        + ", ".join("(%s, 'published', 'trang-%d', 'Tin trang số %d', 'Nội dung', "
                    "UTC_TIMESTAMP() - INTERVAL %d MINUTE)" % (uid, i, i, i) for i in range(22)))
    try:
        home = get("/don-vi/tan-phu/")
        check(home.status == 200 and "Tin trang số 0<" in home.text, "the home shows the latest")
        check('href="/don-vi/tan-phu/tin-tuc"' in home.text, "the home links the listing")
        p1 = get("/don-vi/tan-phu/tin-tuc")
        check(p1.status == 200 and p1.text.count("Tin trang số") == 20, "page 1")
        check("Tin trang số 0<" in p1.text and "Tin trang số 21<" not in p1.text, "newest first")
        check('href="/don-vi/tan-phu/tin-tuc?trang=2" rel="next"' in p1.text, "link to page 2")
        check('aria-current="page" aria-label="Trang 1, trang hiện tại"' in p1.text, "current page marked")
        check('rel="prev"' not in p1.text)
        p2 = get("/don-vi/tan-phu/tin-tuc?trang=2")
        check(p2.status == 200 and p2.text.count("Tin trang số") == 2, "page 2")
        check('href="/don-vi/tan-phu/tin-tuc" rel="prev"' in p2.text, "link back to page 1")
        check('rel="next"' not in p2.text)
        check(get("/don-vi/tan-phu/tin-tuc?trang=3").status == 404)
        old = get("/don-vi/tan-phu/?trang=2")
        check(old.status == 301 and old.header("Location") == "/don-vi/tan-phu/tin-tuc?trang=2",
              "the old home's pages go to the listing")
    finally:
        sql("DELETE FROM articles WHERE unit_id = %s AND slug LIKE 'trang-%%'" % uid)


@case
def test_unit_served_at_its_host_name():
    uid = sql("SELECT id FROM units WHERE slug = 'ba-hang'")[0][0]
    sql("INSERT INTO unit_hosts (host, unit_id) VALUES ('bahang.phoyen.test', %s)" % uid)
    try:
        r = get("/", headers={"Host": "bahang.phoyen.test"})
        check(r.status == 200, r.status)
        check('<h1 id="ten-don-vi">Phường Ba Hàng</h1>' in r.text, "the unit's home")
        check("Phường Bãi Bông" not in r.text, "not the city home")
        r = get("/", headers={"Host": "BaHang.PhoYen.test"})
        check("Phường Ba Hàng</h1>" in r.text, "host names are case-insensitive")
        check("Các phường, xã" in get("/").text, "other hosts get the city home")
    finally:
        sql("DELETE FROM unit_hosts WHERE host = 'bahang.phoyen.test'")


@case
def test_unit_unknown_is_404_page():
    for path in ("/don-vi/khong-co/", "/don-vi/BA-HANG/", "/don-vi/ba-hang",
                 "/don-vi//", "/don-vi/ba%20hang/"):
        r = get(path)
        check(r.status == 404, "%s: %d" % (path, r.status))
        check("Không tìm thấy trang" in r.text, path)
        check_security_headers(r)


@case
def test_article_and_canonical_redirect():
    r = get("/don-vi/ba-hang/")
    m = re.search(r'href="/don-vi/ba-hang/tin-tuc/([0-9]+)-([a-z0-9-]+)"', r.text)
    check(m, "no article link")
    aid, slug = m.group(1), m.group(2)
    a = get("/don-vi/ba-hang/tin-tuc/%s-%s" % (aid, slug))
    check(a.status == 200, a.status)
    check("<h1" in a.text)
    for wrong in ("/don-vi/ba-hang/tin-tuc/%s" % aid,
                  "/don-vi/ba-hang/tin-tuc/%s-sai-duong-dan" % aid):
        w = get(wrong)
        check(w.status == 301, "%s: %d" % (wrong, w.status))
        check(w.header("location").endswith("/don-vi/ba-hang/tin-tuc/%s-%s" % (aid, slug)))


@case
def test_article_of_another_unit_is_404():
    r = get("/don-vi/ba-hang/")
    aid = re.search(r'/don-vi/ba-hang/tin-tuc/([0-9]+)-', r.text).group(1)
    check(get("/don-vi/bai-bong/tin-tuc/%s" % aid).status == 404)
    check(get("/don-vi/ba-hang/tin-tuc/999999999-x").status == 404)
    check(get("/don-vi/ba-hang/tin-tuc/abc").status == 404)
    check(get("/don-vi/ba-hang/tin-tuc/99999999999999999999999-x").status == 404)


@case
def test_unknown_path_404():
    r = get("/khong-ton-tai")
    check(r.status == 404 and "Không tìm thấy trang" in r.text)
    check(re.search(r"Mã yêu cầu: (<[^>]+>)?[0-9a-f]{16,}", r.text), "request id shown")


@case
def test_wrong_method_405_with_allow():
    r = request("POST", "/", body=b"a=1",
                headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(r.status == 405, r.status)
    check(r.header("allow") == "GET, HEAD", r.header("allow"))
    check_security_headers(r)
    r = request("DELETE", "/don-vi/ba-hang/")
    check(r.status == 405, r.status)


@case
def test_head_has_no_body():
    r = request("HEAD", "/")
    check(r.status == 200 and r.body == b"")
    check(int(r.header("content-length") or "0") > 1000 or r.header("content-length") is None)


@case
def test_static_css_served_by_nginx():
    r = get("/static/css/site.css")
    check(r.status == 200, r.status)
    check("text/css" in r.header("content-type"))
    check_security_headers(r)


@case
def test_security_headers_on_every_status():
    for path, status in (("/", 200), ("/don-vi/khong-co/", 404),
                         ("/healthz", 200), ("/%ZZ", 400)):
        r = get(path)
        check(r.status == status, "%s: %d" % (path, r.status))
        check_security_headers(r)
        csp = r.header("content-security-policy")
        check("unsafe-inline" not in csp.split("script-src")[1].split(";")[0])


if __name__ == "__main__":
    main()
