"""A deleted or damaged search index: pages go on serving, search says it is unavailable (not
"no results", not a server error), and rebuilding the index brings search back."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from haystack import connections

from archive.env import WHOOSH_ENGINE
from interviews.services.ingest import file_ingest
from tests.conftest import SEED_PATH

pytestmark = pytest.mark.django_db

UNAVAILABLE = "Search is unavailable"


def point_search_at(path: Path) -> None:
    connections.connections_info["default"] = {"ENGINE": WHOOSH_ENGINE, "PATH": str(path)}
    connections.reload("default")


@pytest.fixture
def index_dir(tmp_path, search_index_dir):
    """An index of the test's own, so that damaging it spares the other tests' index."""
    path = tmp_path / "whoosh"
    point_search_at(path)
    yield path
    point_search_at(search_index_dir)


@pytest.fixture
def archive(index_dir, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return file_ingest(path=SEED_PATH).segment


def delete(path: Path) -> None:
    shutil.rmtree(path)


def garble_table_of_contents(path: Path) -> None:
    for toc in path.glob("*.toc"):
        toc.write_bytes(b"\x00garbage, not a table of contents" * 10)


def garble_segments(path: Path) -> None:
    for segment in path.glob("*.seg"):
        segment.write_bytes(b"\x00garbage" * 1000)


def empty_folder(path: Path) -> None:
    for item in path.iterdir():
        item.unlink()


DAMAGE = [delete, garble_table_of_contents, garble_segments, empty_folder]


def restart() -> None:
    """What a new server process sees: a backend opened from scratch."""
    connections.reload("default")


@pytest.fixture(autouse=True)
def nothing_stored(page_cache, settings):
    """Pages stored before the damage would still be served, rightly: these tests need fresh
    searches, so nothing is stored."""
    settings.PAGE_CACHE_SECONDS = 0


SEARCHES = [
    ("interviews:search", {"q": "ghanima"}),
    ("api:search", {"q": "ghanima"}),
    ("interviews:search_feed", {"q": "ghanima"}),
    ("interviews:search_csv", {"q": "ghanima"}),
    ("interviews:search_json", {"q": "ghanima"}),
    ("interviews:quote_check", {"quote": "Ghanima is an Arabic term"}),
]


def assert_search_says_unavailable(client) -> None:
    for name, params in SEARCHES:
        response = client.get(reverse(name), params)
        body = response.content.decode()
        assert response.status_code == 503, (name, response.status_code)
        assert UNAVAILABLE in body, name
        assert "No quotes" not in body and "No close match" not in body, name


def assert_pages_serve(client, segment) -> None:
    for url in (
        reverse("interviews:home"),
        segment.get_absolute_url(),
        segment.turns.exclude(speaker=None).first().speaker.get_absolute_url(),
        reverse("api:segment", args=[segment.pk]),
    ):
        assert client.get(url).status_code == 200, url


# A running process keeps the index it opened: a damaged table of contents is only read on the
# next reopening, so it goes on answering meanwhile. It maps the segment files into memory:
# truncating one under it ends that process with SIGBUS (gunicorn starts a new worker, which is
# the "after a restart" case).
CASES = [
    (damage, restarted)
    for damage in DAMAGE
    for restarted in (False, True)
    if restarted or damage not in (garble_segments, garble_table_of_contents)
]


@pytest.mark.parametrize(
    ("damage", "restarted"),
    CASES,
    ids=[f"{d.__name__}-{'after a restart' if r else 'running server'}" for d, r in CASES],
)
def test_a_damaged_index_leaves_pages_serving_and_search_says_unavailable(
    client, archive, index_dir, damage, restarted
):
    assert "ghanima" in client.get(reverse("interviews:search"), {"q": "ghanima"}).content.decode()

    damage(index_dir)
    if restarted:
        restart()

    assert_search_says_unavailable(client)
    assert_pages_serve(client, archive)


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
@pytest.mark.parametrize("command", ["build_search_index", "rebuild_index"])
def test_rebuilding_the_index_brings_search_back(client, archive, index_dir, damage, command):
    client.get(reverse("interviews:search"), {"q": "ghanima"})
    damage(index_dir)
    restart()
    assert client.get(reverse("interviews:search"), {"q": "ghanima"}).status_code == 503

    restart()  # the command runs in its own process
    call_command(
        command,
        "--noinput" if command == "rebuild_index" else "--no-progress",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    response = client.get(reverse("interviews:search"), {"q": "ghanima"})
    assert response.status_code == 200
    assert "<mark>Ghanima</mark>" in response.content.decode()
    assert client.get(reverse("api:search"), {"q": "ghanima"}).json()["count"] >= 1


def test_check_index_on_a_damaged_index_says_to_rebuild_it(archive, index_dir):
    garble_table_of_contents(index_dir)
    restart()

    with pytest.raises(CommandError, match="Run `manage.py build_search_index`"):
        call_command("check_index", stdout=io.StringIO())
