"""Signing in and out through nginx: the session cookie, session ids
rotated at sign-in and ended at sign-out, idle and absolute expiry, CSRF on
every POST route (the list comes from `portalctl routes`), lockout per
account and per source address, and 503 when too many passwords are being
hashed at once.

Throttling counts failures per source address, so every case that signs in
wrongly does it from a loopback address of its own (nginx passes it as
REMOTE_ADDR) and forgets those failures afterwards."""
import collections
import os
import re
import secrets
import subprocess
import threading
import urllib.parse

from lib import (CSRF_MSG, DEMO_ADMIN, DEMO_EDITOR_BA_HANG, DEMO_LEADER, DEMO_STAFF, PORT, SID, VAR,
                 Client, base_url, case, check, check_security_headers, children, clear_failures,
                 demo_login, fill, get, main, new_phone, parse_set_cookie, random_password, register,
                 routes, sid_hash, sql, sql_quote, sql_value, wait_for)

ADDR = "127.0.2.1"          # this file's ordinary clients
LOCK_ADDR = "127.0.2.61"    # lockout of one account
RATE_ADDR = "127.0.0.77"    # the per-address limit
RATE_OTHER = "127.0.0.78"
FLOOD_NET = "127.0.1.%d"    # the hash flood, one address per request

BAD_LOGIN = "Số điện thoại, thư điện tử hoặc mật khẩu không đúng"
BUSY = "Hệ thống đang bận, vui lòng thử lại sau ít giây."
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")

for _a in (ADDR, LOCK_ADDR, RATE_ADDR, RATE_OTHER):
    clear_failures(_a)


def client():
    return Client(ADDR)


def session_row(cookie):
    """(user_id or "NULL") of the session with that cookie, None if none."""
    return sql_value("SELECT IFNULL(user_id, 'NULL') FROM sessions WHERE id_hash = %s"
                     % sql_quote(sid_hash(cookie)))


def sid_cookie(r):
    """The parsed Set-Cookie of sid in response r (exactly one)."""
    found = [parse_set_cookie(v) for v in r.headers.get("set-cookie", [])]
    found = [f for f in found if f[0] == SID]
    check(len(found) == 1, "%d Set-Cookie for sid: %r" % (len(found), r.headers.get("set-cookie")))
    return found[0]


def check_cookie_attrs(r, raw, attrs):
    check("httponly" in attrs, "no HttpOnly: %s" % raw)
    check(attrs.get("samesite") == "Lax", "SameSite not Lax: %s" % raw)
    check(attrs.get("path") == "/", "Path not /: %s" % raw)
    check("secure" not in attrs, "Secure on the http dev stack: %s" % raw)
    check("domain" not in attrs, "Domain set: %s" % raw)


def signed_out_redirect(c, path="/tai-khoan"):
    """c is treated as signed out: GET path sends it to the sign-in page."""
    r = c.get(path)
    want = "/dang-nhap?tiep=" + urllib.parse.quote(path, safe="")
    check(r.status == 303 and r.header("location") == want,
          "GET %s: %d %r (want 303 to %s)" % (path, r.status, r.header("location"), want))


# ---------------------------------------------------------------- failures


@case
def test_wrong_password_and_unknown_account_same_answer():
    a = register(Client(ADDR))
    c = client()
    r1 = c.login(a.phone, a.password + "x")
    r2 = c.login(new_phone(), a.password)
    r3 = c.login("khong-ai-co@example.com", a.password)
    for r in (r1, r2, r3):
        check(r.status == 422, r.status)
        check(BAD_LOGIN in r.text, r.text[:300])
        check(SID not in [parse_set_cookie(v)[0] for v in r.headers.get("set-cookie", [])],
              "a failed sign-in set a cookie")
    check(not c.signed_in())
    clear_failures(ADDR)


@case
def test_signin_missing_fields_422():
    c = client()
    r = c.post("/dang-nhap", [("tai_khoan", ""), ("mat_khau", "")])
    check(r.status == 422, r.status)
    check("Vui lòng nhập số điện thoại" in r.text)


