import pytest
from playwright.sync_api import expect

from interviews.models import Segment, Turn
from tests.conftest import SEED_PATH
from tests.factories import EditorFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(transactional_db):
    return EditorFactory(username="newsdesk")


def sign_in(page, live_server, editor):
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Transcripts, speakers and topics")).to_be_visible()


def paste_and_preview(page, text: str):
    page.get_by_role("link", name="Add a transcript").click()
    expect(page.get_by_role("heading", name="Add a transcript")).to_be_visible()
    page.get_by_label("Paste the transcript").fill(text)
    page.get_by_role("button", name="Preview the transcript").click()
    expect(page.get_by_role("heading", name="Check the transcript before saving")).to_be_visible()


def search(page, live_server, words: str):
    page.goto(f"{live_server.url}/search/?q={words}")


def test_an_editor_fixes_a_speaker_publishes_and_finds_the_quote(live_server, page, editor):
    sign_in(page, live_server, editor)
    paste_and_preview(page, SEED_PATH.read_text(encoding="utf-8"))

    # The uncertain turns are listed first; the last "Thank you." is really the host's.
    checks = page.locator(".preview-checks")
    expect(checks).to_contain_text("Turn 16")
    checks.get_by_role("link", name="Turn 16").click()
    turn = page.locator(".preview-turn", has=page.locator("#turn-16"))
    expect(turn).to_have_class("preview-turn preview-turn--check")
    turn.get_by_label("Speaker", exact=True).select_option("William Brangham")
    turn.get_by_role("button", name="Set speaker").click()

    expect(page.locator(".messagelist")).to_contain_text(
        "Turn 16 is now spoken by William Brangham"
    )
    fixed = page.locator(".preview-turn", has=page.locator("#turn-16"))
    expect(fixed.locator(".turn__name")).to_have_text("William Brangham")
    expect(fixed).not_to_have_class("preview-turn preview-turn--check")

    page.get_by_label("Title").fill("Where will ISIS fighters go?")
    page.get_by_label("ISIS").check()
    page.get_by_role("button", name="Publish").first.click()
    expect(page.locator(".messagelist")).to_contain_text("is published and searchable")
    expect(page.locator(".segment-status")).to_contain_text("Published")

    search(page, live_server, "ghanima")
    hit = page.locator(".results .turn").first
    expect(hit.locator(".turn__name")).to_have_text("Rukmini Callimachi")
    hit.locator(".turn__source a").first.click()
    expect(page.locator("h1")).to_have_text("Where will ISIS fighters go?")
    last = page.locator("#turn-16")
    expect(last.locator(".turn__name")).to_have_text("William Brangham")
    expect(last.locator(".turn__attribution")).to_have_text("set by an editor")

    segment = Segment.objects.get()
    assert segment.turns.get(sequence=16).attribution == Turn.Attribution.EDITOR
    assert list(segment.topics.values_list("name", flat=True)) == ["ISIS"]


def test_a_transcript_saved_as_draft_never_appears_in_public_search(live_server, page, editor):
    sign_in(page, live_server, editor)
    paste_and_preview(
        page,
        "ANNA LEE: The zeppelin hangar opens next spring.\n\n"
        "TOM KAY: And the airship museum beside it?\n\n"
        "ANNA LEE: That comes later.\n",
    )
    page.get_by_label("Title").fill("Airships return")
    page.get_by_role("button", name="Save as draft").first.click()
    expect(page.locator(".segment-status")).to_contain_text("Draft: only editors can see it.")

    search(page, live_server, "zeppelin")
    expect(page.locator(".results")).to_contain_text("No quotes match")
    page.goto(f"{live_server.url}/")
    expect(page.locator("main")).not_to_contain_text("Airships return")
