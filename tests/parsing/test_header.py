"""A page's header: the dateline that says when the program aired."""

import pytest

from interviews.parsing import parse_transcript
from interviews.parsing.header import air_date


@pytest.mark.parametrize(
    ("dateline", "date"),
    [
        ("Nov 3, 2016 6:45 PM EDT", "2016-11-03"),
        ("Aired June 3, 2024 - 18:00   ET", "2024-06-03"),
        ("Aired: Tuesday, April 10, 2018", "2018-04-10"),
        ("TUESDAY, APRIL 10, 2018", "2018-04-10"),
        ("Updated on Sept. 4, 2020", "2020-09-04"),
        ("17 October 2016", "2016-10-17"),
        ("Date: 2016-10-17", "2016-10-17"),
    ],
)
def test_a_dateline_in_any_usual_form_gives_the_air_date(dateline, date):
    assert air_date(["Leave a comment", dateline, "Ann Lee talks with Tom Wu."]) == date


@pytest.mark.parametrize(
    "paragraph",
    ["On June 5, 2024, the senator resigned.", "May 2024 was the hottest month.", "Feb 30, 2020"],
)
def test_a_date_told_within_a_sentence_or_no_real_date_gives_none(paragraph):
    assert air_date([paragraph]) is None


def test_a_scraped_page_and_a_hearing_record_are_dated_by_their_header(seed_text):
    title = "If ISIS falls, where will its fighters flee?"
    dated = seed_text.replace(title, f"{title}\n\nNov 3, 2016 6:45 PM EDT", 1)
    assert parse_transcript(dated).air_date == "2016-11-03"
    assert parse_transcript(seed_text).air_date is None
    hearing = parse_transcript(
        "ZUCKERBERG HEARING\n\nTUESDAY, APRIL 10, 2018\n\n"
        "Senator FEINSTEIN. Mr. Zuckerberg, how many accounts?\n\n"
        "Mr. ZUCKERBERG. I do not know, Senator.\n\n"
        "Senator FEINSTEIN. Will you find out?\n\nMr. ZUCKERBERG. Yes.\n"
    )
    assert hearing.air_date == "2018-04-10"