@case
def test_signed_out_get_redirects_post_refused():
    c = client()
    signed_out_redirect(c)
    c.token()  # an anonymous visitor with a valid form token
    r = c.post("/tai-khoan", [("ho_ten", "Ai Đó")])
    check(r.status == 403, "anonymous POST /tai-khoan: %d" % r.status)


@case
def test_unknown_cookie_is_not_adopted():
    """Session fixation: a made-up sid is never stored, and sign-in issues
    a new one."""
    a = register(Client(ADDR))
    forged = secrets.token_urlsafe(32)
    check(TOKEN_RE.match(forged))
    c = client()
    c.cookies[SID] = forged
    r = c.get("/dang-nhap")
    check(r.status == 200, r.status)
    check(session_row(forged) is None, "a row exists for the forged id")
    r = c.post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", a.password)])
    check(r.status == 303, r.status)
    name, val, _ = sid_cookie(r)
    check(val != forged, "the forged id was kept")
    check(session_row(forged) is None, "a row exists for the forged id")
    check(session_row(val) == str(a.id), "no row for the new id")


@case
def test_next_parameter_only_local():
    a = register(Client(ADDR))
    for nxt, want in (("/tai-khoan", "/tai-khoan"), ("//evil.example/x", "/"),
                      ("https://evil.example/", "/"), ("/\\evil.example", "/")):
        c = client()
        r = c.login(a.phone, a.password, nxt=nxt)
        check(r.status == 303, "%s: %d" % (nxt, r.status))
        check(r.header("location") == want, "tiep=%s went to %r" % (nxt, r.header("location")))


@case
def test_security_headers_on_auth_answers():
    a = register(Client(ADDR))
    c = client()
    answers = [c.get("/dang-nhap"), c.post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", "sai")]),
               c.post("/dang-nhap", [("tai_khoan", a.phone)], csrf=False),
               c.login(a.phone, a.password), c.get("/tai-khoan"), c.logout(), c.get("/tai-khoan")]
    check([r.status for r in answers] == [200, 422, 403, 303, 200, 303, 303],
          [r.status for r in answers])
    for r in answers:
        check_security_headers(r)
    clear_failures(ADDR)


@case
def test_user_agent_not_utf8_still_gets_a_session():
    """A User-Agent header is bytes from anyone: one that is not UTF-8 (or
    is, with Vietnamese in it) must not keep a person from the forms."""
    a = register(Client(ADDR))
    for ua in ("Mozilla/5.0 (Trình duyệt Cốc Cốc)".encode("utf-8"), b"Mozilla/5.0 \xea\xff latin-1"):
        c = client()
        r = c.get("/dang-nhap", headers={"User-Agent": ua})
        check(r.status == 200 and c.csrf, "GET /dang-nhap with User-Agent %r: %d" % (ua, r.status))
        r = c.post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", a.password)],
                   headers={"User-Agent": ua})
        check(r.status == 303 and c.sid, "sign-in with User-Agent %r: %d" % (ua, r.status))
        check(session_row(c.sid) == str(a.id), "no session row")


# ---------------------------------------------------------------- cookie


@case
def test_session_cookie_flags():
    """The session cookie is set at sign-in (an anonymous visitor has none:
    test_hardening_http) and cleared at sign-out, with the same
    attributes."""
    c = client()
    r = c.get("/dang-nhap")
    check(r.status == 200, r.status)
    check(c.sid is None, "a session cookie before sign-in")
    a = register(Client(ADDR))
    r = c.login(a.phone, a.password)
    check(r.status == 303, r.status)
    raw = [v for v in r.headers.get("set-cookie", []) if v.startswith(SID + "=")][0]
    name, val2, attrs = sid_cookie(r)
    check(name == "sid", name)
    check(TOKEN_RE.match(val2), "cookie value is not 43 base64url characters: %r" % val2)
    check_cookie_attrs(r, raw, attrs)
    check(attrs.get("max-age") == "43200", "Max-Age %r" % attrs.get("max-age"))
    r = c.logout()
    check(r.status == 303, r.status)
    raw = [v for v in r.headers.get("set-cookie", []) if v.startswith(SID + "=")][0]
    name, val3, attrs = sid_cookie(r)
    check(val3 == "" and attrs.get("max-age") == "0", "sign-out does not clear: %s" % raw)
    check_cookie_attrs(r, raw, attrs)


