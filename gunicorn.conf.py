"""gunicorn's settings for `make serve` and bench/load.py; each can be changed from the environment.

Processes, not threads: a request spends most of its time in Python (rendering, ranking), and
the threads of one process share one core. Two single-threaded workers per core held the busy
hour of bench/load.py at a million turns best (p95 260-290 ms, against 350 ms for two workers of
four threads and 300 ms for five workers). Each worker keeps its own open search index (about
300 MB at a million turns). Behind a proxy that buffers responses, a slow client never holds one.
"""

import multiprocessing
import os

wsgi_app = "archive.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
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
    # What bench/load.py (and a deploy script) waits for: every booted worker said this.
    worker.log.info("Worker warmed up (pid: %s)", worker.pid)
