"""An attacker's review of the HTTP layer (issue 7), through nginx: cookies
that other sites on the same domain set do not break ours; the anonymous
forms leave no database row; the Origin check knows the units' host names;
the CSRF token never comes from the query string; asking for a password
reset does the same work whether or not the address has an account."""
import getpass
import os
import re
import secrets
import subprocess

from lib import (CSRF_MSG, PORT, SID, VAR, Client, base_url, case, check, clear_failures, main,
                 parse_set_cookie, register, sql, sql_quote, sql_value, stack_env, wait_for)

ADDR = "127.0.7.1"
clear_failures(ADDR)

# Cookies other applications on the same domain set: names with characters
# RFC 6265 does not allow, values that are not UTF-8.
FOREIGN_COOKIES = [
    b"cart[0]=1",
    b"user:pref=1",
    b"lang=fran\xe7ais",                # Latin-1
    b"a b=1",
    b"=orphan",
    b"tracking=x\x01y",
    b"\xc3\xa9t\xc3\xa9=1",             # a UTF-8 name: not a token
]


def cookie_header(*pairs):
    return b"; ".join(p if isinstance(p, bytes) else p.encode() for p in pairs)


# ---------------------------------------------------------------- A: cookies


@case
def test_foreign_malformed_cookies_are_ignored():
    for junk in FOREIGN_COOKIES + [cookie_header(*FOREIGN_COOKIES)]:
        for path in ("/", "/dang-nhap"):
            r = Client(ADDR).get(path, headers={"Cookie": junk})
            check(r.status == 200, "Cookie %r on %s: %d" % (junk, path, r.status))


@case
def test_more_cookies_than_fields_max_are_ignored():
    """fields_max (256) bounds our cookies, not everybody's."""
    many = cookie_header(*["c%d=v" % i for i in range(400)])
    check(len(many) < 8000, "the header must stay under the header limit")
    r = Client(ADDR).get("/", headers={"Cookie": many})
    check(r.status == 200, "400 foreign cookies: %d" % r.status)


@case
def test_session_survives_foreign_cookies():
    """A signed-in visitor whose browser also holds malformed cookies of
    other sites stays signed in and can post forms."""
    a = register(Client(ADDR))
    c = a.client
    c.get("/tai-khoan")
    tok = c.csrf
    ours = cookie_header(*["%s=%s" % kv for kv in c.cookies.items()])
    junk = cookie_header(*(FOREIGN_COOKIES + ["c%d=v" % i for i in range(300)]))
    for hdr in (junk + b"; " + ours, ours + b"; " + junk):
        r = c.get("/tai-khoan", headers={"Cookie": hdr})
        check(r.status == 200, "signed-in page with foreign cookies: %d" % r.status)
        check(a.name in r.text, "not signed in with foreign cookies")
    r = c.post("/tai-khoan", [("ho_ten", "Tên Có Bánh Quy Lạ"), ("email", "")], csrf=tok,
               headers={"Cookie": junk + b"; " + ours})
    check(r.status == 303, "form with foreign cookies: %d" % r.status)


@case
def test_our_malformed_cookie_is_refused():
    """Our own cookie is still parsed strictly: 400, as before."""
    for bad in (b"sid=\xe9t\xe9", b"sid=x\x01y", b"sid=\xff", b"a=1; sid=x\x7fy"):
        r = Client(ADDR).get("/", headers={"Cookie": bad})
        check(r.status == 400, "Cookie %r: %d" % (bad, r.status))
    check(SID == "sid")


@case
def test_very_long_cookie_header_400():
    """The header limit still holds for foreign cookies."""
    r = Client(ADDR).get("/", headers={"Cookie": cookie_header(*["c%d=%s" % (i, "v" * 40)
                                                                 for i in range(600)])})
    check(r.status in (400, 431), "a 26 kB Cookie header: %d" % r.status)


# ---------------------------------------------------------------- B: no row for anonymous visitors

FORM_COOKIE = "fid"         # http/sess.c: __Host-fid over HTTPS
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")
FORM_PAGES = ("/dang-nhap", "/dang-ky", "/quen-mat-khau", "/dat-lai-mat-khau?ma=" + "x" * 43)