# ---------------------------------------------------------------- sessions


@case
def test_signin_rotates_session_id():
    """Signing in from a session (here: signing in again) deletes it and
    issues a new id."""
    a = register(Client(ADDR))
    c = client()
    check(c.login(a.phone, a.password).status == 303)
    c.get("/tai-khoan")
    first, first_csrf = c.sid, c.csrf
    check(first and first_csrf and session_row(first) == str(a.id))
    r = c.post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", a.password)])
    check(r.status == 303, r.status)
    new = c.sid
    check(new and new != first, "session id not rotated")
    check(session_row(first) is None, "the old row survives sign-in")
    check(session_row(new) == str(a.id), "the new row is not the user's")
    check(c.signed_in())
    # The old id is worth nothing: not signed in, and its token refused.
    old = Client(ADDR)
    old.cookies[SID] = first
    signed_out_redirect(old)
    old.cookies[SID] = first
    r = old.post("/dang-xuat", csrf=first_csrf)
    check(r.status == 403, "old id + old token: %d" % r.status)
    check(c.signed_in(), "the new session was hurt")


@case
def test_signout_ends_session_server_side():
    a = register(Client(ADDR))
    c = client()
    check(c.login(a.phone, a.password).status == 303)
    sid = c.sid
    check(session_row(sid) == str(a.id))
    r = c.logout()
    check(r.status == 303 and r.header("location") == "/?tb=dang-xuat",
          "%d %r" % (r.status, r.header("location")))
    check(c.sid is None, "cookie not cleared")
    check(session_row(sid) is None, "session row remains after sign-out")
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE id_hash = %s AND user_id = %d"
                    % (sql_quote(sid_hash(sid)), a.id)) == "0")
    replay = Client(ADDR)
    replay.cookies[SID] = sid
    signed_out_redirect(replay)


@case
def test_idle_expiry():
    a = register(Client(ADDR))
    c = client()
    check(c.login(a.phone, a.password).status == 303)
    h = sql_quote(sid_hash(c.sid))
    # 29 minutes idle: still signed in (and the use moves last_seen).
    sql("UPDATE sessions SET last_seen = last_seen - INTERVAL 29 MINUTE WHERE id_hash = %s" % h)
    check(c.signed_in(), "signed out after 29 minutes idle")
    check(sql_value("SELECT last_seen > UTC_TIMESTAMP() - INTERVAL 1 MINUTE FROM sessions "
                    "WHERE id_hash = %s" % h) == "1", "last_seen not refreshed")
    sql("UPDATE sessions SET last_seen = last_seen - INTERVAL 31 MINUTE WHERE id_hash = %s" % h)
    signed_out_redirect(c)
    r = c.post("/tai-khoan", [("ho_ten", "Hết Hạn")], csrf=sql_value(
        "SELECT csrf FROM sessions WHERE id_hash = %s" % h) or "0" * 64)
    check(r.status == 403, "POST on an idle-expired session: %d" % r.status)
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % a.id) == a.name)


@case
def test_absolute_expiry():
    a = register(Client(ADDR))
    c = client()
    check(c.login(a.phone, a.password).status == 303)
    h = sql_quote(sid_hash(c.sid))
    sql("UPDATE sessions SET created_at = created_at - INTERVAL 11 HOUR WHERE id_hash = %s" % h)
    check(c.signed_in(), "signed out after 11 hours")
    sql("UPDATE sessions SET created_at = created_at - INTERVAL 2 HOUR, "
        "last_seen = UTC_TIMESTAMP() WHERE id_hash = %s" % h)
    signed_out_redirect(c)


