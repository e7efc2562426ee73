"""A small harness for the integration tests: HTTP through nginx to the
throwaway stack that tests/run started, and PASS/FAIL lines per case."""
import http.client
import os
import sys
import time
import traceback

ROOT = os.environ.get("PORTAL_ROOT", "")
VAR = os.environ.get("PORTAL_VAR", "")
PORT = int(os.environ.get("PORTAL_PORT", "8080"))
BIN = os.environ.get("PORTAL_BIN", "")

SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "",
}

_cases = []


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> list of values
        self.body = body

    def header(self, name):
        v = self.headers.get(name.lower())
        return v[0] if v else None

    @property
    def text(self):
        return self.body.decode("utf-8")


def request(method, path, body=None, headers=None):
    """One request on a fresh connection; path is sent as given."""
    return request_from(None, method, path, body, headers)


def get(path, **kw):
    return request("GET", path, **kw)


def case(fn):
    _cases.append(fn)
    return fn


def check(cond, msg=""):
    if not cond:
        raise AssertionError(msg)


def check_security_headers(r):
    for name, must in SECURITY_HEADERS.items():
        vals = r.headers.get(name, [])
        check(len(vals) == 1, "%s: %d copies of %s" % (r.status, len(vals), name))
        check(must in vals[0], "%s: %s lacks %r" % (r.status, name, must))


def main():
    failed = 0
    for fn in _cases:
        try:
            fn()
            print("PASS %s" % fn.__name__)
        except Exception:  # a failing case must not stop the others
            failed += 1
            print("FAIL %s" % fn.__name__)
            traceback.print_exc(file=sys.stdout)
        sys.stdout.flush()
    sys.exit(1 if failed else 0)


# ---------------------------------------------------------------------------
# Helpers for the tests of accounts and sessions: the stack's environment,
# SQL as the portal account, a client that keeps its cookies and CSRF token
# (optionally from its own loopback source address), the demo accounts and
# throwaway accounts.

import hashlib
import html as _html
import random
import re
import subprocess
import urllib.parse

CSRF_RE = re.compile(r'<input type="hidden" name="csrf" value="([^"]*)">')
CSRF_MSG = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ"
SID = "sid"

# Demo accounts by role (conf: portalctl seed); passwords in VAR/accounts.txt.
DEMO_ADMIN = "0912000001"
DEMO_EDITOR_BA_HANG = "0912000011"
DEMO_EDITOR_BAI_BONG = "0912000012"
DEMO_STAFF = "0912000021"
DEMO_LEADER = "0912000031"
DEMO_RESIDENT = "0912000041"

_env = None


def stack_env():
    """The PORTAL_* variables the stack runs with (VAR/stack.env)."""
    global _env
    if _env is None:
        env = {}
        with open(os.path.join(VAR, "stack.env")) as f:
            for line in f:
                line = line.strip()
                if line.startswith("export ") and "=" in line:
                    k, v = line[len("export "):].split("=", 1)
                    env[k] = v  # printf %q quotes nothing these values hold
        _env = env
    return _env


def base_url():
    return stack_env().get("PORTAL_SITE_BASE_URL", "http://127.0.0.1:%d" % PORT)


def sql(query):
    """Runs query (UTC session) as the portal account; rows as lists of
    strings (NULL as "NULL")."""
    env = stack_env()
    out = subprocess.run(
        ["mariadb", "--no-defaults", "-S", env["PORTAL_DB_SOCKET"], "-u", env["PORTAL_DB_USER"],
         "--batch", "--skip-column-names", "--raw", env["PORTAL_DB_NAME"],
         "-e", "SET time_zone = '+00:00'; " + query],
        env=dict(os.environ, MYSQL_PWD=env["PORTAL_DB_PASSWORD"]),
        check=True, capture_output=True, text=True).stdout
    return [l.split("\t") for l in out.splitlines()]


def sql_value(query):
    """The first column of the first row, or None when there is no row."""
    rows = sql(query)
    return rows[0][0] if rows else None


def sql_quote(s):
    return "'" + str(s).replace("\\", "\\\\").replace("'", "\\'") + "'"


def sid_hash(cookie):
    """sessions.id_hash of a session cookie's value."""
    return hashlib.sha256(cookie.encode()).hexdigest()


def form_csrf(text):
    """The CSRF token of the first form in an HTML page, or None."""
    m = CSRF_RE.search(text)
    return _html.unescape(m.group(1)) if m else None


def encode_form(fields):
    """application/x-www-form-urlencoded UTF-8 body of a dict or a list of
    pairs; str values are sent as given (no normalisation)."""
    items = fields.items() if isinstance(fields, dict) else fields
    return urllib.parse.urlencode([(k, v) for k, v in items if v is not None],
                                  encoding="utf-8").encode("ascii")


