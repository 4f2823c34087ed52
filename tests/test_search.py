import pytest
from django.urls import reverse

from interviews.search.queries import quote_search
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db


def test_a_word_from_the_seed_finds_the_turn_that_says_it(seed_segment):
    results = quote_search(q="ghanima")

    assert results.count == 1
    hit = results.hits[0]
    assert hit.turn.speaker.name == "Rukmini Callimachi"
    assert "<mark>ghanima</mark>" in hit.snippet.lower()


def test_the_search_page_links_each_hit_to_its_turn_in_context(client, seed_segment):
    response = client.get(reverse("interviews:search"), {"q": "ghanima"})

    assert response.status_code == 200
    turn = seed_segment.turns.get(text__contains="ghanima")
    assert turn.get_absolute_url() == f"{seed_segment.get_absolute_url()}#turn-{turn.sequence}"
    assert turn.get_absolute_url() in response.content.decode()
    assert "Rukmini Callimachi" in response.content.decode()


def test_stemmed_words_match_other_forms(seed_segment):
    assert quote_search(q="recruiting").count >= 1
    assert any("recruits" in hit.turn.text for hit in quote_search(q="recruit").hits)


def test_an_exact_phrase_matches_only_those_words_in_order(seed_segment):
    texts = [hit.turn.text for hit in quote_search(q='"super gang"').hits]

    assert texts and all("super gang" in text for text in texts)
    assert quote_search(q='"gang super"').count == 0


def test_words_marked_side_by_side_read_as_one_mark(seed_segment):
    (hit,) = quote_search(q='"super gang"').hits

    assert "<mark>super gang</mark>" in hit.snippet
    assert "</mark> <mark>" not in hit.snippet


def test_marks_on_either_side_of_a_paragraph_break_stay_apart():
    segment = SegmentFactory()
    TurnFactory(segment=segment, text="We need the zebra\n\nquagga herds counted.")
    segment_index_sync(segment_id=segment.pk)

    (hit,) = quote_search(q="zebra quagga").hits

    assert "<mark>zebra</mark>\n\n<mark>quagga</mark>" in hit.snippet


def test_draft_segments_are_not_searchable(django_capture_on_commit_callbacks):
    segment = SegmentFactory(status="draft")
    TurnFactory(segment=segment, text="A confidential xylophone remark.")
    segment_index_sync(segment_id=segment.pk)

    assert quote_search(q="xylophone").count == 0


def test_unpublishing_removes_a_segments_turns_from_the_index():
    segment = SegmentFactory()
    TurnFactory(segment=segment, text="The marmalade question.")
    segment_index_sync(segment_id=segment.pk)
    assert quote_search(q="marmalade").count == 1

    segment.status = "draft"
    segment.save()
    segment_index_sync(segment_id=segment.pk)

    assert quote_search(q="marmalade").count == 0


def test_deleted_turns_leave_the_index_on_the_next_sync():
    segment = SegmentFactory()
    turn = TurnFactory(segment=segment, text="A passing zeppelin.")
    segment_index_sync(segment_id=segment.pk)

    turn.delete()
    segment_index_sync(segment_id=segment.pk)

    assert quote_search(q="zeppelin").count == 0


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "((", "*", "speaker:", "-", "x" * 5000])
def test_odd_queries_answer_without_error(client, seed_segment, query):
    response = client.get(reverse("interviews:search"), {"q": query})

    assert response.status_code == 200


def test_a_hit_shows_the_affiliation_the_speaker_had_in_that_segment(client, seed_segment):
    response = client.get(reverse("interviews:search"), {"q": "ghanima"})

    assert "The New York Times" in response.content.decode()
