"""The harness of the Python tests: the stack that tests/run (or tests/one)
started, one HTTP client (through nginx, or FastCGI straight to a
responder), nginx with the production configuration on loopback, SQL as
the portal account, the demo and throwaway accounts, the router's table,
processes and ports, and PASS/FAIL lines per case."""
import collections
import email
import email.policy
import glob
import hashlib
import http.client
import os
import pwd
import random
import re
import shutil
import socket
import ssl
import struct
import subprocess
import sys
import time
import traceback
import urllib.parse

ROOT = os.environ.get("PORTAL_ROOT", "")
VAR = os.environ.get("PORTAL_VAR", "")
PORT = int(os.environ.get("PORTAL_PORT", "8080"))
BIN = os.environ.get("PORTAL_BIN", "")

# ---------------------------------------------------------------------------
# Cases: each prints PASS or FAIL (with its traceback); the exit status is
# 1 when any failed.

_cases = []


def case(fn):
    _cases.append(fn)
    return fn


def check(cond, msg=""):
    if not cond:
        raise AssertionError(msg)


def wait_for(pred, timeout, step=0.05):
    """Polls pred until it is true or timeout seconds have passed; its last
    answer.  The one way the tests wait: never a bare sleep."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(step)
    return pred()


def fresh(fetch, pred, timeout=2.5):
    """fetch() (a public page, asked anonymously) again until
    pred(answer) holds; the last answer.  The page cache may answer a
    reader with a copy made up to a second before a change (README: "The
    page cache"), so a test that changes something and reads it back
    anonymously reads it with this."""
    got = []

    def ok():
        got[:] = [fetch()]
        return pred(got[0])
    wait_for(ok, timeout, 0.1)
    return got[0]


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
# The stack's environment.

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


# ---------------------------------------------------------------------------
# HTTP.  One Client: it keeps cookies and the session's CSRF token, and
# sends every request from its own loopback source address when given one
# (sign-in throttling counts per address, so a test that fails sign-ins
# uses an address of its own).

SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "",
}
# The hidden field of every form that changes something (templates/*.tpl).
CSRF_RE = re.compile(r'<input type="hidden" name="csrf" value="([0-9a-f]{64})">')
CSRF_MSG = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ"
SID = "sid"


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


def check_security_headers(r):
    for name, must in SECURITY_HEADERS.items():
        vals = r.headers.get(name, [])
        check(len(vals) == 1, "%s: %d copies of %s" % (r.status, len(vals), name))
        check(must in vals[0], "%s: %s lacks %r" % (r.status, name, must))


def form_csrf(text):
    """The CSRF token of the first form in an HTML page, or None."""
    m = CSRF_RE.search(text)
    return m.group(1) if m else None


def encode_form(fields):
    """application/x-www-form-urlencoded UTF-8 body of a dict or a list of
    pairs; str values are sent as given (no normalisation)."""
    items = fields.items() if isinstance(fields, dict) else fields
    return urllib.parse.urlencode([(k, v) for k, v in items if v is not None],
                                  encoding="utf-8").encode("ascii")


def encode_multipart(pairs):
    """(content type, body) of a multipart/form-data body of pairs; a value
    that is a tuple (filename, bytes[, content type]) is a file part."""
    boundary = "----ward%s" % os.urandom(12).hex()
    out = []
    for k, v in pairs:
        if v is None:
            continue
        if isinstance(v, tuple):
            name, data = v[0], v[1]
            ctype = v[2] if len(v) > 2 else "application/octet-stream"
            out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                        "Content-Type: %s\r\n\r\n" % (boundary, k, name, ctype)).encode("utf-8"))
            out.append(data)
        else:
            out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n"
                        % (boundary, k)).encode("utf-8"))
            out.append(v.encode("utf-8"))
        out.append(b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode("ascii"))
    return "multipart/form-data; boundary=" + boundary, b"".join(out)


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
    in a page, sends every request from loopback address source when given.
    Requests go through nginx on PORT; with fcgi (a socket path) they go
    over FastCGI straight to the responder listening there, as nginx would
    send them (source is then its REMOTE_ADDR)."""

    def __init__(self, source=None, fcgi=None, timeout=30):
        self.source = source
        self.fcgi = fcgi
        self.timeout = timeout
        self.cookies = {}
        self.csrf = None
        self.last = None

    @property
    def sid(self):
        return self.cookies.get(SID)

    def request(self, method, path, body=None, headers=None):
        """One request on a fresh connection; path is sent as given, and
        so are headers (a Cookie header given replaces the jar's)."""
        h = dict(headers or {})
        if self.cookies and not any(k.lower() == "cookie" for k in h):
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if self.fcgi:
            r = _fcgi_exchange(self.fcgi, self.source, method, path, body, h, self.timeout)
        else:
            r = _http_exchange(self.source, method, path, body, h, self.timeout)
        for sc in r.headers.get("set-cookie", []):
            name, val, attrs = parse_set_cookie(sc)
            if attrs.get("max-age") == "0" or val == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = val
            if name == SID:
                self.csrf = None  # a new session has a new token
        if (r.header("content-type") or "").startswith("text/html"):
            tok = form_csrf(r.body.decode("utf-8", "replace"))
            if tok:
                self.csrf = tok
        self.last = r
        return r

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def token(self):
        """The session's CSRF token, fetching a page with a form if needed
        (an anonymous visitor gets the form cookie, fid, and its token)."""
        if self.csrf is None:
            r = self.get("/dang-nhap")
            if r.status == 303:
                self.get("/tai-khoan")
        check(self.csrf is not None, "no CSRF token found")
        return self.csrf

    def post(self, path, fields=None, csrf=True, headers=None):
        """POSTs a form (a dict or a list of pairs).  csrf: True to add the
        session's token, False to send none, or a string to send that
        token.  A value that is a tuple (filename, bytes[, content type])
        is a file: the form is then sent as multipart/form-data."""
        pairs = list((fields or {}).items()) if isinstance(fields, dict) or fields is None \
            else list(fields)
        if csrf is True:
            pairs.insert(0, ("csrf", self.token()))
        elif csrf:
            pairs.insert(0, ("csrf", csrf))
        if any(isinstance(v, tuple) for _, v in pairs):
            ctype, body = encode_multipart(pairs)
            h = {"Content-Type": ctype}
            h.update(headers or {})
            return self.request("POST", path, body=body, headers=h)
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


def request(method, path, body=None, headers=None):
    """One request from a fresh Client: no cookies, the default address."""
    return Client().request(method, path, body, headers)


def get(path, headers=None):
    return request("GET", path, headers=headers)


def _http_exchange(source, method, path, body, headers, timeout):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout,
                                      source_address=(source, 0) if source else None)
    return _exchange(conn, method, path, body, headers)


