"""The units' websites (issue 11, part A), through nginx: a unit's home
(pinned announcements, categories, the coming schedule, services), its
listings and the city's, the lead image's resized copy, host names mapped
with portalctl, mergers with portalctl (refusals change nothing; old
addresses answer 301 to the successor's, through chains of mergers), the
earlier units and their archives, the JSON API, the Atom feeds (xmllint
and their required elements), the sitemap (and its index past 50,000
addresses), robots.txt, and the page cache (a change shows within a
second; signed-in and anonymous readers never get each other's page).

Each run makes throwaway units (portalctl unit add) with a tag of its
own, and removes them and everything of theirs at the end."""
import json
import os
import random
import subprocess
import time
import xml.etree.ElementTree as ET

from lib import (BIN, ROOT, DEMO_RESIDENT, Client, case, check, check_security_headers, demo_login,
                 fresh, get, main, sql, sql_admin, sql_value, stack_env, wait_for)

ADDR = "127.0.6.41"
CONF = os.path.join(ROOT, "conf", "portal.conf")
TAG = "%04d" % random.randrange(10000)
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Throwaway units: slug -> (code, kind, name, valid from)
UNITS = {
    "cu-a-" + TAG: ("9%s" % TAG, "xa", "Cũ A " + TAG, "2020-01-01"),
    "cu-b-" + TAG: ("8%s" % TAG, "phuong", "Cũ B " + TAG, "2020-01-01"),
    "moi-" + TAG: ("7%s" % TAG, "phuong", "Mới " + TAG, "2025-07-01"),
    "sau-" + TAG: ("6%s" % TAG, "phuong", "Sau " + TAG, "2026-01-01"),
}
OLD_A, OLD_B, NEW, LATER = list(UNITS)
HOST = "moi-%s.phoyen.test" % TAG


