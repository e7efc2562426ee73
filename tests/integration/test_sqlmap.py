"""An attack test, bounded and on loopback only: sqlmap against the
parameters that reach SQL (a public page, the administrator's search, the
sign-in form).  None may be injectable, and no payload may make the
responder answer 500."""
import os
import shutil
import subprocess

from lib import DEMO_ADMIN, PORT, VAR, case, check, clear_failures, demo_login, main

BASE = "http://127.0.0.1:%d" % PORT
OUT = os.path.join(VAR, "sqlmap")


def sqlmap(*args):
    """Runs sqlmap (at most 150 s); returns its output."""
    cmd = ["sqlmap", "--batch", "--disable-coloring", "--flush-session", "--level=2",
           "--risk=1", "--timeout=10", "--retries=0",
           "--output-dir=" + OUT] + list(args)
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=150,
                           stdin=subprocess.DEVNULL)
        return p.stdout + p.stderr
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b"").decode(errors="replace") + "\nTIMEOUT"


def check_clean(out, what):
    """sqlmap finished, found nothing, saw no 500, and no payload bounced off
    a 403 (a missing session or CSRF token) instead of reaching the
    handler."""
    check("TIMEOUT" not in out, what + ": sqlmap ran out of time")
    check("all tested parameters do not appear to be injectable" in out,
          what + ": sqlmap did not finish its tests:\n" + out[-3000:])
    check("403 (Forbidden)" not in out, what + ": requests refused with 403:\n" + out[-3000:])
    bad = [l for l in out.splitlines() if "is vulnerable" in l or " appears to be '" in l
           or "Internal Server Error" in l]
    check(not bad, what + ":\n" + "\n".join(bad))


@case
def test_public_page_parameters():
    check(shutil.which("sqlmap"), "sqlmap missing (make deps installs it)")
    check_clean(sqlmap("-u", BASE + "/don-vi/ba-hang/?trang=1"), "unit page")


@case
def test_admin_search():
    admin = demo_login(DEMO_ADMIN, "127.0.3.1")
    out = sqlmap("-u", BASE + "/quan-tri/nguoi-dung?q=nguyen&trang=1", "-p", "q,trang",
                 "--cookie=sid=" + admin.sid)
    check_clean(out, "user search")


@case
def test_sign_in_form():
    # Each payload goes with a fresh token, read from the form by a GET of
    # the target (which also opens the anonymous session the token belongs
    # to, whose cookie sqlmap keeps).  No --csrf-url: given the target's own
    # URL, sqlmap 1.9 (Debian 13) fetches the token by POSTing the target's
    # data, stale token and no session, which the portal rightly refuses
    # with a 403 and no form (sqlmap 1.7, Debian 12, dropped that data and
    # sent a GET); --csrf-method=GET alone does not change that (the data
    # still makes it a POST).
    try:
        out = sqlmap("-u", BASE + "/dang-nhap", "--data=tai_khoan=0987000001&mat_khau=x&csrf=0",
                     "-p", "tai_khoan,mat_khau", "--csrf-token=csrf", "--csrf-method=GET")
        check_clean(out, "sign-in form")
    finally:
        clear_failures("127.0.0.1")


if __name__ == "__main__":
    main()