@case
def test_signed_in_get_signin_redirects():
    a = register(Client(ADDR))
    c = client()
    check(c.login(a.phone, a.password).status == 303)
    r = c.get("/dang-nhap?tiep=%2Ftai-khoan")
    check(r.status == 303 and r.header("location") == "/tai-khoan",
          "%d %r" % (r.status, r.header("location")))


@case
def test_audit_login_logout():
    a = register(Client(ADDR))
    c = client()
    check(c.login(a.phone, a.password).status == 303)
    check(c.logout().status == 303)
    rows = sql("SELECT action, actor_id, addr FROM audit_log WHERE object_type = 'user' "
               "AND object_id = %s ORDER BY id" % sql_quote(a.id))
    acts = [r[0] for r in rows]
    check(acts[:3] == ["register", "login", "logout"], acts)
    for act, actor, addr in rows[1:3]:
        check(actor == str(a.id) and addr == ADDR, (act, actor, addr))


# ---------------------------------------------------------------- CSRF


def post_routes():
    """Every route taking POST, from `portalctl routes`."""
    found = [r for r in routes() if "POST" in r.methods]
    check(len(found) >= 10, "only %d POST routes listed" % len(found))
    return found


class Ctx:
    """Who posts where: a throwaway victim (resident) signed in twice, the
    demo admin and ba-hang editor, an anonymous client; ids for the paths."""

    def __init__(self):
        self.victim = register(Client(ADDR), name="Nạn Nhân CSRF",
                               email="csrf.%s@example.com" % secrets.token_hex(4))
        self.other = Client(ADDR)
        check(self.other.login(self.victim.phone, self.victim.password).status == 303)
        self.anon = Client(ADDR)
        self.anon.token()
        self.ba_hang = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
        self.article = sql_value("SELECT a.id FROM articles a JOIN units u ON u.id = a.unit_id "
                                 "WHERE u.slug = 'ba-hang' ORDER BY a.id LIMIT 1")
        check(self.ba_hang and self.article, "no ba-hang unit or article")
        # The victim's application at ba-hang: the desk's routes find its
        # unit before the CSRF check, as routes of an article do.
        self.app = "99997-%06d-%04d" % (secrets.randbelow(10 ** 6), secrets.randbelow(10 ** 4))
        sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, status, "
            "submitted_at) SELECT '%s', MIN(id), %s, %d, 1, UTC_TIMESTAMP() FROM procedure_versions"
            % (self.app, self.ba_hang, self.victim.id))
        self.clients = {}

    def client_for(self, route):
        """A client the route lets in: anonymous, the victim, or the demo
        account of the route's first role."""
        if route.scope == "public":
            return self.anon
        role = route.roles[0] if route.roles else "resident"
        if role == "resident":
            return self.victim.client
        phone = {"admin": DEMO_ADMIN, "editor": DEMO_EDITOR_BA_HANG, "staff": DEMO_STAFF,
                 "leader": DEMO_LEADER}[role]
        if phone not in self.clients:
            self.clients[phone] = demo_login(phone, ADDR)
        return self.clients[phone]

    def path(self, route):
        return fill(route.pattern, dict(self.content(), user=self.victim.id, article=self.article,
                                        unit="ba-hang", file=1, revision=1,
                                        code={"code": "1.001193", "slug": self.app}))

    def content(self):
        """Ba-hang's seeded document, schedule item, introduction page,
        contact and question: their editors' routes find the unit first."""
        q = "SELECT MIN(id) FROM %s WHERE unit_id = " + str(self.ba_hang)
        return {name: sql_value(q % table) for name, table in (
            ("document", "documents"), ("item", "schedule_items"), ("upage", "unit_pages"),
            ("contact", "contacts"), ("question", "questions"))}

    def payload(self, name):
        """A form that would change something if it were accepted."""
        v = self.victim
        pw = random_password()
        return {
            "login": [("tai_khoan", v.phone), ("mat_khau", v.password)],
            "register": [("ho_ten", "CSRF Đăng Ký"), ("dien_thoai", new_phone()), ("email", ""),
                         ("so_dinh_danh", ""), ("mat_khau", pw), ("mat_khau_nhap_lai", pw)],
            "forgot": [("email", v.email)],
            "reset": [("ma", secrets.token_urlsafe(32)), ("mat_khau", pw), ("mat_khau_nhap_lai", pw)],
            "account": [("ho_ten", "Đã Bị Đổi Tên"), ("email", "")],
            "account_password": [("mat_khau_hien_tai", v.password), ("mat_khau", pw),
                                 ("mat_khau_nhap_lai", pw)],
            "admin_user_new": [("ho_ten", "CSRF Quản Trị"), ("dien_thoai", new_phone()),
                               ("email", ""), ("mat_khau", pw)],
            "admin_user_grant": [("vai_tro", "editor"), ("don_vi", self.ba_hang)],
            "admin_user_revoke": [("vai_tro", "resident"), ("don_vi", "")],
            "admin_user_lock": [("hanh_dong", "khoa")],
            "editor_new": [("don_vi", self.ba_hang), ("tieu_de", "Bài CSRF"), ("tom_tat", ""),
                           ("noi_dung", "Nội dung CSRF"), ("hanh_dong", "dang")],
            "editor_edit": [("tieu_de", "Tiêu đề bị đổi qua CSRF"), ("tom_tat", ""),
                            ("noi_dung", "Nội dung bị đổi"), ("hanh_dong", "luu")],
            "editor_revision": [("hanh_dong", "khoi-phuc"), ("phien_ban", "1")],
            "editor_categories": [("don_vi", self.ba_hang), ("ten_chuyen_muc", "Chuyên mục CSRF"),
                                  ("hanh_dong", "them")],
        }.get(name, [])

    def state(self):
        """What a refused POST must leave as it was."""
        v = self.victim
        q = ("SELECT (SELECT COUNT(*) FROM users), (SELECT MAX(id) FROM users), "
             "(SELECT COUNT(*) FROM audit_log), (SELECT COUNT(*) FROM outbox), "
             "(SELECT COUNT(*) FROM password_resets), (SELECT COUNT(*) FROM login_failures), "
             "(SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM user_roles), "
             "(SELECT CONCAT_WS('|', full_name, IFNULL(email, ''), pw_hash, status, failed_logins) "
             " FROM users WHERE id = %d), "
             "(SELECT GROUP_CONCAT(role, '@', IFNULL(unit_id, 0) ORDER BY role) FROM user_roles "
             " WHERE user_id = %d), "
             "(SELECT CONCAT_WS('|', title, status, updated_at) FROM articles WHERE id = %s), "
             "(SELECT COUNT(*) FROM sessions WHERE user_id = %d)"
             % (v.id, v.id, self.article, v.id))
        st = sql(q)[0]
        st.append(session_row(self.anon.sid) if self.anon.sid else None)
        return st