def _exchange(conn, method, path, body, headers):
    """One request on http.client connection conn, which it closes."""
    try:
        conn.putrequest(method, path, skip_accept_encoding=True,
                        skip_host=any(k.lower() == "host" for k in headers))
        for k, v in headers.items():
            conn.putheader(k, v)
        if body is not None and not any(k.lower() == "content-length" for k in headers):
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        r = conn.getresponse()
        hdrs = {}
        for k, v in r.getheaders():
            hdrs.setdefault(k.lower(), []).append(v)
        return Response(r.status, hdrs, r.read())
    finally:
        conn.close()


# FastCGI, the responder's side of nginx: records of one request (id 1).
_FCGI_BEGIN, _FCGI_END, _FCGI_PARAMS, _FCGI_STDIN, _FCGI_STDOUT = 1, 3, 4, 5, 6


def _fcgi_record(kind, content):
    pad = (8 - len(content) % 8) % 8
    return struct.pack(">BBHHBx", 1, kind, 1, len(content), pad) + content + b"\0" * pad


def _fcgi_pair(k, v):
    k = k.encode()
    v = v if isinstance(v, bytes) else v.encode()

    def n(x):
        return struct.pack(">B", len(x)) if len(x) < 128 else struct.pack(">I", len(x) | 0x80000000)
    return n(k) + n(v) + k + v


