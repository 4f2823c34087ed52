"""Whatever encoding and layout a CMS exported, every character of the speech arrives intact."""

import pytest

from interviews.parsing import ParseError, parse_transcript
from interviews.parsing.text import without_line_numbers

TEXT = "ANNA LUKÁCS: Café “déjà vu” — it’s 5 €.\n\nBOB ROSS: Naïve… perhaps.\n"


def texts(data) -> list[str]:
    return [t.text for t in parse_transcript(data).turns]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_every_common_encoding_decodes_to_the_same_turns(encoding):
    assert texts(TEXT.encode(encoding)) == ["Café “déjà vu” — it’s 5 €.", "Naïve… perhaps."]


def test_latin_1_bytes_that_are_not_cp1252_still_decode():
    data = "ANNA LUKÁCS: Qué\x81 tal.\n\nBOB ROSS: Bien.\n".encode("latin-1")
    assert texts(data)[0] == "Qué\x81 tal."


def test_crlf_and_lone_cr_line_endings_read_like_newlines():
    assert texts(TEXT.replace("\n", "\r\n")) == texts(TEXT) == texts(TEXT.replace("\n", "\r"))


def test_a_bom_and_zero_width_characters_disappear():
    assert texts("\ufeffANNA LUKÁCS: He\u200bllo.\n\nBOB ROSS: Hi.\n") == ["Hello.", "Hi."]


def test_non_breaking_spaces_are_ordinary_spaces_and_labels_still_read():
    parsed = parse_transcript("ANNA\u00a0LUKÁCS:\u00a0Ten\u00a0o’clock.\n\nBOB ROSS: Yes.\n")
    assert parsed.turns[0].speaker == "Anna Lukács"
    assert parsed.turns[0].text == "Ten o’clock."


def test_typographic_quotes_and_dashes_are_kept_as_printed():
    assert "“déjà vu” — it’s" in texts(TEXT)[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        ("   \n\n  ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00\xff" * 50, "binary"),
        (b"x" * (21 * 1024 * 1024), "MB"),
        ("WEBVTT\n\nnothing timed\n", "No timed captions"),
    ],
)
def test_input_that_is_not_a_transcript_gets_one_clear_message(data, message):
    with pytest.raises(ParseError, match=message):
        parse_transcript(data)


def test_an_unknown_format_name_is_refused_with_the_known_ones():
    with pytest.raises(ParseError, match="expected one of scraped, labelled"):
        parse_transcript("ALICE: Hi.", format="docx")


def test_a_short_page_whose_longest_paragraph_is_its_last_is_speech_not_a_summary():
    text = (
        "Good evening and welcome.\n\n"
        "Thanks for having me, it is a real pleasure to be here with you all tonight.\n"
    )
    assert texts(text) == [
        "Good evening and welcome.\n\n"
        "Thanks for having me, it is a real pleasure to be here with you all tonight."
    ]


def test_a_court_transcripts_line_and_page_numbers_are_no_words():
    numbered = (
        "                                 14\n"
        " 1          THE COURT: Good morning. Please be seated.\n"
        " 2   We are here in United States versus Carter.\n"
        " 3          MS. ALVAREZ: Good morning, Your Honor.\n"
        " 4          THE COURT: You may\n"
        " 5   proceed.\n"
        " 6\n"
        " 7          MS. ALVAREZ: The government calls Paul Reyes.\n"
    )
    assert without_line_numbers(numbered).split("\n")[:3] == [
        "       THE COURT: Good morning. Please be seated.",
        "We are here in United States versus Carter.",
        "       MS. ALVAREZ: Good morning, Your Honor.",
    ]
    turns = [
        (
            "THE COURT",
            "Good morning. Please be seated. We are here in United States versus Carter.",
        ),
        ("MS. ALVAREZ", "Good morning, Your Honor."),
        ("THE COURT", "You may proceed."),
        ("MS. ALVAREZ", "The government calls Paul Reyes."),
    ]
    assert [(t.label, t.text) for t in parse_transcript(numbered).turns] == turns
    # Copied from a PDF: double-spaced, or with one space after each number and no indent.
    double_spaced = numbered.replace("\n", "\n\n")
    assert [(t.label, t.text) for t in parse_transcript(double_spaced).turns] == turns
    flush = (
        "1 THE COURT: Good morning. We are here in\n2 United States versus Carter. Counsel, you\n"
        "3 may proceed.\n4 MS. ALVAREZ: Thank you, Your Honor. The\n5 government calls Paul Reyes.\n"
    )
    assert [(t.label, t.text) for t in parse_transcript(flush).turns] == [
        (
            "THE COURT",
            "Good morning. We are here in United States versus Carter. Counsel, you may proceed.",
        ),
        ("MS. ALVAREZ", "Thank you, Your Honor. The government calls Paul Reyes."),
    ]
    deposition = parse_transcript(
        "Page 22\n 1    Q.   Where were you?\n 2    A.   At home, with\n 3   my wife.\n"
        " 4    Q.   Who saw you?\n 5    A.   Linda Park.\n"
    )
    assert [(t.label, t.text) for t in deposition.turns] == [
        ("Q", "Where were you?"),
        ("A", "At home, with my wife."),
        ("Q", "Who saw you?"),
        ("A", "Linda Park."),
    ]


def test_a_court_transcripts_running_head_and_foot_copied_between_its_pages_are_no_words():
    pages = [
        "         THE COURT: Good morning. We are here in\nUnited States versus Carter.",
        "         MS. ALVAREZ: Good morning, Your Honor.\n         THE COURT: Proceed.",
        "         MS. ALVAREZ: The government calls\nPaul Reyes.",
    ]
    copied = "".join(
        f"{' ' * 40}{n}\n      Official - Subject to Final Review\n"
        + "".join(f"{i:>2}   {line}\n" for i, line in enumerate([*page.split("\n"), "", "", ""], 1))
        + "      Heritage Reporting Corporation\n"
        for n, page in enumerate(pages, 14)
    )
    assert [(t.label, t.text) for t in parse_transcript(copied).turns] == [
        ("THE COURT", "Good morning. We are here in United States versus Carter."),
        ("MS. ALVAREZ", "Good morning, Your Honor."),
        ("THE COURT", "Proceed."),
        ("MS. ALVAREZ", "The government calls Paul Reyes."),
    ]
    # A line outside the numbered ones printed once is kept: it may be the case's caption.
    once = copied.replace("Heritage Reporting Corporation\n", "", 2)
    assert "Heritage Reporting Corporation" in parse_transcript(once).turns[-1].text


def test_numbers_counting_up_alone_are_no_transcript():
    with pytest.raises(ParseError):
        parse_transcript("1\n2\n3\n4\n5\n6\n")


def test_numbers_opening_a_few_lines_or_counting_nothing_stay_words():
    for text in (
        "ANN LEE: The vote was\n12  to 3 in the end.\n\nTOM WU: And then?\n",
        " 7  ANN LEE: Hello.\n 3  TOM WU: Hi.\n 9  ANN LEE: Bye.\n 2  TOM WU: Bye.\n 5  X: no.\n",
    ):
        assert without_line_numbers(text) == text
