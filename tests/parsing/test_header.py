"""A page's header: the dateline that says when the program aired."""

import pytest

from interviews.parsing import parse_transcript
from interviews.parsing.header import air_date, program_named, without_asides


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
        ("By Tom Wu · March 4, 2024", "2024-03-04"),
        ("By Tom Wu and Ann Lee | 4 March 2024", "2024-03-04"),
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


def test_a_headline_opening_with_a_date_gives_it_and_a_later_paragraph_so_does_not():
    headline = "September 29, 2020 Debate Transcript"
    assert air_date([headline, "Ann Lee moderates."]) == "2020-09-29"
    assert air_date(["Ann Lee moderates.", headline]) is None
    assert air_date(["March 3, 2019 Ann Lee spoke to the committee about the budget."]) is None


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


def test_a_date_on_the_line_under_the_title_dates_the_transcript_and_is_no_part_of_the_title(
    seed_text,
):
    title = "If ISIS falls, where will its fighters flee?"
    scraped = parse_transcript(seed_text.replace(title, f"{title}\nNov 3, 2016", 1))
    assert (scraped.title, scraped.air_date) == (title, "2016-11-03")
    labelled = parse_transcript(
        "Sunday Morning Futures\nAired March 2, 2025\n\n"
        "ANN LEE: Will prices go up?\n\nTOM WU: No.\n\nANN LEE: Why?\n\nTOM WU: Demand.\n"
    )
    assert (labelled.title, labelled.air_date) == ("Sunday Morning Futures", "2025-03-02")


ASIDES = [
    "Advertisement",
    "Story continues below advertisement",
    "READ MORE: The plant, one year later",
    "Photo: Workers leave the plant. (AP Photo/Tony Dejak)",
    "Workers leave the plant. Photo by Joe Raedle/Getty Images",
]


def test_what_a_page_sets_among_the_paragraphs_is_left_out_with_the_gap_after_it():
    lines = ["He said so.", "", "", ASIDES[0], "", "", "Then what?"]
    assert without_asides(lines) == ["He said so.", "", "", "Then what?"]
    speech = ["Listen: we will not do that.", "I saw the photo by Ansel Adams", "He said it (AP)"]
    assert without_asides(speech) == speech


def test_advertisements_links_and_captions_among_the_turns_are_nobodys_words(seed_text):
    seed = parse_transcript(seed_text)
    paragraphs = seed_text.split("\n\n\n")
    for n, aside in enumerate(ASIDES, start=1):
        paragraphs.insert(n * len(paragraphs) // 7, f"    {aside}")
    with_asides = parse_transcript("\n\n\n".join(paragraphs))
    assert [(t.speaker, t.text) for t in with_asides.turns] == [
        (t.speaker, t.text) for t in seed.turns
    ]
    labelled = parse_transcript(
        "ANN LEE: Where were you?\n\nADVERTISEMENT\n\nTOM WU: At home.\n\n"
        "READ MORE: Floods, a year on\n\nANN LEE: And then?\n\nTOM WU: We left.\n"
    )
    assert [t.text for t in labelled.turns] == [
        "Where were you?",
        "At home.",
        "And then?",
        "We left.",
    ]


def test_a_header_names_its_program_where_it_says_so_or_prints_it_over_when_it_aired():
    assert program_named(["Heard on Morning Edition", "Rates will fall."]) == "Morning Edition"
    cnn = ["THE SITUATION ROOM", "Storms Hit Midwest", "Aired June 3, 2024 - 18:00   ET"]
    assert program_named(cnn) == "THE SITUATION ROOM"
    assert program_named(["Why rates will fall", "Aired June 3, 2024"]) == ""
    assert program_named(["THE SITUATION ROOM", "June 3, 2024"]) == ""
    assert program_named(["TRANSCRIPT", "Aired June 3, 2024"]) == ""
    transcript = parse_transcript(
        "\n\n".join(cnn) + "\n\nWOLF BLITZER, CNN ANCHOR: Good evening.\n\n"
        "JENNIFER GRAY, CNN METEOROLOGIST: Wolf, the storms are here.\n\nBLITZER: Thanks.\n"
    )
    assert (transcript.program, transcript.air_date) == ("THE SITUATION ROOM", "2024-06-03")
    assert transcript.title == "Storms Hit Midwest"
    assert transcript.summary == "Aired June 3, 2024 - 18:00   ET"
    unheadlined = parse_transcript("\n\n".join([cnn[0], *cnn[2:]]) + "\n\nWOLF BLITZER: Hi.\n")
    assert unheadlined.title == "THE SITUATION ROOM"


def test_a_networks_notice_of_a_rush_transcript_names_the_program_and_dates_it():
    transcript = parse_transcript(
        'This is a rush transcript from "Special Report," May 5, 2023. This copy may not be in'
        " its final form and may be updated.\n\n"
        "BRET BAIER, FOX NEWS ANCHOR: Good evening. I'm Bret Baier.\n\n"
        "SEN. MARIA TORRES (D-NM): Thanks, Bret.\n\nBAIER: Is the administration ready?\n\n"
        "TORRES: No. And they know it.\n\n"
        "Content and Programming Copyright 2023 Fox News Network, LLC. ALL RIGHTS RESERVED.\n"
    )
    assert (transcript.program, transcript.air_date) == ("Special Report", "2023-05-05")
    abc = 'This is a rush transcript of "This Week," airing Sunday, March 12, 2023 on ABC News.'
    assert (program_named([abc]), air_date([abc])) == ("This Week", "2023-03-12")
    assert transcript.turns[-1].text == "No. And they know it."
    # MSNBC prints its notice below the transcript: a footer, not the last speaker's words.
    msnbc = parse_transcript(
        "RACHEL MADDOW, MSNBC HOST: Good evening.\n\nSEN. ANN LEE (D-CA): Hi, Rachel.\n\n"
        "MADDOW: Why?\n\nLEE: Because.\n\n[COMMERCIAL BREAK]\n\n"
        "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.\n"
    )
    assert [t.text for t in msnbc.turns][-2:] == ["Because.", "[COMMERCIAL BREAK]"]
    # "Copyright" within a sentence is speech.
    said = parse_transcript("ANN LEE: Why?\n\nTOM WU: The law on copyright 2019 changed it.\n")
    assert said.turns[-1].text == "The law on copyright 2019 changed it."


def test_a_headline_in_mixed_case_and_the_date_after_a_dash_dates_the_transcript():
    assert air_date(["Meet the Press - March 2, 2025", "KRISTEN WELKER: Hi."]) == "2025-03-02"
    assert air_date(["Ann Lee", "Meet the Press - March 2, 2025"]) is None  # a headline's only


def test_a_headline_naming_the_program_and_the_date_gives_both():
    for headline, program in (
        ('Transcript: Sen. Ann Lee on "Face the Nation," May 7, 2023', "Face the Nation"),
        ("MEET THE PRESS - May 7, 2023", "MEET THE PRESS"),
    ):
        assert (program_named([headline]), air_date([headline])) == (program, "2023-05-07")
        assert (program_named(["Ann Lee", headline]), air_date(["Ann Lee", headline])) == ("", None)
    told = 'She was on "Face the Nation," May 7, 2023, and said so.'
    assert (program_named([told]), air_date([told])) == ("", None)
