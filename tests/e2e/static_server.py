"""A plain static file server for the browser tests.

Folders give their index.html and a missing file gives the site's 404.html
with status 404, as GitHub Pages, Netlify and S3 website hosting do. Nothing is
rewritten: a route works only if `folio build` wrote a file for it.

Usage: static_server.py PORT ROOT [NOT_FOUND_PAGE]
"""

import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    not_found_page = None

    def send_error(self, code, message=None, explain=None):
        if code == 404 and self.not_found_page:
            try:
                with open(self.not_found_page, "rb") as page:
                    body = page.read()
            except OSError:
                return super().send_error(code, message, explain)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return None
        return super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


def main():
    port, root = int(sys.argv[1]), sys.argv[2]
    Handler.not_found_page = sys.argv[3] if len(sys.argv) > 3 else None
    handler = functools.partial(Handler, directory=root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
