"""Accounts through nginx: registration (password policy, NFC, phone and ID
number checks, the ID sealed at rest and shown masked), the account page
(roles, profile edit, password change, signing out other sessions), the
password reset by mail, and the audit rows all of these leave.

Every case works on throwaway accounts (phones 0987xxxxxx) so that the demo
accounts keep their passwords."""
import glob
import os
import re
import secrets
import subprocess
import unicodedata

from lib import (DEMO_ADMIN, DEMO_EDITOR_BA_HANG, PORT, VAR, Client, audit_actions, case, check,
                 clear_failures, demo_login, mails_to, main, new_id_number, new_phone, random_password,
                 register, sid_hash, sql, sql_quote, sql_value, wait_for)

ADDR = "127.0.3.1"
clear_failures(ADDR)

RESET_SUBJECT = "Đặt lại mật khẩu tài khoản Cổng dịch vụ công Phổ Yên"
SENT_TEXT = "Nếu thư điện tử này đã được đăng ký, chúng tôi đã gửi hướng dẫn đặt lại mật khẩu."
INVALID_LINK = "không hợp lệ hoặc đã hết hạn"
MSG_COMMON = "Mật khẩu này quá phổ biến"
MSG_SHORT = "Mật khẩu phải có ít nhất 8 ký tự."
MSG_LIKE = "Mật khẩu không được trùng với số điện thoại"
MSG_MISMATCH = "Hai lần nhập mật khẩu không khớp nhau."
MSG_PHONE = "Số điện thoại di động không hợp lệ"
MSG_TAKEN = "đã được đăng ký"
BAD_LOGIN = "Số điện thoại, thư điện tử hoặc mật khẩu không đúng"


def client():
    return Client(ADDR)


def new_email(tag="tk"):
    return "%s.%s@example.com" % (tag, secrets.token_hex(5))


def refused(phone=None, password="mot-mat-khau-kha-dai", password2=None, **kw):
    """Registers with the given fields expecting 422; returns the response
    and checks no account was made."""
    phone = phone if phone is not None else new_phone()
    fields = {"ho_ten": "Người Bị Từ Chối", "dien_thoai": phone, "email": "", "so_dinh_danh": "",
              "mat_khau": password, "mat_khau_nhap_lai": password if password2 is None else password2}
    fields.update(kw)
    c = client()
    c.token()
    r = c.post("/dang-ky", list(fields.items()))
    check(r.status == 422, "register %r: %d" % (fields, r.status))
    check(c.get("/tai-khoan").status == 303, "signed in after a refused registration")
    return r, phone


def confirmed(a):
    """Account a once its owner confirmed its email as a person does: the
    link in the confirmation mail, its page, the button.  An address is
    used for sign-in and reset mail only then (issue 7)."""
    def tokens():
        return [t for m in mails_to(a.email) for t in re.findall(
            r"http://127\.0\.0\.1:%d/xac-nhan-email\?ma=([A-Za-z0-9_-]{43})" % PORT, m.get_content())]
    check(wait_for(tokens, 10), "no confirmation mail to %s within 10 s" % a.email)
    c = client()
    check(c.get("/xac-nhan-email?ma=" + tokens()[0]).status == 200)
    check(c.post("/xac-nhan-email", [("ma", tokens()[0])]).status == 200, "not confirmed")
    return a


def reset_tokens(addr):
    """(message, token) of every reset mail to addr."""
    out = []
    for m in mails_to(addr):
        if str(m["subject"]) != RESET_SUBJECT:
            continue  # the address's confirmation
        body = m.get_content()
        found = re.findall(r"http://127\.0\.0\.1:%d/dat-lai-mat-khau\?ma=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])"
                           % PORT, body)
        check(len(found) == 1, "no reset link in %r" % body)
        out.append((m, found[0]))
    return out


def reset_link(addr):
    """Waits (10 s at most) for a reset mail to addr not seen before;
    returns (message, token)."""
    def fresh():
        return [t for t in reset_tokens(addr) if t[1] not in reset_link.known]
    check(wait_for(fresh, 10), "no new reset mail to %s within 10 s" % addr)
    found = fresh()
    check(len(found) == 1, "%d new mails to %s" % (len(found), addr))
    reset_link.known.add(found[0][1])
    return found[0]


reset_link.known = set()


