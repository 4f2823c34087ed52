import datetime

import pytest
from playwright.sync_api import expect

from tests.factories import AppearanceFactory, SegmentFactory, TurnFactory, index_segments

pytestmark = pytest.mark.browser


@pytest.fixture
def archive(seeded_archive):
    """The seed, aired in 2016, and an older segment where Peter Neumann used the phrase too."""
    seeded_archive.air_date = datetime.date(2016, 10, 19)
    seeded_archive.save()
    neumann = seeded_archive.appearances.get(speaker__name="Peter Neumann").speaker
    older = SegmentFactory(air_date=datetime.date(2014, 6, 2), title="Gangs of Europe")
    AppearanceFactory(segment=older, speaker=neumann, affiliation="ICSR")
    TurnFactory(segment=older, speaker=neumann, text="Call it a super gang, if you like.")
    TurnFactory(segment=older, text="A super gang? Tell me more.")
    index_segments(seeded_archive, older)
    return seeded_archive


def test_a_phrase_refined_by_speaker_and_year_leads_to_a_quote_and_its_citation(
    live_server, page, archive
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url)
    page.get_by_role("searchbox", name="Search quotes").fill('"super gang"')
    page.keyboard.press("Enter")

    count = page.locator(".result-count")
    expect(count).to_contain_text("3 quotes")
    speakers = page.locator('[data-facet="speaker"]')
    expect(speakers.locator("li", has_text="Peter Neumann")).to_contain_text("2")

    speakers.get_by_role("link", name="Peter Neumann").click()
    expect(page.locator(".chips")).to_contain_text("Speaker: Peter Neumann")
    expect(count).to_contain_text("2 quotes")
    years = page.locator('[data-facet="date"]')
    expect(years.locator("li", has_text="2016")).to_contain_text("1")
    expect(years.locator("li", has_text="2014")).to_contain_text("1")

    years.get_by_role("link", name="2016").click()
    expect(page.locator(".chips")).to_contain_text("Date: 2016")
    expect(count).to_contain_text("1 quote")
    expect(page).to_have_url(
        f"{live_server.url}/search/?q=%22super+gang%22+speaker%3A%22Peter+Neumann%22+date%3A2016"
    )

    hit = page.locator(".results .turn").first
    expect(hit.locator("mark").first).to_have_text("super gang", ignore_case=True)
    href = hit.locator(".turn__source a").first.get_attribute("href")
    hit.locator(".turn__source a").first.click()

    expect(page).to_have_url(f"{live_server.url}{href}")
    target = page.locator(href[href.index("#") :])
    expect(target).to_be_in_viewport()
    expect(target.locator(".turn__name")).to_have_text("Peter Neumann")

    target.locator(".cite summary").click()
    target.get_by_role("button", name="Copy citation").click()
    expect(target.get_by_role("button", name="Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Peter Neumann")
    assert "19 October 2016" in copied
    assert copied.endswith(f"{live_server.url}{href}")
