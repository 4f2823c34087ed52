import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from interviews.search.exports import CSV_COLUMNS, spreadsheet_safe
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, SpeakerFactory, TurnFactory, index_segments

pytestmark = pytest.mark.django_db


@pytest.fixture
def hits():
    speaker = SpeakerFactory(name="Peter Neumann", key="peter neumann")
    segment = SegmentFactory(air_date=datetime.date(2016, 10, 19), title="Super gangs")
    turns = [
        TurnFactory(segment=segment, speaker=speaker, sequence=i, text=f"Gang remark number {i}.")
        for i in range(1, 6)
    ]
    index_segments(segment)
    return turns


def download(client, name, **params):
    response = client.get(reverse(f"interviews:{name}"), params)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode()


def test_csv_export_streams_every_hit_with_a_link_and_citation(client, hits):
    response, body = download(client, "search_csv", q="gang", sort="oldest")

    rows = list(csv.DictReader(io.StringIO(body)))
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 5
    assert rows[0]["speaker"] == "Peter Neumann"
    assert rows[0]["air_date"] == "2016-10-19"
    assert rows[0]["url"] == f"http://testserver{hits[0].get_absolute_url()}"
    assert rows[0]["citation"].startswith("Peter Neumann, “Super gangs”")


def test_json_export_says_how_many_matched_and_lists_them(client, hits):
    response, body = download(client, "search_json", q="gang")

    data = json.loads(body)
    assert response["Content-Type"] == "application/json"
    assert (data["q"], data["count"], data["exported"], data["truncated"]) == ("gang", 5, 5, False)
    assert {hit["id"] for hit in data["hits"]} == {turn.pk for turn in hits}


def test_an_export_stops_at_the_cap_and_says_so(client, hits, settings):
    settings.SEARCH_EXPORT_MAX_HITS = 2

    response, body = download(client, "search_json", q="gang")
    csv_response, csv_body = download(client, "search_csv", q="gang")

    data = json.loads(body)
    assert (data["count"], data["exported"], data["truncated"]) == (5, 2, True)
    assert len(data["hits"]) == 2
    assert response["X-Export-Truncated"] == "first 2 of 5 hits"
    assert len(list(csv.DictReader(io.StringIO(csv_body)))) == 2
    assert csv_response["X-Total-Count"] == "5"


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(text):
    assert spreadsheet_safe(text) == "'" + text


def test_ordinary_cells_are_left_alone():
    assert spreadsheet_safe("A gang, 50% = big") == "A gang, 50% = big"
    assert spreadsheet_safe(None) == ""


def test_a_formula_in_a_transcript_is_neutralised_in_the_csv(client):
    segment = SegmentFactory()
    TurnFactory(segment=segment, text='=HYPERLINK("http://evil","gang")')
    index_segments(segment)

    _, body = download(client, "search_csv", q="gang")

    assert list(csv.DictReader(io.StringIO(body)))[0]["text"].startswith("'=HYPERLINK")


def test_exports_never_include_drafts_even_if_the_index_is_stale(client, hits):
    segment = hits[0].segment
    segment.status = "draft"
    segment.save()  # unpublished, but not yet synced: the index still holds its turns

    _, body = download(client, "search_json", q="gang")

    assert json.loads(body)["hits"] == []
    segment_index_sync(segment_id=segment.pk)


def test_exporting_an_empty_search_is_refused_with_a_reason(client):
    response = client.get(reverse("interviews:search_csv"), {"q": "  "})

    assert response.status_code == 400
    assert "Nothing to export" in response.content.decode()