def reset_handled(addr):
    """Waits until the jobs process has handled every queued reset request
    for addr (the web only queues them: app/reset.c)."""
    check(wait_for(lambda: sql_value("SELECT COUNT(*) FROM reset_requests WHERE email = %s"
                                     % sql_quote(addr)) == "0", 10),
          "the reset request for %s was not handled within 10 s" % addr)


def ask_reset(c, addr):
    r = c.post("/quen-mat-khau", [("email", addr)])
    check(r.status == 200, "forgot: %d" % r.status)
    check(SENT_TEXT in r.text, "no neutral message")
    reset_handled(addr)
    return r


def do_reset(addr, password):
    """Asks for a reset of addr and completes it with password; returns
    the token used."""
    c = client()
    c.token()
    ask_reset(c, addr)
    m, token = reset_link(addr)
    r = c.get("/dat-lai-mat-khau?ma=" + token)
    check(r.status == 200, "reset link: %d" % r.status)
    r = c.post("/dat-lai-mat-khau", [("ma", token), ("mat_khau", password), ("mat_khau_nhap_lai", password)])
    check(r.status == 303 and r.header("location") == "/dang-nhap?tb=mat-khau-moi",
          "reset: %d %r %s" % (r.status, r.header("location"), r.text[:300]))
    return token


def normalised(text):
    """A page without what differs between two answers to the same form:
    the CSRF token and the request id."""
    return re.sub(r"[0-9a-f]{32,64}", "X", text)


# ---------------------------------------------------------------- registration: refusals


@case
def test_register_common_password_refused():
    for pw in ("password", "12345678", "iloveyou", "PassWord", "anhyeuem"):
        r, _ = refused(password=pw)
        check(MSG_COMMON in r.text, "%s: no common-password message" % pw)


@case
def test_register_password_like_phone_refused():
    phone = new_phone()
    for pw in (phone, "+84" + phone[1:], "84 " + phone[1:4] + " " + phone[4:]):
        r, _ = refused(phone=phone, password=pw)
        check(MSG_LIKE in r.text, "%r: no 'like the phone' message" % pw)


@case
def test_register_password_length():
    r, _ = refused(password="Tq7#xz!")
    check(MSG_SHORT in r.text, "7 characters")
    # 7 characters after NFC, though 10 code points as sent (NFD).
    r, _ = refused(password=unicodedata.normalize("NFD", "đẹp lắm"))
    check(MSG_SHORT in r.text, "7 NFC characters sent decomposed were accepted")
    r, _ = refused(password="x" * 129)
    check("không được dài quá 128" in r.text)
    a = register(client(), password="Tq7#xz!w")
    check(a.id is not None)
    a = register(client(), password="y" * 128)
    check(a.id is not None)


@case
def test_register_password_mismatch_refused():
    r, _ = refused(password="mot-mat-khau-kha-dai", password2="mot-mat-khau-kha-dai!")
    check(MSG_MISMATCH in r.text)
    r, _ = refused(password="mot-mat-khau-kha-dai", password2="")
    check(MSG_MISMATCH in r.text)


@case
def test_register_invalid_phone_refused():
    for phone in ("12345", "0212345678", "09123456789", "abc", ""):
        r, _ = refused(phone=phone)
        check(MSG_PHONE in r.text, "%r: no phone error" % phone)
        check('id="loi-dien-thoai"' in r.text, "%r: error not at the field" % phone)


@case
def test_register_duplicate_phone_refused():
    a = register(client())
    for p in (a.phone, a.phone[:4] + " " + a.phone[4:7] + " " + a.phone[7:], "+84" + a.phone[1:]):
        r, _ = refused(phone=p)
        check(MSG_TAKEN in r.text, "%r: no 'already registered'" % p)
    check(sql_value("SELECT COUNT(*) FROM users WHERE phone = %s" % sql_quote(a.phone)) == "1")


@case
def test_register_bad_id_number_refused():
    r, _ = refused(so_dinh_danh="12345")
    check("Số định danh cá nhân gồm 12 chữ số." in r.text)
    r, _ = refused(so_dinh_danh="099123456789")  # no province 099
    check("Số định danh cá nhân gồm 12 chữ số." in r.text)


ID_CLAIMED_SUBJECT = "Số định danh cá nhân của bạn vừa được khai trên "


