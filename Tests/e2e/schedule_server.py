#!/usr/bin/env python3
"""A schedule server on 127.0.0.1 for the remote-schedule tests, one that can misbehave.

Usage: schedule_server.py FILE [--port N]
Prints "PORT <n>" on its first line, then serves until killed. Paths:
  /schedule          FILE with an ETag and Last-Modified; 304 for a matching If-None-Match or
                     If-Modified-Since. FILE is read at every request: replace it to publish.
  /plain             FILE without validators (every fetch is a 200).
  /status/N          answers with HTTP status N.
  /loop              redirects to itself forever.
  /redirect/N        N redirects, then /schedule.
  /goto/PORT/PATH    redirects to http://127.0.0.1:PORT/PATH (another origin when PORT is another's).
  /always-304        304 Not Modified with `ETag: "x"`, whatever was asked.
  /etag/TEXT         FILE with TEXT, percent-decoded, as its ETag (CR and LF included).
  /slow/S            sleeps S seconds, then serves FILE.
  /trickle/S         sends the headers, then one byte of FILE every S seconds.
  /truncated         announces FILE's length, sends half of it, closes.
  /huge/BYTES        a body of BYTES bytes (announced).
  /huge-chunked/BYTES  a body of BYTES bytes, no length announced (closed at the end).
  /stats             JSON: requests per path, 304s sent, If-None-Match and If-Modified-Since
                     values seen, and any Authorization header.
"""
import email.utils
import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FILE = sys.argv[1] if len(sys.argv) > 1 else None
STATS = {"requests": {}, "not_modified": 0, "if_none_match": [], "if_modified_since": [], "authorization": []}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        with open(FILE, "rb") as f:
            return f.read()

    def send(self, status, data=b"", headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?")[0]
        with LOCK:
            key = "/" + path.strip("/").split("/")[0]
            STATS["requests"][key] = STATS["requests"].get(key, 0) + 1
            for header, seen in (("If-None-Match", "if_none_match"), ("If-Modified-Since", "if_modified_since"),
                                 ("Authorization", "authorization")):
                if self.headers.get(header):
                    STATS[seen].append(self.headers.get(header))
        parts = path.strip("/").split("/")
        name, arg = parts[0], (parts[1] if len(parts) > 1 else None)
        if name == "schedule":
            data = self.body()
            etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
            modified = email.utils.formatdate(int(os.stat(FILE).st_mtime), usegmt=True)
            headers = {"ETag": etag, "Last-Modified": modified, "Content-Type": "application/xml"}
            if self.headers.get("If-None-Match") == etag or (
                    not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == modified):
                with LOCK:
                    STATS["not_modified"] += 1
                self.send_response(304)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                return
            self.send(200, data, headers)
        elif name == "plain":
            self.send(200, self.body())
        elif name == "status":
            self.send(int(arg), b"error page\n")
        elif name == "loop":
            self.send(302, b"", {"Location": "/loop"})
        elif name == "redirect":
            n = int(arg)
            self.send(302, b"", {"Location": f"/redirect/{n - 1}" if n > 1 else "/schedule"})
        elif name == "goto":
            port, rest = parts[1], "/".join(parts[2:])
            self.send(302, b"", {"Location": f"http://127.0.0.1:{port}/{rest}"})
        elif name == "always-304":
            with LOCK:
                STATS["not_modified"] += 1
            self.send_response(304)
            self.send_header("ETag", '"x"')
            self.end_headers()
        elif name == "etag":
            # Raw, as a hostile server would send it: send_header does not check the value.
            self.send(200, self.body(), {"ETag": urllib.parse.unquote(arg)})
        elif name == "slow":
            time.sleep(float(arg))
            self.send(200, self.body())
        elif name == "trickle":
            data = self.body()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                    time.sleep(float(arg))
            except OSError:
                pass
        elif name == "truncated":
            data = self.body()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif name in ("huge", "huge-chunked"):
            size = int(arg)
            self.send_response(200)
            if name == "huge":
                self.send_header("Content-Length", str(size))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<" + b"x" * 65535
            sent = 0
            try:
                while sent < size:
                    piece = chunk[: min(len(chunk), size - sent)]
                    self.wfile.write(piece)
                    sent += len(piece)
            except OSError:
                pass
            self.close_connection = True
        elif name == "stats":
            with LOCK:
                data = json.dumps(STATS).encode()
            self.send(200, data, {"Content-Type": "application/json"})
        else:
            self.send(404, b"not found\n")


def main():
    port = 0
    if "--port" in sys.argv:
        port = int(sys.argv[sys.argv.index("--port") + 1])
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
