"""Sample Python app: the standard library's HTTP server, answering with its dyno."""
import os
from http.server import BaseHTTPRequestHandler, HTTPServer


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"python dyno={os.environ.get('DYNO', '')}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


print(f"listening on {os.environ['PORT']}")
HTTPServer(("0.0.0.0", int(os.environ["PORT"])), Hello).serve_forever()