@case
def test_registered_id_number_not_revealed():
    """Issue 7, finding 6: registering with an ID number another account
    has answers exactly as with a new one (the form was an oracle for who
    is registered); the number is a claim, unverified on both accounts;
    the account on file is told by mail and in the audit log, without a
    word of who registered."""
    idn = new_id_number()
    owner = confirmed(register(client(), id_number=idn, email=new_email("chu")))
    fresh = register(client(), id_number=new_id_number())
    again = register(client(), id_number=idn)
    check(again.response.status == fresh.response.status == 303)
    check(again.response.header("location") == fresh.response.header("location"),
          again.response.header("location"))
    r = again.client.get("/tai-khoan")
    check("********" + idn[-4:] in r.text and "chưa xác minh" in r.text, "no unverified claim shown")
    check(sql_value("SELECT COUNT(*) FROM users WHERE id_index = (SELECT id_index FROM users WHERE id = %d)"
                    " AND id_verified_at IS NULL" % owner.id) == "2")
    check(audit_actions(owner.id)[-1] == "id_number_claimed", audit_actions(owner.id))
    check(sql_value("SELECT detail FROM audit_log WHERE action = 'id_number_claimed' AND object_id = %d"
                    % owner.id) == str(again.id))

    def told():
        return [m for m in mails_to(owner.email) if str(m["subject"]).startswith(ID_CLAIMED_SUBJECT)]
    check(wait_for(told, 10), "the owner was not told")
    body = told()[0].get_content()
    check(again.phone not in body and again.name not in body and idn not in body, body)
    # Verified, a number belongs to one account only.
    verify = "UPDATE users SET id_verified_at = UTC_TIMESTAMP(), id_verified_index = id_index WHERE id = %d"
    sql(verify % owner.id)
    try:
        sql(verify % again.id)
        check(False, "one number verified for two accounts")
    except subprocess.CalledProcessError as e:
        check("Duplicate entry" in e.stderr, e.stderr)
    check("đã xác minh" in owner.client.get("/tai-khoan").text, "verified not shown")


@case
def test_register_duplicate_email_refused():
    r, _ = refused(email="DAN@example.com")
    check("Thư điện tử này đã được đăng ký" in r.text)
    r, _ = refused(email="khong phai email")
    check("Thư điện tử không hợp lệ." in r.text)


# ---------------------------------------------------------------- registration: success


@case
def test_register_signs_in():
    c = client()
    c.get("/dang-ky")
    check(c.sid is None, "a session before registration")
    name = "Phạm Thị Đăng Ký"
    a = register(c, name=name)
    r = a.response
    check(r.header("location") == "/tai-khoan?tb=dang-ky", r.header("location"))
    check(c.sid, "no session at registration")
    check(sql_value("SELECT user_id FROM sessions WHERE id_hash = %s" % sql_quote(sid_hash(c.sid))) == str(a.id))
    r = c.get("/tai-khoan?tb=dang-ky")
    check(r.status == 200, r.status)
    check(name in r.text, "the page does not show the name")
    check(sql_value("SELECT GROUP_CONCAT(role) FROM user_roles WHERE user_id = %d" % a.id) == "resident")
    check(audit_actions(a.id) == ["register"], audit_actions(a.id))
    check(c.login(a.phone, a.password).status == 303, "cannot sign in with the new password")


@case
def test_register_id_number_sealed_and_masked():
    idn = new_id_number()
    pw = random_password()
    a = register(client(), id_number=idn, password=pw, email=new_email("cccd"))
    sealed, index, last4 = sql("SELECT IFNULL(id_sealed, ''), IFNULL(id_index, ''), IFNULL(id_last4, '') "
                               "FROM users WHERE id = %d" % a.id)[0]
    check(sealed and idn not in sealed, "id_sealed holds the number: %r" % sealed)
    check(index and idn not in index, "id_index holds the number")
    check(last4 == idn[-4:], "id_last4 %r" % last4)
    r = a.client.get("/tai-khoan")
    check(r.status == 200, r.status)
    check("********" + idn[-4:] in r.text, "no masked ID on /tai-khoan")
    check(idn not in r.text and idn[:8] not in r.text, "full ID on /tai-khoan")
    admin = demo_login(DEMO_ADMIN, ADDR)
    r = admin.get("/quan-tri/nguoi-dung/%d" % a.id)
    check(r.status == 200, r.status)
    check(idn not in r.text, "full ID on the admin page")
    # Nowhere in the database but sealed, nor in any log, nor the password.
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE detail LIKE %s" % sql_quote("%" + idn + "%")) == "0")
    check(sql_value("SELECT COUNT(*) FROM outbox WHERE body LIKE %s" % sql_quote("%" + idn + "%")) == "0")
    for path in glob.glob(os.path.join(VAR, "log", "*.log")):
        with open(path, "rb") as f:
            data = f.read()
        check(idn.encode() not in data, "full ID number in %s" % path)
        check(pw.encode() not in data, "password in %s" % path)


