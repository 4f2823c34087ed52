import os
import shutil
from pathlib import Path

import pytest
from haystack import connections

from archive.env import WHOOSH_ENGINE
from interviews.models import Turn
from interviews.services.ingest import file_ingest

IN_CI = os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str):
    """Outside CI a missing tool skips the test with a reason; under CI it fails the run."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this must not be skipped)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def search_index_dir(tmp_path_factory):
    """Point the search engine at a throwaway index for the whole run, never at var/."""
    path = tmp_path_factory.mktemp("whoosh")
    connections.connections_info["default"] = {"ENGINE": WHOOSH_ENGINE, "PATH": str(path)}
    connections.reload("default")
    return path


@pytest.fixture(autouse=True)
def empty_search_index(search_index_dir):
    """Each test starts with an empty index (cleared in place: server threads hold it open)."""
    connections["default"].get_backend().clear(models=[Turn])


@pytest.fixture(autouse=True)
def page_cache(settings):
    """Each test stores pages in its own empty memory cache, never in var/'s file cache."""
    from django.core.cache import cache

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    cache.clear()
    return cache


@pytest.fixture(autouse=True)
def derived_index_dirs(settings, tmp_path):
    """The meaning and talking-point indexes of each test live in its own temporary folder."""
    settings.MEANING_INDEX_DIR = tmp_path / "meaning"
    settings.TALKING_POINTS_DIR = tmp_path / "talking-points"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not path:
        skip_or_fail("Chromium is not installed (apt-get install chromium)")
    return path


SEED_PATH = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.fixture
def seed_segment(db, django_capture_on_commit_callbacks):
    """The seed transcript ingested, published and indexed."""
    with django_capture_on_commit_callbacks(execute=True):
        return file_ingest(path=SEED_PATH).segment
