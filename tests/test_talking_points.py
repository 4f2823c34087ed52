import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from interviews.models import TalkingPoint, TalkingPointPassage, Turn
from interviews.services.talking_points import talking_points_update
from tests.factories import SegmentFactory, SpeakerFactory, TurnFactory

pytestmark = pytest.mark.django_db

LINE = "We have to secure the border before we talk about anything else in this country."


def said(text, *, date, speaker=None, status="published"):
    segment = SegmentFactory(air_date=date, status=status)
    return TurnFactory(segment=segment, text=text, speaker=speaker or SpeakerFactory())


def test_a_passage_said_by_two_speakers_becomes_a_talking_point():
    first = said(f"Thank you. {LINE}", date=datetime.date(2016, 3, 1))
    second = said(
        f"{LINE.replace('this country', 'the country')} That is my view.",
        date=datetime.date(2016, 9, 4),
    )
    said(
        "Taxes on small farms should be cut before the harvest comes in.",
        date=datetime.date(2016, 5, 5),
    )

    result = talking_points_update()

    assert result.talking_points == 1
    point = TalkingPoint.objects.get()
    assert {p.turn for p in point.passages.all()} == {first, second}
    assert TalkingPointPassage.objects.echoes_of(first).get().turn == second


def test_stage_directions_are_no_ones_talking_points():
    heading = "ORAL ARGUMENT OF THE PETITIONERS ON THE SECOND QUESTION PRESENTED TO THE COURT"
    for day in (1, 2):
        turn = said(heading, date=datetime.date(2016, 1, day))
        turn.attribution = Turn.Attribution.DIRECTION
        turn.save()
    said(heading, date=datetime.date(2016, 1, 3))

    assert talking_points_update().talking_points == 0


def test_short_stock_phrases_are_not_talking_points():
    said("Thank you very much.", date=datetime.date(2016, 1, 1))
    said("Thank you very much.", date=datetime.date(2016, 2, 1))

    assert talking_points_update().talking_points == 0


def test_a_second_run_reads_only_new_turns_and_joins_them_to_the_point():
    said(LINE, date=datetime.date(2015, 1, 1))
    said(LINE, date=datetime.date(2015, 2, 1))
    talking_points_update()
    third = said(LINE, date=datetime.date(2015, 3, 1))

    result = talking_points_update()

    assert result.turns_read == 1
    assert TalkingPoint.objects.get().passages.count() == 3
    assert third.talking_point_passages.exists()


def test_an_edited_turn_leaves_the_talking_point():
    said(LINE, date=datetime.date(2015, 1, 1))
    edited = said(LINE, date=datetime.date(2015, 2, 1))
    talking_points_update()

    edited.text = "I have changed my mind entirely about what the border needs now."
    edited.save()
    result = talking_points_update()

    assert result.turns_dropped == 1
    assert not TalkingPoint.objects.exists()


def test_the_listing_counts_only_published_turns_in_the_date_range(client):
    said(LINE, date=datetime.date(2016, 1, 1))
    said(LINE, date=datetime.date(2016, 6, 1))
    said(LINE, date=datetime.date(2019, 6, 1))
    said(LINE, date=datetime.date(2016, 7, 1), status="draft")
    call_command("find_talking_points", stdout=None)

    response = client.get(
        reverse("interviews:talking_points"), {"start": "2016-01-01", "end": "2016-12-31"}
    )

    assert response.status_code == 200
    (point,) = response.context["points"]
    assert (point.times, point.dates) == (2, 2)
    assert "said 2 times" in response.content.decode()


def test_a_bad_date_range_is_refused_with_a_message(client):
    response = client.get(
        reverse("interviews:talking_points"), {"start": "2017-01-01", "end": "2016-01-01"}
    )

    assert response.status_code == 400
    assert "start date must come before the end date" in response.content.decode()
    assert client.get(reverse("interviews:talking_points"), {"start": "soon"}).status_code == 400


def test_a_turn_links_to_who_else_said_it(client):
    first = said(LINE, date=datetime.date(2016, 1, 1))
    second = said(LINE, date=datetime.date(2016, 2, 1))
    talking_points_update()

    segment_page = client.get(first.segment.get_absolute_url()).content.decode()
    assert "Also said by others" in segment_page

    similar = client.get(reverse("interviews:similar_quotes", args=[first.pk]))
    assert similar.status_code == 200
    assert second.speaker.name in similar.content.decode()


def test_the_same_speaker_repeating_themself_in_one_segment_is_not_an_echo():
    speaker = SpeakerFactory()
    segment = SegmentFactory()
    first = TurnFactory(segment=segment, speaker=speaker, text=LINE)
    TurnFactory(segment=segment, speaker=speaker, text=LINE)
    talking_points_update()

    assert not TalkingPointPassage.objects.echoes_of(first).exists()
    assert not TalkingPoint.objects.repeated().exists()


def test_drafts_have_no_similar_quotes_page(client):
    draft = said(LINE, date=datetime.date(2016, 1, 1), status="draft")

    assert client.get(reverse("interviews:similar_quotes", args=[draft.pk])).status_code == 404
    assert Turn.objects.count() == 1


def test_a_sentence_said_word_for_word_many_times_joins_its_first_saying_only():
    for day in range(1, 31):
        said(LINE, date=datetime.date(2016, 1, day))

    result = talking_points_update()

    # Thirty sayings: each later one paired with the first, not with every earlier one (435).
    assert result.pairs == 29
    assert TalkingPoint.objects.get().passages.count() == 30


def test_after_the_first_saying_is_edited_later_sayings_still_join_the_others():
    first = said(LINE, date=datetime.date(2016, 1, 1))
    said(LINE, date=datetime.date(2016, 1, 2))
    talking_points_update()
    first.text = "I have changed my mind entirely about what the border needs now."
    first.save()
    talking_points_update()

    third = said(LINE, date=datetime.date(2016, 1, 3))
    talking_points_update()

    assert third.talking_point_passages.get().talking_point.passages.count() == 2
