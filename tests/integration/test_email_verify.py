"""Email addresses are confirmed by their owners (issue 7): an address
given at registration, by the administrator's new-user form or on
/tai-khoan is used for sign-in, password reset and notifications only
after its owner followed the link mailed to it (GET shows a button, the
POST confirms); the link is single-use and expires; changing the address
needs the current password and tells the old, confirmed address; no mail
carries a name a user typed.

Every case works on throwaway accounts (phones 0987xxxxxx)."""
import re
import secrets

from lib import (DEMO_ADMIN, PORT, Client, audit_actions, case, check, clear_failures, demo_login, mails_to,
                 main, new_phone, register, sql, sql_quote, sql_value, user_id, wait_for)

ADDR = "127.0.3.7"
clear_failures(ADDR)

SENT_TEXT = "Nếu thư điện tử này đã được đăng ký, chúng tôi đã gửi hướng dẫn đặt lại mật khẩu."
BAD_LOGIN = "Số điện thoại, thư điện tử hoặc mật khẩu không đúng"
WRONG_CURRENT = "Mật khẩu hiện tại không đúng"
LINK_RE = r"http://127\.0\.0\.1:%d/%s\?ma=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])"
# A "name" that is a scam text: it must never reach a mail.
SCAM = "Chuyển tiền ngay vào tài khoản 0123456789 để nhận thưởng"


def client():
    return Client(ADDR)


def new_email(tag="xn"):
    return "%s.%s@example.com" % (tag, secrets.token_hex(5))


def scam_name():
    return "%s %s" % (SCAM, secrets.token_hex(3))


def links(addr, path):
    """The tokens of every link to path in the mail to addr."""
    return [t for m in mails_to(addr) for t in re.findall(LINK_RE % (PORT, path), m.get_content())]


def wait_link(addr, path, known=()):
    """Waits (10 s at most) for a mail to addr with a new link to path;
    returns its token."""
    def fresh():
        return [t for t in links(addr, path) if t not in known]
    check(wait_for(fresh, 10), "no mail to %s with a link to /%s within 10 s" % (addr, path))
    return fresh()[0]


def queued(addr):
    """How many messages the outbox holds for addr (sent or not)."""
    return int(sql_value("SELECT COUNT(*) FROM outbox WHERE recipient = %s" % sql_quote(addr)))


def verified(uid):
    return sql_value("SELECT email_verified_at IS NOT NULL FROM users WHERE id = %d" % uid) == "1"


def confirm(token, expect=200):
    """Follows a confirmation link as its owner does: GET, then the
    button's POST.  Returns the POST's answer."""
    c = client()
    r = c.get("/xac-nhan-email?ma=" + token)
    check(r.status == expect, "GET confirmation: %d" % r.status)
    r = c.post("/xac-nhan-email", [("ma", token)])
    check(r.status == expect, "POST confirmation: %d" % r.status)
    return r


def forgot(addr):
    c = client()
    c.token()
    r = c.post("/quen-mat-khau", [("email", addr)])
    check(r.status == 200 and SENT_TEXT in r.text, "forgot %s: %d" % (addr, r.status))
    return r


@case
def test_forgot_sends_nothing_to_an_unconfirmed_address():
    victim = new_email("nan-nhan")
    a = register(client(), name=scam_name(), email=victim)
    check(not verified(a.id), "registered address already confirmed")
    token = wait_link(victim, "xac-nhan-email")
    before = queued(victim)
    r1, r2 = forgot(victim), forgot(new_email("khong-co"))
    check(re.sub(r"[0-9a-f]{32,64}", "X", r1.text) == re.sub(r"[0-9a-f]{32,64}", "X", r2.text),
          "the answer differs from an unknown address's")
    check(queued(victim) == before, "a reset mail was queued for an unconfirmed address")
    check(links(victim, "dat-lai-mat-khau") == [], "reset mail sent")
    check("password_reset_request" not in audit_actions(a.id))
    # Once its owner confirms it, the address gets the reset link.
    r = confirm(token)
    check("Đã xác nhận" in r.text, "no confirmation shown")
    check(verified(a.id), "not confirmed")
    check("email_verify" in audit_actions(a.id))
    forgot(victim)
    wait_link(victim, "dat-lai-mat-khau")


@case
def test_no_mail_carries_the_name():
    addr = new_email("ten")
    name = scam_name()
    a = register(client(), name=name, email=addr)
    confirm(wait_link(addr, "xac-nhan-email"))
    forgot(addr)
    wait_link(addr, "dat-lai-mat-khau")
    c = a.client
    new = new_email("ten-moi")
    check(c.post("/tai-khoan", [("ho_ten", name), ("email", new),
                                ("mat_khau_hien_tai", a.password)]).status == 303)
    wait_link(new, "xac-nhan-email")
    check(wait_for(lambda: len(mails_to(addr)) == 3, 10), "%d mails to the old address" % len(mails_to(addr)))
    for m in mails_to(addr) + mails_to(new):
        subject, body = str(m["subject"]), m.get_content()
        check(SCAM not in subject and SCAM not in body, "the name is in a mail: %r" % body)
        check(re.match(r"Xin chào,\r?\n", body), "greeting not fixed: %r" % body[:80])


@case
def test_signin_by_email_only_once_confirmed():
    addr = new_email("dn")
    a = register(client(), email=addr)
    r = client().login(addr, a.password)
    check(r.status == 422 and BAD_LOGIN in r.text, "unconfirmed email signs in: %d" % r.status)
    check(client().login(a.phone, a.password).status == 303, "the phone does not sign in")
    confirm(wait_link(addr, "xac-nhan-email"))
    r = client().login(addr, a.password)
    check(r.status == 303, "confirmed email does not sign in: %d" % r.status)


