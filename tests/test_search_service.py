import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from haystack import connections

from interviews.search.queries import people_matching, quote_search
from interviews.search.query import parse_query
from tests.factories import (
    AppearanceFactory,
    SegmentFactory,
    SpeakerFactory,
    TopicFactory,
    TurnFactory,
    index_segments,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """Two people over two years, on two topics, in two programs; everything indexed."""
    neumann = SpeakerFactory(name="Peter Neumann", key="peter neumann", slug="peter-neumann")
    brangham = SpeakerFactory(name="William Brangham", key="william brangham", slug="brangham")
    terrorism, europe = TopicFactory(name="Terrorism"), TopicFactory(name="Europe")
    older = SegmentFactory(air_date=datetime.date(2015, 3, 2), program__name="NewsHour")
    older.topics.set([terrorism])
    newer = SegmentFactory(air_date=datetime.date(2016, 10, 19), program__name="Frontline")
    newer.topics.set([terrorism, europe])
    AppearanceFactory(segment=older, speaker=neumann, affiliation="King's College London")
    AppearanceFactory(segment=newer, speaker=neumann, affiliation="ICSR")
    texts = [
        (older, neumann, "guest", "Gangs recruit in the suburbs of Paris."),
        (older, brangham, "host", "Who does the gang recruit, and where?"),
        (newer, neumann, "guest", "It is a super gang, recruiting criminals."),
        (newer, neumann, "guest", "The recruits come from prison."),
        (newer, brangham, "host", "Recruiting is the question tonight."),
    ]
    for segment, speaker, role, text in texts:
        TurnFactory(segment=segment, speaker=speaker, role=role, text=text)
    index_segments(older, newer)
    return {"neumann": neumann, "brangham": brangham, "older": older, "newer": newer}


def texts(results):
    return sorted(hit.turn.text for hit in results.hits)


def test_words_are_stemmed(archive):
    assert quote_search(q="recruit").count == 5


def test_an_exact_phrase_is_not_stemmed(archive):
    assert texts(quote_search(q='"the recruits"')) == ["The recruits come from prison."]
    assert quote_search(q='"the recruit"').count == 0


def test_or_not_and_prefixes_combine(archive):
    assert quote_search(q="paris OR prison").count == 2
    assert quote_search(q="recruit -gang").count == 2
    assert quote_search(q="recruit NOT (gang OR prison)").count == 1
    assert quote_search(q="crimin*").count == 1


def test_a_speaker_filter_names_the_person_whatever_the_case(archive):
    results = quote_search(q='recruit speaker:"peter NEUMANN"')

    assert results.count == 3
    assert results.q == 'recruit speaker:"Peter Neumann"'
    assert results.notices == ()


def test_a_surname_alone_finds_the_one_speaker_who_has_it(archive):
    results = quote_search(q="speaker:Brangham")

    assert results.count == 2
    assert results.notices == ("speaker:Brangham was read as William Brangham.",)


def test_an_unknown_speaker_keeps_its_chip_finds_nothing_and_says_so(archive):
    results = quote_search(q="recruit speaker:Nobody")

    assert results.count == 0
    assert "No speaker in the archive is called “Nobody”" in results.notices[0]


def test_two_speakers_mean_either_of_them(archive):
    both = quote_search(q='speaker:"Peter Neumann" speaker:"William Brangham"')

    assert both.count == 5


def test_two_topics_mean_both(archive):
    assert quote_search(q="topic:terrorism").count == 5
    assert quote_search(q="topic:Terrorism topic:Europe").count == 3


def test_a_negated_filter_excludes(archive):
    assert quote_search(q="recruit -topic:Europe").count == 2
    assert quote_search(q="-role:host").count == 3


def test_dates_narrow_to_the_range(archive):
    assert quote_search(q="recruit date:2016").count == 3
    assert quote_search(q="recruit date:2015-03..2015-03").count == 2
    assert quote_search(q="recruit date:..2015").count == 2


def test_the_affiliation_filter_is_the_one_shown_in_the_segment(archive):
    assert quote_search(q="affiliation:icsr").count == 2


def test_an_unknown_role_is_ignored_with_the_roles_listed(archive):
    results = quote_search(q="recruit role:pundit")

    assert results.count == 5
    assert "anchor, host, correspondent, guest, unknown" in results.notices[0]


def test_a_segment_filter_searches_within_one_segment(archive):
    results = quote_search(q=f"recruit segment:{archive['older'].slug}")

    assert results.count == 2


def test_newest_and_oldest_order_by_air_date(archive):
    newest = quote_search(q="recruit", sort="newest").hits
    oldest = quote_search(q="recruit", sort="oldest").hits

    assert newest[0].turn.segment == archive["newer"]
    assert oldest[0].turn.segment == archive["older"]


def test_an_unknown_sort_falls_back_to_relevance_with_a_notice(archive):
    results = quote_search(q="recruit", sort="loudest")

    assert results.sort == "relevance"
    assert "sorted by relevance, newest, oldest" in results.notices[0]


def test_filters_alone_list_the_newest_quotes_first(archive):
    results = quote_search(q='speaker:"Peter Neumann"')

    assert results.sort == "newest"
    assert results.hits[0].turn.segment == archive["newer"]


def test_pages_split_the_hits_and_a_page_past_the_end_shows_the_last(archive):
    second = quote_search(q="recruit", per_page=2, page=2)
    far = quote_search(q="recruit", per_page=2, page=99)
    nonsense = quote_search(q="recruit", per_page=2, page="x")

    assert (second.page, second.num_pages, len(second.hits)) == (2, 3, 2)
    assert (far.page, len(far.hits)) == (3, 1)
    assert nonsense.page == 1


def test_facets_count_people_not_words_for_the_current_query(archive):
    facets = {f.field: f for f in quote_search(q="recruit -paris").facets}

    assert [(v.value, v.count) for v in facets["speaker"].values] == [
        ("Peter Neumann", 2),
        ("William Brangham", 2),
    ]
    assert [(v.value, v.count) for v in facets["role"].values] == [("guest", 2), ("host", 2)]
    assert [(v.value, v.count) for v in facets["topic"].values] == [
        ("Terrorism", 4),
        ("Europe", 3),
    ]


def test_a_facet_value_links_to_the_query_narrowed_by_it(archive):
    facets = {f.field: f for f in quote_search(q="recruit").facets}

    neumann = next(v for v in facets["speaker"].values if v.value == "Peter Neumann")
    assert neumann.q == 'recruit speaker:"Peter Neumann"'
    assert quote_search(q=neumann.q).count == 3


def test_the_timeline_counts_by_year_over_a_wide_range_and_by_month_within_one(archive):
    wide = quote_search(q="recruit")
    SegmentFactory(air_date=datetime.date(2010, 1, 1))  # the archive now spans seven years
    wider = quote_search(q="recruit")
    narrow = quote_search(q="recruit date:2016")

    assert wide.timeline_unit == "month"
    assert wider.timeline_unit == "year"
    assert [(b.start.year, b.count) for b in wider.timeline][-2:] == [(2015, 2), (2016, 3)]
    assert narrow.timeline_unit == "month"
    assert [(b.start.month, b.count) for b in narrow.timeline if b.count] == [(10, 3)]


def test_a_misspelling_with_no_hits_suggests_what_was_meant(archive):
    results = quote_search(q="recrut speaker:Brangham")

    assert results.count == 0
    assert results.suggestion == 'recruit speaker:"William Brangham"'


def test_people_whose_name_matches_the_query_are_listed(archive):
    assert [p.name for p in quote_search(q="neumann").people] == ["Peter Neumann"]
    assert quote_search(q="recruit").people == []


def test_the_people_listed_follow_the_archive_as_it_changes(archive):
    assert quote_search(q="peter").people[0].name == "Peter Neumann"
    mann = SpeakerFactory(name="Peter Mann", key="peter mann", slug="peter-mann")
    TurnFactory(segment=archive["newer"], speaker=mann, role="guest", text="Not about gangs.")
    archive["older"].turns.all().delete()
    archive["newer"].turns.filter(speaker=archive["neumann"]).update(speaker=mann)

    assert [p.name for p in quote_search(q="peter").people] == ["Peter Mann"]
    assert quote_search(q="neumann").people == []


def test_grouping_ranks_every_speaker_by_their_hits(archive):
    results = quote_search(q="recruit -paris", group=True)

    assert [(g.name, g.count, g.slug) for g in results.groups] == [
        ("Peter Neumann", 2, "peter-neumann"),
        ("William Brangham", 2, "brangham"),
    ]


def test_a_page_of_hits_costs_one_engine_search_and_no_query_per_hit(
    archive, django_assert_max_num_queries, monkeypatch
):
    backend = connections["default"].get_backend()
    calls = []
    search = backend.search
    monkeypatch.setattr(backend, "search", lambda *a, **k: calls.append(a) or search(*a, **k))

    with django_assert_max_num_queries(8):
        results = quote_search(q="recruit", group=True)

    assert len(calls) == 1
    assert len(results.hits) == 5
    assert results.hits[0].turn.affiliation is not None or results.hits[0].turn.role == "host"


@pytest.mark.parametrize("q", ["", "   ", "*", "-", "AND", "speaker:"])
def test_a_query_with_nothing_to_search_returns_no_hits_and_runs_no_search(archive, q):
    results = quote_search(q=q)

    assert results.query.is_empty
    assert results.count == 0


def test_results_are_plain_data_for_the_api(archive):
    data = quote_search(q='recruit speaker:"Peter Neumann"').as_dict()

    assert data["count"] == 3
    assert data["filters"][0]["label"] == "Speaker: Peter Neumann"
    assert {"speaker", "affiliation", "text", "path", "snippet_html"} <= set(data["hits"][0])
    assert data["facets"]["speaker"]["values"] == [{"value": "Peter Neumann", "count": 3}]


def test_the_people_who_speak_are_read_from_each_ones_first_published_turn():
    # "segment in (published segments)" had SQLite probe each speaker's index entries for every
    # published segment: 3.7 s at a million turns in each worker's first search.
    TurnFactory(speaker=SpeakerFactory(name="Ann Lee"))
    TurnFactory(speaker=SpeakerFactory(name="Lee Draft"), segment__status="draft")

    with CaptureQueriesContext(connection) as queries:
        people = people_matching(parse_query("lee"))

    assert [person.name for person in people] == ["Ann Lee"]
    if connection.vendor == "sqlite":
        (sql,) = [q["sql"] for q in queries.captured_queries if "EXISTS" in q["sql"]]
        plan = " ".join(row[3] for row in connection.cursor().execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "turn_speaker_segment (speaker_id=?)" in plan and "LIST SUBQUERY" not in plan
