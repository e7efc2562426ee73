"""The responder (optimised build, no sanitizers) under valgrind: a round
of ordinary and hostile requests over FastCGI, then SIGTERM; valgrind
must report no error in the master, the workers or the mailer."""
import glob
import os
import re
import signal
import subprocess

from lib import ROOT, VAR, Client, case, check, children, main, stack_env, wait_for


@case
def test_responder_is_valgrind_clean():
    logdir = os.path.join(VAR, "valgrind")
    os.makedirs(logdir, exist_ok=True)
    sock = os.path.join(VAR, "run", "valgrind.sock")
    env = dict(os.environ, **stack_env())
    env.update(PORTAL_SERVER_SOCKET=sock, PORTAL_SERVER_WORKERS="1", PORTAL_SERVER_THREADS="2")
    p = subprocess.Popen(
        ["valgrind", "-q", "--log-file=" + os.path.join(logdir, "vg.%p.log"),
         "--leak-check=no", "--track-fds=no",
         os.path.join(ROOT, "cgi-bin", "portal.fcgi"), "-c", os.path.join(ROOT, "conf", "portal.conf")],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=open(os.path.join(VAR, "log", "valgrind-portal.log"), "w"))
    try:
        check(wait_for(lambda: os.path.exists(sock), 60, step=0.2),
              "responder under valgrind did not start")
        # valgrind runs the master in its own process: the worker and the
        # mailer are its children (each writes a log of its own).
        check(wait_for(lambda: len(children(p.pid)) >= 2, 60, step=0.2),
              "no worker and mailer under valgrind: %r" % children(p.pid))
        def ask(method, path, body=None, headers=None):
            """The status of one request from a fresh client (no cookies)."""
            return Client(fcgi=sock, timeout=60).request(method, path, body, headers).status
        answers = [
            ask("GET", "/"),
            ask("GET", "/don-vi/ba-hang/?trang=1"),
            ask("GET", "/don-vi/ba-hang/tin-tuc/1"),
            ask("GET", "/khong-co"),
            ask("GET", "/don-vi/%C0%AF/"),
            ask("GET", "/?" + "&".join("k%d=v" % i for i in range(300))),
            ask("DELETE", "/"),
            ask("GET", "/dang-nhap", headers={"Cookie": "sid=x; a=\"b\""}),
            ask("POST", "/dang-nhap", body=b"tai_khoan=0912000001&mat_khau=x",
                headers={"Content-Type": "application/x-www-form-urlencoded"}),
            ask("POST", "/dang-ky",
                body=b"--b\r\nContent-Disposition: form-data; name=\"ho_ten\"\r\n\r\nA\r\n"
                     b"--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\n"
                     b"xyz\r\n--b--\r\n",
                headers={"Content-Type": "multipart/form-data; boundary=b"}),
            ask("GET", "/healthz"),
            ask("GET", "/metrics"),
        ]
        check(answers == [200, 200, 301, 404, 400, 413, 405, 200, 403, 403, 200, 200],
              "answers: %r" % answers)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    logs = glob.glob(os.path.join(logdir, "vg.*.log"))
    check(len(logs) >= 3, "valgrind logs of master, worker and mailer: %r" % logs)
    bad = []
    for path in logs:
        text = open(path, errors="replace").read()
        if re.search(r"(Invalid|uninitialised|Mismatched|overlap|Syscall param)", text):
            bad.append(path + ":\n" + text[:3000])
    check(not bad, "valgrind reports:\n" + "\n".join(bad))


if __name__ == "__main__":
    main()
