"""The printable declaration through nginx (issue 8): /thu-tuc/{code}/to-khai
is generated from the e-form of the version in force: every field label
and every document of 1.001193's e-form, the room to write by type, the
signature block, no form element; public; 404 for an unknown code and for
a catalogue-only procedure; the procedure page links it beside the
document named "Tờ khai ..." or, failing one, below the documents, and
never when there is no e-form; every link of the page answers."""
import html
import json
import os
import re
import unicodedata
from urllib.parse import urldefrag

from lib import ROOT, Client, case, check, demo_login, ensure_procedure, main, sql_quote, sql_value

ADDR = "127.0.8.61"
BIRTH = "1.001193"           # Thủ tục đăng ký khai sinh: a "Tờ khai ..." document
COPY = "2.000815"            # Chứng thực bản sao: an e-form, no "Tờ khai" document
BUSINESS = "1.001612"        # Đăng ký thành lập hộ kinh doanh
CATALOGUE_ONLY = "1.000094"  # no e-form


def get(path, client=None):
    return (client or Client(ADDR)).get(path)


def text(r):
    return html.unescape(r.text)


def eform(code):
    """The e-form `portalctl seed-eforms` wrote into the version in force."""
    check(sql_value("SELECT COUNT(*) FROM procedures p JOIN procedure_versions v ON v.id = "
                    "p.current_version WHERE p.code = %s AND v.eform IS NOT NULL"
                    % sql_quote(code)) == "1", "no e-form")
    with open(os.path.join(ROOT, "migrations", "seed", "eforms", code + ".json"), encoding="utf-8") as f:
        return json.load(f)


def main_part(r):
    """The page's <main> (the layout's header and footer left out)."""
    m = re.search(r"<main\b.*?</main>", r.text, re.S)
    check(m is not None, "no <main>")
    return m.group(0)


@case
def test_unknown_and_catalogue_only_are_404():
    for path in ("/thu-tuc/9.999999/to-khai", "/thu-tuc/khong-co/to-khai",
                 "/thu-tuc/%s/to-khai" % CATALOGUE_ONLY):
        r = get(path)
        check(r.status == 404, "%s: %d" % (path, r.status))
    t = text(get("/thu-tuc/%s/to-khai" % CATALOGUE_ONLY))
    check("Thủ tục này chưa có mẫu tờ khai để in." in t, t[:2000])
    t = text(get("/thu-tuc/9.999999/to-khai"))
    check("Không có thủ tục hành chính nào mang mã này." in t, t[:2000])


@case
def test_birth_declaration_every_field_and_document():
    for code in (BIRTH, COPY, BUSINESS):
        ensure_procedure(code)
    form = eform(BIRTH)
    r = get("/thu-tuc/%s/to-khai" % BIRTH)
    check(r.status == 200, r.status)
    check(r.header("content-type").startswith("text/html"), r.header("content-type"))
    check(unicodedata.is_normalized("NFC", r.text), "not NFC")
    t = text(r)
    check("<h1" in r.text and "Tờ khai đăng ký khai sinh</h1>" in t, "title")
    check("Cộng hòa xã hội chủ nghĩa Việt Nam" in t and "Độc lập - Tự do - Hạnh phúc" in t, "nation")
    check("Kính gửi: Ủy ban nhân dân" in t, "Kính gửi")
    for f in form["fields"]:
        check(f["label"] in t, "label %r" % f["label"])
    for g in {f["group"] for f in form["fields"]}:
        check(re.search(r"<h2[^>]*>%s</h2>" % re.escape(html.escape(g, quote=False)), r.text), g)
    for d in form["documents"]:
        check(html.escape(d["name"], quote=False) in r.text or d["name"] in t, "document %r" % d["name"])
    check("Giấy tờ kèm theo" in t, "documents heading")
    check("nếu có (nếu có)" not in t and "bản sao có chứng thực, số lượng: 01" in t, "documents")
    # the room to write, by type
    check("☐</span> Nam" in t and "☐</span> Nữ" in t and "☐</span> Sán Dìu" in t, "choices")
    boxes = re.findall(r'<span class="tokhai-boxes"[^>]*>((?:<span></span>)*)</span>', r.text)
    ids = sum(1 for f in form["fields"] if f["type"] == "id_number")
    check(len(boxes) == ids and all(b.count("<span>") == 12 for b in boxes), boxes)
    check(t.count("năm <span") >= 1 and "ngày <span" in t, "date")
    lines = sum({"text": 1, "number": 1, "phone": 1, "address": 2}.get(f["type"], 0)
                for f in form["fields"])
    check(r.text.count('class="tokhai-dots') == lines + 1, "dotted lines")   # + Kính gửi
    # the signature block
    for s in (", ngày", "tháng", "năm", "Người khai", "(ký, ghi rõ họ tên)",
              "Tôi cam đoan những nội dung khai trên đây là đúng sự thật"):
        check(s in t, "signature %r" % s)
    body = main_part(r)
    for tag in ("<input", "<select", "<textarea", "<form"):
        check(tag not in body, "%s in the declaration" % tag)
    # without JavaScript: the hint; the button only shown by the script
    check("Dùng chức năng In của trình duyệt" in t, "print hint")
    check(re.search(r"<button[^>]*data-print[^>]*hidden[^>]*>In tờ khai</button>", r.text), "button")
    check('<script src="/static/js/print.js" defer></script>' in r.text, "script")
    css = get("/static/css/site.css").text
    check(re.search(r"\.button\[hidden\]\s*\{\s*display:\s*none;", css), "hidden button stays hidden")


