"""A plain static file server for the browser tests.

Folders give their index.html and a missing file gives the site's 404.html
with status 404, as GitHub Pages, Netlify and S3 website hosting do. Nothing is
rewritten: a route works only if `folio build` wrote a file for it.

Usage: static_server.py PORT ROOT [--not-found PAGE] [--cors]
"""

import argparse
import functools
import http.server


class Handler(http.server.SimpleHTTPRequestHandler):
    not_found_page = None
    cors = False

    def end_headers(self):
        # A bucket serving content to an app on another origin answers with CORS headers.
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

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
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("root")
    parser.add_argument("--not-found")
    parser.add_argument("--cors", action="store_true")
    args = parser.parse_args()
    Handler.not_found_page = args.not_found
    Handler.cors = args.cors
    handler = functools.partial(Handler, directory=args.root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
