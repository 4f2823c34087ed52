import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse
from django.utils.html import escape
from haystack.query import SearchQuerySet

from interviews.models import Program, Segment, SegmentEvent, Topic, Turn
from tests.conftest import SEED_PATH
from tests.documents import docx, pdf

pytestmark = pytest.mark.django_db

ADD = reverse("admin:interviews_segment_add")
SEED_TEXT = SEED_PATH.read_text(encoding="utf-8")


def preview_url(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "/preview/" in response["Location"]
    return response["Location"]


def test_pasting_a_transcript_shows_its_preview_and_writes_nothing(editor_client):
    url = preview_url(editor_client.post(ADD, {"text": SEED_TEXT}))

    response = editor_client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "If ISIS falls, where will its fighters flee?" in html
    assert "Ghanima is an Arabic term" in html
    assert 'class="turn' in html and 'id="turn-1"' in html
    assert "Save as draft" in html and "Publish" in html
    assert not Segment.objects.exists()


def test_publishing_from_the_preview_stores_the_segment_and_makes_it_searchable(
    editor_client, editor, django_capture_on_commit_callbacks
):
    url = preview_url(editor_client.post(ADD, {"text": SEED_TEXT}))

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            url, {"action": "publish", "title": "ISIS after Mosul", "program": "PBS NewsHour"}
        )

    segment = Segment.objects.get()
    assert response.status_code == 302
    assert segment.is_published and segment.title == "ISIS after Mosul"
    assert segment.program.name == "PBS NewsHour"
    assert segment.events.get().action == SegmentEvent.Action.INGESTED
    assert segment.events.get().user == editor
    hits = SearchQuerySet().models(Turn).auto_query("ghanima")
    assert [int(hit.pk) for hit in hits] == [segment.turns.get(text__contains="Ghanima").pk]


def test_the_preview_offers_the_date_the_transcripts_dateline_gives(editor_client):
    title = "If ISIS falls, where will its fighters flee?"
    dated = SEED_TEXT.replace(title, f"{title}\n\nAired: Thursday, November 3, 2016", 1)
    url = preview_url(editor_client.post(ADD, {"text": dated}))

    html = editor_client.get(url).content.decode()

    assert 'name="air_date" value="2016-11-03"' in html


def test_the_preview_offers_the_program_and_date_as_the_title_of_a_transcript_without_one(
    editor_client,
):
    rush = (
        'This is a rush transcript from "Special Report," May 5, 2023.\n\n'
        "BRET BAIER, ANCHOR: Good evening.\n\nSEN. MARIA TORRES: Thanks, Bret.\n"
    )
    url = preview_url(editor_client.post(ADD, {"text": rush}))

    html = editor_client.get(url).content.decode()

    assert 'name="title" value="Special Report, May 5, 2023"' in html
    assert 'name="program" value="Special Report"' in html


def test_saving_as_draft_keeps_the_segment_out_of_search(
    editor_client, django_capture_on_commit_callbacks
):
    url = preview_url(editor_client.post(ADD, {"text": SEED_TEXT}))

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, {"action": "save_draft", "title": "ISIS after Mosul"})

    assert Segment.objects.get().status == Segment.Status.DRAFT
    assert SearchQuerySet().models(Turn).auto_query("ghanima").count() == 0


def test_uploading_a_file_works_like_pasting(editor_client):
    upload = SimpleUploadedFile("isis.txt", SEED_PATH.read_bytes(), content_type="text/plain")

    url = preview_url(editor_client.post(ADD, {"file": upload}))

    assert "Ghanima is an Arabic term" in editor_client.get(url).content.decode()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("talk.docx", docx("ANN LEE: Rents rose. Why?", "BOB ROSS: Supply.")),
        SimpleUploadedFile("talk.pdf", pdf(["ANN LEE: Rents rose. Why?", "BOB ROSS: Supply."])),
    ],
    ids=["word", "pdf"],
)
def test_a_word_document_or_a_pdf_uploads_like_text(editor_client, upload):
    url = preview_url(editor_client.post(ADD, {"file": upload}))

    page = editor_client.get(url).content.decode()
    assert "Rents rose. Why?" in page and ">Bob Ross</th>" in page


