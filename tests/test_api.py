import datetime

import pytest
from django.db import connection

from interviews.public import public_speakers
from interviews.services.indexing import segment_index_sync
from tests.factories import (
    AppearanceFactory,
    ProgramFactory,
    SegmentFactory,
    SpeakerFactory,
    TurnFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview():
    """A published segment on a program and topic, with a guest whose affiliation has changed."""
    segment = SegmentFactory(
        title="The housing crisis", air_date=datetime.date(2019, 5, 1), program__name="Newsnight"
    )
    segment.topics.create(name="Housing", slug="housing")
    guest = SpeakerFactory(name="Ann Example", slug="ann-example", affiliation="Shelter Now")
    AppearanceFactory(segment=segment, speaker=guest, affiliation="City Council", role="guest")
    TurnFactory(segment=segment, sequence=1, speaker=None, role="host", text="Welcome back.")
    TurnFactory(segment=segment, sequence=2, speaker=guest, text="Rents rose by a third.")
    segment_index_sync(segment_id=segment.pk)
    return segment


@pytest.fixture
def draft():
    segment = SegmentFactory(status="draft", title="Embargoed", program__name="Secret Show")
    segment.topics.create(name="Secret", slug="secret")
    speaker = SpeakerFactory(name="Hidden Person", slug="hidden-person")
    AppearanceFactory(segment=segment, speaker=speaker)
    TurnFactory(segment=segment, speaker=speaker, text="Nobody may read this yet.")
    segment_index_sync(segment_id=segment.pk)
    return segment


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    return response.json()


def test_a_segment_comes_with_its_speakers_and_every_turn_in_order(client, interview):
    interview.turns.filter(sequence=2).update(
        text="Rents rose by a third.\n\nWages did not.", paragraph_starts=[4.0, 31.5]
    )
    listed = get(client, "/api/segments/")["results"][0]
    detail = get(client, listed["api_url"])

    assert listed["title"] == "The housing crisis"
    assert listed["turn_count"] == 2
    assert listed["topics"] == ["Housing"]
    assert listed["program"] == {"name": "Newsnight", "slug": "newsnight"}
    assert listed["url"] == f"http://testserver{interview.get_absolute_url()}"
    assert [turn["sequence"] for turn in detail["turns"]] == [1, 2]
    assert detail["turns"][0]["speaker"] is None
    assert detail["turns"][0]["speaker_name"] == "Host"
    assert detail["turns"][1]["speaker"]["slug"] == "ann-example"
    assert detail["turns"][1]["affiliation"] == "City Council"
    assert detail["turns"][1]["url"].endswith(f"{interview.get_absolute_url()}#turn-2")
    assert [t["paragraph_starts"] for t in detail["turns"]] == [[], [4.0, 31.5]]
    assert detail["appearances"] == [
        {
            "speaker": detail["turns"][1]["speaker"],
            "role": "guest",
            "affiliation": "City Council",
        }
    ]


def test_drafts_are_nowhere_in_the_api(client, interview, draft):
    speaker = draft.appearances.get().speaker

    assert [s["title"] for s in get(client, "/api/segments/")["results"]] == ["The housing crisis"]
    get(client, f"/api/segments/{draft.pk}/", status=404)
    get(client, f"/api/speakers/{speaker.pk}/", status=404)
    get(client, f"/api/turns/{draft.turns.get().pk}/", status=404)
    assert "Hidden Person" not in str(get(client, "/api/speakers/"))
    assert "Nobody may read" not in str(get(client, "/api/turns/"))
    assert get(client, "/api/topics/")["count"] == 1
    assert get(client, "/api/programs/")["count"] == 1
    assert get(client, "/api/search/", q="nobody read")["count"] == 0


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"program": "newsnight"}, ["The housing crisis"]),
        ({"topic": "housing"}, ["The housing crisis"]),
        ({"speaker": "ann-example"}, ["The housing crisis"]),
        ({"date_from": "2019-05-01", "date_to": "2019-05-01"}, ["The housing crisis"]),
        ({"date_from": "2019-05-02"}, []),
        ({"date_to": "2019-04-30"}, ["Older"]),
    ],
)
def test_segments_filter_by_program_topic_speaker_and_date(client, interview, params, titles):
    SegmentFactory(title="Older", air_date=datetime.date(2001, 1, 1))

    assert [s["title"] for s in get(client, "/api/segments/", **params)["results"]] == titles


