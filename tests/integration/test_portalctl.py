"""portalctl's user commands against the running stack's database (with the
stack's environment, as an administrator would run them), checked through
nginx: a user added on the command line signs in; editor rights granted and
revoked take effect (their sessions end); a disabled account cannot sign
in; a password reset ends every session.  And `portalctl routes`."""
import os
import re
import subprocess

from lib import (BIN, ROOT, Client, audit_actions, case, check, clear_failures, main, new_phone,
                 random_password, routes, sql_value, stack_env, user_id)

ADDR = "127.0.4.1"
clear_failures(ADDR)
CONF = os.path.join(ROOT, "conf", "portal.conf")


def portalctl(*args, stdin=""):
    """Runs portalctl with the stack's environment; the CompletedProcess."""
    return subprocess.run([os.path.join(BIN, "portalctl"), "-c", CONF] + list(args),
                          input=stdin, env=dict(os.environ, **stack_env()), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def ok(p, what):
    check(p.returncode == 0, "%s: exit %d\n%s%s" % (what, p.returncode, p.stdout, p.stderr))
    return p.stdout


def add_user(name="Tên Thử", email=None):
    phone, pw = new_phone(), random_password()
    args = ["user", "add", phone, name] + ([email] if email else [])
    out = ok(portalctl(*args, stdin=pw + "\n"), "user add")
    m = re.match(r"user (\d+) created$", out.strip())
    check(m, "user add printed %r" % out)
    check(int(m.group(1)) == user_id(phone), "printed id is not the user's")
    return phone, pw, int(m.group(1))


def signed_in_client(phone, pw):
    c = Client(ADDR)
    r = c.login(phone, pw)
    check(r.status == 303, "sign-in %s: %d %s" % (phone, r.status, r.text[:300]))
    return c


def signed_out(c):
    r = c.get("/tai-khoan")
    return r.status == 303 and r.header("location").startswith("/dang-nhap")


# ---------------------------------------------------------------- refusals


@case
def test_user_add_refuses_bad_input():
    phone = new_phone()
    for pw, msg in (("password", "quá phổ biến"), ("1234567", "ít nhất 8 ký tự"),
                    (phone, "trùng với số điện thoại")):
        p = portalctl("user", "add", phone, "Tên Thử", stdin=pw + "\n")
        check(p.returncode == 1, "%r: exit %d" % (pw, p.returncode))
        check(msg in p.stderr, "%r: stderr %r" % (pw, p.stderr))
    p = portalctl("user", "add", phone, "Tên Thử", stdin="")
    check(p.returncode == 1 and "no password" in p.stderr, (p.returncode, p.stderr))
    for bad in (["user", "add", "12345", "Tên Thử"], ["user", "add", phone, "   "],
                ["user", "add", phone], ["user", "add", phone, "Tên", "khong-phai-email"]):
        p = portalctl(*bad, stdin=random_password() + "\n")
        check(p.returncode == 2 and "usage" in p.stderr, "%r: exit %d" % (bad, p.returncode))
    check(user_id(phone) is None, "an account was made")
    # A phone already taken.
    taken, _, _ = add_user()
    p = portalctl("user", "add", taken, "Tên Khác", stdin=random_password() + "\n")
    check(p.returncode == 1 and "could not create" in p.stderr, (p.returncode, p.stderr))


@case
def test_user_role_commands_refuse_bad_input():
    phone, _, _ = add_user()
    for args, rc in ((["user", "grant", phone, "editor"], 2),           # editor needs a unit
                     (["user", "grant", phone, "admin", "ba-hang"], 2),  # admin has none
                     (["user", "grant", phone, "vua", "ba-hang"], 2),
                     (["user", "grant", phone, "editor", "khong-co-don-vi"], 1),
                     (["user", "grant", new_phone(), "editor", "ba-hang"], 1),
                     (["user", "disable", new_phone()], 1)):
        p = portalctl(*args)
        check(p.returncode == rc, "%r: exit %d, want %d" % (args, p.returncode, rc))
    check(sql_value("SELECT COUNT(*) FROM user_roles WHERE user_id = %d" % user_id(phone)) == "0")


# ---------------------------------------------------------------- commands


@case
def test_user_add_then_sign_in():
    phone, pw, uid = add_user(name="  Trịnh Văn Dòng Lệnh ", email="dong.lenh.%s@example.com" % phone_tag())
    check(sql_value("SELECT full_name FROM users WHERE id = %d" % uid) == "Trịnh Văn Dòng Lệnh")
    check("user_create" in audit_actions(uid))
    c = signed_in_client(phone, pw)
    r = c.get("/tai-khoan")
    check(r.status == 200 and "Trịnh Văn Dòng Lệnh" in r.text, r.status)
    check(c.get("/bien-tap/").status == 403, "a new user is no editor")


def phone_tag():
    return new_phone()[4:]


@case
def test_grant_and_revoke_editor():
    phone, pw, uid = add_user()
    c = signed_in_client(phone, pw)
    check(c.get("/bien-tap/").status == 403)
    out = ok(portalctl("user", "grant", phone, "editor", "ba-hang"), "grant")
    check(out.strip() == "granted editor", out)
    # The grant ended the old session; the next one has the new role.
    check(signed_out(c), "session survived the grant")
    c = signed_in_client(phone, pw)
    r = c.get("/bien-tap/")
    check(r.status == 200, "/bien-tap/ as new editor: %d" % r.status)
    check("Ba Hàng" in r.text, "the unit is not on the desk")
    unit = sql_value("SELECT id FROM units WHERE slug = 'ba-hang'")
    check(sql_value("SELECT COUNT(*) FROM user_roles WHERE user_id = %d AND role = 'editor' "
                    "AND unit_id = %s" % (uid, unit)) == "1")
    out = ok(portalctl("user", "revoke", phone, "editor", "ba-hang"), "revoke")
    check(out.strip() == "revoked editor", out)
    check(signed_out(c), "session survived the revocation")
    c = signed_in_client(phone, pw)
    r = c.get("/bien-tap/")
    check(r.status == 403, "/bien-tap/ after revoke: %d" % r.status)
    acts = audit_actions(uid)
    check("role_grant" in acts and "role_revoke" in acts, acts)


@case
def test_disable_refuses_sign_in():
    phone, pw, uid = add_user()
    c = signed_in_client(phone, pw)
    check(ok(portalctl("user", "disable", phone), "disable").strip() == "disabled")
    check(signed_out(c), "session survived disabling")
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %d" % uid) == "0")
    c = Client(ADDR)
    r = c.login(phone, pw)
    check(r.status == 403, "disabled sign-in: %d" % r.status)
    check("vô hiệu hoá" in r.text)
    check(signed_out(c))
    check(ok(portalctl("user", "enable", phone), "enable").strip() == "enabled")
    signed_in_client(phone, pw)
    acts = audit_actions(uid)
    check("user_disable" in acts and "user_enable" in acts, acts)


@case
def test_reset_password_ends_sessions():
    phone, pw, uid = add_user()
    c1, c2 = signed_in_client(phone, pw), signed_in_client(phone, pw)
    new = random_password()
    check(ok(portalctl("user", "reset-password", phone, stdin=new + "\n"), "reset-password").strip()
          == "password set")
    check(signed_out(c1) and signed_out(c2), "a session survived the reset")
    r = Client(ADDR).login(phone, pw)
    check(r.status == 422, "old password: %d" % r.status)
    signed_in_client(phone, new)
    check("password_reset" in audit_actions(uid))
    p = portalctl("user", "reset-password", phone, stdin="iloveyou\n")
    check(p.returncode == 1 and "quá phổ biến" in p.stderr, (p.returncode, p.stderr))
    p = portalctl("user", "reset-password", new_phone(), stdin=random_password() + "\n")
    check(p.returncode == 1, "unknown phone: exit %d" % p.returncode)
    signed_in_client(phone, new)
    clear_failures(ADDR)


@case
def test_reset_password_refuses_the_phone_number():
    """The same policy as every other way of setting a password: not the
    account's phone number."""
    phone, pw, uid = add_user()
    p = portalctl("user", "reset-password", phone, stdin=phone + "\n")
    check(p.returncode == 1, "reset-password to the phone number: exit %d (%s)" % (
        p.returncode, p.stdout.strip()))
    check("trùng với số điện thoại" in p.stderr, p.stderr)
    r = Client(ADDR).login(phone, pw)
    check(r.status == 303, "the old password no longer works: %d" % r.status)


@case
def test_routes_lists_the_table():
    """`portalctl routes` runs with no configuration (no PORTAL_* in its
    environment) and lists the table: lib.routes() checks every line's
    fields (name, methods, pattern, scope and roles) as it reads them."""
    table = routes()
    names = [r.name for r in table]
    check(len(set(names)) == len(names), "a name listed twice: %r" % names)
    for n in ("login", "logout", "register", "account", "account_password", "admin_user_grant",
              "editor_edit"):
        check(n in names, "%s missing" % n)


if __name__ == "__main__":
    main()