@case
def test_public_to_everyone():
    for client in (Client(ADDR), demo_login("0912000041", ADDR), demo_login("0912000001", ADDR)):
        r = client.get("/thu-tuc/%s/to-khai" % BIRTH)
        check(r.status == 200, r.status)
        check("Tờ khai đăng ký khai sinh" in text(r), "title")
    r = Client(ADDR).request("HEAD", "/thu-tuc/%s/to-khai" % BIRTH)
    check(r.status == 200 and r.body == b"", r.status)


@case
def test_title_from_the_name():
    t = text(get("/thu-tuc/%s/to-khai" % BUSINESS))
    check("Tờ khai đăng ký thành lập hộ kinh doanh</h1>" in t, "business title")
    t = text(get("/thu-tuc/%s/to-khai" % COPY))
    check("<h1" in t and ">Tờ khai chứng thực bản sao từ bản chính" in t, "copy title")


@case
def test_every_link_answers():
    r = get("/thu-tuc/%s/to-khai" % BIRTH)
    links = set(re.findall(r'(?:href|src)="(/[^"]*)"', r.text))
    check("/thu-tuc/%s" % BIRTH in links and "/static/js/print.js" in links, links)
    for u in sorted(links):
        check(get(urldefrag(html.unescape(u))[0]).status == 200, u)


@case
def test_procedure_page_links_beside_the_tokhai_document():
    r = get("/thu-tuc/" + BIRTH)
    check(r.status == 200, r.status)
    link = 'href="/thu-tuc/%s/to-khai"' % BIRTH
    check(r.text.count(link) == 1, "one link")
    li = re.search(r"<li>([^<]*)(?:<[^l][^>]*>[^<]*)*<a class=\"proc-tokhai\" " + re.escape(link), r.text)
    check(li is not None and html.unescape(li.group(1)).startswith("Tờ khai đăng ký khai sinh"),
          li and li.group(1))
    check(">Tải/in mẫu tờ khai</a>" in r.text, "link text")


@case
def test_procedure_page_links_below_the_documents():
    r = get("/thu-tuc/" + COPY)
    check(r.status == 200, r.status)
    link = '<p class="proc-tokhai"><a href="/thu-tuc/%s/to-khai">Tải/in mẫu tờ khai</a></p>' % COPY
    check(r.text.count(link) == 1, "below the list")
    check(r.text.index("</ul>", r.text.index('class="proc-docs"')) < r.text.index(link), "after the list")


@case
def test_no_link_without_eform():
    r = get("/thu-tuc/" + CATALOGUE_ONLY)
    check(r.status == 200, r.status)
    check("/to-khai" not in r.text and "Tải/in mẫu tờ khai" not in r.text, "no link")


if __name__ == "__main__":
    main()
