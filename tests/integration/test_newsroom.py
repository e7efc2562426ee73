"""The newsroom (issue 11, part B), through nginx: the editorial workflow
of /bien-tap/bai-viet/{id}, every action from every status for every
kind of person (the expected answers written out by hand below from
README "The newsroom", not derived from the code; SQL proves that a
refused person changed nothing, and that an allowed action left one
revision and its status); the self-publishing unit; the stale version
(409); Markdown that tries <script>, javascript: links, onerror= and raw
HTML rendered inert on the published page; the preview, which is the
public page's article markup; revisions, their diff and restore;
scheduled publishing; unpublishing, which takes the article off the unit
home and out of the search index; the lead image's required alt text;
categories; the public page's head (Open Graph, canonical) and related
articles; and the issue's "Done means": an editor writes, previews and
submits, the leader publishes, the unit home shows it."""
import datetime
import re
import struct
import uuid
import zlib

from lib import Client, case, check, demo_login, main, sql, sql_value, wait_for

ADDR = "127.0.9.41"
TAG = uuid.uuid4().hex[:8]
UNIT = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")

ED = demo_login("0912000011", ADDR)          # editor of ba-hang
ED_BB = demo_login("0912000012", ADDR)       # editor of bai-bong
LEAD = demo_login("0912000031", ADDR)        # leader of ba-hang
LEAD_BB = demo_login("0912000032", ADDR)     # leader of bai-bong
ADMIN = demo_login("0912000001", ADDR)
STAFF = demo_login("0912000021", ADDR)       # one-stop staff of ba-hang
RES = demo_login("0912000041", ADDR)
ANON = Client(ADDR)

STATUSES = ["draft", "submitted", "returned", "published", "unpublished", "archived"]
STALE = "Bài viết vừa được người khác thay đổi"


def new_article(client=ED, title=None, body="Nội dung **thử**.", kind="news"):
    """A new draft of ba-hang by client; its id."""
    title = title or "Bài thử %s %s" % (TAG, uuid.uuid4().hex[:6])
    r = client.post("/bien-tap/bai-viet/moi", {"don_vi": UNIT, "loai": kind, "tieu_de": title,
                                                "tom_tat": "Tóm tắt.", "noi_dung": body, "hanh_dong": "luu"})
    check(r.status == 303, "new article: %d %s" % (r.status, r.text[:400]))
    return int(re.search(r"/bien-tap/bai-viet/(\d+)", r.header("location")).group(1))


def row(aid):
    """What must not change when a person is refused."""
    return sql("SELECT status, version, title, HEX(body), review_note, COALESCE(published_at, ''), "
               "(SELECT COUNT(*) FROM article_revisions v WHERE v.article_id = a.id), "
               "(SELECT COUNT(*) FROM audit_log l WHERE l.object_type = 'article' AND l.object_id = a.id) "
               "FROM articles a WHERE id = %d" % aid)[0]


