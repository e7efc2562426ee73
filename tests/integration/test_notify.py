"""Applicants are told by mail what became of their applications: each
change of status is written to the outbox in its own transaction (README:
status, event, outbox and audit rows together), to a confirmed address
only."""
import json
import os
import secrets

from lib import (ROOT, Client, case, check, eform_values, ensure_procedure, mails_to, main, register, sql,
                 sql_quote as quote, sql_value, wait_for)

ADDR = "127.0.8.41"
CODE = "1.001193"
FORM = "/thu-tuc/%s/nop" % CODE
ensure_procedure(CODE)
EFORM = json.load(open(os.path.join(ROOT, "migrations", "seed", "eforms", CODE + ".json"),
                       encoding="utf-8"))
UNIT_ID, UNIT_CODE = sql("SELECT id, code FROM units WHERE slug = 'ba-hang'")[0]


def applicant(confirmed):
    """A resident with an address, confirmed or not."""
    a = register(Client(ADDR), email="hs.%s@example.com" % secrets.token_hex(5))
    if confirmed:
        sql("UPDATE users SET email_verified_at = UTC_TIMESTAMP() WHERE id = %d" % a.id)
    return a


def submit(a):
    """Submits the birth registration e-form with its required document;
    the application's code."""
    f = eform_values(EFORM, UNIT_CODE)
    f.update({"hanh_dong": "nop", "khoa_nop": secrets.token_hex(32), "don_vi": UNIT_ID,
              "tep_1": ("giay-chung-sinh.pdf", b"%PDF-1.4\n% tb " + secrets.token_hex(4).encode()
                        + b"\n%%EOF\n", "application/pdf")})
    r = a.client.post(FORM, f)
    check(r.status == 303, "submit: %d" % r.status)
    return r.header("location").split("/")[2]


def mails_to_with(addr, subject):
    return [m for m in mails_to(addr) if str(m["subject"]) == subject]


@case
def submitted_and_withdrawn_are_mailed():
    a = applicant(True)
    code = submit(a)
    subject = "Hồ sơ %s: Mới đăng ký" % code
    check(wait_for(lambda: mails_to_with(a.email, subject), 10), "no mail on submission")
    body = mails_to_with(a.email, subject)[0].get_content()
    check("/ho-so/%s" % code in body and "/tra-cuu?ma=%s" % code in body, body)
    check("Thủ tục đăng ký khai sinh" in body and "Ngày hẹn trả kết quả:" in body, body)
    version = sql_value("SELECT version FROM applications WHERE code = %s" % quote(code))
    r = a.client.post("/ho-so/%s/rut" % code, [("phien_ban", version)])
    check(r.status == 303, "withdraw: %d" % r.status)
    check(wait_for(lambda: mails_to_with(a.email, "Hồ sơ %s: Công dân yêu cầu rút hồ sơ" % code), 10),
          "no mail on withdrawal")


@case
def unconfirmed_address_gets_nothing():
    a = applicant(False)
    code = submit(a)
    check(sql_value("SELECT COUNT(*) FROM outbox WHERE recipient = %s AND subject LIKE %s"
                    % (quote(a.email), quote("Hồ sơ %s%%" % code))) == "0", "mail to an unconfirmed address")


if __name__ == "__main__":
    main()