@case
def test_csrf_missing_or_wrong_token_403_on_every_post_route():
    ctx = Ctx()
    foreign = Client(ADDR)
    foreign_token = foreign.token()  # a real token, of another session
    tried = []
    for route in post_routes():
        name = route.name
        c = ctx.client_for(route)
        path = ctx.path(route)
        c.token()
        sid_before = c.sid
        for how, tok in (("no token", False), ("wrong token", "%064x" % secrets.randbits(256)),
                         ("short token", "abc"), ("other session's token", foreign_token)):
            before = ctx.state()
            r = c.post(path, ctx.payload(name), csrf=tok)
            check(r.status == 403, "%s %s with %s: %d" % (name, path, how, r.status))
            check(CSRF_MSG in r.text, "%s: 403 without the CSRF message" % name)
            after = ctx.state()
            check(before == after, "%s with %s changed something:\n%r\n%r" % (name, how, before, after))
            check(c.sid == sid_before, "%s with %s: session changed" % (name, how))
        tried.append(name)
    # Representative changes, checked one by one as well.
    v = ctx.victim
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % v.id) == v.name)
    check(v.client.signed_in() and ctx.other.signed_in(), "the victim's sessions were ended")
    check(ctx.anon.get("/tai-khoan").status == 303, "anonymous client got signed in")
    for n in ("login", "logout", "register", "account", "account_password"):
        check(n in tried, "route %s not in portalctl routes" % n)


