"""Small readers for settings from environment variables that fail loudly on a bad value."""

import hashlib
import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None, *, choices: tuple[str, ...] = ()) -> str:
    """The variable's value; its default when unset; ImproperlyConfigured when neither exists."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    if choices and value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def env_bool(name: str, default: bool) -> bool:
    """True or false from 1/0, true/false, yes/no, on/off; its default when unset."""
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    """A whole number; its default when unset."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str] | None) -> list[str]:
    """A comma-separated list."""
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


WHOOSH_ENGINE = "interviews.search.backend.ArchiveWhooshEngine"
ELASTICSEARCH_ENGINE = "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine"


def search_connections(url: str) -> dict:
    """HAYSTACK_CONNECTIONS from one URL, so that changing search engine is configuration.

    `whoosh:///abs/path` or `whoosh://relative/path` is the embedded engine;
    `elasticsearch://host:9200/index_name` (or `elasticsearchs://` for TLS) uses haystack's
    Elasticsearch 7 backend.
    """
    parts = urlsplit(url)
    if parts.scheme == "whoosh":
        path = Path(parts.netloc + parts.path)
        return {"default": {"ENGINE": WHOOSH_ENGINE, "PATH": str(path)}}
    if parts.scheme in ("elasticsearch", "elasticsearchs"):
        scheme = "https" if parts.scheme == "elasticsearchs" else "http"
        index_name = parts.path.strip("/") or "interview_archive"
        options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        return {
            "default": {
                "ENGINE": ELASTICSEARCH_ENGINE,
                "URL": f"{scheme}://{parts.netloc}/",
                "INDEX_NAME": index_name,
                "TIMEOUT": int(options.get("timeout", 10)),
            }
        }
    raise ImproperlyConfigured(
        f"SEARCH_URL must start with whoosh:// or elasticsearch://, not {url!r}."
    )


def proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """SECURE_PROXY_SSL_HEADER from `X-Forwarded-Proto: https` (or the HTTP_... META form).

    Only set it behind a proxy that always sets or strips that header: otherwise a client could
    claim HTTPS by sending it.
    """
    if not value.strip():
        return None
    name, separator, expected = value.replace("=", ":", 1).partition(":")
    if not separator or not name.strip() or not expected.strip():
        raise ImproperlyConfigured(
            "DJANGO_SECURE_PROXY_SSL_HEADER must look like 'X-Forwarded-Proto: https', "
            f"not {value!r}."
        )
    name = name.strip().upper().replace("-", "_")
    if not name.startswith("HTTP_"):
        name = f"HTTP_{name}"
    return name, expected.strip()


CACHE_BACKENDS = {
    "file": "django.core.cache.backends.filebased.FileBasedCache",
    "db": "django.core.cache.backends.db.DatabaseCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}


def cache_config(url: str) -> dict:
    """CACHES from one URL, so that moving the cache to a shared server is configuration.

    `file:///abs/path` (the default: shared by the workers of one machine), `db://table_name`
    (shared by every server on the database; run `manage.py createcachetable`),
    `redis://host:6379/0` (needs the `redis` package), `locmem://` (one process only) or
    `dummy://` (no caching). `?max_entries=N` bounds the file, database and memory caches.
    """
    parts = urlsplit(url)
    backend = CACHE_BACKENDS.get(parts.scheme)
    if backend is None:
        raise ImproperlyConfigured(
            f"CACHE_URL must start with one of {', '.join(s + '://' for s in CACHE_BACKENDS)}, "
            f"not {url!r}."
        )
    config: dict = {"BACKEND": backend}
    if parts.scheme == "file":
        config["LOCATION"] = parts.netloc + parts.path
    elif parts.scheme == "db":
        config["LOCATION"] = (parts.netloc + parts.path).strip("/") or "archive_cache"
    elif parts.scheme in ("redis", "rediss"):
        config["LOCATION"] = urlunsplit(parts._replace(query=""))
    options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if "max_entries" in options:
        try:
            config["OPTIONS"] = {"MAX_ENTRIES": int(options["max_entries"])}
        except ValueError:
            raise ImproperlyConfigured(
                f"CACHE_URL's max_entries must be a whole number, not {options['max_entries']!r}."
            ) from None
    return config


def code_fingerprint(root: Path, folders: tuple[str, ...]) -> str:
    """A short hash of the code and templates under `folders`: it changes with every release.

    Stored pages carry it, so a release that changes how pages look never serves pages rendered
    by the one before.
    """
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".txt", ".xml") and path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