def test_a_speaker_lists_their_appearances_and_links_to_all_their_turns(client, interview):
    speaker = get(client, "/api/speakers/", q="ann")["results"][0]
    detail = get(client, speaker["api_url"])

    assert speaker["segment_count"] == 1
    assert detail["affiliation"] == "Shelter Now"
    assert detail["appearances"][0]["affiliation"] == "City Council"
    assert detail["appearances"][0]["segment"]["title"] == "The housing crisis"
    turns = get(client, detail["turns_api_url"])["results"]
    assert [turn["text"] for turn in turns] == ["Rents rose by a third."]
    assert get(client, detail["segments_api_url"])["count"] == 1


def test_turns_filter_by_segment_and_speaker(client, interview):
    elsewhere = AppearanceFactory()
    other = TurnFactory(segment=elsewhere.segment, speaker=elsewhere.speaker, text="Elsewhere.")

    by_segment = get(client, "/api/turns/", segment=interview.pk)["results"]
    by_speaker = get(client, "/api/turns/", speaker=other.speaker.slug)["results"]

    assert [turn["sequence"] for turn in by_segment] == [1, 2]
    assert [turn["text"] for turn in by_speaker] == ["Elsewhere."]
    assert get(client, by_speaker[0]["api_url"])["segment"]["id"] == other.segment_id


def test_all_turns_run_newest_segment_first_in_order_across_pages_without_drafts(
    client, interview, draft
):
    TurnFactory(segment__air_date=datetime.date(2018, 1, 1), text="An older remark.")
    TurnFactory(segment__air_date=None, text="An undated remark.")

    first = get(client, "/api/turns/", page_size=3)
    second = get(client, first["next"])

    assert (first["count"], first["pages"]) == (4, 2)
    assert [turn["text"] for turn in first["results"] + second["results"]] == [
        "Welcome back.",
        "Rents rose by a third.",
        "An older remark.",
        "An undated remark.",
    ]


def test_a_search_hit_says_who_said_it_where_and_when_with_a_snippet(client, interview):
    hit = get(client, "/api/search/", q="rents")["results"][0]

    assert hit["speaker"]["name"] == "Ann Example"
    assert hit["affiliation"] == "City Council"
    assert hit["segment"]["title"] == "The housing crisis"
    assert hit["segment"]["program"]["name"] == "Newsnight"
    assert hit["segment"]["air_date"] == "2019-05-01"
    assert hit["url"].endswith("#turn-2")
    assert "<mark>Rents</mark>" in hit["snippet"]


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"speaker": "ann-example"}, 1),
        ({"program": "newsnight"}, 1),
        ({"topic": "housing"}, 1),
        ({"date_from": "2019-01-01", "date_to": "2019-12-31"}, 1),
        ({"date_from": "2020-01-01"}, 1),
        ({"date_to": "2000-01-01"}, 0),
        ({}, 2),
    ],
)
def test_search_filters_narrow_the_hits(client, interview, params, count):
    elsewhere = TurnFactory(text="Rents are falling here.", segment__air_date="2022-02-02")
    AppearanceFactory(segment=elsewhere.segment, speaker=elsewhere.speaker)
    segment_index_sync(segment_id=elsewhere.segment_id)

    assert get(client, "/api/search/", q="rents", **params)["count"] == count


