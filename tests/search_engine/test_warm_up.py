import shutil

import pytest
from haystack import connections

from archive.wsgi import warm_up
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db


def test_warming_up_reads_every_facet_and_the_dates_before_any_search():
    segment = SegmentFactory()
    TurnFactory.create_batch(3, segment=segment)
    segment_index_sync(segment_id=segment.pk)
    backend = connections["default"].get_backend()
    backend._tables.clear()

    backend.warm_up()

    tables = [table for table in backend._tables.values() if table.doc_count_all]
    assert tables
    for table in tables:
        assert {"speaker_exact", "role_exact", "topics_exact"} <= table._facets.keys()
        assert "text_exact" not in table._facets  # words are not facet values
        assert "date" in table._numbers
        assert "text" in table._lengths


def test_warming_up_an_index_deleted_underneath_leaves_it_empty_and_raises_nothing():
    backend = connections["default"].get_backend()
    shutil.rmtree(backend.path)
    backend.setup_complete = False

    backend.warm_up()

    assert backend.searcher().doc_count() == 0


def test_a_web_worker_warms_its_search_engine_up_with_its_views_and_templates():
    segment = SegmentFactory()
    TurnFactory(segment=segment)
    segment_index_sync(segment_id=segment.pk)
    backend = connections["default"].get_backend()
    backend._tables.clear()

    warm_up()

    assert any("speaker_exact" in table._facets for table in backend._tables.values())
