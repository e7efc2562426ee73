"""A small harness for the integration tests: HTTP through nginx to the
throwaway stack that tests/run started, and PASS/FAIL lines per case."""
import http.client
import os
import sys
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


def request(method, path, body=None, headers=None, raw_path=False):
    """One request on a fresh connection; path is sent as given."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
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
