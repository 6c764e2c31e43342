"""moto's S3 API server, plus ``GET /_requests``: the requests it has served.

``python -m tests.s3_server PORT`` (started by ``tests.harness.s3_server``).
Tests read the log to prove what did or did not reach object storage.
"""

import json
import sys
import threading

from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server


class RequestLog:
    def __init__(self, app):
        self.app = app
        self.entries = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/_requests":
            with self.lock:
                body = json.dumps(self.entries).encode()
            start_response("200 OK", [("Content-Type", "application/json")])
            return [body]
        with self.lock:
            self.entries.append(
                {
                    "method": environ.get("REQUEST_METHOD"),
                    "path": environ.get("PATH_INFO"),
                    "query": environ.get("QUERY_STRING", ""),
                    "agent": environ.get("HTTP_USER_AGENT", ""),
                }
            )
        return self.app(environ, start_response)


def main(port):
    app = RequestLog(DomainDispatcherApplication(create_backend_app))
    make_server("127.0.0.1", port, app, threaded=True).serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]))