@case
def test_csrf_header_token_also_checked():
    a = register(Client(ADDR))
    c = a.client
    r = c.post("/tai-khoan", [("ho_ten", "Không Đổi")], csrf=False,
               headers={"X-CSRF-Token": "%064x" % 1})
    check(r.status == 403, r.status)
    r = c.post("/tai-khoan", [("ho_ten", "Đổi Qua Tiêu Đề"), ("email", "")], csrf=False,
               headers={"X-CSRF-Token": c.token()})
    check(r.status == 303, "X-CSRF-Token: %d" % r.status)
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % a.id) == "Đổi Qua Tiêu Đề")


@case
def test_csrf_foreign_origin_403_on_every_post_route():
    ctx = Ctx()
    for route in post_routes():
        name = route.name
        c = ctx.client_for(route)
        path = ctx.path(route)
        for origin in ("http://evil.example", "null", base_url() + ".evil.example",
                       "https://127.0.0.1:%d" % PORT):
            before = ctx.state()
            r = c.post(path, ctx.payload(name), headers={"Origin": origin})
            check(r.status == 403, "%s %s, Origin %s: %d" % (name, path, origin, r.status))
            check(CSRF_MSG in r.text)
            check(ctx.state() == before, "%s with Origin %s changed something" % (name, origin))
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % ctx.victim.id) == ctx.victim.name)


@case
def test_csrf_same_origin_works_on_every_post_route():
    """With the right token and Origin equal to the site's base URL every
    POST route gets past the check (harmless forms: the handlers answer)."""
    ctx = Ctx()
    for route in post_routes():
        c = ctx.client_for(route)
        if route.scope == "public":
            c = Client(ADDR)  # sign-out ends the session it posts from
            c.token()
        r = c.post(ctx.path(route), [], headers={"Origin": base_url()})
        check(r.status != 403 and CSRF_MSG not in r.text,
              "%s: refused with the right token and Origin %s: %d" % (route.name, base_url(), r.status))
        check(r.status < 500, "%s: %d" % (route.name, r.status))
    # And a real change goes through with Origin set.
    v = ctx.victim
    r = v.client.post("/tai-khoan", [("ho_ten", "Tên Mới Cùng Nguồn"), ("email", v.email)],
                      headers={"Origin": base_url()})
    check(r.status == 303, r.status)
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % v.id) == "Tên Mới Cùng Nguồn")


# ---------------------------------------------------------------- throttling


