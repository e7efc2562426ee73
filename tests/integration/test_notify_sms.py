"""Notifications of applications (issue 9): each change of status is written
to the outbox, mail and SMS, tied to its application, in the change's
transaction; the jobs process POSTs the SMS to the gateway ([sms]
gateway_url: the stack's SMS sink, conf/stack/sms.sh, which this test
stops to run a gateway of its own on the same port, one that answers 200
or 503 or is closed, and starts again at the end) without diacritics
([sms] ascii), retrying with
back-off (the stack's [sms] backoff: 1 s) while the gateway answers 503 or
nothing, and marks a row sent only after a 2xx; the mail waits for the
SMTP sink the same way.  Staff of the application's unit see every
notification and its delivery at /mot-cua/ho-so/{code}/thong-bao."""
import http.server
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import threading
from urllib.parse import urlsplit

from lib import (DEMO_LEADER, DEMO_RESIDENT, DEMO_STAFF, ROOT, VAR, Client, alive, base_url, case, check,
                 demo_login, eform_values, ensure_procedure, get, mails_to, main, register, sql,
                 sql_quote as quote, sql_value, stack_env, wait_for)

ADDR = "127.0.8.43"
CODE = "1.001193"
FORM = "/thu-tuc/%s/nop" % CODE
STAFF_OTHER_UNIT = "0912000022"   # staff of bai-bong
ensure_procedure(CODE)
EFORM = json.load(open(os.path.join(ROOT, "migrations", "seed", "eforms", CODE + ".json"),
                       encoding="utf-8"))
UNIT_ID, UNIT_CODE = sql("SELECT id, code FROM units WHERE slug = 'ba-hang'")[0]
GATEWAY = urlsplit(stack_env()["PORTAL_SMS_GATEWAY_URL"])
STACK = os.path.join(ROOT, "conf", "stack.sh")


# ---------------------------------------------------------------------------
# The SMS gateway: an HTTP sink on the port of [sms] gateway_url.

