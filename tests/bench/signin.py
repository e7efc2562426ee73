"""Cost of one sign-in through nginx with no other load: GET /dang-nhap
(the anonymous form cookie and its CSRF token), then the timed POST
(Argon2id verify, the new session, audit row).  Prints the median and the spread.
Arguments: the stack's port, its state directory, the number of runs."""
import os
import statistics
import sys
import time

os.environ["PORTAL_PORT"], os.environ["PORTAL_VAR"] = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from lib import DEMO_RESIDENT, Client, demo_passwords  # noqa: E402 (needs the environment above)

pw = demo_passwords()[DEMO_RESIDENT]
times = []
for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 20):
    c = Client()
    c.token()
    t0 = time.perf_counter()
    r = c.post("/dang-nhap", [("tai_khoan", DEMO_RESIDENT), ("mat_khau", pw)])
    times.append((time.perf_counter() - t0) * 1000)
    assert r.status == 303, r.status
times.sort()
print("sign-in (POST /dang-nhap, %d runs): median %.1f ms, min %.1f ms, max %.1f ms"
      % (len(times), statistics.median(times), times[0], times[-1]))
