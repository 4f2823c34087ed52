import datetime
import re

import pytest
from django.urls import reverse

from interviews.models import Segment
from tests.factories import (
    AppearanceFactory,
    ProgramFactory,
    SegmentFactory,
    SpeakerFactory,
    TopicFactory,
    TurnFactory,
)

pytestmark = pytest.mark.django_db


def test_a_topic_page_lists_its_segments_and_who_speaks_most(client):
    topic = TopicFactory(name="Terrorism", slug="terrorism")
    segment = SegmentFactory(title="Super gangs")
    segment.topics.add(topic)
    talker = SpeakerFactory(name="Peter Neumann")
    TurnFactory.create_batch(3, segment=segment, speaker=talker)
    TurnFactory(segment=segment, speaker=SpeakerFactory(name="Quiet Person"))

    html = client.get(topic.get_absolute_url()).content.decode()

    assert "Super gangs" in html
    assert html.index("Peter Neumann") < html.index("Quiet Person")
    assert "3 turns" in html
    assert 'name="topic" value="Terrorism"' in html


def test_a_program_page_lists_its_segments_and_who_speaks_most_in_published_ones(client):
    segment = SegmentFactory(title="Aired")
    TurnFactory(segment=segment, speaker=SpeakerFactory(name="Aired Speaker"))
    draft = SegmentFactory(program=segment.program, title="Unaired", status="draft")
    TurnFactory(segment=draft, speaker=SpeakerFactory(name="Draft Speaker"))

    html = client.get(segment.program.get_absolute_url()).content.decode()

    assert "Aired Speaker" in html
    assert "Draft Speaker" not in html
    assert "Unaired" not in html


def test_a_program_page_counts_its_segments_in_thousands_and_dates_each(client):
    program = SegmentFactory(air_date=datetime.date(2016, 5, 1)).program
    Segment.objects.bulk_create(
        SegmentFactory.build(program=program, slug=f"bulk-{n}", air_date=datetime.date(2000, 1, 1))
        for n in range(1000)
    )

    html = client.get(program.get_absolute_url()).content.decode()

    assert "1,001 segments" in html
    # The meta line's items, separated by the stylesheet: each its own element.
    assert re.search(rf"<span>{program.name}</span>\s*<time datetime=\"2016-05-01\">", html)


def test_someone_who_appears_without_speaking_is_not_among_those_heard_most(client):
    segment = SegmentFactory()
    TurnFactory(segment=segment, speaker=SpeakerFactory(name="Ann Speaker"))
    AppearanceFactory(segment=segment, speaker=SpeakerFactory(name="Only Mentioned"))

    html = client.get(segment.program.get_absolute_url()).content.decode()

    assert "Ann Speaker" in html
    assert "Only Mentioned" not in html


def test_a_segment_page_shows_its_topics_and_searches_within_itself(client):
    segment = SegmentFactory()
    segment.topics.add(TopicFactory(name="Europe"))

    html = client.get(segment.get_absolute_url()).content.decode()

    assert 'href="/topics/europe/"' in html
    assert f'name="segment" value="{segment.slug}"' in html


def test_a_segment_page_lists_its_speakers_with_the_roles_known(client):
    segment = SegmentFactory()
    AppearanceFactory(segment=segment, speaker=SpeakerFactory(name="Ann Host"), role="host")
    AppearanceFactory(segment=segment, speaker=SpeakerFactory(name="Lee Nobody"), role="unknown")

    html = client.get(segment.get_absolute_url()).content.decode()
    speakers = re.search(r'<ul class="speakers">(.*?)</ul>', html, re.S).group(1)

    assert re.search(r'Ann Host</a> <span class="turn__role">Host</span>', speakers)
    assert "Lee Nobody</a></li>" in speakers  # no "Unknown" badge


def test_searching_within_a_speaker_folds_the_speaker_into_the_query(client):
    response = client.get(reverse("interviews:search"), {"q": "gang", "speaker": "Peter Neumann"})

    assert response["Location"] == "/search/?q=gang+speaker%3A%22Peter+Neumann%22"


def test_a_speaker_page_charts_their_appearances_with_bars_that_search_them(client):
    speaker = SpeakerFactory(name="Peter Neumann")
    for year in (2012, 2012, 2016):
        AppearanceFactory(speaker=speaker, segment__air_date=datetime.date(year, 1, 5))
    AppearanceFactory(
        speaker=speaker, segment__air_date=datetime.date(2014, 1, 5), segment__status="draft"
    )

    html = client.get(speaker.get_absolute_url()).content.decode()

    assert "Appearances per year" in html
    assert 'aria-label="2012: 2 matches"' in html
    assert 'aria-label="2014: 0 matches"' in html
    assert "/search/?q=speaker%3A%22Peter+Neumann%22+date%3A2016" in html