def sessions_count():
    return int(sql_value("SELECT COUNT(*) FROM sessions"))


def form_cookie(r):
    """(value, attributes) of the form cookie r sets, or None."""
    for v in r.headers.get("set-cookie", []):
        name, val, attrs = parse_set_cookie(v)
        if name == FORM_COOKIE:
            return val, attrs
    return None


@case
def test_anonymous_form_pages_leave_no_session_rows():
    before = sessions_count()
    started = sql_value("SELECT UTC_TIMESTAMP()")
    answers = []
    for i in range(300):
        path = FORM_PAGES[i % len(FORM_PAGES)]
        method = "HEAD" if i % 2 else "GET"
        answers.append((method, path, Client(ADDR).request(method, path)))
    after = sessions_count()
    made = int(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id IS NULL AND created_at >= %s"
                    % sql_quote(started)))
    check(made == 0 and after <= before,
          "%d anonymous requests: %d new sessions rows (%d before, %d after)"
          % (len(answers), made, before, after))
    for method, path, r in answers:
        check(r.status in (200, 404), "%s %s: %d" % (method, path, r.status))
        check(form_cookie(r) is not None, "%s %s: no form cookie" % (method, path))
        check(SID not in [parse_set_cookie(v)[0] for v in r.headers.get("set-cookie", [])],
              "%s %s set a session cookie" % (method, path))


@case
def test_form_cookie_attributes_and_token():
    c = Client(ADDR)
    r = c.get("/dang-nhap")
    check(r.status == 200, r.status)
    fc = form_cookie(r)
    check(fc is not None, "no form cookie")
    val, attrs = fc
    check(TOKEN_RE.match(val), "form cookie is not 43 base64url characters: %r" % val)
    check("httponly" in attrs and attrs.get("samesite") == "Lax" and attrs.get("path") == "/",
          "attributes: %r" % attrs)
    check("secure" not in attrs and "domain" not in attrs, "attributes on http: %r" % attrs)
    check(c.csrf and re.match(r"^[0-9a-f]{64}$", c.csrf), "no token in the form")
    # The same cookie keeps its token; another visitor gets another token.
    tok = c.csrf
    r = c.get("/dang-ky")
    check(form_cookie(r) is None and c.csrf == tok, "the token changed for the same cookie")
    other = Client(ADDR)
    other.get("/dang-nhap")
    check(other.csrf != tok, "two visitors, one token")


@case
def test_anonymous_token_forged_missing_or_foreign_refused():
    c, other = Client(ADDR), Client(ADDR)
    c.get("/dang-nhap")
    other.get("/dang-nhap")
    mine = c.csrf
    fields = [("tai_khoan", ""), ("mat_khau", "")]     # 422 once past the check
    bad = [
        ("no token", c, False),
        ("random token", c, "%064x" % secrets.randbits(256)),
        ("short token", c, mine[:32]),
        ("another visitor's token", c, other.csrf),
    ]
    for how, cl, tok in bad:
        r = cl.post("/dang-nhap", fields, csrf=tok)
        check(r.status == 403 and CSRF_MSG in r.text, "%s: %d" % (how, r.status))
    # The right token without its cookie, or with a made-up cookie.
    for how, cookie in (("no cookie", None), ("made-up cookie", secrets.token_urlsafe(32)),
                        ("another visitor's cookie", other.cookies[FORM_COOKIE])):
        stranger = Client(ADDR)
        if cookie:
            stranger.cookies[FORM_COOKIE] = cookie
        r = stranger.post("/dang-nhap", fields, csrf=mine)
        check(r.status == 403 and CSRF_MSG in r.text, "token with %s: %d" % (how, r.status))
    r = c.post("/dang-nhap", fields, csrf=mine)
    check(r.status == 422, "the visitor's own token: %d" % r.status)