def portalctl(*args):
    return subprocess.run([os.path.join(BIN, "portalctl"), "-c", CONF] + list(args),
                          env=dict(os.environ, **stack_env()), cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def unit_id(slug):
    return int(sql_value("SELECT id FROM units WHERE slug = '%s'" % slug))


def article(slug, title, kind="news", minutes=1, extra="", cols=""):
    """Inserts a visible article of unit slug; its id."""
    sql("INSERT INTO articles (unit_id, kind, status, slug, title, summary, body, published_at%s) "
        "VALUES (%d, '%s', 'published', 'bai-%s', '%s', 'Tóm tắt %s', 'Nội dung', "
        "UTC_TIMESTAMP() - INTERVAL %d MINUTE%s)"
        % (cols, unit_id(slug), kind, random.randrange(10 ** 9), title, title, minutes, extra))
    return int(sql_value("SELECT MAX(id) FROM articles WHERE title = '%s'" % title))


def article_path(aid):
    slug, unit = sql("SELECT a.slug, u.slug FROM articles a JOIN units u ON u.id = a.unit_id "
                     "WHERE a.id = %d" % aid)[0]
    return "/don-vi/%s/tin-tuc/%d-%s" % (unit, aid, slug)


def fresh_get(path, pred, timeout=2.5):
    """path as a reader sees it once a change has reached them."""
    return fresh(lambda: get(path), pred, timeout)


def setup():
    for slug, (code, kind, name, since) in UNITS.items():
        p = portalctl("unit", "add", code, kind, name, slug, "--from", since)
        check(p.returncode == 0, "unit add %s: %s" % (slug, p.stderr))


def cleanup():
    ids = ",".join(str(unit_id(s)) for s in UNITS)
    for q in ("DELETE FROM unit_hosts WHERE unit_id IN (%s)",
              "DELETE FROM schedule_items WHERE unit_id IN (%s)",
              "DELETE FROM search_docs WHERE unit_id IN (%s)",
              "DELETE FROM articles WHERE unit_id IN (%s)",
              "DELETE FROM media WHERE unit_id IN (%s)",
              "DELETE FROM categories WHERE unit_id IN (%s)",
              "UPDATE units SET successor_id = NULL WHERE id IN (%s)",
              "DELETE FROM units WHERE id IN (%s)"):
        sql_admin(q % ids)


@case
def test_unit_home_parts():
    """Pinned announcements (not an expired one) first, the latest news,
    each category's latest, the schedule of the coming days (local time),
    services, the Atom link in the head and the unit navigation."""
    uid = unit_id(NEW)
    sql("INSERT INTO categories (unit_id, slug, name, position) VALUES (%d, 'an-ninh', "
        "'An ninh trật tự %s', 1)" % (uid, TAG))
    cat = int(sql_value("SELECT id FROM categories WHERE unit_id = %d" % uid))
    article(NEW, "Thông báo ghim " + TAG, "announcement", cols=", pinned", extra=", 1")
    article(NEW, "Thông báo hết hạn " + TAG, "announcement", cols=", pinned, expires_at",
            extra=", 1, UTC_TIMESTAMP() - INTERVAL 1 MINUTE")
    article(NEW, "Tin chuyên mục " + TAG, cols=", category_id", extra=", %d" % cat)
    article(NEW, "Tin hẹn giờ " + TAG, minutes=-60)
    sql("INSERT INTO schedule_items (unit_id, starts_at, content, place, presider) VALUES "
        "(%d, CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+07:00') + INTERVAL 2 DAY, "
        "'Họp giao ban %s', 'Hội trường', 'Chủ tịch UBND'), "
        "(%d, CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+07:00') + INTERVAL 9 DAY, "
        "'Họp xa %s', '', '')" % (uid, TAG, uid, TAG))
    r = fresh_get("/don-vi/%s/" % NEW, lambda r: "Tin chuyên mục " + TAG in r.text)
    t = r.text
    check(r.status == 200, r.status)
    check("Thông báo quan trọng" in t and "Thông báo ghim " + TAG in t, "pinned")
    check(t.index("Thông báo ghim " + TAG) < t.index("Tin chuyên mục " + TAG), "pinned first")
    check("Thông báo hết hạn " + TAG not in t, "an expired announcement")
    check("Tin hẹn giờ " + TAG not in t, "a scheduled article before its time")
    check('href="/don-vi/%s/chuyen-muc/an-ninh">An ninh trật tự %s' % (NEW, TAG) in t, "category block")
    check("Họp giao ban " + TAG in t and "Chủ trì:</span> Chủ tịch UBND" in t, "schedule")
    check("Họp xa " + TAG not in t, "schedule beyond 7 days")
    check('href="/thu-tuc"' in t and 'href="/tra-cuu"' in t, "services")
    check('<link rel="alternate" type="application/atom+xml"' in t
          and 'href="/don-vi/%s/feed.atom"' % NEW in t, "feed link in head")
    check('<nav class="unit-nav"' in t and 'href="/don-vi/%s/" aria-current="page"' % NEW in t, "unit nav")
    c = get("/don-vi/%s/chuyen-muc/an-ninh" % NEW)
    check(c.status == 200 and "Tin chuyên mục " + TAG in c.text and "Thông báo ghim" not in c.text,
          "category listing")
    check(get("/don-vi/%s/chuyen-muc/khong-co" % NEW).status == 404, "unknown category")
    n = get("/don-vi/%s/thong-bao" % NEW)
    check(n.status == 200 and "Thông báo ghim " + TAG in n.text and "Tin chuyên mục" not in n.text,
          "announcements listing")


@case
def test_listing_lead_image():
    """A listing shows the lead image's resized copy with its alt text."""
    uid = unit_id(NEW)
    sha, thumb = "%064x" % random.getrandbits(256), "%064x" % random.getrandbits(256)
    sql("INSERT INTO media (unit_id, sha256, size, mime, width, height, thumb_sha256, thumb_size) "
        "VALUES (%d, '%s', 1000, 'image/png', 800, 600, '%s', 100)" % (uid, sha, thumb))
    mid = int(sql_value("SELECT id FROM media WHERE sha256 = '%s'" % sha))
    article(NEW, "Tin có ảnh " + TAG, cols=", lead_media_id, lead_alt",
            extra=", %d, 'Cán bộ phường trồng cây %s'" % (mid, TAG))
    r = fresh_get("/don-vi/%s/tin-tuc" % NEW, lambda r: "Tin có ảnh " + TAG in r.text)
    check('<img class="news-thumb" src="/media/%s.png" alt="Cán bộ phường trồng cây %s"' % (thumb, TAG)
          in r.text, "thumbnail with alt")
    check(sha not in r.text, "the full-size image is not the listing's")


@case
def test_city_news_and_units():
    """The city home: current units only, the latest news, links to the
    city's news and the earlier units; /tin-tuc lists every unit's news."""
    aid = article(NEW, "Tin thành phố " + TAG)
    home = fresh_get("/", lambda r: "Tin thành phố " + TAG in r.text)
    check('href="/tin-tuc"' in home.text and 'href="/don-vi-cu"' in home.text, "links")
    check('href="/don-vi/%s/"' % NEW in home.text, "a current unit listed")
    news = fresh_get("/tin-tuc", lambda r: "Tin thành phố " + TAG in r.text)
    check(news.status == 200 and 'href="%s"' % article_path(aid) in news.text, "city news")
    check("Phường Mới " + TAG in news.text, "each item names its unit")


@case
def test_host_name():
    """portalctl unit host add/remove: the host name serves the unit's home
    at /; a malformed name or an unknown unit is refused."""
    p = portalctl("unit", "host", "add", HOST, NEW)
    check(p.returncode == 0, p.stderr)
    r = fresh_get("/", lambda r: "Phường Mới " + TAG in r.text, 3)
    r = get("/", headers={"Host": HOST})
    check(r.status == 200 and '<h1 id="ten-don-vi">Phường Mới %s</h1>' % TAG in r.text, "unit home at /")
    check(get("/", headers={"Host": HOST.upper()}).status == 200, "any case")
    check(portalctl("unit", "host", "add", HOST, NEW).returncode != 0, "a host name twice")
    bad = portalctl("unit", "host", "add", "khong hop le", NEW)
    check(bad.returncode != 0 and "không hợp lệ" in bad.stderr, bad.stderr)
    check(portalctl("unit", "host", "add", "x.phoyen.test", "khong-co-" + TAG).returncode != 0,
          "unknown unit")
    check(sql_value("SELECT COUNT(*) FROM unit_hosts WHERE host = 'x.phoyen.test'") == "0", "nothing added")
    check(portalctl("unit", "host", "remove", HOST).returncode == 0, "remove")
    r = fresh_get("/", lambda r: "Các phường, xã" in r.text)
    check("Các phường, xã" in get("/", headers={"Host": HOST}).text, "back to the city home")
    check(portalctl("unit", "host", "remove", HOST).returncode != 0, "removing twice")


def unit_state(slugs):
    return sql("SELECT slug, IFNULL(valid_to, '-'), IFNULL(successor_id, '-') FROM units "
               "WHERE slug IN (%s) ORDER BY slug" % ",".join("'%s'" % s for s in slugs))


@case
def test_merge_refusals_change_nothing():
    before = unit_state(UNITS)
    audits = sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'unit_merge'")
    for args, msg in [
            ((OLD_A, "--into", OLD_A), "%s: không thể sáp nhập một đơn vị vào chính nó" % OLD_A),
            ((OLD_A, OLD_A, "--into", NEW), "hai lần"),
            ((OLD_A, "khong-co-" + TAG, "--into", NEW), "khong-co-%s: không có đơn vị" % TAG),
            ((OLD_A, "--into", "khong-co-" + TAG), "không có đơn vị"),
            ((OLD_A, "--into", NEW, "--from", "2019-01-01"), "sau ngày bắt đầu"),
            ((OLD_A, "--into", NEW, "--from", "2025-02-30"), "ngày không hợp lệ")]:
        if "--from" not in args:
            args = args + ("--from", "2025-07-01")
        p = portalctl("unit", "merge", *args)
        check(p.returncode != 0 and msg in p.stderr, "%s: %d %s" % (args, p.returncode, p.stderr))
    check(unit_state(UNITS) == before, "nothing changed")
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'unit_merge'") == audits, "no audit")


@case
def test_merge_and_redirects():
    """Two units merge into a new one, which later merges into another:
    each keeps its row and articles; its addresses answer 301 to the
    current unit's; an already merged unit, or a merged target, is
    refused; the earlier units page and the archives."""
    old_art = article(OLD_A, "Tin đơn vị cũ " + TAG)
    old_path = article_path(old_art)
    p = portalctl("unit", "merge", OLD_A, OLD_B, "--into", NEW, "--from", "2025-07-01")
    check(p.returncode == 0, p.stderr)
    state = dict((s, (to, succ)) for s, to, succ in unit_state([OLD_A, OLD_B]))
    check(state[OLD_A] == ("2025-06-30", str(unit_id(NEW))), state)
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'unit_merge' AND object_type = 'unit' "
                    "AND object_id IN ('%d', '%d')" % (unit_id(OLD_A), unit_id(OLD_B))) == "2", "audit rows")
    check(sql_value("SELECT unit_id FROM articles WHERE id = %d" % old_art) == str(unit_id(OLD_A)),
          "the article keeps its unit")
    again = portalctl("unit", "merge", OLD_A, "--into", LATER, "--from", "2026-01-01")
    check(again.returncode != 0 and "đã được sáp nhập" in again.stderr, again.stderr)
    check(portalctl("unit", "merge", LATER, "--into", OLD_B, "--from", "2026-01-01").returncode != 0,
          "into a merged unit")
    p = portalctl("unit", "merge", NEW, "--into", LATER, "--from", "2026-01-01")
    check(p.returncode == 0, p.stderr)
    for path, to in [("/don-vi/%s/" % OLD_A, "/don-vi/%s/" % LATER),
                     ("/don-vi/%s/" % NEW, "/don-vi/%s/" % LATER),
                     ("/don-vi/%s/tin-tuc?trang=2" % OLD_B, "/don-vi/%s/tin-tuc?trang=2" % LATER),
                     ("/don-vi/%s/thong-bao" % OLD_A, "/don-vi/%s/thong-bao" % LATER),
                     ("/don-vi/%s/feed.atom" % OLD_A, "/don-vi/%s/feed.atom" % LATER),
                     ("/don-vi/%s/chuyen-muc/an-ninh" % NEW, "/don-vi/%s/tin-tuc" % LATER),
                     ("/don-vi-cu/%s" % LATER, "/don-vi/%s/" % LATER)]:
        r = get(path)
        check(r.status == 301 and r.header("Location").endswith(to), "%s: %d %s"
              % (path, r.status, r.header("Location")))
    old_host = "cu-a-%s.phoyen.test" % TAG
    check(portalctl("unit", "host", "add", old_host, OLD_A).returncode == 0, "host of a merged unit")
    r = get("/", headers={"Host": old_host})
    check(r.status == 301 and r.header("Location").endswith("/don-vi/%s/" % LATER),
          "a merged unit's host name: %d %s" % (r.status, r.header("Location")))
    home = fresh_get("/", lambda r: 'href="/don-vi/%s/"' % OLD_A not in r.text)
    check('href="/don-vi/%s/"' % LATER in home.text, "the city lists current units only")
    later = get("/don-vi/%s/" % LATER)
    check('href="/don-vi-cu/%s"' % NEW in later.text, "the successor names its predecessors")
    e = get("/don-vi-cu")
    check(e.status == 200 and "Xã Cũ A %s" % TAG in e.text and 'href="/don-vi-cu/%s"' % OLD_A in e.text
          and "30/06/2025" in e.text, "earlier units page")
    arch = get("/don-vi-cu/%s" % OLD_A)
    new_path = old_path.replace("/don-vi/%s/" % OLD_A, "/don-vi/%s/" % LATER)
    check(arch.status == 200 and 'href="%s"' % new_path in arch.text, "archive links the new address")
    api = json.loads(get("/api/v1/units?all=1").text)["units"]
    a = [u for u in api if u["slug"] == OLD_A][0]
    check(a["valid_to"] == "2025-06-30" and a["successor"] == NEW, a)
    check(OLD_A not in [u["slug"] for u in json.loads(get("/api/v1/units").text)["units"]],
          "current units only by default")
    r = get(old_path)
    check(r.status == 301 and r.header("Location").endswith(new_path), "%s: %d" % (old_path, r.status))
    r = get(new_path)
    check(r.status == 200 and "trước sáp nhập" in r.text, "the predecessor's article under the successor")