@case
def test_signin_by_email_and_phone_forms():
    addr = new_email("dn")
    a = confirmed(register(client(), email=addr))
    for name in (addr, addr.upper(), a.phone, "+84" + a.phone[1:], a.phone[:4] + " " + a.phone[4:7] + " " + a.phone[7:]):
        c = client()
        r = c.login(name, a.password)
        check(r.status == 303, "sign-in as %r: %d" % (name, r.status))


# ---------------------------------------------------------------- NFC


@case
def test_nfc_password_registered_precomposed_signin_decomposed():
    nfc = unicodedata.normalize("NFC", "mật khẩu rất dài")
    nfd = unicodedata.normalize("NFD", nfc)
    check(nfc != nfd)
    a = register(client(), password=nfc)
    c = client()
    r = c.login(a.phone, nfd)
    check(r.status == 303, "NFD sign-in after NFC registration: %d" % r.status)
    check(c.signed_in())
    r = client().login(a.phone, nfc)
    check(r.status == 303, "NFC sign-in: %d" % r.status)


@case
def test_nfc_password_registered_decomposed_signin_precomposed():
    nfd = unicodedata.normalize("NFD", "Mùa thu Hà Nội đẹp lắm")
    nfc = unicodedata.normalize("NFC", nfd)
    check(nfc != nfd)
    a = register(client(), password=nfd)
    c = client()
    r = c.login(a.phone, nfc)
    check(r.status == 303, "NFC sign-in after NFD registration: %d" % r.status)
    check(c.signed_in())
    r = client().login(a.phone, nfc + "!")
    check(r.status == 422, "a different password: %d" % r.status)
    clear_failures(ADDR)


# ---------------------------------------------------------------- the account page


@case
def test_account_page_shows_roles():
    a = register(client())
    r = a.client.get("/tai-khoan")
    check(r.status == 200, r.status)
    roles = r.text[r.text.index('id="vai-tro"'):]
    check("Công dân" in roles, "no resident role shown")
    check("Biên tập viên" not in roles)
    check(a.phone in r.text, "phone not shown")
    ed = demo_login(DEMO_EDITOR_BA_HANG, ADDR)
    r = ed.get("/tai-khoan")
    roles = r.text[r.text.index('id="vai-tro"'):]
    check("Biên tập viên" in roles and "Ba Hàng" in roles, "editor's role and unit not shown")
    check("Bãi Bông" not in roles)


@case
def test_account_page_lists_sessions():
    a = register(client())
    other = Client("127.0.3.2")
    check(other.login(a.phone, a.password).status == 303)
    r = a.client.get("/tai-khoan")
    sess = r.text[r.text.index('id="phien-dang-nhap"'):]
    check(ADDR in sess and "127.0.3.2" in sess, "addresses of the sessions not listed")
    check(sess.count("(phiên này)") == 1, "current session not marked once")
    check(not re.search(r"[0-9a-f]{64}", sess.replace(a.client.csrf, "")), "a session hash on the page")


@case
def test_account_page_escapes_session_agent_and_is_private():
    a = register(client())
    c = client()
    c.token()
    r = c.post("/dang-nhap", [("tai_khoan", a.phone), ("mat_khau", a.password)],
               headers={"User-Agent": "<script>alert('phien')</script>"})
    check(r.status == 303, r.status)
    r = c.get("/tai-khoan")
    check(r.status == 200, r.status)
    check("<script>alert" not in r.text, "user agent not escaped")
    check("&lt;script&gt;alert" in r.text, "user agent not listed")
    check("no-store" in (r.header("cache-control") or ""), "signed-in page cacheable: %r"
          % r.header("cache-control"))