def test_an_upload_over_the_size_limit_is_refused_with_the_limit(editor_client, settings):
    settings.TRANSCRIPT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.txt", SEED_PATH.read_bytes(), content_type="text/plain")

    response = editor_client.post(ADD, {"file": upload})

    html = response.content.decode()
    assert response.status_code == 200
    assert "big.txt: the file is" in html and "the largest transcript accepted is" in html


def test_a_binary_file_is_refused_with_the_parsers_message(editor_client):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)

    response = editor_client.post(ADD, {"file": upload})

    assert response.status_code == 200
    assert "binary file, not a transcript" in response.content.decode()


def test_nothing_to_read_asks_for_a_transcript(editor_client):
    response = editor_client.post(ADD, {"text": "   "})

    assert response.status_code == 200
    assert "Paste a transcript or choose a file to upload." in response.content.decode()


def test_text_without_speech_gets_the_parsers_message(editor_client):
    response = editor_client.post(ADD, {"text": "{}"})

    assert response.status_code == 200
    assert "not a transcript export" in response.content.decode()


def test_a_transcript_already_in_the_archive_is_named_with_a_link_to_it(
    editor_client, seed_segment
):
    response = editor_client.post(ADD, {"text": SEED_TEXT})

    change = reverse("admin:interviews_segment_change", args=[seed_segment.pk])
    assert (
        f'already in the archive, as <a href="{change}">“{escape(seed_segment.title)}”</a>.'
        in response.content.decode()
    )
    assert Segment.objects.count() == 1


def test_an_expired_preview_sends_the_editor_back_to_the_form(editor_client):
    response = editor_client.get(
        reverse("admin:interviews_segment_preview", args=["no-such-preview"]), follow=True
    )

    assert response.redirect_chain[-1][0] == ADD
    assert "That preview has expired" in response.content.decode()


def test_saving_needs_a_title_and_a_valid_date_and_writes_nothing_without(editor_client):
    url = preview_url(editor_client.post(ADD, {"text": SEED_TEXT}))

    response = editor_client.post(url, {"action": "publish", "title": "", "air_date": "soon"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html and "Enter a valid date." in html
    assert not Segment.objects.exists()


def test_a_preview_cannot_be_saved_twice(editor_client):
    url = preview_url(editor_client.post(ADD, {"text": SEED_TEXT}))
    editor_client.post(url, {"action": "publish", "title": "Once"})

    response = editor_client.post(url, {"action": "publish", "title": "Twice"}, follow=True)

    assert "That preview has expired or was already saved." in response.content.decode()
    assert Segment.objects.count() == 1


def test_a_failure_while_saving_leaves_nothing_behind_and_says_so(editor_client, monkeypatch):
    url = preview_url(editor_client.post(ADD, {"text": SEED_TEXT}))

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(Turn.objects, "bulk_create", fail)
    response = editor_client.post(
        url, {"action": "publish", "title": "T", "program": "New program", "topics": "New topic"}
    )

    assert response.status_code == 200
    assert "could not be saved; nothing was written" in response.content.decode()
    assert not Segment.objects.exists()
    assert not Program.objects.exists() and not Topic.objects.exists()


def test_the_preview_of_an_automatic_transcript_shows_its_unnamed_voices(editor_client):
    otter = (
        "Speaker 1  0:00\nWelcome back. Where were you when the storm hit?\n\n"
        "Speaker 2  0:06\nAt home, with the kids.\n\n"
        "Speaker 1  0:14\nAnd then?\n\n"
        "Speaker 2  0:17\nWe went to the attic and waited.\n"
    )
    html = editor_client.get(preview_url(editor_client.post(ADD, {"text": otter}))).content.decode()

    assert html.count(">Speaker 2</span>") == 2
    assert "Unidentified" not in html


def test_the_preview_shows_when_each_turn_and_each_timed_paragraph_starts(editor_client):
    captions = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Lee>We begin tonight.\n\n"
        "00:00:40.000 --> 00:00:44.000\n<v Ann Lee>The budget passed.\n\n"
        "00:00:45.000 --> 00:00:47.000\n<v Tom Wu>Thanks, Ann.\n"
    )
    html = editor_client.get(
        preview_url(editor_client.post(ADD, {"text": captions}))
    ).content.decode()

    # Not saved yet, so nothing to link to: the times are shown as text.
    assert '<span class="turn__time">0:01</span>' in html
    assert '<span class="turn__time turn__time--paragraph">0:40</span> The budget passed.' in html
    assert '<span class="turn__time">0:45</span>' in html
