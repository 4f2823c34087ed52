from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from interviews.models import TURNS_PER_PAGE, Turn
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db


def test_home_lists_recent_segments_with_a_search_box(client, seed_segment):
    response = client.get(reverse("interviews:home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert seed_segment.get_absolute_url() in html
    assert 'name="q"' in html


def test_segment_page_shows_every_turn_with_its_anchor_and_speaker_link(client, seed_segment):
    response = client.get(seed_segment.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    for turn in seed_segment.turns.all():
        assert f'id="turn-{turn.sequence}"' in html
    callimachi = seed_segment.appearances.get(speaker__name="Rukmini Callimachi").speaker
    assert callimachi.get_absolute_url() in html
    assert "The New York Times" in html


def test_a_long_transcript_costs_the_same_number_of_queries_as_a_short_one(
    client, django_assert_max_num_queries
):
    segment = SegmentFactory(air_date=date(2020, 1, 1))
    for sequence in range(1, 61):
        TurnFactory(segment=segment, sequence=sequence, speaker=None)

    with django_assert_max_num_queries(8):
        response = client.get(segment.get_absolute_url())

    assert response.content.decode().count('id="turn-') == 60


def test_a_long_transcript_is_shown_in_pages_and_each_turn_links_to_its_page(client):
    segment = SegmentFactory(air_date=date(2020, 1, 1))
    for sequence in range(1, 2 * TURNS_PER_PAGE + 11):
        TurnFactory(segment=segment, sequence=sequence, text=f"Remark number {sequence}.")
    later = segment.turns.get(sequence=TURNS_PER_PAGE + 5)

    first = client.get(segment.get_absolute_url()).content.decode()
    second = client.get(later.get_absolute_url().split("#")[0]).content.decode()
    past_the_end = client.get(f"{segment.get_absolute_url()}?page=99").content.decode()

    assert later.get_absolute_url() == f"{segment.get_absolute_url()}?page=2#turn-{later.sequence}"
    assert segment.turns.get(sequence=3).get_absolute_url().endswith("/#turn-3")
    assert first.count('id="turn-') == TURNS_PER_PAGE and 'id="turn-1"' in first
    assert f'id="turn-{later.sequence}"' in second and 'id="turn-1"' not in second
    assert f"Turns {TURNS_PER_PAGE + 1}–{2 * TURNS_PER_PAGE} of {2 * TURNS_PER_PAGE + 10}" in second
    assert 'rel="next" href="?page=2"' in first
    assert f'id="turn-{2 * TURNS_PER_PAGE + 10}"' in past_the_end  # the last page


def test_a_timed_turn_shows_its_time_linking_to_the_moment_and_a_time_opens_the_turn_then(client):
    segment = SegmentFactory(air_date=date(2020, 1, 1))
    for sequence in range(1, TURNS_PER_PAGE + 11):
        TurnFactory(segment=segment, sequence=sequence, start_seconds=30.0 * sequence)
    later = segment.turns.get(sequence=TURNS_PER_PAGE + 3)  # at 30 * 103 s, 51:30

    page = client.get(later.get_absolute_url().split("#")[0]).content.decode()
    assert f'href="{segment.get_absolute_url()}?t={30 * later.sequence}"' in page
    assert ">51:30</a>" in page
    for moment in (f"{30 * later.sequence + 10}", "51:40", "51m40s", "0:51:40"):
        response = client.get(f"{segment.get_absolute_url()}?t={moment}")
        assert response.status_code == 302 and response.url == later.get_absolute_url(), moment
    before_the_first = client.get(f"{segment.get_absolute_url()}?t=5")
    assert before_the_first.url == segment.turns.get(sequence=1).get_absolute_url()
    for no_time in ("", "soon", "1:2:3:4", "-5", "9" * 400):
        assert client.get(f"{segment.get_absolute_url()}?t={no_time}").status_code == 200


def test_a_paragraph_with_its_own_time_shows_it_and_a_time_inside_a_long_turn_opens_it(client):
    address = TurnFactory(
        text="We begin.\n\nThe budget passed.\n\nNow the weather.",
        start_seconds=60.0,
        paragraph_starts=[60.0, 95.0, None],
    )
    TurnFactory(segment=address.segment, sequence=2, start_seconds=200.0)
    segment = address.segment.get_absolute_url()

    page = client.get(segment).content.decode()
    shown = page.split(f'id="{address.anchor}"')[1].split("</article>")[0]
    assert (
        f'<p id="turn-1-p2"><a class="turn__time turn__time--paragraph" href="{segment}?t=95"'
        in shown
    )
    assert ">1:35</a> The budget passed.</p>" in shown and "<p>Now the weather.</p>" in shown
    assert client.get(f"{segment}?t=100").url == f"{segment}#turn-1-p2"
    assert client.get(f"{segment}?t=70").url == f"{segment}#turn-1"
    # Once an editor has changed the paragraphs, their times no longer say which is which.
    address.text = "We begin. The budget passed."
    address.save()
    assert "turn__time--paragraph" not in client.get(segment).content.decode()
    assert client.get(f"{segment}?t=100").url == f"{segment}#turn-1"


def test_an_edited_segment_or_speaker_links_to_its_new_address():
    turn = TurnFactory(segment__air_date=date(2020, 1, 1), segment__slug="before")
    old_segment_url, old_speaker_url = turn.get_absolute_url(), turn.speaker.get_absolute_url()

    turn.segment.slug, turn.speaker.slug = "after", "someone-else"

    assert "/after/" in turn.get_absolute_url() and turn.get_absolute_url() != old_segment_url
    assert turn.speaker.get_absolute_url().endswith("/someone-else/")
    assert turn.speaker.get_absolute_url() != old_speaker_url


def test_speaker_page_lists_their_quotes_newest_first(client):
    speaker = TurnFactory(segment__air_date="2015-01-01", text="Older remark.").speaker
    TurnFactory(speaker=speaker, segment__air_date="2020-01-01", text="Newer remark.")

    response = client.get(speaker.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Newer remark.") < html.index("Older remark.")


def test_draft_segments_are_not_public(client):
    segment = SegmentFactory(status="draft")

    assert client.get(segment.get_absolute_url()).status_code == 404
    assert segment.get_absolute_url() not in client.get(reverse("interviews:home")).content.decode()


def test_a_segment_url_without_its_date_redirects_to_the_canonical_one(client):
    SegmentFactory(air_date="2016-10-19", slug="isis-fighters")

    response = client.get(reverse("interviews:segment_undated", args=["isis-fighters"]))

    assert response.status_code == 301
    assert response["Location"] == "/segments/2016/10/19/isis-fighters/"


def test_topic_and_program_pages_list_their_segments(client):
    segment = SegmentFactory()
    topic = segment.topics.create(name="Terrorism", slug="terrorism")

    assert segment.title in client.get(topic.get_absolute_url()).content.decode()
    assert segment.title in client.get(segment.program.get_absolute_url()).content.decode()


def test_a_stage_direction_is_shown_in_its_place_as_no_ones_words(client):
    direction = TurnFactory(
        text="(APPLAUSE)", speaker=None, role="unknown", attribution="direction", confidence=0
    )
    TurnFactory(segment=direction.segment, sequence=2, text="Thank you all.")

    html = client.get(direction.segment.get_absolute_url()).content.decode()

    shown = html.split(f'id="{direction.anchor}"')[1].split("</article>")[0]
    assert "turn--direction" in html.split(f'id="{direction.anchor}"')[0].rsplit("<article", 1)[1]
    assert "Stage direction" in shown and "(APPLAUSE)" in shown
    assert "Unidentified speaker" not in shown
    assert "Cite" not in shown and "Similar quotes" not in shown
    assert "<blockquote" not in shown
    assert html.count("Similar quotes") == 1


def test_the_migration_tells_the_stage_directions_parsed_before_from_speech():
    mark_directions = import_module(
        "interviews.migrations.0010_turn_attribution_direction"
    ).mark_directions
    unknown = {"speaker": None, "role": "unknown", "attribution": "unknown", "confidence": 0}
    applause = TurnFactory(text=" (APPLAUSE) ", **unknown)
    inaudible = TurnFactory(text="[inaudible]", **unknown)
    unnamed = TurnFactory(text="(Laughs) Yes, I was there.", **unknown)
    labelled = TurnFactory(text="(CROSSTALK)", speaker_label="ANN LEE", **unknown)
    said = TurnFactory(text="(APPLAUSE)", attribution="inferred", confidence=0.4)

    mark_directions(apps, None)  # the live models stand in for the historical ones

    marked = {t.pk for t in Turn.objects.filter(attribution="direction")}
    assert marked == {applause.pk, inaudible.pk}
    assert {unnamed.pk, labelled.pk, said.pk}.isdisjoint(marked)


def test_transcript_text_is_shown_as_text_not_markup(client):
    turn = TurnFactory(text='<script>alert("x")</script> said <b>bold</b>')

    html = client.get(turn.segment.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