@case
def test_profile_edit_refused_when_invalid():
    a = register(client(), email=new_email("hs"))
    c = a.client
    for fields, msg in (([("ho_ten", ""), ("email", a.email)], "Vui lòng nhập họ và tên"),
                        ([("ho_ten", "x" * 101), ("email", a.email)], "Vui lòng nhập họ và tên"),
                        ([("ho_ten", "Tên Hợp Lệ"), ("email", "khong-hop-le")], "Thư điện tử không hợp lệ."),
                        ([("ho_ten", "Tên Hợp Lệ"), ("email", "dan@example.com")], "cho một tài khoản khác")):
        r = c.post("/tai-khoan", fields)
        check(r.status == 422, "%r: %d" % (fields, r.status))
        check(msg in r.text, "%r: no %r" % (fields, msg))
    check(sql("SELECT full_name, email FROM users WHERE id = %d" % a.id)[0] == [a.name, a.email])
    check("profile_update" not in audit_actions(a.id))


@case
def test_profile_edit_saved_and_audited():
    a = register(client())
    c = a.client
    name, addr = "Nguyễn Thị Hồ Sơ Mới", new_email("moi")
    # A new email needs the current password (issue 7).
    r = c.post("/tai-khoan", [("ho_ten", "  " + unicodedata.normalize("NFD", name) + " "), ("email", addr.upper()),
                              ("mat_khau_hien_tai", a.password)])
    check(r.status == 303 and r.header("location") == "/tai-khoan?tb=xac-nhan-email",
          "%d %r" % (r.status, r.header("location")))
    check(sql("SELECT full_name, email FROM users WHERE id = %d" % a.id)[0] == [name, addr],
          sql("SELECT full_name, email FROM users WHERE id = %d" % a.id))
    r = c.get("/tai-khoan")
    check(name in r.text, "new name not shown")
    check("Tài khoản: " + name in r.text, "the layout still shows the old name")
    rows = sql("SELECT actor_id, addr FROM audit_log WHERE action = 'email_change' AND object_type = 'user' "
               "AND object_id = %s" % sql_quote(a.id))
    check(rows == [[str(a.id), ADDR]], rows)
    # A new name alone is a profile update, without the password.
    check(c.post("/tai-khoan", [("ho_ten", name + " Hai"), ("email", addr)]).status == 303)
    check("profile_update" in audit_actions(a.id))
    # An empty email removes it (with the password).
    check(c.post("/tai-khoan", [("ho_ten", name), ("email", ""), ("mat_khau_hien_tai", a.password)]).status == 303)
    check(sql_value("SELECT IFNULL(email, 'NULL') FROM users WHERE id = %d" % a.id) == "NULL")


# ---------------------------------------------------------------- password change


@case
def test_password_change_refused():
    a = register(client())
    c = a.client
    h = sql_value("SELECT pw_hash FROM users WHERE id = %d" % a.id)
    new = random_password()
    for fields, msg in (
            ([("mat_khau_hien_tai", a.password + "x"), ("mat_khau", new), ("mat_khau_nhap_lai", new)],
             "Mật khẩu hiện tại không đúng"),
            ([("mat_khau_hien_tai", a.password), ("mat_khau", "iloveyou"), ("mat_khau_nhap_lai", "iloveyou")],
             MSG_COMMON),
            ([("mat_khau_hien_tai", a.password), ("mat_khau", a.phone), ("mat_khau_nhap_lai", a.phone)],
             MSG_LIKE),
            ([("mat_khau_hien_tai", a.password), ("mat_khau", new), ("mat_khau_nhap_lai", new + "!")],
             MSG_MISMATCH),
            ([("mat_khau_hien_tai", a.password), ("mat_khau", "ngan"), ("mat_khau_nhap_lai", "ngan")],
             MSG_SHORT)):
        sid = c.sid
        r = c.post("/tai-khoan/mat-khau", fields)
        check(r.status == 422, "%r: %d" % (fields, r.status))
        check(msg in r.text, "no %r" % msg)
        check(c.sid == sid, "the session changed on a refused change")
    check(sql_value("SELECT pw_hash FROM users WHERE id = %d" % a.id) == h, "hash changed")
    check("password_change" not in audit_actions(a.id))