class Sink:
    """Records every POST; answers 200 (ok) or 503 (not ok)."""

    def __init__(self):
        self.got = []          # (status answered, path, headers, payload)
        self.ok = True
        self.lock = threading.Lock()
        self.server = None

    def start(self):
        sink = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                status = 200 if sink.ok else 503
                with sink.lock:
                    sink.got.append((status, self.path, dict(self.headers), json.loads(body)))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}' if status == 200 else b'{"error": "busy"}')

            def log_message(self, *args):
                pass

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.server = http.server.ThreadingHTTPServer((GATEWAY.hostname, GATEWAY.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        """Closes the port: the next attempts find nothing listening."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def accepted(self, oid):
        """The payloads of row oid the sink answered 200 to."""
        with self.lock:
            return [g for g in self.got if g[0] == 200 and g[3].get("id") == oid]

    def refused(self, oid):
        with self.lock:
            return [g for g in self.got if g[0] != 200 and g[3].get("id") == oid]


SINK = Sink()


# ---------------------------------------------------------------------------
# Applications and their outbox rows.

def applicant():
    """A resident with a phone and a confirmed address."""
    a = register(Client(ADDR), email="sms.%s@example.com" % secrets.token_hex(5))
    sql("UPDATE users SET email_verified_at = UTC_TIMESTAMP() WHERE id = %d" % a.id)
    return a


def submit(a):
    """Submits the birth registration e-form; the application's code."""
    f = eform_values(EFORM, UNIT_CODE)
    f.update({"hanh_dong": "nop", "khoa_nop": secrets.token_hex(32), "don_vi": UNIT_ID,
              "tep_1": ("giay-chung-sinh.pdf", b"%PDF-1.4\n% sms " + secrets.token_hex(4).encode()
                        + b"\n%%EOF\n", "application/pdf")})
    r = a.client.post(FORM, f)
    check(r.status == 303, "submit: %d" % r.status)
    return r.header("location").split("/")[2]


def withdraw(a, code):
    version = sql_value("SELECT version FROM applications WHERE code = %s" % quote(code))
    r = a.client.post("/ho-so/%s/rut" % code, [("phien_ban", version)])
    check(r.status == 303, "withdraw: %d" % r.status)


def rows(code, kind):
    """The outbox rows of kind of application code, oldest first."""
    out = sql("SELECT o.id, o.recipient, o.subject, REPLACE(o.body, CHAR(10), ' '), o.status, o.attempts, IFNULL(o.last_error, ''), "
              "IFNULL(o.sent_at, '') FROM outbox o JOIN applications a ON a.id = o.application_id "
              "WHERE a.code = %s AND o.kind = %s ORDER BY o.id" % (quote(code), quote(kind)))
    return [dict(id=int(r[0]), recipient=r[1], subject=r[2], body=r[3], status=r[4], attempts=int(r[5]),
                 error=r[6], sent_at=r[7]) for r in out]


def row(oid):
    r = sql("SELECT status, attempts, IFNULL(last_error, '') FROM outbox WHERE id = %d" % oid)[0]
    return r[0], int(r[1]), r[2]


def sms_text(code, words):
    return "%s. Tra cuu: %s/tra-cuu?ma=%s" % (words % code, base_url(), code)


# ---------------------------------------------------------------------------

@case
def sms_on_submission_and_withdrawal_without_diacritics():
    SINK.ok = True
    a = applicant()
    code = submit(a)
    check(wait_for(lambda: rows(code, "sms") and rows(code, "sms")[0]["status"] == "sent", 15),
          "submission SMS not sent: %r" % rows(code, "sms"))
    r = rows(code, "sms")[0]
    check(r["recipient"] == a.phone and r["subject"] == "Hồ sơ %s: Mới đăng ký" % code, r)
    check(r["body"].startswith("Hồ sơ %s đã được nộp trực tuyến, đang chờ tiếp nhận." % code), r["body"])
    got = SINK.accepted(r["id"])
    check(len(got) == 1, "delivered %d times" % len(got))
    _, path, headers, payload = got[0]
    check(path == GATEWAY.path, path)
    check(headers.get("Content-Type", "").startswith("application/json"), headers)
    check(payload == {"id": r["id"], "to": a.phone,
                      "text": sms_text(code, "Ho so %s da duoc nop truc tuyen, dang cho tiep nhan")}, payload)
    check(payload["text"].isascii())
    withdraw(a, code)
    check(wait_for(lambda: len(rows(code, "sms")) == 2 and rows(code, "sms")[1]["status"] == "sent", 15),
          "withdrawal SMS not sent: %r" % rows(code, "sms"))
    r = rows(code, "sms")[1]
    check(r["body"].startswith("Hồ sơ %s đã được rút theo yêu cầu của công dân." % code), r["body"])
    got = SINK.accepted(r["id"])
    check(len(got) == 1 and got[0][3]["text"] ==
          sms_text(code, "Ho so %s da duoc rut theo yeu cau cua cong dan"), got)
    # The mail of each change knows its application too.
    mail = rows(code, "email")
    check(len(mail) == 2 and mail[0]["recipient"] == a.email, mail)


@case
def a_backlog_of_retries_does_not_hold_back_new_messages():
    """Messages tried before and due again (a gateway that was down a
    while) go after those never tried: 300 of them, at 10 a second, would
    otherwise hold a new one back for half a minute."""
    SINK.ok = True
    tag = "backlog %s" % secrets.token_hex(4)
    sql("INSERT INTO outbox (kind, recipient, subject, body, attempts, next_attempt_at) "
        "SELECT 'sms', '0912000999', %s, %s, 3, UTC_TIMESTAMP() FROM seq_1_to_300"
        % (quote(tag), quote(tag)))
    try:
        a = applicant()
        code = submit(a)
        check(wait_for(lambda: rows(code, "sms") and rows(code, "sms")[0]["status"] == "sent", 8),
              "the new SMS waited behind the backlog: %r, %s of the backlog pending"
              % (rows(code, "sms"), sql_value("SELECT COUNT(*) FROM outbox WHERE subject = %s "
                                              "AND status <> 'sent'" % quote(tag))))
    finally:
        sql("DELETE FROM outbox WHERE subject = %s" % quote(tag))


@case
def gateway_503_then_down_then_up_delivers_once():
    SINK.ok = False
    a = applicant()
    code = submit(a)
    check(wait_for(lambda: rows(code, "sms") and rows(code, "sms")[0]["attempts"] >= 2, 20),
          "no retries while the gateway answers 503: %r" % rows(code, "sms"))
    oid = rows(code, "sms")[0]["id"]
    status, attempts, err = row(oid)
    check(status in ("pending", "sending") and "503" in err, (status, attempts, err))
    check(SINK.refused(oid) and not SINK.accepted(oid))
    SINK.stop()
    try:
        check(wait_for(lambda: row(oid)[1] > attempts and "503" not in row(oid)[2], 20),
              "no retry while the gateway is down: %r" % (row(oid),))
        check(row(oid)[0] in ("pending", "sending"), row(oid))
    finally:
        SINK.ok = True
        SINK.start()
    check(wait_for(lambda: row(oid)[0] == "sent", 30), "not sent once the gateway is back: %r" % (row(oid),))
    check(len(SINK.accepted(oid)) == 1, "accepted %d times" % len(SINK.accepted(oid)))
    metrics = get("/metrics").text
    check(re.search(r"^portal_sms_sent_total [1-9]", metrics, re.M) and
          re.search(r"^portal_sms_failures_total [1-9]", metrics, re.M), "SMS counters")


@case
def gives_up_after_the_last_attempt_and_keeps_the_row():
    SINK.stop()
    try:
        a = applicant()
        code = submit(a)
        check(wait_for(lambda: rows(code, "sms") and rows(code, "sms")[0]["attempts"] >= 1, 15),
              "no attempt: %r" % rows(code, "sms"))
        oid = rows(code, "sms")[0]["id"]
        # Nine failures counted already: the tenth is the last.
        sql("UPDATE outbox SET attempts = 9, next_attempt_at = UTC_TIMESTAMP() WHERE id = %d "
            "AND status = 'pending'" % oid)
        check(wait_for(lambda: row(oid)[0] == "failed", 15), "not failed: %r" % (row(oid),))
        check(row(oid)[1] == 10, row(oid))
    finally:
        SINK.start()
    page = demo_login(DEMO_STAFF).get("/mot-cua/ho-so/%s/thong-bao" % code)
    check(page.status == 200 and "Thất bại" in page.text, page.status)


def smtp_pid():
    with open(os.path.join(VAR, "run", "smtp.pid")) as f:
        return int(f.read().strip())


def smtp_restart():
    """Starts the SMTP sink as conf/stack.sh does (the command line of
    tests/integration/test_mail.py)."""
    port = urlsplit(stack_env()["PORTAL_MAIL_SMTP_URL"]).port
    log = open(os.path.join(VAR, "log", "smtp.log"), "ab")
    p = subprocess.Popen(
        ["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % port, "-c",
         "aiosmtpd.handlers.Mailbox", os.path.join(VAR, "mail")],
        cwd=VAR, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, umask=0o077)
    log.close()
    with open(os.path.join(VAR, "run", "smtp.pid"), "w") as f:
        f.write("%d\n" % p.pid)

    def listening():
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            return False
    check(wait_for(listening, 10), "the SMTP sink did not come back")


@case
def mail_waits_for_the_smtp_sink():
    SINK.ok = True
    pid = smtp_pid()
    os.kill(pid, signal.SIGTERM)
    check(wait_for(lambda: not alive(pid), 10), "the SMTP sink did not stop")
    try:
        a = applicant()
        code = submit(a)
        check(wait_for(lambda: rows(code, "email") and rows(code, "email")[0]["attempts"] >= 1, 15),
              "no failed mail attempt: %r" % rows(code, "email"))
        check(rows(code, "email")[0]["status"] == "pending")
        # The SMS does not wait for the mail.
        check(wait_for(lambda: rows(code, "sms") and rows(code, "sms")[0]["status"] == "sent", 15))
    finally:
        smtp_restart()
    # The mail's back-off is 30 s: the retry is made due now.
    sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() WHERE id = %d" % rows(code, "email")[0]["id"])
    check(wait_for(lambda: rows(code, "email")[0]["status"] == "sent", 15), rows(code, "email"))
    subject = "Hồ sơ %s: Mới đăng ký" % code
    check(wait_for(lambda: [m for m in mails_to(a.email) if str(m["subject"]) == subject], 10))
    check(len([m for m in mails_to(a.email) if str(m["subject"]) == subject]) == 1, "mailed twice")


@case
def database_down_loses_nothing():
    SINK.stop()
    try:
        a = applicant()
        code = submit(a)
        check(wait_for(lambda: rows(code, "sms") and rows(code, "sms")[0]["attempts"] >= 1, 15))
        oid = rows(code, "sms")[0]["id"]
        subprocess.run([STACK, "db-stop", VAR], check=True, capture_output=True)
        try:
            SINK.ok = True
            SINK.start()
            check(wait_for(lambda: get("/healthz").status == 503, 10), "database still up")
        finally:
            subprocess.run([STACK, "db-start", VAR], check=True, capture_output=True)
    finally:
        if SINK.server is None:
            SINK.start()
    check(wait_for(lambda: get("/healthz").status == 200, 20), "database not back")
    check(wait_for(lambda: row(oid)[0] == "sent", 40), "not sent after the database came back: %r" % (row(oid),))
    check(len(SINK.accepted(oid)) == 1, "accepted %d times" % len(SINK.accepted(oid)))


@case
def staff_see_the_delivery_of_every_notification():
    SINK.ok = True
    a = applicant()
    code = submit(a)
    check(wait_for(lambda: [r["status"] for r in rows(code, "sms") + rows(code, "email")] == ["sent", "sent"], 20),
          "not delivered: %r" % (rows(code, "sms") + rows(code, "email")))
    path = "/mot-cua/ho-so/%s/thong-bao" % code
    for phone in (DEMO_STAFF, DEMO_LEADER):
        r = demo_login(phone).get(path)
        check(r.status == 200, "%s: %d" % (phone, r.status))
        t = r.text
        check("Thông báo của hồ sơ %s" % code in t and "Thủ tục đăng ký khai sinh" in t, t[:500])
        check("Tin nhắn" in t and "Thư điện tử" in t and "Đã gửi" in t, t[:3000])
        check("•••••••" + a.phone[-3:] in t and a.phone not in t, "phone not masked")
        local, domain = a.email.split("@")
        check("%s…@%s" % (local[0], domain) in t and a.email not in t, "address not masked")
        check("Hồ sơ %s: Mới đăng ký" % code in t)
    check(demo_login(STAFF_OTHER_UNIT).get(path).status == 404, "staff of another unit")
    check(demo_login(DEMO_STAFF).get("/mot-cua/ho-so/PY-000000-0000/thong-bao").status == 404, "unknown code")
    check(demo_login(DEMO_RESIDENT).get(path).status == 403, "a resident")
    check(a.client.get(path).status == 403, "the applicant")
    r = Client().get(path)
    check(r.status == 303 and r.header("location").startswith("/dang-nhap"), r.status)


@case
def no_notifications_yet():
    """A page for an application without any row: said so, no empty table."""
    a = applicant()
    code = submit(a)
    app = sql_value("SELECT id FROM applications WHERE code = %s" % quote(code))
    check(wait_for(lambda: all(r["status"] == "sent" for r in rows(code, "sms") + rows(code, "email")), 20))
    sql("UPDATE outbox SET application_id = NULL WHERE application_id = %s" % app)
    r = demo_login(DEMO_STAFF).get("/mot-cua/ho-so/%s/thong-bao" % code)
    check(r.status == 200 and "Chưa có thông báo nào" in r.text and "<table" not in r.text, r.status)


@case
def the_stack_sink_keeps_what_it_is_sent():
    """conf/stack/sms.sh's sink, as make run has it: a file a message,
    under VAR/sms, named by the outbox id."""
    SINK.stop()
    subprocess.run([STACK, "sms-start", VAR], check=True, capture_output=True)
    try:
        a = applicant()
        code = submit(a)
        check(wait_for(lambda: rows(code, "sms") and rows(code, "sms")[0]["status"] == "sent", 15),
              "not sent to the stack's sink: %r" % rows(code, "sms"))
        r = rows(code, "sms")[0]
        with open(os.path.join(VAR, "sms", "%d.json" % r["id"]), encoding="utf-8") as f:
            got = json.load(f)
        check(got == {"id": r["id"], "to": a.phone,
                      "text": sms_text(code, "Ho so %s da duoc nop truc tuyen, dang cho tiep nhan")}, got)
    finally:
        subprocess.run([STACK, "sms-stop", VAR], check=True, capture_output=True)
        SINK.start()


if __name__ == "__main__":
    # The port is the stack sink's: this test's gateway takes it over.
    subprocess.run([STACK, "sms-stop", VAR], check=True, capture_output=True)
    SINK.start()
    try:
        main()
    finally:
        SINK.stop()
        subprocess.run([STACK, "sms-start", VAR], check=True, capture_output=True)
