#!/usr/bin/env python3
"""Writes the larger seeds of fuzz_multipart (see the input layout at the
top of fuzz_multipart.c): the captured bodies of tests/unit/mp with their
own Content-Type, values past the first 256-byte allocation, a delimiter
across the end of the 16 KiB buffer (and byte 16384 of the input), header
blocks around the 8 KiB limit, and faults of the spool.  Run from the
top of the checkout; the seeds are committed."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus", "fuzz_multipart")
CAPS = os.path.join(ROOT, "tests", "unit", "mp")

CT_XYZ = 0              # fz_ctypes[0]: boundary XyZ
CT_INPUT = 8            # Content-Type up to the first LF of the body


def limits(body, value, file):
    """Byte 2: indexes into fz_body_max, fz_value_max, fz_file_max."""
    return body | value << 3 | file << 6


B_40000, B_1M = 4, 6
V_64, V_257, V_1000, V_65536 = 0, 5, 6, 7
F_512, F_1M = 0, 3


def seed(name, ct, flags, lim, fields, body):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bytes([ct, flags, lim, fields]) + body)


def part(name, data, filename=None, extra=b""):
    cd = b'Content-Disposition: form-data; name="' + name + b'"'
    if filename is not None:
        cd += b'; filename="' + filename + b'"'
    return b"--XyZ\r\n" + cd + b"\r\n" + extra + b"\r\n" + data + b"\r\n"


def captures():
    for n in sorted(os.listdir(CAPS)):
        if "." in n or n == "README":     # .ct, the capture scripts
            continue
        with open(os.path.join(CAPS, n), "rb") as f:
            body = f.read()
        with open(os.path.join(CAPS, n + ".ct"), "rb") as f:
            ct = f.read()
        seed("cap_" + n, CT_INPUT, 0, limits(B_1M, V_65536, F_1M), 0,
             ct + b"\n" + body)


def values():
    for n, v in ((300, V_1000), (1000, V_1000), (1001, V_1000),
                 (257, V_257), (258, V_257)):
        seed("value_%d" % n, CT_XYZ, 13, limits(B_1M, v, F_512), 0,
             part(b"v", b"x" * n) + part(b"w", b"y") + b"--XyZ--")


def across_16k():
    # The stream buffer starts with the CRLF before the first delimiter:
    # body offset x is buffer offset x + 2 and input offset x + 4.
    head = part(b"f", b"", b"big.bin")[:-2]
    for x in (16376, 16377, 16381, 16382):
        data = b"d" * (x - len(head))
        body = head + data + b"\r\n--XyZ\r\n" + \
            b'Content-Disposition: form-data; name="g"\r\n\r\n' + \
            b"z" * 600 + b"\r\n--XyZ--"
        seed("file_delim_at_%d" % x, CT_XYZ, 0,
             limits(B_40000, V_1000, F_1M), 0, body)
    head = part(b"v", b"")[:-2]
    data = b"v" * (16379 - len(head))
    seed("value_delim_at_16379", CT_XYZ, 0, limits(B_40000, V_65536, F_1M),
         0, head + data + b"\r\n--XyZ--")


def header_8k():
    # The header block holds every line with its CRLF and the empty line.
    cd = b'Content-Disposition: form-data; name="a"\r\n'
    for total in (8191, 8192, 8193):
        pad = b"X-Pad: " + b"p" * (total - len(cd) - 2 - 9) + b"\r\n"
        body = b"--XyZ\r\n" + cd + pad + b"\r\nv\r\n--XyZ--"
        seed("header_block_%d" % total, CT_XYZ, 0,
             limits(B_40000, V_64, F_512), 0, body)


def spool_faults():
    # Byte 3's high nibble n: fail after n * 1000 bytes with ENOSPC, EIO,
    # EFBIG, a write of 0 bytes for n % 4 = 0, 1, 2, 3; 15 only interrupts.
    body = part(b"f", b"a" * 2500, b"a.bin") + \
        part(b"g", b"b" * 500, b"b.bin") + b"--XyZ--"
    for n in (0, 1, 2, 3, 15):
        seed("spool_fault_%d" % n, CT_XYZ, 0x40 | 5,
             limits(B_1M, V_64, F_1M), n << 4, body)


def refusals():
    cd = b"--XyZ\r\nContent-Disposition: form-data; "
    for name, hdr in (
            ("dotdot", b'name="f"; filename="../.."'),
            ("trailing_slash", b'name="f"; filename="dir/"'),
            ("dup_filename", b'name="f"; filename="a"; filename="b"'),
            ("dup_filename_star",
             b"name=\"f\"; filename*=utf-8''a; filename*=utf-8''b"),
            ("continuation", b"name=\"f\"; filename*0*=utf-8''a; "
             b"filename*1=b"),
            ("star_latin1", b"name=\"f\"; filename*=iso-8859-1''caf%E9"),
            ("dup_name", b'name="a"; name="b"'),
            ("windows_path", b'name="f"; filename="C:\\dir\\x.txt"'),
            ("unc_path", b'name="f"; filename="\\\\host\\s\\x.txt"')):
        seed("cd_" + name, CT_XYZ, 0, limits(B_1M, V_64, F_512), 0,
             cd + hdr + b"\r\n\r\nx\r\n--XyZ--")
    seed("padding_eof", CT_XYZ, 0, 0, 0, b"--XyZ  \t")


captures()
refusals()
values()
across_16k()
header_8k()
spool_faults()