@case
def test_password_change_ends_other_sessions():
    a = register(client())
    c1, c2 = client(), Client("127.0.3.2")
    check(c1.login(a.phone, a.password).status == 303)
    check(c2.login(a.phone, a.password).status == 303)
    old1, old2 = c1.sid, c2.sid
    new = random_password()
    r = c1.post("/tai-khoan/mat-khau", [("mat_khau_hien_tai", a.password), ("mat_khau", new),
                                        ("mat_khau_nhap_lai", new)])
    check(r.status == 303 and r.header("location") == "/tai-khoan?tb=doi-mat-khau",
          "%d %r" % (r.status, r.header("location")))
    check(c1.sid and c1.sid != old1, "the changing session got no new id")
    check(c1.signed_in(), "the changing session was signed out")
    check(not c2.signed_in(), "the other session survived the change")
    for old in (old1, old2):
        check(sql_value("SELECT COUNT(*) FROM sessions WHERE id_hash = %s" % sql_quote(sid_hash(old))) == "0")
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %d" % a.id) == "1")
    # a.client (the registering session) was ended as well.
    check(not a.client.signed_in())
    check(client().login(a.phone, new).status == 303, "the new password does not work")
    r = client().login(a.phone, a.password)
    check(r.status == 422, "the old password still works: %d" % r.status)
    check("password_change" in audit_actions(a.id))
    clear_failures(ADDR)


@case
def test_logout_other_sessions():
    a = register(client())
    c1, c2, c3 = client(), Client("127.0.3.2"), Client("127.0.3.3")
    for c in (c1, c2, c3):
        check(c.login(a.phone, a.password).status == 303)
    sid = c1.sid
    r = c1.post("/tai-khoan/dang-xuat-khac")
    check(r.status == 303 and r.header("location") == "/tai-khoan?tb=dang-xuat-khac",
          "%d %r" % (r.status, r.header("location")))
    check(c1.sid == sid and c1.signed_in(), "this session was touched")
    for c in (c2, c3, a.client):
        check(not c.signed_in(), "another session survived")
    check(sql("SELECT id_hash FROM sessions WHERE user_id = %d" % a.id) == [[sid_hash(sid)]])
    check("logout_others" in audit_actions(a.id))


@case
def test_notice_shown_after_redirect():
    """Each redirect after a change names a notice (?tb=...); the page it
    leads to shows it."""
    a = register(client())
    c = a.client
    missing = []
    for path, text in (("/tai-khoan?tb=dang-ky", "Đăng ký thành công"),
                       ("/tai-khoan?tb=da-luu", "Đã lưu thay đổi."),
                       ("/tai-khoan?tb=doi-mat-khau", "Đã đổi mật khẩu."),
                       ("/tai-khoan?tb=dang-xuat-khac", "Đã đăng xuất khỏi mọi thiết bị khác."),
                       ("/dang-nhap?tb=mat-khau-moi", "Đã đặt mật khẩu mới."),
                       ("/?tb=dang-xuat", "Bạn đã đăng xuất.")):
        cl = c if path.startswith("/tai-khoan") else client()
        r = cl.get(path)
        check(r.status == 200, "%s: %d" % (path, r.status))
        if text not in r.text:
            missing.append(path)
    # An unknown notice is ignored, never echoed.
    r = c.get("/tai-khoan?tb=%3Cb%3Exin%3C%2Fb%3E")
    check(r.status == 200 and "<b>xin</b>" not in r.text, r.status)
    check(not missing, "notice not shown on: %s" % ", ".join(missing))


# ---------------------------------------------------------------- password reset


@case
def test_forgot_answer_is_neutral():
    a = confirmed(register(client(), email=new_email("qmk")))
    unknown = new_email("khong-co")
    c = client()
    c.token()
    r1 = c.post("/quen-mat-khau", [("email", a.email)])
    r2 = c.post("/quen-mat-khau", [("email", unknown)])
    check(r1.status == r2.status == 200, "%d %d" % (r1.status, r2.status))
    check(SENT_TEXT in r1.text)
    check(normalised(r1.text) == normalised(r2.text), "the answers differ")
    check(a.email not in r1.text and unknown not in r2.text, "the address is echoed")
    reset_handled(unknown)
    check(sql_value("SELECT COUNT(*) FROM outbox WHERE recipient = %s" % sql_quote(unknown)) == "0")
    # A malformed address is asked again, not accepted.
    r = c.post("/quen-mat-khau", [("email", "khong-phai-email")])
    check(r.status == 422, r.status)
    reset_link(a.email)  # the known one got its mail