def _fcgi_exchange(sock_path, source, method, uri, body, headers, timeout):
    body = body or b""
    path, _, query = uri.partition("?")
    params = {"REQUEST_METHOD": method, "REQUEST_URI": uri, "DOCUMENT_URI": path,
              "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1",
              "REMOTE_ADDR": source or "127.0.0.1",
              "CONTENT_LENGTH": str(len(body)) if body else "", "HTTP_HOST": "127.0.0.1"}
    for k, v in headers.items():
        if k.lower() in ("content-type", "content-length"):
            params[k.upper().replace("-", "_")] = v
        else:
            params["HTTP_" + k.upper().replace("-", "_")] = v
    data = _fcgi_record(_FCGI_BEGIN, struct.pack(">HB5x", 1, 0))
    data += _fcgi_record(_FCGI_PARAMS, b"".join(_fcgi_pair(k, v) for k, v in params.items()))
    data += _fcgi_record(_FCGI_PARAMS, b"")
    for i in range(0, len(body), 32768):
        data += _fcgi_record(_FCGI_STDIN, body[i:i + 32768])
    data += _fcgi_record(_FCGI_STDIN, b"")
    out, buf = b"", b""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(sock_path)
        s.sendall(data)
        ended = False
        while not ended:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
            while len(buf) >= 8 and not ended:
                _, kind, _, clen, pad = struct.unpack(">BBHHBx", buf[:8])
                if len(buf) < 8 + clen + pad:
                    break
                if kind == _FCGI_STDOUT:
                    out += buf[8:8 + clen]
                ended = kind == _FCGI_END
                buf = buf[8 + clen + pad:]
    head, _, rbody = out.partition(b"\r\n\r\n")
    status, hdrs = 200, {}
    for line in head.decode("latin-1").split("\r\n"):
        k, _, v = line.partition(":")
        if k.lower() == "status":
            status = int(v.split()[0])
        elif k:
            hdrs.setdefault(k.lower(), []).append(v.strip())
    return Response(status, hdrs, rbody)


# ---------------------------------------------------------------------------
# nginx with the production configuration: conf/nginx/nginx.conf (the main
# file) and production.conf, in VAR/prod-nginx, on two loopback ports for
# its 80 and 443, passing to the stack's responder.  Only paths, ports,
# the user and the certificate (a throwaway self-signed one) are rewritten,
# each of them checked to be there, so that the limits tested are the
# shipped ones.

PROD_HOST = "phoyen.thainguyen.gov.vn"


def _rewrite(text, pairs, what):
    for old, new in pairs:
        check(old in text, "%s no longer holds %r" % (what, old))
        text = text.replace(old, new)
    return text


_prod_tls = None


def prod_tls():
    """The TLS client context for ProductionNginx (its certificate is a
    throwaway: not verified)."""
    global _prod_tls
    if _prod_tls is None:
        _prod_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        _prod_tls.check_hostname = False
        _prod_tls.verify_mode = ssl.CERT_NONE
    return _prod_tls


