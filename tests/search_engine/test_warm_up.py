import gc
import shutil
import threading

import pytest
from django.template import engines
from haystack import connections

from archive.wsgi import warm_up
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unfrozen():
    """A worker's warm-up freezes its heap; the test process's stays collectable."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def cold_backend(*texts: str):
    """The search backend over one indexed segment of these turns, with no table read yet."""
    segment = SegmentFactory()
    for text in texts:
        TurnFactory(segment=segment, text=text)
    segment_index_sync(segment_id=segment.pk)
    backend = connections["default"].get_backend()
    backend._tables.clear()
    return backend


def test_warming_up_reads_every_facet_and_the_dates_before_any_search():
    backend = cold_backend(*["Borders, borders and more borders."] * 3)

    backend.warm_up()

    tables = [table for table in backend._tables.values() if table.doc_count_all]
    assert tables
    for table in tables:
        assert {"speaker_exact", "role_exact", "topics_exact"} <= table._facets.keys()
        assert "text_exact" not in table._facets  # words are not facet values
        assert "date" in table._numbers
        assert "text" in table._lengths
        # The most frequent words' postings too (stemmed, as the content field holds them).
        assert ("text", b"border") in table._terms


def test_warming_up_an_index_deleted_underneath_leaves_it_empty_and_raises_nothing():
    backend = connections["default"].get_backend()
    shutil.rmtree(backend.path)
    backend.setup_complete = False

    backend.warm_up()

    assert backend.searcher().doc_count() == 0


def test_a_web_worker_warms_its_search_engine_up_with_its_views_and_templates():
    backend = cold_backend("Taxes and the border.")

    warm_up()

    assert any("speaker_exact" in table._facets for table in backend._tables.values())


def test_a_web_worker_compiles_the_partials_every_page_renders_before_its_first_request():
    jinja = engines["jinja2"].env
    jinja.cache.clear()

    warm_up()

    compiled = {name for _, name in jinja.cache}
    assert {
        "interviews/_turn.html",
        "interviews/_timeline.html",
        "interviews/_facets.html",
    } <= compiled


def test_a_warmed_up_worker_leaves_what_it_loaded_out_of_garbage_collections():
    warm_up()

    assert gc.get_freeze_count() > 0


def test_every_thread_of_a_server_searches_with_the_tables_warmed_up_once():
    cold_backend(*["Taxes and the border."] * 3)
    warm_up()
    found = {}

    def search_in_a_new_thread(name):
        backend = connections["default"].get_backend()
        found[name] = (backend, backend.search("border")["hits"], dict(backend._tables))

    threads = [threading.Thread(target=search_in_a_new_thread, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    backends = {id(backend) for backend, _, _ in found.values()}
    assert len(backends) == 4  # haystack gives each thread its own backend...
    for _, hits, tables in found.values():
        assert hits == 3
        # ...and they all read the arrays the worker's warm-up read.
        assert all("speaker_exact" in table._facets for table in tables.values())


def test_the_shared_tables_read_through_their_own_reader_never_a_threads():
    backend = cold_backend(*["Taxes and the border."] * 3)

    backend.search("border")

    # A thread's reader (its open files) is used by that thread alone, without a lock.
    threads_readers = {id(leaf) for leaf, _ in backend.searcher().reader().leaf_readers()}
    assert backend._tables
    assert not threads_readers & {id(table.leaf) for table in backend._tables.values()}