@case
def test_account_lockout():
    """Ten wrong passwords lock the account for 15 minutes; while locked,
    every attempt (the right password too) gets the one answer that an
    unknown number gets (issue 7: the lock must not tell who has an
    account); once the lock is over, the right password works."""
    clear_failures(LOCK_ADDR)
    try:
        a = register(Client(ADDR))
        c = Client(LOCK_ADDR)
        answers = [c.login(a.phone, "sai-mat-khau-%d" % i) for i in range(11)]
        check([r.status for r in answers] == [422] * 11, [r.status for r in answers])
        check(all(BAD_LOGIN in r.text for r in answers), "not the one answer")
        check(sql_value("SELECT locked_until > UTC_TIMESTAMP() FROM users WHERE id = %d" % a.id) == "1")
        # Even the right password is refused while locked, the same way.
        r = c.login(a.phone, a.password)
        check(r.status == 422 and BAD_LOGIN in r.text, "right password while locked: %d" % r.status)
        check(not c.signed_in(), "signed in while locked")
        check(not Client(ADDR).login(a.phone, a.password).status == 303,
              "locked account signs in from another address")
        # Once the lock is over, the right password works.
        sql("UPDATE users SET locked_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE id = %d" % a.id)
        r = c.login(a.phone, a.password)
        check(r.status == 303, "after the lock: %d %s" % (r.status, r.text[:200]))
        check(c.signed_in())
        check(sql_value("SELECT CONCAT(failed_logins, '/', IFNULL(locked_until, 'NULL')) FROM users "
                        "WHERE id = %d" % a.id) == "0/NULL")
    finally:
        clear_failures(LOCK_ADDR)
        clear_failures(ADDR)


@case
def test_address_rate_limit():
    """The per-address limit counts per address and account name: 50
    failures on one name refuse that name from that address (429, with
    Retry-After), while 50 failures on other names refuse nobody else."""
    clear_failures(RATE_ADDR)
    clear_failures(RATE_OTHER)
    try:
        a = register(Client(ADDR))
        c = Client(RATE_ADDR)
        for i in range(50):
            r = c.login("khong-co-%d-%s@example.com" % (i, secrets.token_hex(3)), "mat-khau-sai-%d" % i)
            check(r.status == 422, "failure %d: %d" % (i + 1, r.status))
        r = c.login(a.phone, a.password)
        check(r.status == 303, "after failures on other names: %d" % r.status)
        c = Client(RATE_OTHER)
        name = "mot-ten-%s@example.com" % secrets.token_hex(3)
        for i in range(50):
            r = c.login(name, "mat-khau-sai-%d" % i)
            check(r.status == 422, "failure %d on one name: %d" % (i + 1, r.status))
        r = c.login(name, "mat-khau-sai")
        check(r.status == 429, "51st failure on one name from one address: %d" % r.status)
        check("thử lại sau" in r.text)
        check(r.header("retry-after") is not None, "no Retry-After on 429")
    finally:
        clear_failures(RATE_ADDR)
        clear_failures(RATE_OTHER)


def worker_pids():
    """The portal master and its children (workers and the jobs process)."""
    with open(os.path.join(VAR, "run", "portal.pid")) as f:
        master = int(f.read().strip())
    return master, children(master)


def metric(name):
    t = get("/metrics").text
    m = re.search(r"^%s (\d+)" % re.escape(name), t, re.M)
    return int(m.group(1)) if m else None


@case
def test_hash_flood_503():
    a = register(Client(ADDR))
    master, before = worker_pids()
    restarts = metric("portal_worker_restarts_total")
    n = 40
    seen = collections.Counter()
    busy = None
    for rnd in range(6):  # until the bound answers 503 at least once
        clients = [Client(FLOOD_NET % (i + 1)) for i in range(n)]
        for cl in clients:
            cl.token()
        res = [None] * n
        barrier = threading.Barrier(n)

        def go(i):
            barrier.wait()
            try:
                res[i] = clients[i].post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", a.password)])
            except Exception as e:  # noqa: BLE001 - counted below
                res[i] = e
        ts = [threading.Thread(target=go, args=(i,)) for i in range(n)]
        for t in ts:
            t.start()
        for t in ts:
            t.join(60)
        for r in res:
            check(not isinstance(r, Exception), "request failed: %r" % r)
            seen[r.status] += 1
            check(r.status in (303, 503), "flood answer %d: %s" % (r.status, r.text[:300]))
            if r.status == 503:
                busy = r
        if busy is not None:
            break
    check(busy is not None, "no 503 in %d concurrent sign-ins: %r" % (n * (rnd + 1), dict(seen)))
    check(busy.header("retry-after") is not None and busy.header("retry-after").isdigit(),
          "503 without Retry-After")
    check(BUSY in busy.text, "503 without the busy message")
    check(metric("portal_hash_busy_total") >= 1, "refused permits counted")
    check(seen[303] > 0, "nobody got in: %r" % dict(seen))
    # Healthy afterwards: same master and workers, no restart, sign-in works.
    check(get("/healthz").status == 200)
    m2, after = worker_pids()
    check(m2 == master and after == before, "workers changed: %r -> %r" % (before, after))
    check(metric("portal_worker_restarts_total") == restarts, "a worker restarted")
    c = Client(ADDR)
    check(c.login(a.phone, a.password).status == 303)
    for i in range(n):
        clear_failures(FLOOD_NET % (i + 1))



