import pytest
from haystack import connections
from haystack.inputs import Exact, Raw
from haystack.query import SearchQuerySet
from whoosh import query as wq

from interviews.models import Turn
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db

TEXTS = [
    "Due process, due process, due process: that is the whole of it.",
    "The process that was due was not given. Due, then process.",
    "In this case the court of appeals held for the United States.",
    "The United States says that in this case there is no case.",
    "Of the court, by the court, for the court; of appeals nothing.",
    "the",
    "",
]
PHRASES = [
    "due process",
    "process due",
    "due process due process",
    "in this case",
    "the united states",
    "court of appeals",
    "of the court by the court",
    "case the",
    "nowhere to be found",
]


def index_turns(texts):
    segment = SegmentFactory()
    for sequence, text in enumerate(texts, start=1):
        TurnFactory(segment=segment, sequence=sequence, text=text)
    segment_index_sync(segment_id=segment.pk)


def phrase_hits(phrase: str) -> set[str]:
    sqs = SearchQuerySet().models(Turn).filter(text_exact=Exact(phrase))
    return {result.text for result in sqs}


def positional_hits(phrase: str) -> set[str]:
    """What Whoosh's own phrase matcher finds, word positions checked one document at a time."""
    searcher = connections["default"].get_backend().searcher()
    q = wq.Phrase("text_exact", phrase.split())
    return {hit["text"] for hit in searcher.search(q, limit=None)}


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_phrase_looked_up_by_its_pairs_finds_what_word_positions_find(phrase):
    index_turns(TEXTS)

    assert phrase_hits(phrase) == positional_hits(phrase)


def test_phrases_are_found_by_pairs_and_in_order():
    index_turns(TEXTS)

    assert phrase_hits("due process") == {TEXTS[0]}
    assert phrase_hits("the united states") == {TEXTS[2], TEXTS[3]}
    assert phrase_hits("states united the") == set()


def test_a_segment_indexed_before_pairs_existed_still_finds_its_phrases(monkeypatch):
    backend = connections["default"].get_backend()
    whoosh_document = backend.whoosh_document

    def without_pairs(prepared):
        document = whoosh_document(prepared)
        del document["text_exact_pairs"]
        return document

    monkeypatch.setattr(backend, "whoosh_document", without_pairs)
    index_turns(TEXTS[:3])

    assert phrase_hits("due process") == {TEXTS[0]}
    assert phrase_hits("in this case") == {TEXTS[2]}


def test_a_phrase_ranks_the_turn_that_says_it_most_first():
    index_turns(TEXTS)

    best = SearchQuerySet().models(Turn).filter(text_exact=Exact("the court"))[0]

    assert best.text == TEXTS[4]


def test_quoted_words_in_any_query_are_an_exact_phrase():
    index_turns([*TEXTS, "Processes were due, said al-Qaida's lawyer."])

    def texts(raw):
        return {r.text for r in SearchQuerySet().models(Turn).filter(content=Raw(raw))}

    # Unstemmed: "processes due" is not "process due".
    assert texts('"Due Process"') == {TEXTS[0]}
    assert texts('"processes were due"') == {"Processes were due, said al-Qaida's lawyer."}
    assert texts('"process were due"') == set()
    assert SearchQuerySet().models(Turn).filter(content=Exact("al qaida")).count() == 1


def test_words_within_a_distance_are_found_at_that_distance_only():
    index_turns(TEXTS)

    def texts(raw):
        return {r.text for r in SearchQuerySet().models(Turn).filter(content=Raw(raw))}

    assert texts('"states case"~6') == {TEXTS[3]}
    assert texts('"states case"~2') == set()