@case
def test_api_news():
    aid = article(LATER, "Tin API " + TAG)
    r = fresh_get("/api/v1/news?unit=%s&page=1" % LATER, lambda r: "Tin API " + TAG in r.text)
    check(r.status == 200 and r.header("Content-Type").startswith("application/json"), r.status)
    doc = json.loads(r.text)
    check(set(doc) == {"page", "per_page", "total", "news"} and doc["page"] == 1, doc.keys())
    item = [n for n in doc["news"] if n["id"] == aid][0]
    check(set(item) == {"id", "unit", "kind", "title", "summary", "url", "published_at", "category",
                        "image"}, item.keys())
    check(item["unit"] == {"slug": LATER, "name": "Phường Sau " + TAG} and item["kind"] == "news", item)
    check(item["url"].endswith(article_path(aid)) and item["url"].startswith("http"), item["url"])
    check(len(item["published_at"]) == 20 and item["published_at"].endswith("Z"), item["published_at"])
    check(item["category"] is None and item["image"] is None, item)
    for q, word in [("page=0", "page"), ("page=abc", "page"), ("unit=KHONG-HOP", "unit"),
                    ("page=1&page=2", None)]:
        b = get("/api/v1/news?" + q)
        check(b.status == 400, "%s: %d" % (q, b.status))
        if word is not None:
            check(word in json.loads(b.text)["error"], b.text)
    m = get("/api/v1/news?unit=khong-co-" + TAG)
    check(m.status == 404 and "error" in json.loads(m.text), m.text)
    check(get("/api/v1/units?all=2").status == 400, "all=2")