@case
def test_audit_log_is_append_only():
    before = sql_value("SELECT COUNT(*) FROM audit_log")
    check(int(before) > 0, "the audit log has rows")
    for query in ("UPDATE audit_log SET action = 'sua'", "DELETE FROM audit_log"):
        try:
            sql(query)
            refused = False
        except subprocess.CalledProcessError as e:
            refused = "append-only" in e.stderr
        check(refused, "not refused: " + query)
    check(sql_value("SELECT COUNT(*) FROM audit_log") == before, "rows unchanged")


@case
def test_housekeeping_deletes_only_what_expired():
    """The jobs process's housekeeping (every second in the test stack) removes
    expired sessions, old sign-in failures and reset links, and nothing
    else."""
    tag = secrets.token_hex(8)
    old, fresh = sid_hash("old" + tag), sid_hash("fresh" + tag)
    sql("INSERT INTO sessions (id_hash, csrf, created_at, last_seen) VALUES "
        "(%s, REPEAT('a', 64), UTC_TIMESTAMP() - INTERVAL 2 HOUR, UTC_TIMESTAMP() - INTERVAL 1 HOUR), "
        "(%s, REPEAT('a', 64), UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (sql_quote(old), sql_quote(fresh)))
    sql("INSERT INTO login_failures (addr, at) VALUES (%s, UTC_TIMESTAMP() - INTERVAL 2 DAY), "
        "(%s, UTC_TIMESTAMP())" % (sql_quote("old-" + tag), sql_quote("new-" + tag)))
    try:
        check(wait_for(lambda: sql_value("SELECT COUNT(*) FROM sessions WHERE id_hash = %s"
                                         % sql_quote(old)) == "0", 10), "expired session kept")
        check(wait_for(lambda: sql_value("SELECT COUNT(*) FROM login_failures WHERE addr = %s"
                                         % sql_quote("old-" + tag)) == "0", 10), "old failure kept")
        check(sql_value("SELECT COUNT(*) FROM sessions WHERE id_hash = %s" % sql_quote(fresh)) == "1",
              "a live session was deleted")
        check(sql_value("SELECT COUNT(*) FROM login_failures WHERE addr = %s"
                        % sql_quote("new-" + tag)) == "1", "a recent failure was deleted")
    finally:
        sql("DELETE FROM sessions WHERE id_hash IN (%s, %s)" % (sql_quote(old), sql_quote(fresh)))
        sql("DELETE FROM login_failures WHERE addr LIKE %s" % sql_quote("%-" + tag))


@case
def test_sign_in_counters_in_metrics():
    ok, failed = metric("portal_logins_total"), metric("portal_login_failures_total")
    c = Client("127.0.2.99")
    r = c.post("/dang-nhap", [("tai_khoan", "0987000002"), ("mat_khau", "sai mat khau")])
    check(r.status == 422, r.status)
    demo_login(DEMO_STAFF, "127.0.2.98")
    check(ok is not None and failed is not None, "counters exported")
    check(metric("portal_login_failures_total") >= failed + 1, "failure counted")
    check(metric("portal_logins_total") >= ok + 1, "sign-in counted")
    clear_failures("127.0.2.99")

if __name__ == "__main__":
    main()
