"""The stack's SMS gateway: an HTTP sink on loopback that takes what the
portal's jobs process POSTs ({"id", "to", "text"}, JSON), keeps each
message as a file in a directory (one JSON file a message, named by the
outbox id: a repeat overwrites it) and answers 200.  Anything else gets
400 or 404.  Usage: sms_sink.py ADDRESS PORT DIRECTORY"""

import http.server
import json
import os
import sys


def main():
    addr, port, where = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(where, mode=0o700, exist_ok=True)

    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            if self.path != "/sms":
                return self.answer(404, {"error": "not found"})
            try:
                n = int(self.headers.get("Content-Length", "0"))
                msg = json.loads(self.rfile.read(n))
                oid = int(msg["id"])
                str(msg["to"]), str(msg["text"])
            except (ValueError, KeyError, TypeError):
                return self.answer(400, {"error": "id, to and text expected"})
            path = os.path.join(where, "%d.json" % oid)
            with open(path + ".tmp", "w", encoding="utf-8", opener=lambda p, f: os.open(p, f, 0o600)) as f:
                json.dump(msg, f, ensure_ascii=False)
            os.replace(path + ".tmp", path)
            self.answer(200, {"ok": True})

        def log_message(self, fmt, *args):
            sys.stderr.write("sms-sink: %s\n" % (fmt % args))

    http.server.ThreadingHTTPServer((addr, port), Handler).serve_forever()


if __name__ == "__main__":
    main()