class _LoopbackHTTPS(http.client.HTTPSConnection):
    """HTTPS to a host name's server on 127.0.0.1: SNI and Host name it."""

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), self.timeout, self.source_address)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class ProductionNginx:
    """A context manager: starts that nginx (daemon, own pid file), stops
    it on exit.  request() and get() speak HTTPS to PROD_HOST on it."""

    def __init__(self):
        self.dir = os.path.join(VAR, "prod-nginx")
        self.http_port = free_port()
        self.https_port = free_port()
        self.pid = None

    def path(self, *p):
        return os.path.join(self.dir, *p)

    def configure(self):
        d = self.path()
        shutil.rmtree(d, ignore_errors=True)
        for sub in ("log", "acme", "temp"):
            os.makedirs(self.path(sub), exist_ok=True)
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-days", "1", "-subj", "/CN=" + PROD_HOST,
                        "-addext", "subjectAltName=DNS:%s,DNS:*.%s" % (PROD_HOST, PROD_HOST),
                        "-keyout", self.path("key.pem"), "-out", self.path("cert.pem")],
                       check=True, capture_output=True)
        with open(os.path.join(ROOT, "conf", "nginx", "production.conf")) as f:
            site = f.read()
        site = re.sub(r"^[ \t]*listen \[::\]:\d+.*\n", "", site, flags=re.M)
        site = _rewrite(site, [
            ("listen 80;", "listen 127.0.0.1:%d;" % self.http_port),
            ("listen 80 default_server;", "listen 127.0.0.1:%d default_server;" % self.http_port),
            ("listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % self.https_port),
            ("listen 443 ssl http2 default_server;",
             "listen 127.0.0.1:%d ssl http2 default_server;" % self.https_port),
            ("/opt/ward-portal/", ROOT + "/"),
            ("unix:/run/ward-portal/portal.sock", "unix:" + os.path.join(VAR, "run", "portal.sock")),
            ("/var/log/nginx/", d + "/log/"),
            ("/var/www/acme", d + "/acme"),
            ("/var/cache/nginx/ward-portal", d + "/cache"),
            ("/etc/ssl/certs/%s.fullchain.pem" % PROD_HOST, d + "/cert.pem"),
            ("/etc/ssl/private/%s.key" % PROD_HOST, d + "/key.pem"),
        ], "production.conf")
        check(not re.search(r"^\s*listen (80|443)\b", site, re.M), "a listen left unrewritten")
        with open(self.path("production.conf"), "w") as f:
            f.write(site)
        with open(os.path.join(ROOT, "conf", "nginx", "nginx.conf")) as f:
            main_conf = f.read()
        temp = "".join("    %s_temp_path %s/temp/%s;\n" % (k, d, k)
                       for k in ("client_body", "fastcgi", "proxy", "scgi", "uwsgi"))
        main_conf = _rewrite(main_conf, [
            ("user www-data;", "user %s;" % pwd.getpwuid(os.getuid()).pw_name),
            ("pid /run/nginx.pid;", "pid %s/nginx.pid;" % d),
            ("error_log /var/log/nginx/error.log;", "error_log %s/log/error.log;" % d),
            ("include /etc/nginx/modules-enabled/*.conf;", ""),
            ("access_log /var/log/nginx/access.log;", "access_log %s/log/access.log;" % d),
            ("include /etc/nginx/conf.d/*.conf;", ""),
            ("include /etc/nginx/sites-enabled/*;", temp + "    include %s/production.conf;" % d),
        ], "nginx.conf")
        with open(self.path("nginx.conf"), "w") as f:
            f.write(main_conf)

    def nginx(self, *args):
        return subprocess.run(["nginx", "-p", self.path() + "/", "-c", self.path("nginx.conf"),
                               "-e", self.path("log", "error.log")] + list(args),
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)

    def start(self):
        self.configure()
        p = self.nginx()
        check(p.returncode == 0, "production nginx did not start: %s" % p.stderr)
        check(wait_for(lambda: os.path.exists(self.path("nginx.pid")), 10), "no pid file")
        with open(self.path("nginx.pid")) as f:
            self.pid = int(f.read().strip())

        def up():
            try:
                return self.get("/healthz").status == 200
            except OSError:
                return False
        check(wait_for(up, 10), "production /healthz")
        return self

    def stop(self):
        if self.pid and alive(self.pid):
            os.kill(self.pid, 3)  # SIGQUIT: finish what runs, then exit
            if not wait_for(lambda: not alive(self.pid), 10):
                os.kill(self.pid, 9)
        self.pid = None

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()

    def workers(self):
        return children(self.pid)

    def request(self, method, path, source=None, body=None, headers=None, timeout=30):
        """One request over HTTPS to PROD_HOST from loopback address source."""
        conn = _LoopbackHTTPS(PROD_HOST, self.https_port, timeout=timeout, context=prod_tls(),
                              source_address=(source, 0) if source else None)
        h = dict(headers or {})
        if body is not None:
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return _exchange(conn, method, path, body, h)

    def get(self, path, source=None, timeout=30):
        return self.request("GET", path, source, timeout=timeout)


# ---------------------------------------------------------------------------
# SQL as the portal account.

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


def sql_admin(query):
    """Runs query as the database's administrator (the unix-socket account
    of the user who started the stack): for what the portal's own account
    may not do, such as a test-only trigger.  One statement, which may hold
    semicolons (the client's delimiter is // here)."""
    env = stack_env()
    subprocess.run(
        ["mariadb", "--no-defaults", "-S", env["PORTAL_DB_SOCKET"], "--batch", "--delimiter=//",
         env["PORTAL_DB_NAME"], "-e", query],
        check=True, capture_output=True, text=True)


def sql_root(query, table=False):
    """Runs query (UTC session) as the database's administrator, for the
    benchmarks' bulk work and EXPLAIN: rows as lists of strings, or with
    table=True the client's table as text."""
    env = stack_env()
    args = ["mariadb", "--no-defaults", "-S", env["PORTAL_DB_SOCKET"], env["PORTAL_DB_NAME"]]
    args += ["--table"] if table else ["--batch", "--skip-column-names", "--raw"]
    # On standard input: a bulk statement may be longer than an argument.
    out = subprocess.run(args, input="SET time_zone = '+00:00'; " + query + ";\n", check=True,
                         capture_output=True, text=True).stdout
    return out if table else [line.split("\t") for line in out.splitlines()]


def sql_value(query):
    """The first column of the first row, or None when there is no row."""
    rows = sql(query)
    return rows[0][0] if rows else None


def sql_quote(s):
    return "'" + str(s).replace("\\", "\\\\").replace("'", "\\'") + "'"


def sid_hash(cookie):
    """sessions.id_hash of a session cookie's value."""
    return hashlib.sha256(cookie.encode()).hexdigest()


# ---------------------------------------------------------------------------
# Accounts: the demo accounts by role (portalctl seed; passwords in
# VAR/accounts.txt) and throwaway ones (phones 0987xxxxxx).

DEMO_ADMIN = "0912000001"
DEMO_EDITOR_BA_HANG = "0912000011"
DEMO_EDITOR_BAI_BONG = "0912000012"
DEMO_STAFF = "0912000021"
DEMO_LEADER = "0912000031"
DEMO_RESIDENT = "0912000041"
DEMO_DIGITAL = "0912000051"      # digital-technology team of ba-hang


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


# ---------------------------------------------------------------------------
# The router's table, from `portalctl routes`: one line a route,
#   name TAB methods TAB pattern TAB scope TAB roles
# (scope: public, user, role, unit or owner; roles: a comma list or "-").
# Every placeholder is typed: {name:slug}, {name:id}, {name:idslug} or
# {name:code} (a procedure code, 1.001193).

Route = collections.namedtuple("Route", "name methods pattern scope roles")
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+):([a-z_]+)\}")
SCOPES = {"public", "user", "role", "unit", "owner"}
ROLES = {"resident", "editor", "staff", "leader", "admin", "digital"}
METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}
TYPES = {"slug", "id", "idslug", "code", "media"}


