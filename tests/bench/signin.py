"""Cost of one sign-in through nginx with no other load: GET /dang-nhap
(a session and its CSRF token), then the timed POST (Argon2id verify,
session rotation, audit row).  Prints the median and the spread."""
import http.client
import os
import re
import statistics
import sys
import time
import urllib.parse

port = int(sys.argv[1])
var = sys.argv[2]
text = open(os.path.join(var, "accounts.txt"), encoding="utf-8").read()
pw = re.search(r"0912000041\s+([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})", text).group(1)
times = []
for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 20):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/dang-nhap")
    r = c.getresponse()
    page = r.read().decode()
    sid = re.search(r"sid=([^;]+)", r.getheader("Set-Cookie")).group(1)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    body = urllib.parse.urlencode({"csrf": csrf, "tai_khoan": "0912000041", "mat_khau": pw})
    t0 = time.perf_counter()
    c.request("POST", "/dang-nhap", body, {"Cookie": "sid=" + sid,
                                           "Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    times.append((time.perf_counter() - t0) * 1000)
    assert r.status == 303, r.status
    c.close()
times.sort()
print("sign-in (POST /dang-nhap, %d runs): median %.1f ms, min %.1f ms, max %.1f ms"
      % (len(times), statistics.median(times), times[0], times[-1]))