def test_a_speaker_page_lists_their_latest_appearances_as_shown_then(client):
    speaker = SpeakerFactory(name="Peter Neumann", affiliation="Now Elsewhere")
    for day in range(1, 7):
        AppearanceFactory(
            speaker=speaker,
            segment__title=f"Day {day}",
            segment__air_date=datetime.date(2016, 1, day),
            role="guest",
            affiliation="King's College",
        )
    AppearanceFactory(speaker=speaker, segment__title="Embargoed", segment__status="draft")

    html = client.get(speaker.get_absolute_url()).content.decode()

    assert "The latest 5 of 6 appearances" in html
    listed_days = re.findall(r'class="segment-list__title" href="[^"]+">Day (\d)</a>', html)
    assert listed_days == ["6", "5", "4", "3", "2"]
    assert "<span>Guest, King&#x27;s College</span>" in html
    assert "Embargoed" not in html


def test_speaker_autocomplete_suggests_published_speakers_by_any_part_of_their_name(client):
    TurnFactory(speaker=SpeakerFactory(name="Peter Neumann", key="peter neumann"))
    TurnFactory(speaker=SpeakerFactory(name="Petra Costa", key="petra costa"))
    TurnFactory(
        speaker=SpeakerFactory(name="Peter Hidden", key="peter hidden"), segment__status="draft"
    )

    by_first = client.get(reverse("interviews:speaker_suggest"), {"term": "pet"}).json()
    by_last = client.get(reverse("interviews:speaker_suggest"), {"term": "neum"}).json()

    assert [s["name"] for s in by_first["speakers"]] == ["Peter Neumann", "Petra Costa"]
    assert [s["name"] for s in by_last["speakers"]] == ["Peter Neumann"]
    assert client.get(reverse("interviews:speaker_suggest"), {"term": ""}).json() == {
        "speakers": []
    }


def directory(client, name: str, **params) -> str:
    response = client.get(reverse(f"interviews:{name}"), params)
    assert response.status_code == 200
    return response.content.decode()


def listed(html: str) -> list[str]:
    """The names a directory lists, in order."""
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', html)


def test_the_speakers_directory_lists_who_appears_in_published_segments_by_surname(client):
    segment = SegmentFactory()
    for name in ("Byron R. White", "Ann Adams", "Earl Warren", "Bill de Blasio"):
        AppearanceFactory(segment=segment, speaker=SpeakerFactory(name=name))
    AppearanceFactory(
        segment=SegmentFactory(status="draft"), speaker=SpeakerFactory(name="Zed Hidden")
    )

    assert listed(directory(client, "speakers")) == [
        "Ann Adams",
        "Bill de Blasio",
        "Earl Warren",
        "Byron R. White",
    ]
    assert listed(directory(client, "speakers", initial="w")) == ["Earl Warren", "Byron R. White"]
    html = directory(client, "speakers", initial="Z")
    assert listed(html) == []
    assert "No speakers beginning with Z yet." in html
    assert listed(directory(client, "speakers", initial="not a letter")) == listed(
        directory(client, "speakers")
    )


def test_the_speakers_directory_pages_keep_the_initial(client):
    segment = SegmentFactory()
    for n in range(101):
        AppearanceFactory(segment=segment, speaker=SpeakerFactory(name=f"Ann Wu{n:03d}"))

    html = directory(client, "speakers", initial="W")

    assert len(listed(html)) == 100
    assert "?initial=W&amp;page=2" in html
    assert listed(directory(client, "speakers", initial="W", page=2)) == ["Ann Wu100"]


def test_programs_and_topics_are_listed_with_their_published_segments_counted(client):
    aired = SegmentFactory(program=ProgramFactory(name="Morning Edition"))
    SegmentFactory(program=aired.program)
    SegmentFactory(program=ProgramFactory(name="Unaired Show"), status="draft")
    aired.topics.add(TopicFactory(name="Rivers"))

    programs = directory(client, "programs")
    assert listed(programs) == ["Morning Edition"]
    assert "2 segments" in programs
    assert listed(directory(client, "topics")) == ["Rivers"]


def test_every_page_links_to_the_directories(client):
    html = client.get(reverse("interviews:home")).content.decode()

    for name in ("programs", "topics", "speakers"):
        assert f'href="{reverse(f"interviews:{name}")}"' in html


def test_a_speaker_unpublished_after_the_directory_was_read_is_left_out(client, monkeypatch):
    kept = AppearanceFactory(speaker=SpeakerFactory(name="Ann Adams")).speaker
    gone = AppearanceFactory(speaker=SpeakerFactory(name="Bo Brown"), segment__status="draft")
    monkeypatch.setattr(
        "interviews.views.speakers_by_surname", lambda: [("A", kept.pk), ("B", gone.speaker.pk)]
    )

    assert listed(directory(client, "speakers")) == ["Ann Adams"]