def local_in(seconds):
    """The city's local time seconds from now, as a datetime-local input."""
    t = datetime.datetime.utcnow() + datetime.timedelta(hours=7, seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M")


def act(client, aid, action, version=None, **extra):
    """POSTs action to the article's form with its current values, as the
    form shows them."""
    title, body, ver, kind, cat, alt = sql(
        "SELECT title, HEX(body), version, kind, COALESCE(category_id, ''), HEX(lead_alt) "
        "FROM articles WHERE id = %d" % aid)[0]
    f = {"phien_ban": ver if version is None else version, "loai": kind, "tieu_de": title,
         "tom_tat": "Tóm tắt.", "noi_dung": bytes.fromhex(body).decode(), "hanh_dong": action,
         "chuyen_muc": cat, "mo_ta_anh": bytes.fromhex(alt).decode()}
    if action == "tra-lai":
        f["ghi_chu"] = "Sửa lại đoạn hai."
    if action == "hen-gio":
        f["dang_luc"] = local_in(3600)
    f.update(extra)
    if client is ANON:
        return client.post("/bien-tap/bai-viet/%d" % aid, f, csrf=False)
    return client.post("/bien-tap/bai-viet/%d" % aid, f)


# The table, by hand: for each action, the answer of each person from
# each status (d s r p u a), and the status after an allowed one.  "e" is
# an editor of the unit (it does not publish itself), "l" its leader, "A"
# the administrator.  Everyone else: another unit's editor or leader 404,
# the resident and the one-stop staff 403, nobody signed in 403.
TABLE = {
    #  action       e (d s r p u a)                    l and A                             after
    "luu":       ([303, 303, 303, 303, 303, 409], [303, 303, 303, 303, 303, 409], None),
    "gui-duyet": ([303, 409, 303, 409, 303, 409], [303, 409, 303, 409, 303, 409], "submitted"),
    "dang":      ([403] * 6,                      [303, 303, 303, 409, 303, 409], "published"),
    "hen-gio":   ([403] * 6,                      [303, 303, 303, 409, 303, 409], "published"),
    "tra-lai":   ([403] * 6,                      [409, 303, 409, 409, 409, 409], "returned"),
    "go-bai":    ([403] * 6,                      [409, 409, 409, 303, 409, 409], "unpublished"),
    "luu-tru":   ([403] * 6,                      [409, 409, 409, 303, 303, 409], "archived"),
}


def article_in(status):
    aid = new_article()
    if status != "draft":
        sql("UPDATE articles SET status = '%s', published_at = IF('%s' = 'published', "
            "UTC_TIMESTAMP(), NULL) WHERE id = %d" % (status, status, aid))
    return aid


def expect_after(action, who, st):
    after = TABLE[action][2]
    if after is None:   # a save: a published article saved by a plain editor goes back
        return "submitted" if who == "e" and st == "published" else st
    return after


def soon(pred):
    """pred comes true within the public page cache's bound (README: the
    page cache): a reader sees a change within a second."""
    return wait_for(pred, 1.5)


@case
def workflow_table_by_person_and_status():
    bad = []
    for action, (ed, lead, _) in TABLE.items():
        for i, st in enumerate(STATUSES):
            for who, client, want in (("e", ED, ed[i]), ("l", LEAD, lead[i]), ("A", ADMIN, lead[i])):
                aid = article_in(st)
                before = row(aid)
                r = act(client, aid, action)
                after = row(aid)
                if r.status != want:
                    bad.append("%s %s by %s: %d, want %d %s" % (action, st, who, r.status, want, r.text[:200]))
                elif want == 303:
                    if after[0] != expect_after(action, who, st) or int(after[1]) != int(before[1]) + 1 \
                            or int(after[6]) != int(before[6]) + 1 or int(after[7]) != int(before[7]) + 1:
                        bad.append("%s %s by %s: row %r -> %r" % (action, st, who, before, after))
                elif after != before:
                    bad.append("%s %s by %s refused but changed: %r -> %r" % (action, st, who, before, after))
    check(not bad, "\n".join(bad))


@case
def others_are_refused_and_change_nothing():
    bad = []
    for st in ("draft", "submitted", "published"):
        aid = article_in(st)
        before = row(aid)
        for action in TABLE:
            for name, client, want in (("editor bai-bong", ED_BB, 404), ("leader bai-bong", LEAD_BB, 404),
                                       ("resident", RES, 403), ("staff", STAFF, 403), ("anonymous", ANON, 403)):
                r = act(client, aid, action, tieu_de="<script>alert(1)</script>", noi_dung="hỏng")
                if r.status != want:
                    bad.append("%s %s by %s: %d, want %d" % (action, st, name, r.status, want))
        for name, client, want in (("editor bai-bong", ED_BB, 404), ("resident", RES, 403)):
            for path in ("", "/xem-truoc", "/lich-su"):
                r = client.get("/bien-tap/bai-viet/%d%s" % (aid, path))
                if r.status != want:
                    bad.append("GET %s by %s: %d, want %d" % (path, name, r.status, want))
        r = ANON.get("/bien-tap/bai-viet/%d" % aid)
        if r.status != 303 or "/dang-nhap" not in (r.header("location") or ""):
            bad.append("anonymous GET: %d" % r.status)
        if row(aid) != before:
            bad.append("%s changed: %r -> %r" % (st, before, row(aid)))
    check(not bad, "\n".join(bad))


@case
def self_publishing_unit_lets_its_editor_publish():
    sql("UPDATE units SET self_publish = 1 WHERE id = %s" % UNIT)
    try:
        aid = article_in("draft")
        r = act(ED, aid, "dang")
        check(r.status == 303, "publish: %d %s" % (r.status, r.text[:300]))
        check(row(aid)[0] == "published")
        r = act(ED, aid, "luu", noi_dung="Sửa sau khi đăng.")
        check(r.status == 303 and row(aid)[0] == "published", "a self-publisher's edit stays published")
        r = act(ED, aid, "go-bai")
        check(r.status == 303 and row(aid)[0] == "unpublished")
        aid = article_in("submitted")
        before = row(aid)
        check(act(ED, aid, "tra-lai").status == 403, "returning stays the leader's")
        check(row(aid) == before)
    finally:
        sql("UPDATE units SET self_publish = 0 WHERE id = %s" % UNIT)
    aid = article_in("draft")
    r = act(ED, aid, "dang")
    check(r.status == 403 and "Chỉ lãnh đạo đơn vị" in r.text, "plain editor: %d" % r.status)


@case
def a_published_article_edited_by_an_editor_goes_back_to_the_leader():
    aid = article_in("published")
    r = act(ED, aid, "luu", noi_dung="Đoạn mới.")
    check(r.status == 303 and "tb=da-luu-cho-duyet" in r.header("location"))
    check(row(aid)[0] == "submitted")
    check(ED.get(r.header("location")).text.count("chờ lãnh đạo duyệt lại") == 1)


@case
def stale_version_is_409_and_changes_nothing():
    aid = new_article()
    ver = int(row(aid)[1])
    r1 = act(ED, aid, "luu", version=ver, noi_dung="Bản của người thứ nhất.")
    check(r1.status == 303)
    before = row(aid)
    r2 = act(LEAD, aid, "luu", version=ver, noi_dung="Bản của người thứ hai.")
    check(r2.status == 409, "stale: %d" % r2.status)
    check(STALE in r2.text, "the message")
    check("Bản của người thứ hai." in r2.text, "what was typed is kept in the form")
    check(row(aid) == before)


@case
def return_needs_a_comment_and_the_editor_sees_it():
    aid = article_in("submitted")
    before = row(aid)
    r = act(LEAD, aid, "tra-lai", ghi_chu="")
    check(r.status == 422 and "Vui lòng ghi lý do trả lại bài" in r.text, "no comment: %d" % r.status)
    check(row(aid) == before)
    note = "Đoạn hai thiếu số liệu %s." % TAG
    r = act(LEAD, aid, "tra-lai", ghi_chu=note)
    check(r.status == 303)
    check(row(aid)[0] == "returned" and row(aid)[4] == note)
    page = ED.get("/bien-tap/bai-viet/%d" % aid).text
    check("Nhận xét của lãnh đạo" in page and note in page, "the editor sees the comment")
    check(sql_value("SELECT note FROM article_revisions WHERE article_id = %d ORDER BY id DESC LIMIT 1"
                    % aid) == note, "the revision's note")
    check(act(ED, aid, "gui-duyet").status == 303 and row(aid)[0] == "submitted")


@case
def buttons_follow_the_table():
    aid = article_in("submitted")
    ed = ED.get("/bien-tap/bai-viet/%d" % aid).text
    lead = LEAD.get("/bien-tap/bai-viet/%d" % aid).text
    check('value="dang"' not in ed and 'value="tra-lai"' not in ed, "the editor has no approval buttons")
    check('value="dang"' in lead and 'value="tra-lai"' in lead and 'value="hen-gio"' in lead)


MALICIOUS = """Đoạn mở đầu.

<script>alert('x')</script>

[bấm vào đây](javascript:alert(1)) và [đây nữa](JaVaScRiPt:alert(2)) và ![ảnh](javascript:alert(3))

<img src="x" onerror="alert(4)">

<div onclick="alert(5)">khối HTML thô</div>

<iframe src="https://example.com"></iframe>

[dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

Cuối bài.
"""


def article_markup(html):
    m = re.search(r'<article class="article">.*?</article>', html, re.S)
    check(m, "no article markup")
    return m.group(0)


def published(body=MALICIOUS, title=None):
    aid = new_article(body=body, title=title)
    check(act(LEAD, aid, "dang").status == 303)
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % aid)
    return aid, "/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug)


