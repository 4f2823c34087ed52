import datetime

import pytest
from playwright.sync_api import expect

from tests.factories import AppearanceFactory, SegmentFactory

pytestmark = pytest.mark.browser


def test_from_the_directory_to_a_guest_and_the_segments_they_appeared_in(
    live_server, page, seeded_archive
):
    seeded_archive.air_date = datetime.date(2016, 10, 19)
    seeded_archive.save()
    neumann = seeded_archive.appearances.get(speaker__name="Peter Neumann").speaker
    older = SegmentFactory(air_date=datetime.date(2014, 6, 2), title="Gangs of Europe")
    AppearanceFactory(segment=older, speaker=neumann, role="guest", affiliation="ICSR")

    page.goto(live_server.url)
    page.get_by_role("navigation", name="Browse").get_by_role("link", name="Speakers").click()
    page.get_by_role("navigation", name="By first letter").get_by_role("link", name="N").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Speakers: N")
    page.get_by_role("link", name="Peter Neumann").click()

    appearances = page.get_by_role("region", name="Appearances")
    expect(appearances.locator("li")).to_have_count(2)
    expect(appearances.locator("li").last).to_contain_text("Guest, ICSR")
    appearances.get_by_role("link", name=seeded_archive.title).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(seeded_archive.title)
    expect(page.locator(".speakers")).to_contain_text("Peter Neumann")
