import pytest
from haystack import connections
from haystack.query import SearchQuerySet

from interviews.models import Turn
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, SpeakerFactory, TurnFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_archive():
    segment = SegmentFactory()
    often, rarely = SpeakerFactory(name="Often"), SpeakerFactory(name="Rarely")
    for n in range(40):
        TurnFactory(segment=segment, speaker=often if n % 4 else rarely, text="court")
    segment_index_sync(segment_id=segment.pk)


@pytest.fixture
def low_exact_limit():
    backend = connections["default"].get_backend()
    saved = backend.facet_exact_limit, backend.facet_sample_size
    backend.facet_exact_limit, backend.facet_sample_size = 10, 20
    yield
    backend.facet_exact_limit, backend.facet_sample_size = saved


def test_above_the_limit_counts_are_estimated_and_marked(busy_archive, low_exact_limit):
    counts = SearchQuerySet().models(Turn).auto_query("court").facet("speaker_exact").facet_counts()

    assert "speaker" in counts["approximate"]
    estimated = dict(counts["fields"]["speaker"])
    assert estimated.keys() == {"Often", "Rarely"}
    assert sum(estimated.values()) == pytest.approx(40, abs=2)


def test_exact_counts_are_one_option_away(busy_archive, low_exact_limit):
    sqs = SearchQuerySet().models(Turn).auto_query("court").facet("speaker_exact", exact=True)
    counts = sqs.facet_counts()

    assert "approximate" not in counts
    assert counts["fields"]["speaker"] == [("Often", 30), ("Rarely", 10)]


def test_counts_of_a_value_held_in_several_index_segments_add_up():
    first, second = SegmentFactory(), SegmentFactory()
    often, once = SpeakerFactory(name="Often"), SpeakerFactory(name="Once")
    TurnFactory.create_batch(3, segment=first, speaker=often, text="court")
    TurnFactory(segment=second, speaker=often, text="court")
    TurnFactory(segment=second, speaker=once, text="court")
    segment_index_sync(segment_id=first.pk)
    segment_index_sync(segment_id=second.pk)
    assert len(connections["default"].get_backend().searcher().reader().leaf_readers()) > 1

    counts = SearchQuerySet().models(Turn).auto_query("court").facet("speaker_exact").facet_counts()

    assert counts["fields"]["speaker"] == [("Often", 4), ("Once", 1)]