def xmllint(body):
    p = subprocess.run(["xmllint", "--noout", "-"], input=body, capture_output=True)
    check(p.returncode == 0, p.stderr.decode())


@case
def test_feeds_valid():
    aid = article(LATER, "Tin <feed> & \"Atom\" " + TAG)
    sql("INSERT INTO categories (unit_id, slug, name) VALUES (%d, 'hoat-dong', 'Hoạt động')"
        % unit_id(LATER))
    for path in ["/feed.atom", "/don-vi/%s/feed.atom" % LATER,
                 "/don-vi/%s/chuyen-muc/hoat-dong/feed.atom" % LATER]:
        r = fresh_get(path, lambda r: r.status == 200 and ("chuyen-muc" in path or "&lt;feed&gt;" in r.text))
        check(r.header("Content-Type") == "application/atom+xml; charset=utf-8", r.header("Content-Type"))
        check_security_headers(r)
        xmllint(r.body)
        feed = ET.fromstring(r.body)
        check(feed.tag == ATOM + "feed", feed.tag)
        for el in ("id", "title", "updated", "author"):
            check(feed.find(ATOM + el) is not None, "feed without " + el)
        rels = {l.get("rel"): l.get("href") for l in feed.findall(ATOM + "link")}
        check(rels.get("self", "").endswith(path) and rels.get("alternate", "").startswith("http"), rels)
        for e in feed.findall(ATOM + "entry"):
            for el in ("id", "title", "updated", "published", "link", "summary", "author"):
                check(e.find(ATOM + el) is not None, "entry without " + el)
    feed = ET.fromstring(get("/don-vi/%s/feed.atom" % LATER).body)
    e = [e for e in feed.findall(ATOM + "entry") if e.find(ATOM + "title").text.endswith(TAG)
         and "<feed>" in e.find(ATOM + "title").text][0]
    check(e.find(ATOM + "link").get("href").endswith(article_path(aid)), "entry link")
    check(e.find(ATOM + "id").text.startswith("tag:") and e.find(ATOM + "id").text.endswith("/%d" % aid),
          e.find(ATOM + "id").text)
    check(get("/don-vi/%s/chuyen-muc/khong-co/feed.atom" % LATER).status == 404, "unknown category")
    check(get("/don-vi/khong-co-%s/feed.atom" % TAG).status == 404, "unknown unit")


