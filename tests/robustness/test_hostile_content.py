"""A transcript written to attack its readers is shown as text wherever the archive shows it."""

import csv
import datetime
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.urls import reverse

from interviews.models import Segment, Speaker, Turn
from interviews.search import meaning
from interviews.services.ingest import file_ingest, topic_get_or_create
from interviews.services.talking_points import talking_points_update
from tests.factories import EditorFactory, SegmentFactory, TurnFactory, index_segments
from tests.robustness.markup import assert_text_not_markup, markup_problems

pytestmark = pytest.mark.django_db

HOSTILE_PATH = Path(__file__).parent.parent / "data" / "hostile_transcript.json"
HOSTILE = json.loads(HOSTILE_PATH.read_text(encoding="utf-8"))
SCRIPT = '<script>alert("xss")</script>'
ECHOED = "We will never let the smugglers <b onmouseover=alert(15)>cross</b> the river at night"
TOPIC = "<script>alert(14)</script> & Borders"
ATOM = "{http://www.w3.org/2005/Atom}"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(db, django_capture_on_commit_callbacks) -> Segment:
    """The hostile transcript ingested through the parser, published, with a hostile topic, and
    one of its sentences repeated by someone else elsewhere (a talking point)."""
    with django_capture_on_commit_callbacks(execute=True):
        segment = file_ingest(
            path=HOSTILE_PATH,
            air_date=datetime.date(2020, 5, 4),
            topics=[topic_get_or_create(name=TOPIC)],
        ).segment
    echo = SegmentFactory(air_date=datetime.date(2021, 1, 1))
    TurnFactory(segment=echo, text=f"As I said before: {ECHOED} again, whatever the cost.")
    index_segments(echo)
    talking_points_update()
    return segment


def page(client, url: str, params: dict | None = None) -> str:
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def first_turn(segment: Segment) -> Turn:
    return segment.turns.order_by("sequence").first()


def test_the_hostile_file_is_a_transcript_the_parser_reads(hostile):
    assert hostile.title == HOSTILE["title"]
    assert hostile.turns.count() == len(HOSTILE["turns"])
    assert first_turn(hostile).text.startswith(f"The smuggler said {SCRIPT}")


def test_the_segment_page_shows_the_markup_as_text(client, hostile):
    html = page(client, hostile.get_absolute_url())

    assert_text_not_markup(
        html,
        SCRIPT,
        HOSTILE["title"],
        HOSTILE["summary"],
        HOSTILE["program"],
        '<img src=x onerror="alert(8)"> and <a href="javascript:alert(9)">a link</a>',
        "&amp &lt; &#0; &#xZZ; &nbsp &bogus;",
        HOSTILE["speakers"][0]["name"],
        HOSTILE["speakers"][0]["affiliation"],
        TOPIC,
    )


def test_a_source_link_that_is_not_a_web_address_is_not_a_link(client, hostile):
    html = page(client, hostile.get_absolute_url())

    assert "javascript:alert(4)" not in html


def test_every_speaker_page_shows_the_name_and_quotes_as_text(client, hostile):
    for speaker in Speaker.objects.filter(turns__segment=hostile).distinct():
        html = page(client, speaker.get_absolute_url())
        assert_text_not_markup(html, speaker.name)


def test_topic_and_program_pages_show_their_names_as_text(client, hostile):
    topic = hostile.topics.get()
    assert_text_not_markup(page(client, reverse("interviews:topic", args=[topic.slug])), TOPIC)
    program_url = reverse("interviews:program", args=[hostile.program.slug])
    assert_text_not_markup(page(client, program_url), HOSTILE["program"])
    assert_text_not_markup(page(client, reverse("interviews:home")), HOSTILE["title"])


@pytest.mark.parametrize(
    "q",
    ["smuggler", "script alert", "onerror", "javascript", "HYPERLINK", '"smuggler said script"'],
)
def test_search_snippets_and_highlights_show_the_markup_as_text(client, hostile, q):
    html = page(client, reverse("interviews:search"), {"q": q})

    assert markup_problems(html) == []
    assert "<mark>" in html


def test_search_grouped_by_speaker_shows_names_as_text(client, hostile):
    html = page(client, reverse("interviews:search"), {"q": "smuggler", "group": "speaker"})

    assert_text_not_markup(html, HOSTILE["speakers"][0]["name"])


