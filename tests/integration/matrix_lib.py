"""Helpers of the authorization matrix test (test_matrix.py): SQL on the
stack's database, the demo accounts' passwords, and a small client that
keeps one session cookie, signs in and knows its CSRF token.

Requests leave from a loopback address of their own (MATRIX_SOURCE_ADDR,
default 127.0.0.61) so that sign-in throttling, which counts failures per
source address, is not shared with the other tests."""
import os
import re
from urllib.parse import urlencode

from lib import VAR, request_from, sql, sql_quote as quote, stack_env  # noqa: F401 (re-exported)

SOURCE_ADDR = os.environ.get("MATRIX_SOURCE_ADDR", "127.0.0.61")
CSRF_RE = re.compile(r'name="csrf" value="([0-9a-f]{64})"')
PASSWORD_RE = re.compile(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}")


def demo_password(phone):
    """The demo account's password from VAR/accounts.txt."""
    with open(os.path.join(VAR, "accounts.txt")) as f:
        for line in f:
            if phone in line:
                m = PASSWORD_RE.search(line)
                if m:
                    return m.group(0)
    raise AssertionError("no password for %s in accounts.txt" % phone)


class Client:
    """One browser: the session cookie "sid" and the session's CSRF token."""

    def __init__(self, name):
        self.name = name
        self.sid = None
        self.csrf = None

    def request(self, method, path, form=None):
        body = None
        headers = {}
        if self.sid:
            headers["Cookie"] = "sid=" + self.sid
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        resp = request_from(SOURCE_ADDR, method, path, body, headers)
        for c in resp.headers.get("set-cookie", []):
            m = re.match(r"\s*sid=([^;]*)", c)
            if m:
                gone = m.group(1) == "" or re.search(r"(?i)max-age=0\b", c)
                self.sid = None if gone else m.group(1)
        return resp

    def post(self, path, form):
        """A POST with this session's CSRF token added to form."""
        f = dict(form)
        if self.csrf is not None:
            f.setdefault("csrf", self.csrf)
        return self.request("POST", path, f)

    def take_csrf(self, r):
        m = CSRF_RE.search(r.text)
        if not m:
            raise AssertionError("%s: no CSRF token in the page (%d)" % (self.name, r.status))
        self.csrf = m.group(1)

    def start(self):
        """An anonymous session: GET /dang-nhap, keep the cookie and token."""
        r = self.request("GET", "/dang-nhap")
        if r.status != 200 or not self.sid:
            raise AssertionError("%s: GET /dang-nhap %d, cookie %r" % (self.name, r.status, self.sid))
        self.take_csrf(r)

    def sign_in(self, account, password):
        self.start()
        r = self.post("/dang-nhap", {"tai_khoan": account, "mat_khau": password})
        if r.status != 303:
            raise AssertionError("%s: sign-in as %s answered %d" % (self.name, account, r.status))
        r = self.request("GET", "/tai-khoan")
        if r.status != 200:
            raise AssertionError("%s: GET /tai-khoan after sign-in answered %d" % (self.name, r.status))
        self.take_csrf(r)