@case
def test_session_row_made_at_sign_in():
    a = register(Client(ADDR))
    c = Client(ADDR)
    c.get("/dang-nhap")
    check(c.sid is None, "a session cookie before sign-in")
    before = int(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %d" % a.id))
    r = c.post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", a.password)])
    check(r.status == 303, r.status)
    check(c.sid and TOKEN_RE.match(c.sid), "no session cookie at sign-in")
    check(int(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %d" % a.id)) == before + 1)
    check(FORM_COOKIE not in c.cookies, "the form cookie outlives sign-in")
    # The anonymous token is worth nothing with the session.
    c.get("/tai-khoan")
    anon = Client(ADDR)
    anon.get("/dang-nhap")
    c.cookies[FORM_COOKIE] = anon.cookies[FORM_COOKIE]
    r = c.post("/tai-khoan", [("ho_ten", "Đổi Bằng Mã Ẩn Danh"), ("email", "")], csrf=anon.csrf)
    check(r.status == 403, "an anonymous token on a signed-in form: %d" % r.status)


def housekept(table, since):
    """The most rows of table one housekeeping pass deleted (the jobs
    process's log lines) after log offset since."""
    with open(os.path.join(VAR, "log", "portal.log"), encoding="utf-8", errors="replace") as f:
        f.seek(since)
        text = f.read()
    found = [int(m.group(1)) for m in re.finditer(r"at=jobs_housekeep msg=\"[^\"]*?(\d+) %s" % table, text)]
    return max(found) if found else 0


@case
def test_housekeeping_deletes_every_expired_row_in_one_pass():
    """More expired rows than one batch (1,000): one pass of housekeeping
    (every second on the test stack) deletes them all."""
    tag = secrets.token_hex(6)
    a = register(Client(ADDR))
    since = os.path.getsize(os.path.join(VAR, "log", "portal.log"))
    fresh = sql_quote(tag + "-fresh")
    try:
        # One statement a table: a pass sees all of its rows or none.
        sql("INSERT INTO sessions (id_hash, csrf, created_at, last_seen) "
            "SELECT SHA2(CONCAT(%s, seq), 256), REPEAT('a', 64), UTC_TIMESTAMP() - INTERVAL 13 HOUR, "
            "UTC_TIMESTAMP() - INTERVAL 1 HOUR FROM seq_1_to_3500" % sql_quote(tag))
        sql("INSERT INTO login_failures (addr, at) "
            "SELECT %s, UTC_TIMESTAMP() - INTERVAL 2 DAY FROM seq_1_to_1500" % sql_quote(tag))
        sql("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) "
            "SELECT SHA2(CONCAT(%s, seq), 256), %d, UTC_TIMESTAMP() - INTERVAL 3 DAY, "
            "UTC_TIMESTAMP() - INTERVAL 2 DAY FROM seq_1_to_1200" % (sql_quote(tag), a.id))
        sql("INSERT INTO sessions (id_hash, csrf) VALUES (SHA2(%s, 256), REPEAT('a', 64))" % fresh)
        sql("INSERT INTO login_failures (addr) VALUES (%s)" % fresh)
        left = ("SELECT (SELECT COUNT(*) FROM sessions WHERE created_at < UTC_TIMESTAMP() - INTERVAL 12 HOUR) + "
                "(SELECT COUNT(*) FROM login_failures WHERE addr = %s) + "
                "(SELECT COUNT(*) FROM password_resets WHERE user_id = %d)" % (sql_quote(tag), a.id))
        check(wait_for(lambda: sql_value(left) == "0", 30), "expired rows left: %s" % sql_value(left))
        for table, n in (("sessions", 3500), ("sign-in failures", 1500), ("reset links", 1200)):
            got = housekept(table, since)
            check(got >= n, "one pass deleted at most %d of %d expired %s" % (got, n, table))
        check(sql_value("SELECT COUNT(*) FROM sessions WHERE id_hash = SHA2(%s, 256)" % fresh) == "1",
              "a live session was deleted")
        check(sql_value("SELECT COUNT(*) FROM login_failures WHERE addr = %s" % fresh) == "1",
              "a recent failure was deleted")
    finally:
        sql("DELETE FROM sessions WHERE id_hash = SHA2(%s, 256)" % fresh)
        sql("DELETE FROM login_failures WHERE addr IN (%s, %s)" % (sql_quote(tag), fresh))
        sql("DELETE FROM password_resets WHERE user_id = %d" % a.id)


# ---------------------------------------------------------------- C: Origin of a unit's host name

UNIT_HOST = "phuong7.phoyen.test"


def on_host(host, origin):
    """Headers of a form posted to host (nginx passes it as $host) from a
    page of origin."""
    return {"Host": host, "Origin": origin}


@case
def test_forms_work_on_a_units_host_name():
    uid = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
    sql("INSERT INTO unit_hosts (host, unit_id) VALUES (%s, %s)" % ("'%s'" % UNIT_HOST, uid))
    try:
        a = register(Client(ADDR))
        for origin in ("http://" + UNIT_HOST, "http://%s:%d" % (UNIT_HOST, PORT)):
            c = Client(ADDR)
            c.get("/dang-nhap", headers={"Host": UNIT_HOST})
            r = c.post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", a.password)],
                       headers=on_host(UNIT_HOST, origin))
            check(r.status == 303, "sign-in on %s from Origin %s: %d" % (UNIT_HOST, origin, r.status))
            c.get("/tai-khoan", headers={"Host": UNIT_HOST})
            name = "Tên Trên Trang Phường"
            r = c.post("/tai-khoan", [("ho_ten", name), ("email", "")],
                       headers=on_host(UNIT_HOST, origin))
            check(r.status == 303, "profile on %s from Origin %s: %d" % (UNIT_HOST, origin, r.status))
            check(sql_value("SELECT full_name FROM users WHERE id = %d" % a.id) == name)
            sql("UPDATE users SET full_name = %s WHERE id = %d" % ("'%s'" % a.name, a.id))
        # Everything else stays refused, and changes nothing.
        c = a.client
        c.get("/tai-khoan")
        refused = [
            (UNIT_HOST, "http://evil.example"),
            (UNIT_HOST, "https://" + UNIT_HOST),                 # https is off
            (UNIT_HOST, "http://%s:1" % UNIT_HOST),              # not the site's port
            (UNIT_HOST, "http://%s.evil.example" % UNIT_HOST),
            (UNIT_HOST, "http://x" + UNIT_HOST),
            (UNIT_HOST, "http://" + UNIT_HOST + "/"),
            (UNIT_HOST, "null"),
            ("127.0.0.1", "http://" + UNIT_HOST),                # sent elsewhere
            ("khong-phai-don-vi.test", "http://khong-phai-don-vi.test"),  # not a unit's
        ]
        for host, origin in refused:
            r = c.post("/tai-khoan", [("ho_ten", "Không Được Đổi"), ("email", "")],
                       headers=on_host(host, origin))
            check(r.status == 403 and CSRF_MSG in r.text, "Host %s, Origin %s: %d" % (host, origin, r.status))
        check(sql_value("SELECT full_name FROM users WHERE id = %d" % a.id) == a.name, "a refused form changed")
        r = c.post("/tai-khoan", [("ho_ten", "Không Được Đổi"), ("email", "")], headers={"Origin": base_url()})
        check(r.status == 303, "the base URL's origin: %d" % r.status)
    finally:
        sql("DELETE FROM unit_hosts WHERE host = '%s'" % UNIT_HOST)
    r = c.post("/tai-khoan", [("ho_ten", "Không Được Đổi"), ("email", "")],
               headers=on_host(UNIT_HOST, "http://" + UNIT_HOST))
    check(r.status == 403, "a host name no longer mapped: %d" % r.status)


# ---------------------------------------------------------------- D: CSRF only from the form


@case
def test_csrf_token_in_query_string_refused():
    """A token in the URL leaks (logs, Referer, history); it counts only in
    the form body or the X-CSRF-Token header."""
    a = register(Client(ADDR))
    c = a.client
    tok = c.token()
    r = c.post("/tai-khoan?csrf=" + tok, [("ho_ten", "Đổi Qua Truy Vấn"), ("email", "")], csrf=False)
    check(r.status == 403 and CSRF_MSG in r.text, "token in the query string: %d" % r.status)
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % a.id) == a.name, "the name changed")
    # The same token in the body still works, whatever the query says.
    r = c.post("/tai-khoan?csrf=" + "0" * 64, [("ho_ten", "Đổi Qua Biểu Mẫu"), ("email", "")])
    check(r.status == 303, "token in the body: %d" % r.status)
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % a.id) == "Đổi Qua Biểu Mẫu")


