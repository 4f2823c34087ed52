"""Small readers for settings from environment variables that fail loudly on a bad value."""

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

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
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
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
