#!/usr/bin/env python3
"""Captures the multipart bodies urllib3_*, requests_* and email_* (see
README) with the libraries themselves:

    python3 tests/unit/mp/capture_python.py tests/unit/mp
"""
import sys
import email.message
import email.policy
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
import urllib3
import requests

out = sys.argv[1]


def save(name, ct, body):
    with open(f"{out}/{name}", "wb") as f:
        f.write(body)
    with open(f"{out}/{name}.ct", "w") as f:
        f.write(ct)


body, ct = urllib3.encode_multipart_formdata(
    [("ghi\\", "C:\\thư mục\\"), ('ten"x', 'giá "trị"'),
     ("tep", ("bản \"vẽ\"\\.txt", b"xin chao\n", "text/plain")),
     ("tep2", ("du-lieu\\", b"\x00\x01", "application/octet-stream"))],
    boundary="b4ab0e8f3c1e4f6a9d2b7c5e1f0a3d6c")
save("urllib3_quote_backslash", ct, body)

req = requests.Request("POST", "http://x/", data={"ghi\\": "a"},
                       files={"tep": ("trang\\", b"abc", "text/plain")}).prepare()
b = req.headers["Content-Type"].split("boundary=")[1]
body = req.body.replace(b.encode(), b"2d8f6b1c9e0a4b7d8c3f5e2a1b0c9d8e")
save("requests_backslash",
     "multipart/form-data; boundary=2d8f6b1c9e0a4b7d8c3f5e2a1b0c9d8e", body)

m = MIMEMultipart("form-data", boundary="===============1234567890==")
t = MIMEText("giá trị", "plain", "utf-8")
t.add_header("Content-Disposition", "form-data", name="ten")
m.attach(t)
f = MIMEApplication(b"%PDF-1.4\n", "pdf")
f.add_header("Content-Disposition", "form-data", name="tep",
             filename="bản vẽ.pdf")
m.attach(f)
g = MIMEApplication(b"data", "octet-stream")
g.add_header("Content-Disposition", "form-data", name="tep2",
             filename='say "hi"\\.bin')
m.attach(g)
raw = m.as_bytes(policy=email.policy.HTTP)
head, _, body = raw.partition(b"\r\n\r\n")
save("email_filename_star",
     'multipart/form-data; boundary="===============1234567890=="', body)

m = MIMEMultipart("form-data", boundary="===============5555555555==")
t = MIMEText("a", "plain", "utf-8")
t.add_header("Content-Disposition", "form-data", name="ten")
m.attach(t)
raw = m.as_bytes()
head, _, body = raw.partition(b"\n\n")
save("email_lf_only",
     'multipart/form-data; boundary="===============5555555555=="', body)

m = MIMEMultipart("form-data", boundary="===============7777777777==")
f = MIMEApplication(b"x", "octet-stream")
f.add_header("Content-Disposition", "form-data", name="tep",
             filename="bản vẽ mặt bằng tầng trệt nhà số 12 đường Lê Lợi.pdf")
m.attach(f)
raw = m.as_bytes(policy=email.policy.SMTP)
head, _, body = raw.partition(b"\r\n\r\n")
save("email_folded",
     'multipart/form-data; boundary="===============7777777777=="', body)
