"""A minimal FastCGI client (the responder side of nginx), for tests that
talk to portal.fcgi without nginx in between."""
import socket
import struct

BEGIN, END, PARAMS, STDIN, STDOUT, STDERR = 1, 3, 4, 5, 6, 7


def _record(kind, rid, content):
    pad = (8 - len(content) % 8) % 8
    return struct.pack(">BBHHBx", 1, kind, rid, len(content), pad) + content + b"\0" * pad


def _pair(k, v):
    k, v = k.encode(), v.encode()
    def n(x):
        return struct.pack(">B", len(x)) if len(x) < 128 else struct.pack(">I", len(x) | 0x80000000)
    return n(k) + n(v) + k + v


def request(sock_path, method, uri, body=b"", headers=None, timeout=60):
    """Sends one request; returns (status, headers dict, body bytes)."""
    path, _, query = uri.partition("?")
    params = {"REQUEST_METHOD": method, "REQUEST_URI": uri, "DOCUMENT_URI": path,
              "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1",
              "REMOTE_ADDR": "127.0.0.9", "CONTENT_LENGTH": str(len(body)) if body else "",
              "HTTP_HOST": "127.0.0.1"}
    for k, v in (headers or {}).items():
        if k.lower() == "content-type":
            params["CONTENT_TYPE"] = v
        else:
            params["HTTP_" + k.upper().replace("-", "_")] = v
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(sock_path)
    data = _record(BEGIN, 1, struct.pack(">HB5x", 1, 0))
    data += _record(PARAMS, 1, b"".join(_pair(k, v) for k, v in params.items()))
    data += _record(PARAMS, 1, b"")
    for i in range(0, len(body), 32768):
        data += _record(STDIN, 1, body[i:i + 32768])
    data += _record(STDIN, 1, b"")
    s.sendall(data)
    out, buf = b"", b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
        while len(buf) >= 8:
            _, kind, _, clen, pad = struct.unpack(">BBHHBx", buf[:8])
            if len(buf) < 8 + clen + pad:
                break
            if kind == STDOUT:
                out += buf[8:8 + clen]
            buf = buf[8 + clen + pad:]
            if kind == END:
                s.close()
                return _parse(out)
    s.close()
    return _parse(out)


def _parse(out):
    head, _, body = out.partition(b"\r\n\r\n")
    headers = {}
    status = 200
    for line in head.decode("latin-1").split("\r\n"):
        k, _, v = line.partition(":")
        if k.lower() == "status":
            status = int(v.split()[0])
        elif k:
            headers[k.lower()] = v.strip()
    return status, headers, body
