import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_pasting_a_misquote_shows_rukmini_callimachis_real_words_with_the_differences_marked(
    live_server, page, seeded_archive
):
    page.goto(live_server.url)
    page.get_by_label("Check a quote").fill("I don't buy it, because the data does not support it")
    page.get_by_role("button", name="Check quote").click()

    expect(page.get_by_role("status")).to_contain_text("Close.")
    match = page.locator(".quote-match").first
    expect(match.locator(".turn__name")).to_have_text("Rukmini Callimachi")
    expect(match.locator(".quote-match__pasted del.diff")).to_have_text("does not support")
    expect(match.locator(".quote-match__real ins.diff")).to_have_text("doesn't back")
    expect(match.locator(".quote-match__real .turn__text")).to_contain_text(
        "I don't buy it because the data doesn't back it up."
    )

    match.locator(".turn__source a").first.click()

    turn = seeded_archive.turns.get(text__startswith="I don't buy it")
    expect(page).to_have_url(f"{live_server.url}{turn.get_absolute_url()}")
    expect(page.locator(f"#{turn.anchor}")).to_be_in_viewport()
