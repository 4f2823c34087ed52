from datetime import date

import pytest
from django.db import connection

from interviews.models import NewestFirst, Segment, Turn
from tests.factories import SegmentFactory, SpeakerFactory, TurnFactory

pytestmark = pytest.mark.django_db


def shown(turns) -> list[tuple]:
    return [(turn.segment, turn.sequence) for turn in turns]


def test_a_speakers_quotes_run_newest_segment_first_in_spoken_order_without_drafts():
    speaker = SpeakerFactory()
    newer = SegmentFactory(air_date=date(2020, 1, 1))
    older = SegmentFactory(air_date=date(2015, 1, 1))
    undated = SegmentFactory(air_date=None)
    draft = SegmentFactory(air_date=date(2021, 1, 1), status="draft")
    for segment, said in ((older, 3), (newer, 2), (undated, 2), (draft, 4)):
        for n in range(said, 0, -1):
            TurnFactory(segment=segment, sequence=2 * n, speaker=speaker)
    TurnFactory(segment=newer, sequence=3)  # someone else

    quotes = NewestFirst(Turn.objects.by_speaker(speaker))

    expected = [
        (newer, 2),
        (newer, 4),
        (older, 2),
        (older, 4),
        (older, 6),
        (undated, 2),
        (undated, 4),
    ]
    assert len(quotes) == len(expected)
    # Every page boundary, inside a segment or between two.
    for start in range(len(expected)):
        for stop in range(start, len(expected) + 2):
            assert shown(quotes[start:stop]) == expected[start:stop]
    assert shown([quotes[0], quotes[-1]]) == [expected[0], expected[-1]]
    with pytest.raises(IndexError):
        quotes[len(expected)]


def test_a_speaker_with_no_published_quote_has_an_empty_list():
    speaker = TurnFactory(segment__status="draft").speaker

    quotes = NewestFirst(Turn.objects.by_speaker(speaker))

    assert len(quotes) == 0 and quotes[0:20] == []


def test_a_speakers_second_page_continues_where_the_first_stopped(client):
    speaker = SpeakerFactory()
    for year in (2019, 2020):
        segment = SegmentFactory(air_date=date(year, 1, 1))
        for n in range(1, 16):
            TurnFactory(segment=segment, sequence=n, speaker=speaker, text=f"Remark {year}-{n}.")

    first = client.get(speaker.get_absolute_url()).content.decode()
    second = client.get(f"{speaker.get_absolute_url()}?page=2").content.decode()

    assert "Remark 2020-1." in first and "Remark 2019-5." in first
    assert "Remark 2019-6." not in first and "Remark 2019-6." in second
    assert "Page 2 of 2" in second and "30 quotes" in first


def test_published_segments_are_read_newest_first_from_an_index_not_sorted():
    # SQLite would otherwise work out every segment's columns, subqueries included, to sort
    # them; PostgreSQL defers those past the sort itself.
    plan = Segment.objects.published().newest_first()[:20].explain()
    if connection.vendor == "sqlite":
        assert "segment_status_order" in plan
        assert "TEMP B-TREE FOR ORDER BY" not in plan