def request_from(source, method, path, body=None, headers=None, timeout=30):
    """As request(), from loopback address source (None: the default)."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True,
                        skip_host=any(k.lower() == "host" for k in (headers or {})))
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None and "Content-Length" not in (headers or {}):
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        r = conn.getresponse()
        hdrs = {}
        for k, v in r.getheaders():
            hdrs.setdefault(k.lower(), []).append(v)
        return Response(r.status, hdrs, r.read())
    finally:
        conn.close()


def parse_set_cookie(value):
    """(name, value, attributes) of one Set-Cookie header; attribute names
    lower-cased, flags map to True."""
    parts = [p.strip() for p in value.split(";")]
    name, _, val = parts[0].partition("=")
    attrs = {}
    for p in parts[1:]:
        k, eq, v = p.partition("=")
        attrs[k.strip().lower()] = v.strip() if eq else True
    return name.strip(), val.strip(), attrs


class Client:
    """A browser of sorts: keeps cookies, remembers the last CSRF token seen
    in a page, sends every request from its own source address when given."""

    def __init__(self, source=None):
        self.source = source
        self.cookies = {}
        self.csrf = None
        self.last = None

    @property
    def sid(self):
        return self.cookies.get(SID)

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies and "Cookie" not in h:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        r = request_from(self.source, method, path, body=body, headers=h)
        for sc in r.headers.get("set-cookie", []):
            name, val, attrs = parse_set_cookie(sc)
            if attrs.get("max-age") == "0" or val == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = val
            if name == SID:
                self.csrf = None  # a new session has a new token
        ctype = r.header("content-type") or ""
        if ctype.startswith("text/html"):
            tok = form_csrf(r.body.decode("utf-8", "replace"))
            if tok:
                self.csrf = tok
        self.last = r
        return r

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def token(self):
        """The session's CSRF token, fetching a page with a form if needed
        (this makes an anonymous session when there is none)."""
        if self.csrf is None:
            r = self.get("/dang-nhap")
            if r.status == 303:
                self.get("/tai-khoan")
        check(self.csrf is not None, "no CSRF token found")
        return self.csrf

    def post(self, path, fields=None, csrf=True, headers=None):
        """POSTs a form.  csrf: True to add the session's token, False to
        send none, or a string to send that token."""
        pairs = list((fields or {}).items()) if isinstance(fields, dict) or fields is None \
            else list(fields)
        if csrf is True:
            pairs.insert(0, ("csrf", self.token()))
        elif csrf:
            pairs.insert(0, ("csrf", csrf))
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        h.update(headers or {})
        return self.request("POST", path, body=encode_form(pairs), headers=h)

    def login(self, account, password, nxt=None):
        """Signs in through the form; the response (303 when it worked)."""
        self.token()
        return self.post("/dang-nhap", [("tiep", nxt), ("tai_khoan", account), ("mat_khau", password)])

    def logout(self):
        return self.post("/dang-xuat")

    def signed_in(self):
        """True when /tai-khoan answers 200 for this client."""
        return self.get("/tai-khoan").status == 200


def demo_passwords():
    """Phone -> password of the demo accounts (VAR/accounts.txt)."""
    out = {}
    with open(os.path.join(VAR, "accounts.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.search(r"\b(0\d{9})\s+([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})\b", line)
            if m:
                out[m.group(1)] = m.group(2)
    return out


def demo_login(phone, source=None):
    """A client signed in as the demo account phone."""
    c = Client(source)
    r = c.login(phone, demo_passwords()[phone])
    check(r.status == 303, "demo sign-in %s: %d %s" % (phone, r.status, r.text[:300]))
    return c


def user_id(phone):
    v = sql_value("SELECT id FROM users WHERE phone = %s" % sql_quote(phone))
    return int(v) if v is not None else None


def new_phone():
    """A mobile number no account has: 0987 and six random digits (the
    range the tests' throwaway accounts use)."""
    while True:
        p = "0987%06d" % random.randrange(1000000)
        if user_id(p) is None:
            return p


def new_id_number():
    """A random, unused-looking 12-digit personal ID number (province 001-096)."""
    return "%03d%09d" % (random.randint(1, 96), random.randrange(10 ** 9))


def random_password():
    return "thu-%s-mat-khau" % "".join(random.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))


def register(client=None, name="Người Dùng Thử", phone=None, password=None, email=None,
             id_number=None, expect=303):
    """Registers a throwaway account through POST /dang-ky; returns an
    object with phone, password, email, id, client (signed in) and the
    response.  Checks the status when expect is set."""
    class Account:
        pass
    a = Account()
    a.client = client or Client()
    a.phone = phone or new_phone()
    a.password = password or random_password()
    a.email = email
    a.name = name
    a.client.token()
    a.response = a.client.post("/dang-ky", [
        ("ho_ten", name), ("dien_thoai", a.phone), ("email", email or ""),
        ("so_dinh_danh", id_number or ""), ("mat_khau", a.password),
        ("mat_khau_nhap_lai", a.password)])
    if expect is not None:
        check(a.response.status == expect, "register %s: %d %s" % (
            a.phone, a.response.status, a.response.text[:500]))
    a.id = user_id(a.phone)
    return a


def audit_actions(uid):
    """The audit_log actions about user uid, oldest first."""
    return [r[0] for r in sql("SELECT action FROM audit_log WHERE object_type = 'user' "
                              "AND object_id = %s ORDER BY id" % sql_quote(uid))]


def clear_failures(addr):
    """Forgets the failed sign-ins from addr (the per-address throttle)."""
    sql("DELETE FROM login_failures WHERE addr = %s" % sql_quote(addr))


def wait_for(pred, timeout, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(step)
    return pred()