def _route(line):
    f = line.split("\t")
    check(len(f) == 5, "portalctl routes: not 5 fields: %r" % line)
    name, methods, pattern, scope, roles = f
    roles = [] if roles == "-" else roles.split(",")
    methods = [m.strip() for m in methods.split(",")]
    check(re.match(r"^[a-z_]+$", name), "portalctl routes: name %r" % name)
    check(set(methods) <= METHODS, "portalctl routes: %s: methods %r" % (name, methods))
    check(pattern.startswith("/"), "portalctl routes: %s: pattern %r" % (name, pattern))
    check(pattern.count("{") == len(PLACEHOLDER_RE.findall(pattern))
          and all(t in TYPES for _, t in PLACEHOLDER_RE.findall(pattern)),
          "portalctl routes: %s: untyped placeholder in %r" % (name, pattern))
    check(scope in SCOPES, "portalctl routes: %s: scope %r" % (name, scope))
    # Public and user routes name no role; role, unit and owner routes some.
    check(set(roles) <= ROLES and bool(roles) == (scope not in ("public", "user")),
          "portalctl routes: %s: scope %s with roles %r" % (name, scope, roles))
    return Route(name, frozenset(methods), pattern, scope, roles)


def routes():
    """Every route of the router's table, in its order (checked as read)."""
    p = subprocess.run([os.path.join(BIN, "portalctl"), "routes"], capture_output=True,
                       text=True, env={"PATH": os.environ.get("PATH", "")})
    check(p.returncode == 0, "portalctl routes: exit %d: %s" % (p.returncode, p.stderr))
    return [_route(l) for l in p.stdout.splitlines() if l.strip()]


def placeholders(pattern):
    """[(name, type)] of a route's pattern."""
    return PLACEHOLDER_RE.findall(pattern)