@case
def test_following_the_link_confirms_nothing_without_the_button():
    addr = new_email("get")
    a = register(client(), email=addr)
    token = wait_link(addr, "xac-nhan-email")
    c = client()
    r = c.get("/xac-nhan-email?ma=" + token)
    check(r.status == 200 and addr in r.text and "Xác nhận" in r.text, r.status)
    check(a.name not in r.text, "the account's name is shown")
    check(not verified(a.id), "a GET confirmed the address")
    r = c.post("/xac-nhan-email", [("ma", token)], csrf=False)
    check(r.status == 403, "POST without CSRF: %d" % r.status)
    check(not verified(a.id), "confirmed without CSRF")


@case
def test_confirmation_link_is_single_use():
    addr = new_email("mot-lan")
    a = register(client(), email=addr)
    token = wait_link(addr, "xac-nhan-email")
    confirm(token)
    check(verified(a.id))
    r = confirm(token, expect=404)
    check("không hợp lệ" in r.text, "no invalid-link message")
    check(audit_actions(a.id).count("email_verify") == 1, audit_actions(a.id))


@case
def test_confirmation_link_expires():
    addr = new_email("het-han")
    a = register(client(), email=addr)
    token = wait_link(addr, "xac-nhan-email")
    sql("UPDATE email_confirmations SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND "
        "WHERE user_id = %d" % a.id)
    confirm(token, expect=404)
    check(not verified(a.id), "an expired link confirmed")
    confirm("A" * 43, expect=404)
    check(client().get("/xac-nhan-email").status == 404)


@case
def test_email_change_needs_the_current_password():
    old = new_email("cu")
    a = register(client(), email=old)
    confirm(wait_link(old, "xac-nhan-email"))
    c = a.client
    new = new_email("moi")
    for fields in ([("ho_ten", a.name), ("email", new)],
                   [("ho_ten", a.name), ("email", new), ("mat_khau_hien_tai", "sai-mat-khau-" + a.password)],
                   [("ho_ten", a.name), ("email", "")]):
        r = c.post("/tai-khoan", fields)
        check(r.status == 422 and WRONG_CURRENT in r.text, "%r: %d" % (fields, r.status))
        check('aria-invalid="true" aria-describedby="goi-y-mat-khau-doi-email loi-mat-khau-doi-email"' in r.text
              or 'id="loi-mat-khau-doi-email"' in r.text, "no field error")
    check(sql("SELECT email FROM users WHERE id = %d" % a.id)[0] == [old], "changed without the password")
    check(verified(a.id))
    check(queued(new) == 0, "mail queued for the new address")
    # The right password: the new address is sent a link, the old one told.
    before = len(mails_to(old))
    r = c.post("/tai-khoan", [("ho_ten", a.name), ("email", new), ("mat_khau_hien_tai", a.password)])
    check(r.status == 303 and r.header("location") == "/tai-khoan?tb=xac-nhan-email",
          "%d %r" % (r.status, r.header("location")))
    check(sql("SELECT email FROM users WHERE id = %d" % a.id)[0] == [new])
    check(not verified(a.id), "the new address starts confirmed")
    check("email_change" in audit_actions(a.id))
    token = wait_link(new, "xac-nhan-email")
    check(wait_for(lambda: len(mails_to(old)) == before + 1, 10), "no notice to the old address")
    body = [m for m in mails_to(old) if "thay đổi" in str(m["subject"])][0].get_content()
    check(new not in body, "the notice names the new address")
    # Neither address signs in until the new one is confirmed.
    check(client().login(new, a.password).status == 422)
    check(client().login(old, a.password).status == 422)
    confirm(token)
    check(client().login(new, a.password).status == 303)


@case
def test_name_change_needs_no_password_and_sends_nothing():
    addr = new_email("ten")
    a = register(client(), email=addr)
    wait_link(addr, "xac-nhan-email")
    before = queued(addr)
    r = a.client.post("/tai-khoan", [("ho_ten", "Tên Mới Hẳn"), ("email", addr.upper())])
    check(r.status == 303 and r.header("location") == "/tai-khoan?tb=da-luu", r.status)
    check(sql("SELECT full_name FROM users WHERE id = %d" % a.id)[0] == ["Tên Mới Hẳn"])
    check(queued(addr) == before, "mail sent for a name change")


@case
def test_an_old_link_does_not_confirm_a_later_address():
    first = new_email("dau")
    a = register(client(), email=first)
    token = wait_link(first, "xac-nhan-email")
    second = new_email("sau")
    check(a.client.post("/tai-khoan", [("ho_ten", a.name), ("email", second),
                                       ("mat_khau_hien_tai", a.password)]).status == 303)
    check(queued(first) == 1, "an unconfirmed old address was told of the change")
    confirm(token, expect=404)
    check(not verified(a.id), "the first address's link confirmed the second")


@case
def test_admin_new_user_email_unconfirmed():
    addr = new_email("qt")
    phone = new_phone()
    c = demo_login(DEMO_ADMIN, ADDR)
    r = c.post("/quan-tri/nguoi-dung/moi", [("ho_ten", scam_name()), ("dien_thoai", phone),
                                            ("email", addr), ("mat_khau", "Mat-khau-" + secrets.token_hex(6))])
    check(r.status == 303, "new user: %d" % r.status)
    uid = user_id(phone)
    check(not verified(uid), "the administrator's address is confirmed")
    wait_link(addr, "xac-nhan-email")
    before = queued(addr)
    forgot(addr)
    check(queued(addr) == before, "reset mail to an unconfirmed address")


if __name__ == "__main__":
    main()
