"""The production server itself: gunicorn with several workers, as `make serve` runs it."""

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SEED_PATH

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        ARCHIVE_VAR_DIR=str(tmp_path),
        SEARCH_URL=f"whoosh://{tmp_path / 'whoosh'}",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_HTTPS="false",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        LOG_LEVEL="WARNING",
    )
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "manage.py", "ingest", str(SEED_PATH)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return env


@pytest.fixture(scope="module")
def gunicorn(production_env):
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env={**production_env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "3"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"gunicorn did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=30)


def fetch(url: str) -> tuple[int, str, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode(), dict(response.headers)


def shell(env: dict, code: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def test_an_edit_in_one_process_reaches_every_gunicorn_worker_at_once(gunicorn, production_env):
    status, html, _ = fetch(f"{gunicorn}/")
    segment_url = re.search(r'href="(/segments/[^"]+)"', html).group(1)
    # Enough requests that every worker has rendered and stored the page.
    for _ in range(12):
        assert "If ISIS falls" in fetch(f"{gunicorn}{segment_url}")[1]

    shell(
        production_env,
        "from interviews.models import Segment; s = Segment.objects.get(); "
        "s.title = 'Where will the fighters go?'; s.save()",
    )

    pages = [fetch(f"{gunicorn}{segment_url}")[1] for _ in range(12)]
    assert all("Where will the fighters go?" in page for page in pages)


def test_gunicorn_serves_static_files_and_security_headers(gunicorn):
    status, html, headers = fetch(f"{gunicorn}/")
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)

    css_status, css, css_headers = fetch(f"{gunicorn}{stylesheet}")

    assert status == css_status == 200
    assert re.search(r"site\.[0-9a-f]{12}\.css", stylesheet), "hashed name for long caching"
    assert "max-age=315360000" in css_headers["Cache-Control"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_head_gets_the_headers_of_get_and_no_body(gunicorn):
    request = urllib.request.Request(f"{gunicorn}/api/segments/", method="HEAD")
    with urllib.request.urlopen(request, timeout=10) as response:
        head_length, body = response.headers["Content-Length"], response.read()
    _, page, _ = fetch(f"{gunicorn}/api/segments/")

    assert body == b""
    assert int(head_length) == len(page.encode())


def test_gunicorn_closes_each_connection_so_every_request_goes_to_a_free_worker(gunicorn):
    # A kept-alive connection would stay with one worker however busy it is.
    host, port = gunicorn.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", "/healthz")
    response = connection.getresponse()
    response.read()
    connection.close()

    assert response.status == 200
    assert response.getheader("Connection") == "close"