# ---------------------------------------------------------------- E: the reset request's work


def sql_admin(query):
    """query as the stack's MariaDB administrator (the OS user's unix_socket
    account that mariadb-install-db made); rows as lists of strings."""
    out = subprocess.run(["mariadb", "--no-defaults", "-S", stack_env()["PORTAL_DB_SOCKET"],
                          "-u", getpass.getuser(), "--batch", "--skip-column-names", "--raw",
                          "-e", query], check=True, capture_output=True, text=True).stdout
    return [l.split("\t") for l in out.splitlines()]


# Statements only the jobs process runs (app/mail.c, app/jobs.c and the
# reset queue): a connection that ran one is not a responder's.
JOBS_ONLY = re.compile(r"FROM outbox|UPDATE outbox|FOR UPDATE|^DELETE FROM (sessions|login_failures|password_resets) "
                       r"WHERE (last_seen|at|expires_at) <")


def statements_of_request(send):
    """The statements the responder ran for one request (send()), from
    MariaDB's general log while it ran: those of the one connection that
    is neither ours nor the jobs process's.  Prepared statements are
    logged with their placeholders; literals of plain queries become ?."""
    sql_admin("SET GLOBAL log_output = 'TABLE'; TRUNCATE mysql.general_log; SET GLOBAL general_log = 1")
    try:
        r = send()
    finally:
        sql_admin("SET GLOBAL general_log = 0")
    try:
        rows = sql_admin("SELECT thread_id, command_type, REPLACE(REPLACE(argument, '\\n', ' '), '\\t', ' ') "
                         "FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') "
                         "ORDER BY event_time")
    finally:
        sql_admin("TRUNCATE mysql.general_log")
    other = {t for t, _, arg in rows if JOBS_ONLY.search(arg) or "general_log" in arg}
    # A connection seen only ending or beginning a transaction is the jobs
    # process's, caught between two statements: a request runs others.
    working = {t for t, _, arg in rows if arg not in ("START TRANSACTION", "COMMIT", "ROLLBACK")}
    threads = sorted(working - other)
    check(len(threads) <= 1, "statements on %d responder connections: %r" % (len(threads), rows))
    return r, [re.sub(r"'(?:[^'\\]|\\.)*'", "?", arg) for t, _, arg in rows if t in threads]


