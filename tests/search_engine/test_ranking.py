import pytest
from haystack import connections
from haystack.inputs import Raw
from haystack.query import SearchQuerySet
from whoosh.qparser import QueryParser

from interviews.models import Turn
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db

TEXTS = [
    "The court held that the statute was void.",
    "Court, court, court: the court again and again.",
    "A long answer about evidence, the statute, the record below, the jury, the trial judge, "
    "and what the court of appeals made of all of it in the end.",
    "Evidence.",
    "The statute says nothing about the court.",
    "Nothing relevant here at all.",
    "The jury heard the evidence and the judge instructed the jury on the statute.",
]


@pytest.fixture
def backend():
    # Two commits: usually two Whoosh segments (unless Whoosh merges them), whose documents
    # are numbered from each segment's offset.
    for texts in (TEXTS[:4], TEXTS[4:]):
        segment = SegmentFactory()
        for sequence, text in enumerate(texts, start=1):
            TurnFactory(segment=segment, sequence=sequence, text=text)
        segment_index_sync(segment_id=segment.pk)
    return connections["default"].get_backend()


@pytest.mark.parametrize(
    "query",
    ["court", "statute evidence", "court OR evidence", "jury AND (statute OR court)", "stat*"],
)
def test_words_are_scored_with_arrays_exactly_as_whoosh_scores_them(backend, query):
    searcher = backend.searcher()
    q = QueryParser("text", schema=backend.schema).parse(query)
    whoosh_top = {docnum: score for score, docnum in searcher.search(q, limit=None).top_n}
    docs = backend._docs(searcher, q, ("test", query))

    scores = backend._scores(searcher, q, docs)

    if query == "stat*":
        # A prefix matches with a constant score in Whoosh: left to Whoosh to rank.
        assert scores is None
        return
    assert dict(zip(docs.tolist(), scores.tolist(), strict=True)) == pytest.approx(whoosh_top)


def test_results_come_best_first_with_ties_in_index_order(backend):
    results = list(SearchQuerySet().models(Turn).auto_query("court"))

    scores = [result.score for result in results]
    assert scores == sorted(scores, reverse=True)
    assert results[0].text == TEXTS[1]
    assert len(results) == 4


def test_a_page_further_down_continues_the_same_order(backend):
    everything = [
        r.pk
        for r in SearchQuerySet().models(Turn).filter(content=Raw("court OR statute OR evidence"))
    ]

    pages = [
        r.pk
        for r in SearchQuerySet()
        .models(Turn)
        .filter(content=Raw("court OR statute OR evidence"))[2:4]
    ]

    assert len(everything) == 6
    assert pages == everything[2:4]