@case
def test_forgot_sends_nothing_for_disabled_or_too_often():
    """The same neutral answer, and no mail, for a disabled account and for
    an account that asked five times within the hour."""
    d = confirmed(register(client(), email=new_email("vhh")))
    sql("UPDATE users SET status = 'disabled' WHERE id = %d" % d.id)
    busy = confirmed(register(client(), email=new_email("nhieu")))
    sql("INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES "
        + ", ".join("(SHA2(%s, 256), %d, UTC_TIMESTAMP() + INTERVAL 30 MINUTE)"
                    % (sql_quote(secrets.token_hex(16)), busy.id) for _ in range(5)))
    c = client()
    c.token()
    for addr in (d.email, busy.email):
        ask_reset(c, addr)
        check(sql_value("SELECT COUNT(*) FROM outbox WHERE recipient = %s AND subject = %s"
                        % (sql_quote(addr), sql_quote(RESET_SUBJECT))) == "0",
              "mail queued for %s" % addr)


@case
def test_password_reset_by_mail():
    a = confirmed(register(client(), email=new_email("dlmk"), name="Lê Văn Quên"))
    other = Client("127.0.3.2")
    check(other.login(a.phone, a.password).status == 303)
    c = client()
    c.token()
    ask_reset(c, a.email)
    m, token = reset_link(a.email)
    check(m["subject"] == RESET_SUBJECT, m["subject"])
    check(m.get_content_charset() == "utf-8" and m["content-transfer-encoding"] == "base64")
    body = m.get_content()
    check("Xin chào,\n" in body.replace("\r\n", "\n") and "Quên" not in body, body)  # no typed name in mail
    check(sql_value("SELECT COUNT(*) FROM password_resets WHERE token_hash = %s AND user_id = %d"
                    % (sql_quote(sid_hash(token)), a.id)) == "1", "token not stored hashed")
    # The link shows the form.
    r = c.get("/dat-lai-mat-khau?ma=" + token)
    check(r.status == 200, r.status)
    check('name="ma" value="%s"' % token in r.text, "no token in the form")
    # Refused passwords keep the link usable.
    r = c.post("/dat-lai-mat-khau", [("ma", token), ("mat_khau", "12345678"), ("mat_khau_nhap_lai", "12345678")])
    check(r.status == 422 and MSG_COMMON in r.text, "common password on reset: %d" % r.status)
    r = c.post("/dat-lai-mat-khau", [("ma", token), ("mat_khau", "mot-mat-khau-moi"),
                                     ("mat_khau_nhap_lai", "mot-mat-khau-khac")])
    check(r.status == 422 and MSG_MISMATCH in r.text, r.status)
    new = random_password()
    r = c.post("/dat-lai-mat-khau", [("ma", token), ("mat_khau", new), ("mat_khau_nhap_lai", new)])
    check(r.status == 303 and r.header("location") == "/dang-nhap?tb=mat-khau-moi",
          "%d %r" % (r.status, r.header("location")))
    # Sessions of the account are over; the new password works, the old not.
    check(not other.signed_in() and not a.client.signed_in(), "a session survived the reset")
    check(sql_value("SELECT COUNT(*) FROM sessions WHERE user_id = %d" % a.id) == "0")
    r = client().login(a.phone, a.password)
    check(r.status == 422, "old password after reset: %d" % r.status)
    n = client()
    check(n.login(a.phone, new).status == 303, "new password after reset")
    # The link is spent.
    r = c.get("/dat-lai-mat-khau?ma=" + token)
    check(r.status == 404 and INVALID_LINK in r.text, "second use: %d" % r.status)
    other_pw = random_password()
    r = c.post("/dat-lai-mat-khau", [("ma", token), ("mat_khau", other_pw), ("mat_khau_nhap_lai", other_pw)])
    check(r.status == 404 and INVALID_LINK in r.text, "second POST: %d" % r.status)
    check(client().login(a.phone, new).status == 303, "the spent link changed the password")
    acts = audit_actions(a.id)
    check("password_reset_request" in acts and "password_reset" in acts, acts)
    clear_failures(ADDR)