@case
def test_sitemap_and_robots():
    aid = article(LATER, "Tin sitemap " + TAG)
    r = fresh_get("/sitemap.xml", lambda r: article_path(aid) in r.text)
    check(r.status == 200 and r.header("Content-Type").startswith("application/xml"), r.status)
    xmllint(r.body)
    locs = [u.find(SM + "loc").text for u in ET.fromstring(r.body).findall(SM + "url")]
    for p in ("/", "/don-vi/%s/" % LATER, "/don-vi/%s/tin-tuc" % LATER, article_path(aid), "/thu-tuc"):
        check(any(l.endswith(p) and l.startswith("http") for l in locs), "sitemap without " + p)
    check(not any("/don-vi/%s/" % OLD_A in l for l in locs), "a merged unit's address")
    check(len(locs) == len(set(locs)), "duplicates")
    robots = get("/robots.txt")
    check(robots.status == 200 and robots.header("Content-Type").startswith("text/plain"), robots.status)
    for line in ("User-agent: *", "Disallow: /bien-tap/", "Disallow: /mot-cua/", "Disallow: /quan-tri/",
                 "Disallow: /ho-so", "Disallow: /api/"):
        check(line in robots.text.splitlines(), "robots.txt without " + line)
    check(any(l.startswith("Sitemap: http") and l.endswith("/sitemap.xml") for l in robots.text.splitlines()),
          robots.text)


