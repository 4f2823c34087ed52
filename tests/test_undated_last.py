"""Quotes and appearances without an air date come after dated ones, newest or oldest first."""

import datetime

import pytest
from django.urls import reverse

from interviews.search.queries import quote_export, quote_search
from tests.factories import AppearanceFactory, SegmentFactory, TurnFactory, index_segments

pytestmark = pytest.mark.django_db


@pytest.fixture
def segments():
    undated = SegmentFactory(air_date=None)
    older = SegmentFactory(air_date=datetime.date(2015, 3, 2))
    newer = SegmentFactory(air_date=datetime.date(2016, 10, 19))
    for segment in (undated, older, newer):
        TurnFactory(segment=segment, text="The tribunal decided on the border question.")
    index_segments(undated, older, newer)
    return undated, older, newer


def hit_segments(results) -> list:
    return [hit.turn.segment for hit in results.hits]


def test_newest_first_puts_undated_quotes_last(segments):
    undated, older, newer = segments

    assert hit_segments(quote_search(q="tribunal", sort="newest")) == [newer, older, undated]


def test_oldest_first_puts_undated_quotes_last(segments):
    undated, older, newer = segments

    assert hit_segments(quote_search(q="tribunal", sort="oldest")) == [older, newer, undated]


def test_an_export_sorted_by_date_puts_undated_quotes_last(segments):
    undated, older, newer = segments

    export = quote_export(q="tribunal", sort="newest", limit=10)

    assert [turn.segment for turn in export.turns] == [newer, older, undated]


def test_a_speakers_newest_appearances_in_the_api_put_undated_ones_last(segments, client):
    undated, older, newer = segments
    speaker = AppearanceFactory(segment=undated).speaker
    for segment in (older, newer):
        AppearanceFactory(segment=segment, speaker=speaker)

    response = client.get(reverse("api:speaker", args=[speaker.pk]))

    shown = [a["segment"]["id"] for a in response.json()["appearances"]]
    assert shown == [newer.pk, older.pk, undated.pk]
