import datetime

import pytest
from haystack.inputs import AutoQuery, Exact, Raw
from haystack.query import SearchQuerySet

from interviews.models import Turn
from interviews.services.indexing import segment_index_sync
from tests.factories import TurnFactory

pytestmark = pytest.mark.django_db


def turns():
    return SearchQuerySet().models(Turn)


def pks(sqs) -> set[int]:
    return {int(pk) for (pk,) in sqs.values_list("pk")}


def test_words_are_stemmed(archive):
    assert pks(turns().filter(content=AutoQuery("recruit"))) == {
        archive["gang"].pk,
        archive["recruiting"].pk,
        archive["supers"].pk,
    }


def test_an_exact_phrase_matches_unstemmed_words_in_order(archive):
    assert pks(turns().filter(text_exact=Exact("super gang"))) == {archive["gang"].pk}
    assert pks(turns().filter(text_exact=Exact("gang super"))) == set()
    assert pks(turns().filter(text_exact=Exact("supers"))) == {archive["supers"].pk}


def test_boolean_syntax_and_prefixes(archive):
    assert pks(turns().filter(content=Raw("gang OR thunder"))) == {
        archive["gang"].pk,
        archive["anon"].pk,
        archive["supers"].pk,
    }
    assert pks(turns().filter(content=AutoQuery("recruit -evening"))) == {
        archive["gang"].pk,
        archive["recruiting"].pk,
    }
    assert pks(turns().filter(content=Raw("thund*"))) == {archive["anon"].pk}


def test_filters_on_whole_values_dates_and_segments(archive):
    neumann = turns().filter(speaker_exact=Exact("Peter Neumann"))
    assert pks(neumann) == {archive["gang"].pk, archive["supers"].pk}
    assert pks(turns().filter(speaker_exact=Exact("Peter"))) == set()
    assert pks(turns().filter(affiliation_exact=Exact("King's College"))) == {archive["gang"].pk}
    assert pks(turns().filter(role_exact__in=["host", "correspondent"])) == {
        archive["recruiting"].pk
    }
    assert pks(turns().filter(topics_exact=Exact("Law, Order"))) == {
        archive["gang"].pk,
        archive["recruiting"].pk,
    }
    assert pks(turns().filter(date__gte=datetime.date(2017, 1, 1))) == {
        archive["supers"].pk,
        archive["anon"].pk,
    }
    assert pks(turns().filter(segment_id=archive["evening"].pk)) == {
        archive["supers"].pk,
        archive["anon"].pk,
    }
    assert pks(turns().filter(speaker_slug=Exact(archive["neumann"].slug))) == pks(neumann)
    assert pks(neumann.exclude(program_exact=Exact("Morning"))) == {archive["supers"].pk}


def test_ordering_by_air_date(archive):
    newest = [int(pk) for (pk,) in turns().order_by("-date").values_list("pk")]
    oldest = [int(pk) for (pk,) in turns().order_by("date").values_list("pk")]

    assert {newest[0], newest[1]} == {archive["supers"].pk, archive["anon"].pk}
    assert {oldest[0], oldest[1]} == {archive["gang"].pk, archive["recruiting"].pk}


def test_field_facets_count_whole_values_for_the_current_query(archive):
    counts = (
        turns()
        .filter(content=AutoQuery("recruit"))
        .facet("speaker_exact")
        .facet("topics_exact")
        .facet_counts()
    )

    # Haystack names facet counts after the field the facet is for.
    assert counts["fields"]["speaker"] == [("Peter Neumann", 2), ("Jane Host", 1)]
    assert dict(counts["fields"]["topics"]) == {"Borders": 2, "Law, Order": 2}


def test_date_facets_count_per_year(archive):
    counts = turns().date_facet(
        "date", datetime.date(2016, 1, 1), datetime.date(2019, 1, 1), "year"
    )
    years = {bucket.year: n for bucket, n in counts.facet_counts()["dates"]["date"] if n}

    assert years == {2016: 2, 2018: 2}


def test_highlights_mark_matches_and_escape_the_rest(archive):
    (hit,) = (
        turns()
        .filter(content=AutoQuery("recruiting"))
        .filter(speaker_exact=Exact("Peter Neumann"))
        .filter(text_exact=Exact("super gang"))
        .highlight()
    )
    snippet = hit.highlighted["text"][0]

    assert "<mark>super</mark> <mark>gang</mark>" in snippet
    assert "<mark>recruits</mark>" in snippet
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; proud" in snippet
    assert "<b>" not in snippet


def test_counts_pages_and_ids(archive):
    sqs = turns().filter(content=AutoQuery("recruit"))

    assert sqs.count() == 3
    assert len(list(sqs[0:2])) == 2
    assert len(list(sqs[2:4])) == 1


def test_updates_and_deletes_reach_the_index(archive):
    added = TurnFactory(segment=archive["evening"], text="A passing zeppelin.")
    archive["anon"].delete()
    segment_index_sync(segment_id=archive["evening"].pk)

    assert pks(turns().filter(content=AutoQuery("zeppelin"))) == {added.pk}
    assert pks(turns().filter(content=AutoQuery("thunder"))) == set()


def test_a_misspelling_gets_a_suggestion(archive):
    assert turns().filter(content=AutoQuery("thundr")).spelling_suggestion() == "thunder"


@pytest.mark.parametrize(
    "query", ['"unbalanced', "AND", "((", "*", "speaker:", "-", "date:[x to", "x" * 5000, "\x00"]
)
def test_no_query_string_raises(archive, query):
    sqs = turns().filter(content=AutoQuery(query)).highlight()

    assert sqs.count() >= 0
    list(sqs[:20])
    assert list(turns().filter(content=Raw(query))[:20]) is not None
