"""A link checker.  For each kind of actor (anonymous, and the demo
account of each role), start from / and from a page of every kind (city
home, a unit, an article, sign-in, register, forgot password, account,
editor desk and an article's edit page, one-stop desk, admin users and a
user's page), and follow every same-origin link the pages offer: a href,
link href, script src, img src, and the action of a form sent with GET.
Any 404 or 5xx fails the actor's case, naming the page that linked to it.

Only GET is sent (nothing changes).  Redirects to the same origin are
followed as links of the page that was asked for.  Every HTML answer is
searched for links, error pages included: they have links too.  Each URL
is fetched once per actor, and at most MAX_FETCHES per actor, breadth
first from the start pages."""
import html.parser
import sys
from urllib.parse import urldefrag, urljoin, urlsplit

from lib import (DEMO_ADMIN, DEMO_DIGITAL, DEMO_EDITOR_BA_HANG, DEMO_LEADER, DEMO_RESIDENT, DEMO_STAFF,
                 Client, base_url, case, check, clear_failures, demo_login, main, sql, user_id)

ADDR = "127.0.5.1"
MAX_FETCHES = 400
ACTORS = [("anon", None), ("resident", DEMO_RESIDENT), ("editor", DEMO_EDITOR_BA_HANG),
          ("staff", DEMO_STAFF), ("leader", DEMO_LEADER), ("admin", DEMO_ADMIN),
          ("digital", DEMO_DIGITAL)]
# (tag, attribute) pairs that are links; a form's action is one when the
# form is sent with GET (the default method).
LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")}


class Links(html.parser.HTMLParser):
    """The link targets of one HTML page, as written, in page order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for t, name in LINK_ATTRS:
            if tag == t and a.get(name):
                self.found.append(a[name])
        if tag == "form" and (a.get("method") or "get").lower() == "get" and a.get("action"):
            self.found.append(a["action"])


def links_of(body):
    p = Links()
    p.feed(body.decode("utf-8", "replace"))
    p.close()
    return p.found


def local(url):
    """The path and query of url when it is on this site, else None."""
    u = urlsplit(url)
    site = urlsplit(base_url())
    if u.scheme != site.scheme or u.netloc != site.netloc:
        return None
    return (u.path or "/") + ("?" + u.query if u.query else "")


def start_pages():
    """The pages every actor starts from (whatever each answers them)."""
    aid, slug = sql("SELECT a.id, a.slug FROM articles a JOIN units u ON u.id = a.unit_id "
                    "WHERE u.slug = 'ba-hang' AND a.status = 'published' "
                    "AND a.published_at <= UTC_TIMESTAMP() ORDER BY a.id LIMIT 1")[0]
    return ["/", "/don-vi/ba-hang/", "/don-vi/ba-hang/tin-tuc/%s-%s" % (aid, slug),
            "/dang-nhap", "/dang-ky", "/quen-mat-khau", "/tai-khoan",
            "/bien-tap/", "/bien-tap/bai-viet/%s" % aid, "/mot-cua/",
            "/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung/%d" % user_id(DEMO_RESIDENT),
            # the units' websites (issue 11, part A): listings, the earlier
            # units, feeds, the sitemap, robots.txt, the API
            "/tin-tuc", "/don-vi/ba-hang/tin-tuc", "/don-vi/ba-hang/thong-bao", "/don-vi-cu",
            "/feed.atom", "/don-vi/ba-hang/feed.atom", "/sitemap.xml", "/robots.txt",
            "/api/v1/units", "/api/v1/news"] + [
            "/don-vi/%s/chuyen-muc/%s" % (u, c) for u, c in sql(
                "SELECT u.slug, c.slug FROM categories c JOIN units u ON u.id = c.unit_id "
                "WHERE u.valid_to IS NULL ORDER BY c.id LIMIT 1")] + [
            "/don-vi-cu/%s" % u for u, in sql("SELECT slug FROM units WHERE valid_to IS NOT NULL "
                                              "ORDER BY id LIMIT 1")]


def crawl(client):
    """Follows links from the start pages; (fetched, broken, capped):
    broken is a list of lines "STATUS path (linked from PAGE)"."""
    queue = [(p, "the start pages") for p in start_pages()]
    seen = {p for p, _ in queue}
    broken = []
    fetched = 0
    while queue and fetched < MAX_FETCHES:
        path, source = queue.pop(0)
        r = client.get(path)
        fetched += 1
        if r.status == 404 or r.status >= 500:
            broken.append("%d %s (linked from %s)" % (r.status, path, source))
        targets = []
        if 300 <= r.status < 400 and r.header("location"):
            targets.append((r.header("location"), "%s, redirected from %s" % (source, path)))
        if (r.header("content-type") or "").startswith("text/html"):
            targets += [(t, path) for t in links_of(r.body)]
        page = urljoin(base_url(), path)
        for target, via in targets:
            if target.split(":", 1)[0].lower() in ("mailto", "tel", "javascript", "data"):
                continue
            to = local(urldefrag(urljoin(page, target))[0])
            if to is not None and to not in seen:
                seen.add(to)
                queue.append((to, via))
    return fetched, broken, bool(queue)


def actor_case(name, phone):
    def fn():
        clear_failures(ADDR)
        client = demo_login(phone, ADDR) if phone else Client(ADDR)
        fetched, broken, capped = crawl(client)
        print("links as %s: %d URLs fetched%s, %d broken"
              % (name, fetched, " (the cap: some links not followed)" if capped else "",
                 len(broken)))
        sys.stdout.flush()
        check(not broken, "as %s:\n  %s" % (name, "\n  ".join(broken)))
    fn.__name__ = "test_links_as_%s" % name
    return fn


for _name, _phone in ACTORS:
    case(actor_case(_name, _phone))


if __name__ == "__main__":
    main()