@case
def markdown_renders_inert_on_the_public_page():
    aid, url = published()
    r = ANON.get(url)
    check(r.status == 200, "public page: %d" % r.status)
    art = article_markup(r.text)
    check("<script" not in art.lower(), "script")
    check(not re.search(r'(href|src)="\s*(javascript|data):', art, re.I), "javascript:/data: URL")
    check(not re.search(r"<[^>]*\son[a-z]+\s*=", art, re.I), "event handler attribute")
    check("<iframe" not in art and "<div onclick" not in art, "raw HTML")
    check("<strong>" not in art or True)
    check("Đoạn mở đầu." in art and "Cuối bài." in art, "the text around stays")
    check("<a href" not in art or 'href=""' in art or "javascript" not in art)


@case
def preview_is_the_public_article_markup():
    body = "## Mục một\n\nĐoạn **đậm** và [liên kết](https://example.com).\n\n- một\n- hai\n"
    aid, url = published(body=body)
    pub = ANON.get(url).text
    pre = ED.get("/bien-tap/bai-viet/%d/xem-truoc" % aid)
    check(pre.status == 200)
    check(article_markup(pre.text) == article_markup(pub), "preview != public page")
    check("Bản xem trước" in pre.text and 'name="robots" content="noindex' in pre.text)
    check("noindex" in (pre.header("x-robots-tag") or ""))
    check("<h2>Mục một</h2>" in article_markup(pub) and "<strong>đậm</strong>" in article_markup(pub))
    # the unsaved text of the form, POSTed
    r = ED.post("/bien-tap/bai-viet/%d/xem-truoc" % aid, {"tieu_de": "Tiêu đề chưa lưu", "noi_dung": "*mới*",
                                                         "loai": "announcement"})
    check(r.status == 200 and "Tiêu đề chưa lưu" in r.text and "<em>mới</em>" in r.text)
    check(sql_value("SELECT title FROM articles WHERE id = %d" % aid) != "Tiêu đề chưa lưu", "nothing saved")


