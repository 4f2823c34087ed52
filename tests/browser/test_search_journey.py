import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_searching_a_word_from_the_home_page_lands_on_the_quote_in_context(
    live_server, page, seeded_archive
):
    page.goto(live_server.url)
    page.get_by_role("searchbox", name="Search quotes").fill("ghanima")
    page.keyboard.press("Enter")

    hit = page.locator(".results .turn").first
    expect(hit.locator(".turn__name")).to_have_text("Rukmini Callimachi")
    expect(hit.locator("mark").first).to_have_text("ghanima", ignore_case=True)

    hit.locator(".turn__source a").first.click()

    turn = seeded_archive.turns.get(text__contains="ghanima")
    expect(page).to_have_url(f"{live_server.url}{turn.get_absolute_url()}")
    target = page.locator(f"#{turn.anchor}")
    expect(target).to_be_in_viewport()
    expect(target.locator(".turn__name")).to_have_text("Rukmini Callimachi")
    expect(target).to_contain_text("Ghanima is an Arabic term")
