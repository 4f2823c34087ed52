import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import reverse

from archive.env import cache_config, code_fingerprint, proxy_ssl_header
from archive.middleware import HeadWithoutBodyMiddleware
from tests.factories import TurnFactory

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"


def manage(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ARCHIVE_"))}
    environment.update(ARCHIVE_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto: https",
}


def test_the_deployment_checklist_is_clean_with_production_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets_and_hosts(tmp_path, missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}

    result = manage("check", tmp_path=tmp_path, **env)

    assert result.returncode != 0
    assert f"Set the {missing} environment variable." in result.stderr


def test_debug_is_off_in_production_unless_asked_for(tmp_path):
    result = manage("diffsettings", "--all", tmp_path=tmp_path, **PRODUCTION)

    assert "DEBUG = False" in result.stdout
    assert "SECURE_SSL_REDIRECT = True" in result.stdout
    assert "SESSION_COOKIE_SECURE = True" in result.stdout


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_that_allows_no_inline_code(client):
    response = client.get(TurnFactory().segment.get_absolute_url())

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_no_template_needs_inline_script_or_style():
    for template in TEMPLATES.rglob("*.html"):
        html = template.read_text()
        assert "<style" not in html, template
        assert " style=" not in html, template
        assert " on" + "click=" not in html, template
        for chunk in html.split("<script")[1:]:
            assert " src=" in chunk.split(">", 1)[0], f"{template}: an inline <script>"


@pytest.mark.django_db
def test_the_health_check_answers_while_the_database_does(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_robots_txt_points_crawlers_at_the_sitemap_and_away_from_the_admin(client):
    text = client.get("/robots.txt").content.decode()

    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("file:///srv/archive/cache", "filebased.FileBasedCache", "/srv/archive/cache"),
        ("db://page_cache", "db.DatabaseCache", "page_cache"),
        ("redis://cache.internal:6379/1", "redis.RedisCache", "redis://cache.internal:6379/1"),
        ("locmem://", "locmem.LocMemCache", None),
    ],
)
def test_the_cache_comes_from_one_url(url, backend, location):
    config = cache_config(url)

    assert config["BACKEND"] == f"django.core.cache.backends.{backend}"
    assert config.get("LOCATION") == location


def test_a_cache_url_can_bound_the_number_of_entries():
    assert cache_config("file:///tmp/c?max_entries=500")["OPTIONS"] == {"MAX_ENTRIES": 500}


@pytest.mark.parametrize("url", ["memcache://x", "/var/cache", "file:///c?max_entries=lots"])
def test_a_bad_cache_url_says_what_is_accepted(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_config(url)


@pytest.mark.parametrize(
    "value", ["X-Forwarded-Proto: https", "x-forwarded-proto=https", "HTTP_X_FORWARDED_PROTO:https"]
)
def test_the_proxy_header_that_marks_https_is_read_in_any_usual_spelling(value):
    assert proxy_ssl_header(value) == ("HTTP_X_FORWARDED_PROTO", "https")


def test_no_proxy_header_is_trusted_unless_configured():
    assert proxy_ssl_header("") is None
    with pytest.raises(ImproperlyConfigured, match="X-Forwarded-Proto: https"):
        proxy_ssl_header("X-Forwarded-Proto")


@pytest.mark.django_db
def test_with_https_on_plain_http_is_redirected_except_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    assert client.get("/").headers["Location"] == "https://testserver/"
    assert client.get("/healthz").status_code == 200
    assert client.get("/", headers={"x-forwarded-proto": "https"}).status_code == 301
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/", headers={"x-forwarded-proto": "https"}).status_code == 200


def test_head_answers_drop_the_body_and_keep_the_length_of_get(rf):
    middleware = HeadWithoutBodyMiddleware(
        lambda request: HttpResponse("hello", headers={"Content-Length": "5"})
    )

    head = middleware(rf.head("/"))
    get = middleware(rf.get("/"))

    assert (head.content, head["Content-Length"]) == (b"", "5")
    assert get.content == b"hello"


def test_the_release_fingerprint_changes_when_a_template_does(tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>old</p>")
    before = code_fingerprint(tmp_path, ("templates",))

    template.write_text("<p>new</p>")

    assert code_fingerprint(tmp_path, ("templates",)) != before
    assert len(before) == 12


@pytest.mark.django_db
def test_a_missing_page_says_so_in_the_sites_own_words(client):
    response = client.get("/speakers/nobody-at-all/")

    assert response.status_code == 404
    assert "There is no page at this address" in response.content.decode()
    assert 'href="/"' in response.content.decode()