def reset_queue_empty():
    """True when the jobs process has no reset request left to handle (or
    there is no queue)."""
    try:
        return sql_value("SELECT COUNT(*) FROM reset_requests") == "0"
    except subprocess.CalledProcessError:
        return True


@case
def test_reset_request_same_work_for_known_and_unknown_addresses():
    """What the responder does for a reset request must not depend on the
    address: the same statements, in the same order, for an account's
    address and for one no account has.  (A timing comparison would be
    the direct test, but on a shared, loaded machine it is flaky; the
    same statements are what makes the times the same.)"""
    known = "dlmk.%s@example.com" % secrets.token_hex(5)
    unknown = "khong-co.%s@example.com" % secrets.token_hex(5)
    register(Client(ADDR), email=known)
    c = Client(ADDR)
    c.token()
    seen = {}
    for email in (known, unknown):
        check(wait_for(reset_queue_empty, 10), "reset requests still queued")
        r, st = statements_of_request(lambda: c.post("/quen-mat-khau", [("email", email)]))
        check(r.status == 200, "forgot %s: %d" % (email, r.status))
        seen[email] = st
    check(seen[known] and seen[known] == seen[unknown], "different statements:\nknown %r\nunknown %r"
          % (seen[known], seen[unknown]))


if __name__ == "__main__":
    main()
