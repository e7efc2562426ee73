"""The outbox: a row written into the outbox is delivered by the mailer
process (forked by the master, calling mail_run_once every second) to the
stack's SMTP sink (aiosmtpd writing the maildir VAR/mail); while the sink is
down the row stays pending with the attempt counted and the error kept, and
it is delivered once the sink is back and the retry is due."""
import glob
import os
import signal
import socket
import subprocess
import uuid
from urllib.parse import urlsplit

from lib import (VAR, alive, case, check, mails, main, sql, sql_quote as quote, stack_env, wait_for)

PY = "/usr/bin/python3"
MAILDIR = os.path.join(VAR, "mail")
SMTP_PID = os.path.join(VAR, "run", "smtp.pid")
FROM_NAME = "Cổng thông tin điện tử Phổ Yên"


ENV = stack_env()


def queue(to, subject, body):
    """Inserts a pending email row directly; returns its id."""
    rows = sql("INSERT INTO outbox (recipient, subject, body) VALUES (%s, %s, %s); SELECT LAST_INSERT_ID();"
               % (quote(to), quote(subject), quote(body)))
    return int(rows[-1][0])


def row(mid):
    r = sql("SELECT status, attempts, IFNULL(last_error, ''), IFNULL(sent_at, '') FROM outbox WHERE id = %d" % mid)
    check(len(r) == 1, "outbox row %d: %r" % (mid, r))
    status, attempts, err, sent_at = r[0]
    return status, int(attempts), err, sent_at



def delivered(subject):
    """The messages in the maildir whose decoded subject is subject."""
    return mails(lambda m: m["subject"] == subject)


def check_message(m, to, subject, body):
    check(m["subject"] == subject)
    check(m["to"].addresses[0].addr_spec == to, m["to"])
    check(m["x-rcptto"] == to, m["x-rcptto"])
    frm = m["from"].addresses[0]
    check(frm.display_name == FROM_NAME, "From name %r" % frm.display_name)
    check(m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8")
    check(m["content-transfer-encoding"] == "base64")
    got = m.get_content().replace("\r\n", "\n")
    check(got == body, "body %r" % got)
    check(m["message-id"] and m["date"] and m["mime-version"] == "1.0")


def smtp_port():
    return urlsplit(ENV["PORTAL_MAIL_SMTP_URL"]).port


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def sink_pid():
    try:
        with open(SMTP_PID) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def sink_stop():
    pid = sink_pid()
    check(pid is not None and alive(pid), "no SMTP sink in %s" % SMTP_PID)
    os.kill(pid, signal.SIGTERM)
    check(wait_for(lambda: not alive(pid) and not port_open(smtp_port()), 10), "sink still up")


def sink_start():
    """Starts the sink as conf/stack.sh does (same command line, port and
    umask, own session, pid in VAR/run/smtp.pid so that stack.sh stop ends
    it)."""
    log = open(os.path.join(VAR, "log", "smtp.log"), "ab")
    p = subprocess.Popen(
        [PY, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % smtp_port(), "-c", "aiosmtpd.handlers.Mailbox", MAILDIR],
        cwd=VAR, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, umask=0o077)
    log.close()
    with open(SMTP_PID, "w") as f:
        f.write("%d\n" % p.pid)
    check(wait_for(lambda: port_open(smtp_port()), 10), "sink did not come back")


@case
def test_queued_row_is_delivered():
    tag = uuid.uuid4().hex[:8]
    to = "cong.dan+%s@example.vn" % tag
    subject = "Hồ sơ PY-250101-%s đã được tiếp nhận — Bộ phận một cửa phường Ba Hàng" % tag
    body = "Kính gửi ông/bà Nguyễn Văn Ấn,\nHồ sơ của ông/bà đã được tiếp nhận.\nTrân trọng.\n"
    mid = queue(to, subject, body)
    check(wait_for(lambda: row(mid)[0] == "sent", 10), "not sent within 10 s: %r" % (row(mid),))
    status, attempts, err, sent_at = row(mid)
    check(attempts == 0 and sent_at, "attempts %d, sent_at %r" % (attempts, sent_at))
    check(wait_for(lambda: delivered(subject), 5), "not in %s/new" % MAILDIR)
    msgs = delivered(subject)
    check(len(msgs) == 1, "delivered %d times" % len(msgs))
    check_message(msgs[0], to, subject, body)


@case
def test_sink_down_then_delivered_on_retry():
    tag = uuid.uuid4().hex[:8]
    to = "cong.dan+%s@example.vn" % tag
    subject = "Đặt lại mật khẩu %s" % tag
    body = "Mở liên kết: http://127.0.0.1/quen-mat-khau?token=%s\n" % tag
    sink_stop()
    try:
        mid = queue(to, subject, body)

        def failed_once():
            status, attempts, err, _ = row(mid)
            return status == "pending" and attempts >= 1 and err != ""
        check(wait_for(failed_once, 10), "no failed attempt recorded: %r" % (row(mid),))
        status, attempts, err, _ = row(mid)
        check(tag not in err, "the error holds the message: %r" % err)
        # The back-off (30 s) holds it: a row queued now is tried in a
        # later pass of the mailer (rows are claimed in id order), and
        # that pass does not try the first one again.
        probe = queue(to, subject + " (sau)", body)
        check(wait_for(lambda: row(probe)[1] >= 1, 10), "the mailer made no pass: %r" % (row(probe),))
        check(row(mid)[:2] == ("pending", attempts), "retried early: %r" % (row(mid),))
        check(not delivered(subject))
    finally:
        sink_start()
    sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() WHERE id IN (%d, %d)" % (mid, probe))
    check(wait_for(lambda: row(mid)[0] == "sent", 10), "not sent after retry: %r" % (row(mid),))
    msgs = delivered(subject)
    check(len(msgs) == 1, "delivered %d times" % len(msgs))
    check_message(msgs[0], to, subject, body)
    check(wait_for(lambda: row(probe)[0] == "sent", 10), "the second row not sent: %r" % (row(probe),))


def private(path):
    """True when only the owner may read, write or enter path."""
    return os.stat(path).st_mode & 0o077 == 0


@case
def test_maildir_is_private():
    """The maildir holds live reset links: the directory, its cur/ new/
    tmp/ and every message are the owner's alone (0700, 0600), messages
    from a sink restarted as test_sink_down_then_delivered_on_retry does
    included (it runs before this case)."""
    tag = uuid.uuid4().hex[:8]
    subject = "Đặt lại mật khẩu %s" % tag
    mid = queue("cong.dan+%s@example.vn" % tag, subject, "Mở liên kết: http://127.0.0.1/x?token=%s\n" % tag)
    check(wait_for(lambda: row(mid)[0] == "sent" and delivered(subject), 10), "not delivered: %r" % (row(mid),))
    paths = [MAILDIR] + [os.path.join(MAILDIR, d) for d in ("cur", "new", "tmp")]
    paths += glob.glob(os.path.join(MAILDIR, "*", "*"))
    check(len(paths) > 5, "messages in %s: %r" % (MAILDIR, paths))
    shared = ["%s %o" % (p, os.stat(p).st_mode & 0o777) for p in paths if not private(p)]
    check(not shared, "readable by others: %s" % ", ".join(shared))


if __name__ == "__main__":
    main()
