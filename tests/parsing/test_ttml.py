"""TTML captions (DFXP, SMPTE-TT, EBU-TT): timed paragraphs, speakers as agents."""

import pytest

from interviews.parsing import ParseError, parse_transcript
from interviews.parsing.api import detect_format

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"'
    ' xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:tickRate="10000000">'
    "<head><metadata>"
    '<ttm:agent xml:id="ann" type="person"><ttm:name type="full">Ann Lee</ttm:name></ttm:agent>'
    '<ttm:agent xml:id="tom" type="person"><ttm:name type="full">Tom Wu</ttm:name></ttm:agent>'
    "</metadata></head>"
)


def ttml(body: str) -> str:
    return f"{HEAD}<body><div>{body}</div></body></tt>\n"


def test_agents_name_the_turns_and_each_time_expression_times_them():
    parsed = parse_transcript(
        ttml(
            '<p begin="00:00:01.000" end="00:00:03.000" ttm:agent="ann">Welcome back.<br/>'
            "Tom, why now?</p>"
            '<p begin="30000000t" end="50000000t" ttm:agent="tom">Because the <span>rates</span>'
            " fell.</p>"
            '<p begin="5s" dur="2s"><span ttm:agent="ann">And next year?</span></p>'
            '<p begin="00:00:07:15" end="9000ms" ttm:agent="tom">We will see.</p>'
        )
    )
    assert parsed.format == "ttml"
    assert [(t.speaker, t.text, t.start, t.end) for t in parsed.turns] == [
        ("Ann Lee", "Welcome back. Tom, why now?", 1.0, 3.0),
        ("Tom Wu", "Because the rates fell.", 3.0, 5.0),
        ("Ann Lee", "And next year?", 5.0, 7.0),
        ("Tom Wu", "We will see.", 7.5, 9.0),
    ]


def test_without_agents_the_captions_own_marks_tell_the_speakers():
    parsed = parse_transcript(
        ttml(
            '<p begin="1s" end="2s">ANN LEE: Welcome back.</p>'
            '<p begin="2s" end="3s">&gt;&gt; TOM WU: Thanks.</p>'
            '<p begin="3s" end="4s">ANN LEE: Why?</p>'
        )
    )
    assert [t.speaker for t in parsed.turns] == ["Ann Lee", "Tom Wu", "Ann Lee"]


def test_a_ttml_document_is_detected_and_not_read_as_a_web_page():
    assert detect_format(ttml('<p begin="1s" end="2s">Hi.</p>')) == "ttml"
    assert detect_format("<tt>not a namespace</tt>") != "ttml"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (ttml('<p begin="1s" end="2s">Hi.</p').replace("</tt>", ""), "not well-formed"),
        (ttml('<p begin="soon" end="2s">Hi.</p>'), "Paragraph 1: 'soon' is not a TTML time"),
        (ttml("<p>Hi.</p>").replace('tickRate="10000000"', 'tickRate="0"'), "rate '0'"),
        (ttml(""), "No timed captions"),
    ],
)
def test_a_broken_ttml_document_gets_a_clear_message(document, message):
    with pytest.raises(ParseError, match=message):
        parse_transcript(document, format="ttml")