def test_a_query_made_of_markup_is_echoed_as_text(client, hostile):
    q = '"><script>alert(20)</script><img src=x onerror=alert(21)>'
    for name in ("interviews:search", "interviews:meaning_search"):
        response = client.get(reverse(name), {"q": q})
        assert markup_problems(response.content.decode()) == []
    response = client.get(reverse("interviews:quote_check"), {"quote": q + " smuggler river night"})
    assert markup_problems(response.content.decode()) == []


def test_the_quote_check_diff_shows_the_markup_as_text(client, hostile):
    pasted = "The smuggler said <script>alert('xss')</script> to the whole committee."
    html = page(client, reverse("interviews:quote_check"), {"quote": pasted})

    assert_text_not_markup(html, "committee")
    assert "alert" in html


def test_similar_quotes_and_talking_points_show_the_markup_as_text(client, hostile):
    turn = first_turn(hostile)
    if meaning.installed():
        call_command("embed_turns", stdout=io.StringIO())

    html = page(client, reverse("interviews:similar_quotes", args=[turn.pk]))

    assert_text_not_markup(html, SCRIPT, "<b onmouseover=alert(15)>cross</b>")
    point_url = reverse(
        "interviews:talking_point", args=[turn.talking_point_passages.get().talking_point_id]
    )
    assert_text_not_markup(page(client, point_url), "<b onmouseover=alert(15)>cross</b>")
    listing = page(client, reverse("interviews:talking_points"))
    assert_text_not_markup(listing, "<b onmouseover=alert(15)>cross</b>")


def test_the_admin_preview_shows_the_markup_as_text(client):
    editor_client = client
    editor_client.force_login(EditorFactory())
    added = editor_client.post(
        reverse("admin:interviews_segment_add"),
        {"text": HOSTILE_PATH.read_text(encoding="utf-8")},
    )
    assert added.status_code == 302, added.content.decode()[:1000]

    html = page(editor_client, added["Location"])

    assert_text_not_markup(html, SCRIPT, "&amp &lt; &#0; &#xZZ; &nbsp &bogus;")


def test_the_admin_pages_of_a_hostile_segment_show_it_as_text(admin_client, hostile):
    pages = [
        reverse("admin:interviews_segment_change", args=[hostile.pk]),
        reverse("admin:interviews_segment_changelist"),
        reverse("admin:interviews_speaker_changelist"),
        reverse("admin:interviews_turn_changelist"),
        reverse("admin:interviews_segment_history", args=[hostile.pk]),
    ]
    for url in pages:
        assert markup_problems(page(admin_client, url)) == [], url


def test_the_feed_is_well_formed_and_its_html_summaries_are_escaped(client, hostile):
    root = ElementTree.fromstring(
        client.get(reverse("interviews:search_feed"), {"q": "smuggler"}).content
    )

    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 6
    for entry in entries:
        summary = entry.find(f"{ATOM}summary").text
        assert markup_problems(summary) == []
    summaries = " ".join(entry.find(f"{ATOM}summary").text for entry in entries)
    assert_text_not_markup(summaries, SCRIPT, HOSTILE["title"])


def test_no_csv_export_cell_is_a_formula_and_the_text_survives(client, hostile):
    response = client.get(reverse("interviews:search_csv"), {"q": "smuggler"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert len(rows) == 6
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    texts = {row["text"].removeprefix("'") for row in rows}
    assert {t["text"] for t in HOSTILE["turns"]} <= texts
    speakers = {row["speaker"] for row in rows}
    assert "'=cmd|' /C calc'!A0" in speakers and "'@Trudy \"onfocus=alert(7) autofocus" in speakers


def test_the_json_export_carries_the_text_unchanged_and_safe_snippets(client, hostile):
    response = client.get(reverse("interviews:search_json"), {"q": "smuggler"})

    assert response["Content-Type"] == "application/json"
    hits = json.loads(b"".join(response.streaming_content))["hits"]
    assert {t["text"] for t in HOSTILE["turns"]} <= {hit["text"] for hit in hits}


def test_the_api_returns_the_text_as_data_and_snippets_as_escaped_html(client, hostile):
    detail = client.get(reverse("api:segment", args=[hostile.pk]))
    found = client.get(reverse("api:search"), {"q": "smuggler onerror"})

    assert detail["Content-Type"].startswith("application/json")
    assert detail["X-Content-Type-Options"] == "nosniff"
    assert detail.json()["title"] == HOSTILE["title"]
    assert [turn["text"] for turn in detail.json()["turns"]] == [
        t["text"] for t in HOSTILE["turns"]
    ]
    snippets = [hit["snippet"] for hit in found.json()["results"]]
    assert snippets and all(markup_problems(s) == [] for s in snippets)
