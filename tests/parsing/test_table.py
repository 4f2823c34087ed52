"""Transcripts exported as a table: a header row, then a row per utterance."""

import pytest

from interviews.parsing import ParseError, parse_transcript


def test_a_csv_export_is_read_a_turn_per_speakers_rows_with_their_times():
    parsed = parse_transcript(
        "Speaker,Start Time,End Time,Text\n"
        "Ann Lee,00:00:00,00:00:04,Welcome to the program.\n"
        'Tom Wu,00:00:04,00:00:08,"Thanks for having me, Ann."\n'
        "Tom Wu,00:00:08,00:00:09.500,It is good to be back.\n"
        "Ann Lee,00:00:10,00:01:02,Let's begin.\n"
    )
    assert parsed.format == "csv"
    assert [(t.speaker, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Ann Lee", "Welcome to the program.", 0.0, 4.0),
        ("Tom Wu", "Thanks for having me, Ann. It is good to be back.", 4.0, 9.5),
        ("Ann Lee", "Let's begin.", 10.0, 62.0),
    ]


def test_numbered_voices_and_unnamed_rows_are_left_to_the_engine():
    parsed = parse_transcript(
        "start;speaker;transcript\n"
        "1.5;Speaker 1;Welcome, Tom Wu. Tom, how are you?\n"
        "4;Speaker 2;Fine, thanks for having me.\n"
        "7;;And the budget?\n"
    )
    assert [(t.speaker, t.start) for t in parsed.turns][:2] == [(None, 1.5), ("Tom Wu", 4.0)]
    assert parsed.turns[2].attribution == "inferred"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Speaker,Start,Text\nAnn Lee,soon,Hello.\n", "Row 2: 'soon' is not a time"),
        ("Speaker,Text\n,\n", "No transcript turns"),
    ],
)
def test_a_malformed_table_says_which_row(text, message):
    with pytest.raises(ParseError, match=message):
        parse_transcript(text)


def test_prose_that_opens_with_commas_is_no_table():
    parsed = parse_transcript(
        "Text, speaker and time, all of it.\n\nANN LEE: Hello.\n\nTOM WU: Hi.\n"
    )
    assert parsed.format != "csv"


def test_a_title_above_the_header_is_the_title_and_tabs_part_cells_as_well_as_commas():
    parsed = parse_transcript(
        "Interview with Tom Wu\n\nRecorded in May.\n\n"
        "Speaker\tTime\tText\nAnn Lee\t0:01\tWelcome, Tom.\nTom Wu\t0:04\tThanks.\n\nEnd of tape\n"
    )
    assert (parsed.format, parsed.title, parsed.summary) == (
        "csv",
        "Interview with Tom Wu",
        "Recorded in May.",
    )
    assert [(t.speaker, t.start) for t in parsed.turns][:2] == [("Ann Lee", 1.0), ("Tom Wu", 4.0)]
    assert "End of tape" in parsed.turns[-1].text


def test_a_video_editors_timecodes_and_a_dateline_above_the_table_are_read():
    parsed = parse_transcript(
        "Interview with Tom Wu\n\nRecorded on May 4, 2023\n\n"
        '"Timecode","Speaker","Text"\n"00:00:01:00","Ann Lee","Welcome."\n'
        '"00:01:03;12","Tom Wu","Thanks."\n'
    )
    assert [(t.speaker, t.start) for t in parsed.turns] == [("Ann Lee", 1.0), ("Tom Wu", 63.0)]
    assert parsed.air_date == "2023-05-04"


def test_a_markdown_table_is_read_without_its_rule_and_its_heading_marks():
    parsed = parse_transcript(
        "# Interview with Tom Wu\n\n| Speaker | Time | Text |\n|---|:---:|---|\n"
        "| Ann Lee | 00:00:01 | Welcome to the show. |\n| Tom Wu | 00:00:04 | Thanks, Ann. |\n"
        "| Ann Lee | 00:00:08 | Why dreams? |\n"
    )
    assert parsed.format == "csv"
    assert parsed.title == "Interview with Tom Wu"
    assert [(t.speaker, t.start, t.text) for t in parsed.turns] == [
        ("Ann Lee", 1.0, "Welcome to the show."),
        ("Tom Wu", 4.0, "Thanks, Ann."),
        ("Ann Lee", 8.0, "Why dreams?"),
    ]
