import datetime

import pytest
from playwright.sync_api import expect

from interviews.models import TURNS_PER_PAGE
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.browser


def test_a_link_to_a_turn_shared_before_the_transcript_was_paged_still_finds_it(
    live_server, page, transactional_db
):
    segment = SegmentFactory(air_date=datetime.date(2020, 1, 1))
    for sequence in range(1, TURNS_PER_PAGE + 21):
        TurnFactory(segment=segment, text=f"Remark number {sequence}.")
    later = segment.turns.get(sequence=TURNS_PER_PAGE + 12)

    page.goto(f"{live_server.url}{segment.get_absolute_url()}#{later.anchor}")

    expect(page).to_have_url(f"{live_server.url}{later.get_absolute_url()}")
    target = page.locator(f"#{later.anchor}")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text(f"Remark number {later.sequence}.")


def test_a_moment_inside_a_long_address_opens_the_paragraph_then_and_it_links_to_itself(
    live_server, page, transactional_db
):
    paragraphs = [f"Part {n} of the address. " + "The budget matters. " * 60 for n in range(12)]
    address = TurnFactory(
        segment=SegmentFactory(air_date=datetime.date(2020, 1, 1)),
        text="\n\n".join(paragraphs),
        start_seconds=0.0,
        paragraph_starts=[60.0 * n for n in range(12)],
    )
    segment = address.segment.get_absolute_url()

    page.goto(f"{live_server.url}{segment}?t=7:30")

    expect(page).to_have_url(f"{live_server.url}{segment}#turn-1-p8")
    target = page.locator("#turn-1-p8")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("Part 7 of the address.")
    target.get_by_role("link", name="7:00").click()
    expect(page).to_have_url(f"{live_server.url}{segment}#turn-1-p8")
