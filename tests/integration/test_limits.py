"""Bad and oversized input gets a clear 4xx answer and no crash."""
import os

from lib import VAR, Client, case, check, check_security_headers, get, main, request


@case
def test_bad_percent_encoding_400():
    for path in ("/%ZZ", "/don-vi/%", "/?trang=%G1", "/don-vi/ba-hang/?trang=%4"):
        r = get(path)
        check(r.status == 400, "%s: %d" % (path, r.status))
        check("Yêu cầu không hợp lệ" in r.text, path)


@case
def test_invalid_utf8_400():
    for path in ("/don-vi/%C0%AF/", "/don-vi/%ED%A0%80/", "/?q=%FF",
                 "/don-vi/ba-hang/?trang=%F4%90%80%80", "/%00"):
        r = get(path)
        check(r.status == 400, "%s: %d" % (path, r.status))


@case
def test_duplicate_parameter_400():
    r = get("/don-vi/ba-hang/?trang=1&trang=2")
    check(r.status == 400, r.status)
    check("nhiều lần" in r.text)
    check(get("/don-vi/ba-hang/?trang=1").status == 200)


@case
def test_invalid_parameter_400():
    for q in ("trang=0", "trang=-1", "trang=abc", "trang=99999999999999999999"):
        r = get("/don-vi/ba-hang/?" + q)
        check(r.status == 400, "%s: %d" % (q, r.status))
        check("Số trang không hợp lệ" in r.text)


@case
def test_undeclared_parameter_ignored():
    check(get("/?trang=1&x=2&utm_source=a").status == 200)


@case
def test_too_many_fields_413():
    r = get("/?" + "&".join("k%d=1" % i for i in range(400)))
    check(r.status == 413, r.status)
    check_security_headers(r)


@case
def test_body_over_limit_413():
    # Over the responder's limit (10 MiB) but under nginx's (12 MiB).
    body = b"a=" + b"x" * (10 * 1024 * 1024 + 10)
    r = request("POST", "/", body=body,
                headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(r.status == 413, r.status)
    check("quá lớn" in r.text)
    check_security_headers(r)


@case
def test_body_over_nginx_limit_413():
    body = b"x" * (13 * 1024 * 1024)
    r = request("POST", "/", body=body, headers={"Content-Type": "text/plain"})
    check(r.status == 413, r.status)
    check_security_headers(r)


@case
def test_huge_header_400():
    r = get("/", headers={"X-Big": "a" * 20000})
    check(r.status in (400, 431), r.status)
    check_security_headers(r)


@case
def test_many_cookies_and_bad_cookie():
    """More of our own cookies than fields_max (256) is refused; other
    sites' cookies are not counted (test_hardening_http)."""
    r = get("/", headers={"Cookie": "; ".join("sid=v%d" % i for i in range(300))})
    check(r.status in (400, 413), r.status)
    check(get("/", headers={"Cookie": "a=b; c=\"d\""}).status == 200)


def multipart(fields, boundary="xx", close=True):
    """A multipart/form-data body of (header lines, value) parts."""
    out = b""
    for head, value in fields:
        out += b"--%s\r\n%s\r\n\r\n%s\r\n" % (boundary.encode(), head, value)
    return out + (b"--%s--\r\n" % boundary.encode() if close else b"")


def disposition(name):
    return b'Content-Disposition: form-data; name="%s"' % name.encode()


@case
def test_malformed_multipart_400():
    """POST /dang-nhap takes forms: a multipart body the parser refuses is
    400, while a well-formed one with the same session reaches the
    handler (422: the fields are empty)."""
    c = Client()
    c.token()
    mp = {"Content-Type": "multipart/form-data; boundary=xx"}
    good = multipart([(disposition("csrf"), c.csrf.encode()), (disposition("tai_khoan"), b""),
                      (disposition("mat_khau"), b"")])
    r = c.request("POST", "/dang-nhap", body=good, headers=mp)
    check(r.status == 422 and "Vui lòng nhập số điện thoại" in r.text,
          "well-formed multipart: %d" % r.status)
    for what, body, headers in (
            ("no closing boundary", multipart([(disposition("csrf"), c.csrf.encode())], close=False), mp),
            ("a part without Content-Disposition",
             multipart([(disposition("csrf"), c.csrf.encode()), (b"Content-Type: text/plain", b"1")]), mp),
            ("no boundary parameter", good, {"Content-Type": "multipart/form-data"}),
            ("another boundary", good, {"Content-Type": "multipart/form-data; boundary=yy"})):
        r = c.request("POST", "/dang-nhap", body=body, headers=headers)
        check(r.status == 400, "%s: %d" % (what, r.status))
        check("Yêu cầu không hợp lệ" in r.text, what)
        check_security_headers(r)


@case
def test_browser_multipart_reaches_handler():
    """A form as Chromium sends it (tests/unit/mp/chromium_quote_backslash):
    '"' in a file name as %22, a backslash ending a name and a file name.
    Issue 15: it was 400; it reaches the handler (422, empty fields)."""
    c = Client()
    c.token()
    b = "----WebKitFormBoundarywDxLtnB3XH4LyCTN"
    body = multipart([
        (disposition("csrf"), c.csrf.encode()),
        (disposition("tai_khoan"), b""),
        (disposition("mat_khau"), b""),
        (disposition("ghi\\"), "C:\\thư mục\\".encode()),
        (b'Content-Disposition: form-data; name="tep"; filename="'
         + "bản %22vẽ%22\\.txt".encode() + b'"\r\nContent-Type: text/plain',
         b"xin chao\n"),
        (b'Content-Disposition: form-data; name="tep2\\"; filename="du-lieu\\"'
         b"\r\nContent-Type: application/octet-stream", b"\x00\x01")], boundary=b)
    r = c.request("POST", "/dang-nhap", body=body,
                  headers={"Content-Type": "multipart/form-data; boundary=" + b})
    check(r.status == 422 and "Vui lòng nhập số điện thoại" in r.text,
          "browser multipart: %d" % r.status)
    check_security_headers(r)


@case
def test_log_line_has_no_control_characters():
    r = get("/x%0Ainjected%20status=200%0D")
    check(r.status == 404, r.status)
    log = open(os.path.join(VAR, "log", "portal.log"), encoding="utf-8", errors="replace").read()
    check("type=access" in log)
    for line in log.splitlines():
        check(not line.startswith("injected"), "forged log line")
    check('path="/xinjected status=200"' in log, "sanitized path logged")


@case
def test_access_log_fields():
    get("/don-vi/ba-hang/")
    log = open(os.path.join(VAR, "log", "portal.log"), encoding="utf-8").read()
    lines = [l for l in log.splitlines() if 'path="/don-vi/ba-hang/"' in l]
    check(lines, "no access line")
    for key in ("rid=", "method=GET", "status=200", "dur_ms="):
        check(key in lines[-1], key)


if __name__ == "__main__":
    main()
