import datetime
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.factories import (
    SegmentFactory,
    SpeakerFactory,
    TopicFactory,
    TurnFactory,
    index_segments,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, q):
    response = client.get(reverse("interviews:search_feed"), {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_a_search_has_an_atom_feed_of_its_newest_matches(client):
    old = SegmentFactory(air_date=datetime.date(2014, 1, 1))
    new = SegmentFactory(air_date=datetime.date(2016, 1, 1))
    TurnFactory(segment=old, text="An old gang remark.")
    newest = TurnFactory(segment=new, text="A new gang remark.")
    TurnFactory(segment=new, text="Nothing relevant.")
    index_segments(old, new)

    root = feed(client, "gang")

    entries = root.findall(f"{ATOM}entry")
    assert root.find(f"{ATOM}title").text == "Interview Archive: quotes matching gang"
    assert len(entries) == 2
    assert entries[0].find(f"{ATOM}link").get("href").endswith(newest.get_absolute_url())
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == newest.speaker.name


def test_transcript_text_in_the_feed_is_text_not_markup(client):
    segment = SegmentFactory()
    TurnFactory(segment=segment, text='The gang <script>alert("x")</script> said.\x0b\x1b')
    index_segments(segment)

    root = feed(client, "gang")

    summary = root.find(f"{ATOM}entry/{ATOM}summary")
    # The summary is HTML to a feed reader: the script must arrive escaped, as text.
    assert summary.get("type") == "html"
    assert "&lt;script&gt;" in summary.text
    assert "<script>" not in summary.text


def test_drafts_never_reach_the_feed(client):
    segment = SegmentFactory()
    TurnFactory(segment=segment, text="A gang remark.")
    index_segments(segment)
    segment.status = "draft"
    segment.save()

    assert feed(client, "gang").findall(f"{ATOM}entry") == []


def test_an_odd_query_still_gives_a_valid_feed(client):
    assert feed(client, '"unbalanced ((').find(f"{ATOM}title") is not None


def test_speaker_topic_and_program_pages_offer_a_feed_of_their_new_quotes(client):
    segment = SegmentFactory(program__name="Morning Edition")
    segment.topics.add(TopicFactory(name="Rivers"))
    said = TurnFactory(segment=segment, speaker=SpeakerFactory(name="Ann Lee"), text="Dredge it.")
    index_segments(segment)

    for page, query in (
        (said.speaker.get_absolute_url(), 'speaker:"Ann Lee"'),
        (segment.topics.get().get_absolute_url(), "topic:Rivers"),
        (segment.program.get_absolute_url(), 'program:"Morning Edition"'),
    ):
        html = client.get(page).content.decode()
        link = escape(f"{reverse('interviews:search_feed')}?{urlencode({'q': query})}")
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{link}"' in html and f'<a href="{link}">Atom feed of new quotes</a>' in html
        (entry,) = feed(client, query).iter(f"{ATOM}entry")
        assert "Dredge it." in entry.find(f"{ATOM}summary").text