def fill(pattern, objects):
    """pattern with each {name:type} replaced by objects[name][type], or by
    objects[name] when that is a plain value (str or int)."""
    def value(m):
        name, typ = m.group(1), m.group(2)
        check(name in objects, "no object for {%s} in %s" % (name, pattern))
        v = objects[name]
        if isinstance(v, dict):
            check(typ in v, "no %s of {%s} in %s" % (typ, name, pattern))
            v = v[typ]
        return str(v)
    return PLACEHOLDER_RE.sub(value, pattern)


# ---------------------------------------------------------------------------
# Processes and ports.

def alive(pid):
    """True while process pid exists and is not a zombie."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def children(pid):
    """The live (not zombie) processes whose parent is pid, sorted."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(d))
    return sorted(out)


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on (as of now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__" and sys.argv[1:] == ["free-port"]:
    print(free_port())


# ---------------------------------------------------------------------------
# Online applications (issue 8): a procedure with its e-form, whether or
# not the catalogue's seed ran.

# ---------------------------------------------------------------------------
# The stack's SMTP sink: a maildir.

MAILDIR = os.path.join(VAR, "mail", "new")


def mails(match):
    """The messages in the sink's maildir for which match(message) holds."""
    found = []
    for path in glob.glob(os.path.join(MAILDIR, "*")):
        with open(path, "rb") as f:
            m = email.message_from_binary_file(f, policy=email.policy.default)
        if match(m):
            found.append(m)
    return found


def mails_to(addr):
    """The messages in the sink's maildir addressed to addr."""
    return mails(lambda m: m["to"] is not None and any(a.addr_spec == addr for a in m["to"].addresses))


def eform_values(eform, unit_code, name="Nguyễn Văn An", address="Tổ dân phố 3"):
    """A valid value for every field of e-form eform (its parsed JSON), by
    type: the form's tk_<name> (and dv_<name>, an address's unit: the unit
    of code unit_code) parameters."""
    out = {}
    for f in eform["fields"]:
        out["tk_" + f["name"]] = {
            "text": name, "date": "05/01/2024",
            "number": str(max(f.get("min", 1), 1900 if "nam" in f["name"] else 1)),
            "choice": (f.get("options") or [""])[0], "id_number": "019123456789",
            "phone": "0912 345 678", "address": address}[f["type"]]
        if f["type"] == "address":
            out["dv_" + f["name"]] = unit_code
    return out


def ensure_procedure(code="1.001193", name="Thủ tục đăng ký khai sinh", days=1):
    """Makes sure procedure code exists with a version in force (inserted
    when the catalogue's seed has not), then writes the e-forms into the
    versions in force (`portalctl seed-eforms`).  Returns the version's
    processing days."""
    q = sql_quote(code)
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Thử nghiệm', 'thu-nghiem'); "
        "INSERT IGNORE INTO procedures (code) VALUES (%s); "
        "INSERT INTO procedure_versions (procedure_id, version, name, sector_id, level, "
        "online_level, processing_days, published) "
        "SELECT p.id, 1, %s, s.id, 'Cấp xã', 'toan_trinh', %d, 1 FROM procedures p, sectors s "
        "WHERE p.code = %s AND s.slug = 'thu-nghiem' AND p.current_version IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM procedure_versions v WHERE v.procedure_id = p.id); "
        "UPDATE procedures p SET current_version = (SELECT MAX(v.id) FROM procedure_versions v "
        "WHERE v.procedure_id = p.id) WHERE p.code = %s AND p.current_version IS NULL"
        % (q, sql_quote(name), days, q, q))
    p = subprocess.run([os.path.join(BIN, "portalctl"), "-c", os.path.join(ROOT, "conf", "portal.conf"),
                        "seed-eforms"], env=dict(os.environ, **stack_env()), cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, "portalctl seed-eforms: %s%s" % (p.stdout, p.stderr))
    d = sql_value("SELECT IFNULL(v.processing_days, -1) FROM procedures p JOIN procedure_versions v "
                  "ON v.id = p.current_version WHERE p.code = %s AND v.eform IS NOT NULL" % q)
    check(d is not None, "procedure %s has no e-form" % code)
    return int(d)
