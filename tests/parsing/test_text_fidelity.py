"""Whatever encoding and layout a CMS exported, every character of the speech arrives intact."""

import pytest

from interviews.parsing import ParseError, parse_transcript

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