@case
def test_reset_link_invalid_or_expired_404():
    c = client()
    for q in ("", "?ma=", "?ma=abc", "?ma=" + secrets.token_urlsafe(32)):
        r = c.get("/dat-lai-mat-khau" + q)
        check(r.status == 404 and INVALID_LINK in r.text, "%r: %d" % (q, r.status))
    a = confirmed(register(client(), email=new_email("hh")))
    c.token()
    ask_reset(c, a.email)
    _, token = reset_link(a.email)
    sql("UPDATE password_resets SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND "
        "WHERE token_hash = %s" % sql_quote(sid_hash(token)))
    r = c.get("/dat-lai-mat-khau?ma=" + token)
    check(r.status == 404 and INVALID_LINK in r.text, "expired link: %d" % r.status)
    new = random_password()
    r = c.post("/dat-lai-mat-khau", [("ma", token), ("mat_khau", new), ("mat_khau_nhap_lai", new)])
    check(r.status == 404, "expired link POST: %d" % r.status)
    check(client().login(a.phone, a.password).status == 303, "password changed by an expired link")


@case
def test_reset_voids_other_links():
    """Once a link has set a new password, the account's other outstanding
    links are void too (an older mail must not reset it again)."""
    a = confirmed(register(client(), email=new_email("hai")))
    c = client()
    c.token()
    ask_reset(c, a.email)
    _, older = reset_link(a.email)
    ask_reset(c, a.email)
    _, newer = reset_link(a.email)
    new = random_password()
    r = c.post("/dat-lai-mat-khau", [("ma", newer), ("mat_khau", new), ("mat_khau_nhap_lai", new)])
    check(r.status == 303, r.status)
    r = c.get("/dat-lai-mat-khau?ma=" + older)
    check(r.status == 404 and INVALID_LINK in r.text,
          "the older link still works after a reset: GET %d" % r.status)


@case
def test_audit_trail():
    """register, login, logout, password_change and password_reset rows,
    in that order, about the same user."""
    a = confirmed(register(client(), email=new_email("nk")))
    c = client()
    check(c.login(a.phone, a.password).status == 303)
    check(c.logout().status == 303)
    check(c.login(a.phone, a.password).status == 303)
    p2 = random_password()
    check(c.post("/tai-khoan/mat-khau", [("mat_khau_hien_tai", a.password), ("mat_khau", p2),
                                         ("mat_khau_nhap_lai", p2)]).status == 303)
    do_reset(a.email, random_password())
    acts = audit_actions(a.id)
    want = ["register", "email_verify", "login", "logout", "login", "password_change",
            "password_reset_request", "password_reset"]
    check(acts == want, acts)
    rows = sql("SELECT actor_id, addr FROM audit_log WHERE object_type = 'user' AND object_id = %s"
               % sql_quote(a.id))
    check(all(r == [str(a.id), ADDR] for r in rows), rows)



@case
def test_registration_limited_per_address():
    """[security] register_addr_limit attempts an hour from one address:
    the test fills this address's quota, then registers once more."""
    addr = "127.0.4.%d" % (secrets.randbelow(200) + 20)
    limit = int(os.environ.get("PORTAL_SECURITY_REGISTER_ADDR_LIMIT", "20"))
    sql("INSERT INTO register_attempts (addr) SELECT %s FROM seq_1_to_%d" % (sql_quote(addr), limit))
    over = register(Client(addr), expect=429).response
    check("quá nhiều lần đăng ký" in over.text)
    check(over.header("retry-after") == "3600")
    register(Client("127.0.4.250"), expect=303)  # other addresses are unaffected


@case
def test_refused_registrations_count_against_the_address():
    """Issue 7, finding 6: a refused registration (a phone number already
    registered) counts against the address like one that succeeded, so the
    form is no unlimited oracle of who is registered."""
    addr = "127.0.4.%d" % (secrets.randbelow(200) + 20)
    taken = register(Client(ADDR))
    before = int(sql_value("SELECT COUNT(*) FROM register_attempts WHERE addr = %s" % sql_quote(addr)))
    for _ in range(3):
        r = register(Client(addr), phone=taken.phone, expect=422).response
        check("đã được đăng ký" in r.text, r.text[:200])
    after = int(sql_value("SELECT COUNT(*) FROM register_attempts WHERE addr = %s" % sql_quote(addr)))
    check(after - before == 3, "refused attempts counted: %d of 3" % (after - before))


if __name__ == "__main__":
    main()