@case
def test_sitemap_index_past_50000():
    """Past 50,000 addresses /sitemap.xml is an index of parts, each a
    valid sitemap of at most 50,000."""
    uid = unit_id(LATER)
    sql("INSERT INTO articles (unit_id, status, slug, title, body, published_at) "
        "SELECT %d, 'published', CONCAT('nhieu-', seq), CONCAT('Tin số ', seq), '', "
        "UTC_TIMESTAMP() - INTERVAL 1 DAY FROM seq_1_to_50000" % uid)
    try:
        r = fresh_get("/sitemap.xml", lambda r: b"sitemapindex" in r.body, 5)
        xmllint(r.body)
        parts = [s.find(SM + "loc").text for s in ET.fromstring(r.body).findall(SM + "sitemap")]
        check(len(parts) >= 3 and parts[0].endswith("/sitemap.xml?trang=1"), parts)
        total = 0
        slow = Client(ADDR, timeout=120)   # 50,000 addresses, sanitized
        for part in parts:
            p = slow.get(part[part.index("/sitemap.xml"):])
            check(p.status == 200, part)
            xmllint(p.body)
            n = len(ET.fromstring(p.body).findall(SM + "url"))
            check(0 < n <= 50000, "%s: %d addresses" % (part, n))
            total += n
        check(total > 50000, total)
        check(get("/sitemap.xml?trang=%d" % (len(parts) + 1)).status == 404, "past the last part")
    finally:
        sql("DELETE FROM articles WHERE unit_id = %d AND slug LIKE 'nhieu-%%'" % uid)


@case
def test_page_cache():
    """An anonymous reader's page is kept (X-Cache-Status: HIT, security
    headers still there) and a published change shows within a second; a
    signed-in reader bypasses it and never gets an anonymous copy, nor an
    anonymous reader theirs; /healthz, /metrics and sign-in are never
    kept."""
    path = "/don-vi/%s/" % LATER
    get(path)
    r = get(path)
    check(r.header("X-Cache-Status") == "HIT", r.header("X-Cache-Status"))
    check_security_headers(r)
    aid = article(LATER, "Tin vừa đăng " + TAG, minutes=0)
    t0 = time.time()
    check(wait_for(lambda: "Tin vừa đăng " + TAG in get(path).text, 3, 0.02), "never shown")
    check(time.time() - t0 <= 1.3, "shown after %.2f s" % (time.time() - t0))
    sql("UPDATE articles SET status = 'unpublished' WHERE id = %d" % aid)
    t0 = time.time()
    check(wait_for(lambda: "Tin vừa đăng " + TAG not in get(path).text, 3, 0.02), "never gone")
    check(time.time() - t0 <= 1.3, "gone after %.2f s" % (time.time() - t0))
    c = demo_login(DEMO_RESIDENT, ADDR)
    name = sql_value("SELECT full_name FROM users WHERE phone = '%s'" % DEMO_RESIDENT)
    get(path)
    s = c.get(path)
    check(s.status == 200 and name in s.text, "a signed-in reader got a copy")
    check(s.header("X-Cache-Status") == "BYPASS", s.header("X-Cache-Status"))
    for _ in range(3):
        check(name not in get(path).text, "an anonymous reader got the signed-in page")
    for p in ("/healthz", "/metrics", "/dang-nhap"):
        Client(ADDR).get(p)
        check(Client(ADDR).get(p).header("X-Cache-Status") != "HIT", p + " was kept")


if __name__ == "__main__":
    setup()
    try:
        main()
    finally:
        cleanup()
