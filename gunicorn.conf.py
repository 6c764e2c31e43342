"""Gunicorn settings: `gunicorn -c gunicorn.conf.py` (see README, section Production).

Every value can be changed from the environment, so the same file serves a
small VM, a container and benchmarks/serving.py.
"""

import multiprocessing
import os

wsgi_app = "tas_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads let one worker keep idle keep-alive connections (CDN, load balancer)
# while others are busy; processes use the cores. Pages are I/O-light, so
# a few threads per process are enough.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
# Recycle workers now and then so a slow leak never becomes an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
# Load Django once in the master; workers fork with it already imported.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# The proxy in front terminates TLS and sets X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Gunicorn 24+ opens a control socket at one fixed path per user; several
# servers on one machine (tests, benchmarks) would take it from each other.
control_socket_disable = True
