#!/usr/bin/env python3
"""A stand-in for doi.org (CSL-JSON by content negotiation) and Crossref (works/{doi}) on the loopback interface,
for bench/lookup-bench.sh: every answer after a fixed delay. Every tenth DOI has a retraction notice.

usage: lookup_server.py PORT DELAY_MS   (prints "ready" when listening; stops on SIGTERM)
"""
import json
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
DELAY = int(sys.argv[2]) / 1000.0


def number(doi):
    tail = doi.rsplit(".", 1)[-1]
    return int(tail) if tail.isdigit() else 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        time.sleep(DELAY)
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path.startswith("/works/"):
            doi = path[len("/works/"):]
            message = {"DOI": doi, "type": "journal-article", "title": ["Study " + doi]}
            if number(doi) % 10 == 0:
                message["updated-by"] = [{"DOI": "10.5555/retraction." + str(number(doi)), "type": "retraction",
                                          "source": "retraction-watch", "updated": {"date-parts": [[2022, 5, 2]]}}]
            body, kind = {"status": "ok", "message-type": "work", "message": message}, "application/json"
        else:
            doi = path.lstrip("/")
            n = number(doi)
            body = {"DOI": doi, "type": "article-journal", "title": "Study " + doi, "container-title": "Journal of Benchmarks",
                    "publisher": "Bench Press", "volume": str(1 + n % 40), "issue": str(1 + n % 12), "page": f"{n}-{n + 9}",
                    "issued": {"date-parts": [[2000 + n % 25, 1 + n % 12, 1 + n % 28]]}, "language": "en",
                    "author": [{"family": "Author" + str(n), "given": "Ann"}, {"family": "Writer", "given": "Bo"}]}
            kind = "application/vnd.citationstyles.csl+json"
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
server.daemon_threads = True
print("ready", flush=True)
server.serve_forever()
