"""gunicorn's settings for `make serve` and bench/load.py; each can be changed from the environment.

Threads suit this app: a request mostly waits on SQLite/PostgreSQL and Whoosh's files, and each
worker process keeps its own open search index. Start with one worker per core.
"""

import multiprocessing
import os

wsgi_app = "archive.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
# No keep-alive: a kept-alive connection stays with the worker that accepted it, and a few
# busy clients then load one worker (one core) while the other idles. Measured with
# bench/load.py at a million turns: busy-hour p95 1,200 ms with keep-alive 5 s, 520 ms without.
# A proxy in front keeps its own connections to browsers alive.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 0))
# Recycle workers now and then so that slow leaks never build up.
max_requests = 2000
max_requests_jitter = 200
# Logs go to stdout/stderr, where the process manager collects them.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
# The proxy in front sets X-Forwarded-*; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No runtime control socket: nothing uses it, and several servers on one machine (tests, the
# load benchmark, make serve) would contend for its one default path.
control_socket_disable = True


def post_worker_init(worker):
    """Warm the worker up before it takes requests (`archive.wsgi.warm_up`)."""
    from archive.wsgi import warm_up

    warm_up()
