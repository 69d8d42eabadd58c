#!/usr/bin/env python3
"""Local RFC 3161 time-stamping authority for the tests: HTTP on 127.0.0.1, answers each
application/timestamp-query with `openssl ts -reply` and the test TSA key (never an outside TSA).

Usage: tsa-server.py TSA_DIR   (prints the port it listens on, then serves until killed)
"""
import http.server
import os
import shutil
import subprocess
import sys
import tempfile

WORK = tempfile.mkdtemp(prefix="acts-tsa-")
for name in os.listdir(sys.argv[1]):
    shutil.copy(os.path.join(sys.argv[1], name), WORK)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with tempfile.TemporaryDirectory(dir=WORK) as tmp:
            qpath, rpath = os.path.join(tmp, "q.tsq"), os.path.join(tmp, "r.tsr")
            with open(qpath, "wb") as f:
                f.write(query)
            proc = subprocess.run(["openssl", "ts", "-reply", "-config", "tsa.cnf", "-queryfile", qpath, "-out", rpath],
                                  cwd=WORK, capture_output=True)
            if proc.returncode != 0:
                self.send_response(500)
                self.end_headers()
                return
            body = open(rpath, "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