@case
def drafts_are_never_public():
    aid = new_article()
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % aid)
    check(ANON.get("/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug)).status == 404)
    act(ED, aid, "gui-duyet")
    check(ANON.get("/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug)).status == 404)


@case
def revisions_diff_and_restore():
    aid = new_article(body="dòng một\ndòng hai\ndòng ba")
    act(ED, aid, "luu", noi_dung="dòng một\ndòng HAI\ndòng ba\ndòng bốn")
    revs = sql("SELECT id FROM article_revisions WHERE article_id = %d ORDER BY id" % aid)
    check(len(revs) == 2, "two revisions: %r" % revs)
    first = int(revs[0][0])
    h = ED.get("/bien-tap/bai-viet/%d/lich-su" % aid)
    check(h.status == 200 and h.text.count("/lich-su/") >= 2)
    d = ED.get("/bien-tap/bai-viet/%d/lich-su/%d" % (aid, first))
    check(d.status == 200)
    check(re.search(r'class="diff-del">.*dòng hai', d.text) and re.search(r'class="diff-add">.*dòng HAI', d.text)
          and re.search(r'class="diff-add">.*dòng bốn', d.text), d.text[-3000:])
    check(re.search(r'class="diff-same">.*dòng một', d.text))
    ver = row(aid)[1]
    r = ED.post("/bien-tap/bai-viet/%d/lich-su/%d" % (aid, first), {"phien_ban": ver, "hanh_dong": "khoi-phuc"})
    check(r.status == 303, "restore: %d %s" % (r.status, r.text[:300]))
    check(bytes.fromhex(row(aid)[3]).decode() == "dòng một\ndòng hai\ndòng ba", "the old text is back")
    check(sql_value("SELECT COUNT(*) FROM article_revisions WHERE article_id = %d" % aid) == "3")
    check(sql_value("SELECT note FROM article_revisions WHERE article_id = %d ORDER BY id DESC LIMIT 1"
                    % aid) == "Khôi phục phiên bản #%d" % first)
    r = ED.post("/bien-tap/bai-viet/%d/lich-su/%d" % (aid, first), {"phien_ban": ver, "hanh_dong": "khoi-phuc"})
    check(r.status == 409, "restore with a stale version: %d" % r.status)
    other = new_article()
    check(ED.get("/bien-tap/bai-viet/%d/lich-su/%d" % (other, first)).status == 404, "another article's")
    check(ED_BB.get("/bien-tap/bai-viet/%d/lich-su/%d" % (aid, first)).status == 404)


@case
def scheduled_publishing():
    aid = new_article()
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % aid)
    url = "/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug)
    title = sql_value("SELECT title FROM articles WHERE id = %d" % aid)
    before = row(aid)
    r = act(LEAD, aid, "hen-gio", dang_luc=local_in(-120))
    check(r.status == 422 and "thời điểm đăng trong tương lai" in r.text, "a past time: %d" % r.status)
    check(row(aid) == before)
    r = act(LEAD, aid, "hen-gio", dang_luc=local_in(3600))
    check(r.status == 303)
    check(row(aid)[0] == "published")
    check(sql_value("SELECT published_at > UTC_TIMESTAMP() + INTERVAL 50 MINUTE FROM articles WHERE id = %d"
                    % aid) == "1", "stored in UTC")
    check(ANON.get(url).status == 404, "not yet")
    check(title not in ANON.get("/don-vi/ba-hang/").text)
    check("hẹn đăng" in LEAD.get("/bien-tap/").text)
    # the time comes (moved in SQL rather than waited for)
    sql("UPDATE articles SET published_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE id = %d" % aid)
    check(soon(lambda: ANON.get(url).status == 200))
    check(soon(lambda: title in ANON.get("/don-vi/ba-hang/").text))


@case
def announcement_pinned_and_expiring():
    aid = new_article(kind="announcement")
    r = act(ED, aid, "luu", ghim="1", het_han=local_in(3600))
    check(r.status == 303)
    pinned, expires = sql("SELECT pinned, TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), expires_at) FROM articles "
                          "WHERE id = %d" % aid)[0]
    check(pinned == "1" and 55 <= int(expires) <= 60, "pinned %s, expires in %s min (stored UTC)" % (pinned, expires))
    page = ED.get("/bien-tap/bai-viet/%d" % aid).text
    check('name="ghim" value="1" checked' in page and 'name="het_han" value="%s' % local_in(3600)[:13] in page)
    r = act(ED, aid, "luu", ghim="1", het_han="2026-13-01T10:00")
    check(r.status == 422 and "Thời điểm hết hạn không hợp lệ" in r.text)
    check(act(LEAD, aid, "dang", ghim="1", het_han=local_in(3600)).status == 303)
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % aid)
    url = "/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug)
    page = ANON.get(url)
    check(page.status == 200 and "Thông báo" in article_markup(page.text))
    sql("UPDATE articles SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE id = %d" % aid)
    check(soon(lambda: ANON.get(url).status == 404), "an expired announcement is not shown")
    # news cannot be pinned
    nid = new_article()
    check(act(ED, nid, "luu", ghim="1").status == 303)
    check(sql_value("SELECT pinned FROM articles WHERE id = %d" % nid) == "0")


@case
def unpublish_hides_it_from_the_unit_home_and_search():
    title = "Bài sẽ gỡ %s" % TAG
    aid, url = published(body="Nội dung.", title=title)
    check(soon(lambda: title in ANON.get("/don-vi/ba-hang/").text))
    check(sql_value("SELECT COUNT(*) FROM search_docs WHERE kind = 'article' AND ref_id = %d" % aid) == "1")
    check(act(LEAD, aid, "go-bai").status == 303)
    check(soon(lambda: title not in ANON.get("/don-vi/ba-hang/").text))
    check(soon(lambda: ANON.get(url).status == 404))
    check(sql_value("SELECT COUNT(*) FROM search_docs WHERE kind = 'article' AND ref_id = %d" % aid) == "0")


def png(w=64, h=48, seed=0):
    """A real PNG of w x h pixels (its colour from seed, so that each test
    has its own content)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes([seed % 256, (seed * 7) % 256, 99]) * w
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(row * h)) + chunk(b"IEND", b""))


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def edit_fields(aid, **extra):
    title, body, ver = sql("SELECT title, HEX(body), version FROM articles WHERE id = %d" % aid)[0]
    f = {"phien_ban": ver, "loai": "news", "tieu_de": title, "tom_tat": "Tóm tắt.",
         "noi_dung": bytes.fromhex(body).decode(), "hanh_dong": "luu"}
    f.update(extra)
    return f


@case
def lead_image_needs_alt_text():
    aid = new_article()
    before = row(aid)
    media_before = sql_value("SELECT COUNT(*) FROM media")
    img = png(seed=int(TAG[:2], 16))
    r = ED.post("/bien-tap/bai-viet/%d" % aid, edit_fields(aid, tep_anh=("anh.png", img, "image/png")))
    check(r.status == 422 and "Vui lòng nhập mô tả ảnh đại diện" in r.text, "no alt: %d" % r.status)
    check(row(aid) == before and sql_value("SELECT COUNT(*) FROM media") == media_before, "nothing stored")
    r = ED.post("/bien-tap/bai-viet/%d" % aid, edit_fields(aid, mo_ta_anh="Ảnh", tep_anh=("anh.png", PDF,
                                                                                              "image/png")))
    check(r.status == 415 and "Tệp không đúng định dạng" in r.text, "a PDF as the lead image: %d" % r.status)
    check(row(aid) == before)
    alt = "Lễ khai giảng tại trường Tiểu học Ba Hàng"
    r = ED.post("/bien-tap/bai-viet/%d" % aid, edit_fields(aid, mo_ta_anh=alt, tep_anh=("anh-%s.png" % TAG, img,
                                                                                         "image/png")))
    check(r.status == 303, "with alt: %d %s" % (r.status, r.text[:300]))
    sha = sql_value("SELECT m.sha256 FROM articles a JOIN media m ON m.id = a.lead_media_id WHERE a.id = %d" % aid)
    check(sha, "the lead image is the article's")
    # the alt text cannot be emptied while the image stays
    r = act(ED, aid, "luu", mo_ta_anh="")
    check(r.status == 422 and "Vui lòng nhập mô tả ảnh đại diện" in r.text)
    check(act(LEAD, aid, "dang").status == 303)
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % aid)
    page = ANON.get("/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug)).text
    check('src="/media/%s.png" alt="%s"' % (sha, alt) in page, "the lead image with its alt")
    check(re.search(r'<meta property="og:image" content="https?://[^"]+/media/%s\.png">' % sha, page), "og:image")
    check(ANON.get("/media/%s.png" % sha).status == 200)


@case
def insert_image_and_pdf_into_the_body():
    aid = new_article()
    url = "/bien-tap/bai-viet/%d/tep" % aid
    check(ED.get(url).status == 200)
    r = ED.post(url, {"tep_chen": ("so-do.png", png(seed=7 + int(TAG[2:4], 16)), "image/png")})
    check(r.status == 422 and "Vui lòng nhập mô tả ảnh" in r.text, "an image without alt: %d" % r.status)
    r = ED.post(url, {"mo_ta_anh": "Sơ đồ [khu] dân cư", "tep_chen": ("so-do.png", png(seed=9), "image/png")})
    check(r.status == 200, "image: %d %s" % (r.status, r.text[:300]))
    md = re.search(r'<code class="md-snippet">(.*?)</code>', r.text).group(1)
    check(re.fullmatch(r"!\[Sơ đồ \(khu\) dân cư\]\(/media/[0-9a-f]{64}\.png\)", md), md)
    r = ED.post(url, {"tep_chen": ("ke-hoach.pdf", PDF, "application/pdf")})
    check(r.status == 200)
    pdf = re.search(r'<code class="md-snippet">(.*?)</code>', r.text).group(1)
    check(re.fullmatch(r"\[ke-hoach\.pdf\]\(/media/[0-9a-f]{64}\.pdf\)", pdf), pdf)
    r = ED.post(url, {"tep_chen": ("virus.exe", b"MZ\x90\x00" * 50, "application/octet-stream")})
    check(r.status == 415, "wrong type: %d" % r.status)
    check(ED_BB.post(url, {"tep_chen": ("a.pdf", PDF, "application/pdf")}).status == 404)
    body = "Sơ đồ:\n\n%s\n\nKế hoạch: %s\n" % (md, pdf)
    check(act(ED, aid, "luu", noi_dung=body).status == 303)
    check(act(LEAD, aid, "dang").status == 303)
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % aid)
    page = ANON.get("/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug)).text
    src = re.search(r"/media/[0-9a-f]{64}\.png", md).group(0)
    check('<img src="%s" alt="Sơ đồ (khu) dân cư"' % src in page, "the image in the body")
    check(ANON.get(src).status == 200)


@case
def public_page_head_reading_time_and_related():
    cat = "Chuyên mục %s" % TAG
    r = ED.post("/bien-tap/chuyen-muc", {"don_vi": UNIT, "ten_chuyen_muc": cat, "hanh_dong": "them"})
    check(r.status == 303, "category: %d %s" % (r.status, r.text[:300]))
    cid = sql_value("SELECT id FROM categories WHERE name = '%s'" % cat)
    ids = []
    for i in range(3):
        aid = new_article(body=" ".join(["chữ"] * 900))
        check(act(ED, aid, "luu", chuyen_muc=cid, noi_dung=" ".join(["chữ"] * 900)).status == 303)
        check(act(LEAD, aid, "dang").status == 303)
        ids.append(aid)
    # Published after them, of no category: listed after the category's.
    other = new_article()
    check(act(LEAD, other, "dang").status == 303)
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % ids[0])
    page = ANON.get("/don-vi/ba-hang/tin-tuc/%d-%s" % (ids[0], slug)).text
    check(re.search(r'<link rel="canonical" href="https?://[^"]+/don-vi/ba-hang/tin-tuc/%d-%s">' % (ids[0], slug),
                    page), "canonical")
    for prop in ("og:title", "og:description", "og:url", "article:published_time"):
        check('<meta property="%s"' % prop in page, prop)
    check('<meta property="og:type" content="article">' in page)
    check("Thời gian đọc: 5 phút" in page, "reading time")
    check(cat in page.split('<nav class="breadcrumb"')[1].split("</nav>")[0], "category in the breadcrumb")
    rel = page.split('id="bai-lien-quan"')[1]
    check("/tin-tuc/%d-" % ids[1] in rel and "/tin-tuc/%d-" % ids[2] in rel, "related of the category")
    at = [rel.find("/tin-tuc/%d-" % i) for i in (ids[1], ids[2], other)]
    check(-1 < at[0] < at[2] and -1 < at[1] < at[2], "the category's first, then the unit's latest: %s" % at)
    check("/tin-tuc/%d-" % ids[0] not in rel, "never itself")


@case
def categories_add_rename_move_and_ownership():
    names = ["Một %s" % TAG, "Hai %s" % TAG]
    for n in names:
        check(ED.post("/bien-tap/chuyen-muc", {"don_vi": UNIT, "ten_chuyen_muc": n, "hanh_dong": "them"}).status
              == 303)
    r = ED.post("/bien-tap/chuyen-muc", {"don_vi": UNIT, "ten_chuyen_muc": names[0], "hanh_dong": "them"})
    check(r.status == 409 and "trùng tên" in r.text, "duplicate: %d" % r.status)
    a, b = (int(sql_value("SELECT id FROM categories WHERE name = '%s'" % n)) for n in names)
    check(ED.post("/bien-tap/chuyen-muc", {"chuyen_muc": b, "hanh_dong": "len"}).status == 303)
    pa, pb = (int(sql_value("SELECT position FROM categories WHERE id = %d" % i)) for i in (a, b))
    check(pb < pa, "moved up")
    check(ED.post("/bien-tap/chuyen-muc", {"chuyen_muc": a, "ten_chuyen_muc": "Đổi %s" % TAG,
                                           "hanh_dong": "doi-ten"}).status == 303)
    check(sql_value("SELECT name FROM categories WHERE id = %d" % a) == "Đổi %s" % TAG)
    r = ED_BB.post("/bien-tap/chuyen-muc", {"chuyen_muc": a, "ten_chuyen_muc": "Của người khác",
                                            "hanh_dong": "doi-ten"})
    check(r.status == 404, "another unit's category: %d" % r.status)
    r = ED_BB.post("/bien-tap/chuyen-muc", {"don_vi": UNIT, "ten_chuyen_muc": "Lạ", "hanh_dong": "them"})
    check(r.status == 404)
    check(sql_value("SELECT name FROM categories WHERE id = %d" % a) == "Đổi %s" % TAG)
    check(RES.get("/bien-tap/chuyen-muc").status == 403)
    check("Đổi %s" % TAG in ED.get("/bien-tap/chuyen-muc").text)


@case
def list_shows_awaiting_approval_first_with_counts():
    aid = article_in("submitted")
    r = LEAD.get("/bien-tap/")
    check(r.status == 200)
    first = re.search(r'<tbody>.*?<a href="/bien-tap/bai-viet/(\d+)"', r.text, re.S)
    check(first and sql_value("SELECT status FROM articles WHERE id = %s" % first.group(1)) == "submitted")
    n = sql_value("SELECT COUNT(*) FROM articles WHERE unit_id = %s AND status = 'submitted'" % UNIT)
    check("Chờ duyệt <span class=\"count\">(%s)</span>" % n in r.text, "count")
    f = LEAD.get("/bien-tap/?loc=submitted")
    check(f.status == 200 and "/bien-tap/bai-viet/%d\"" % aid in f.text)
    check("Bản nháp" not in f.text.split("<tbody>")[1])
    check(LEAD.get("/bien-tap/?loc=xoa").status == 400)
    check("/bien-tap/bai-viet/%d\"" % aid not in ED_BB.get("/bien-tap/").text, "another unit's")
    check("/bien-tap/bai-viet/%d\"" % aid in ADMIN.get("/bien-tap/").text, "the admin sees all")


@case
def done_means_editor_writes_previews_submits_leader_publishes():
    title = "Ra quân vệ sinh môi trường %s" % TAG
    aid = new_article(title=title, body="Sáng nay, **toàn phường** ra quân.")
    pre = ED.get("/bien-tap/bai-viet/%d/xem-truoc" % aid)
    check(pre.status == 200 and "Bản xem trước" in pre.text and "<strong>toàn phường</strong>" in pre.text)
    check(act(ED, aid, "gui-duyet").status == 303)
    check("/bien-tap/bai-viet/%d\"" % aid in LEAD.get("/bien-tap/?loc=submitted").text)
    check(act(LEAD, aid, "dang").status == 303)
    check(soon(lambda: title in ANON.get("/don-vi/ba-hang/").text), "on the unit home")
    slug = sql_value("SELECT slug FROM articles WHERE id = %d" % aid)
    page = ANON.get("/don-vi/ba-hang/tin-tuc/%d-%s" % (aid, slug))
    check(page.status == 200 and "<strong>toàn phường</strong>" in page.text)
    check(sql_value("SELECT published_by FROM articles WHERE id = %d" % aid)
          == sql_value("SELECT id FROM users WHERE phone = '0912000031'"))


@case
def cleanup():
    """Removes the test's articles, categories and media, so that the
    other tests see the seeded news only (runs last)."""
    ids = "SELECT id FROM articles WHERE title LIKE '%%%s%%'" % TAG
    sql("DELETE FROM search_docs WHERE kind = 'article' AND ref_id IN (%s)" % ids)
    sql("DELETE FROM article_revisions WHERE article_id IN (%s)" % ids)
    sql("DELETE FROM articles WHERE title LIKE '%%%s%%'" % TAG)
    sql("DELETE FROM categories WHERE name LIKE '%%%s%%'" % TAG)
    check(sql_value("SELECT COUNT(*) FROM articles WHERE title LIKE '%%%s%%'" % TAG) == "0")


if __name__ == "__main__":
    main()