def test_lists_are_paged_with_links_to_the_neighbouring_pages(client):
    SegmentFactory.create_batch(5)

    first = get(client, "/api/segments/", page_size=2)
    second = get(client, first["next"])
    last = get(client, "/api/segments/", page_size=2, page=3)

    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    assert first["next"] == "http://testserver/api/segments/?page_size=2&page=2"
    assert second["previous"].endswith("page=1")
    assert len(last["results"]) == 1 and last["next"] is None
    titles = [s["title"] for page in (first, second, last) for s in page["results"]]
    assert len(set(titles)) == 5


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        ("/api/segments/", {"page": "0"}, "page: Input should be greater than or equal to 1"),
        ("/api/segments/", {"page": "two"}, "page: Input should be a valid integer"),
        ("/api/segments/", {"page_size": "1000"}, "page_size: Input should be less than"),
        ("/api/segments/", {"date_from": "yesterday"}, "date_from: Input should be a valid date"),
        ("/api/segments/", {"date_from": "2020-01-02", "date_to": "2020-01-01"}, "after"),
        ("/api/segments/", {"program": "no-such-show"}, "No program with the slug 'no-such-show'"),
        ("/api/turns/", {"segment": "x"}, "segment: Input should be a valid integer"),
        ("/api/turns/", {"segment": "999999"}, "No published segment has the id 999999"),
        ("/api/search/", {}, "q: Field required"),
        ("/api/search/", {"q": ""}, "q: String should have at least 1 character"),
        ("/api/search/", {"q": "x" * 501}, "q: String should have at most 500"),
        ("/api/search/", {"q": "a", "speaker": "nobody"}, "No speaker with the slug 'nobody'"),
    ],
)
def test_bad_parameters_answer_400_with_a_message(client, url, params, message):
    detail = get(client, url, status=400, **params)["detail"]

    assert message in detail


def test_a_page_past_the_last_is_not_found_and_says_which_is_last(client):
    SegmentFactory()

    assert get(client, "/api/segments/", status=404, page=7)["detail"] == (
        "There is no page 7: the last page is 1."
    )


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "((", "*", "speaker:", "-", "?"])
def test_odd_search_queries_answer_without_error(client, interview, query):
    get(client, "/api/search/", q=query)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, interview, method):
    response = getattr(client, method)(f"/api/segments/{interview.pk}/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "read-only" in response.json()["detail"]


def test_head_and_options_are_answered(client, interview):
    head = client.head("/api/segments/")
    options = client.options("/api/segments/")

    assert head.status_code == 200 and head.content == b""
    assert options.status_code == 204
    assert options["Allow"] == "GET, HEAD, OPTIONS"
    assert options["Access-Control-Allow-Origin"] == "*"


def test_a_client_over_the_rate_limit_is_told_to_wait(client, settings):
    settings.API_THROTTLE_RATE = "3/min"

    statuses = [client.get("/api/programs/", {"page_size": n}).status_code for n in (1, 2, 3, 4)]
    refused = client.get("/api/programs/", {"page_size": 5})

    assert statuses == [200, 200, 200, 429]
    assert "3/min" in refused.json()["detail"]
    assert int(refused["Retry-After"]) >= 1


def test_api_answers_carry_an_etag_and_answer_304_when_unchanged(client, interview):
    etag = client.get("/api/segments/")["ETag"]

    assert client.get("/api/segments/", headers={"if-none-match": etag}).status_code == 304
    ProgramFactory(name="A new program")
    assert client.get("/api/segments/", headers={"if-none-match": etag}).status_code == 200


def test_the_schema_and_the_docs_page_describe_every_endpoint(client):
    schema = get(client, "/api/openapi.json")
    docs = client.get("/api/").content.decode()
    explorer = client.get("/api/docs/").content.decode()

    paths = set(schema["paths"])
    assert paths == {
        "/api/segments/",
        "/api/segments/{segment_id}/",
        "/api/speakers/",
        "/api/speakers/{speaker_id}/",
        "/api/turns/",
        "/api/turns/{turn_id}/",
        "/api/topics/",
        "/api/programs/",
        "/api/search/",
    }
    for path in paths:
        assert f"GET {path}" in docs
    assert "page_size" in docs and "date_from" in docs
    assert "/static/ninja/swagger-ui-bundle.js" in explorer


def test_speakers_are_listed_by_name_from_indexes_not_sorted_or_grouped():
    # SQLite would otherwise group every appearance of every speaker, then sort them all.
    plan = public_speakers().order_by("name", "pk")[:20].explain()
    if connection.vendor == "sqlite":
        assert "speaker_name" in plan and "appearance_speaker_segment" in plan
        assert "TEMP B-TREE" not in plan
