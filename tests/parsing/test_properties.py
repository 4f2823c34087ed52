"""Any input at all: a transcript or one clear ParseError, and no word of the speech lost.

Text survives modulo whitespace: runs of spaces, tabs and newlines may become one space or a
paragraph break, and invisible characters (BOM, zero-width spaces, soft hyphens, control
characters) are dropped. Label prefixes, stage-direction markers kept as their own turns, the
page furniture, title and summary of a scraped page and the footer of a copied one are not
speech.
"""

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviews.parsing import FORMATS, ParseError, Transcript, parse_transcript
from interviews.parsing.header import footer_start
from interviews.parsing.labelled import MARKDOWN_HEADING
from interviews.parsing.webpage import calls_to_action

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.sampled_from(["ALICE WU", "BOB ROSS", "Carol King", "SEN. DAN LEE", "MODERATOR"])
# Speech that could itself be a label ("A: ...", a colon after its first words) is left out: a
# label it would be, in any transcript; and so is a line where a copied page's footer begins (a
# copyright notice, the mark a transcript ends at) or a page's control ("Listen to this Segment"),
# and a Markdown heading ("## Why prices rose"), whose marks are no words.
speech = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Cf")), min_size=1
).filter(
    lambda s: (
        re.search(r"\w", s)
        and not re.search(r":(?:\s|$)", s[:120])
        and footer_start(s.split("\n")) == len(s.split("\n"))
        and not MARKDOWN_HEADING.match(s)
        and not calls_to_action(s)
    )
)


def parse_or_refuse(data, **kwargs) -> Transcript | None:
    try:
        return parse_transcript(data, **kwargs)
    except ParseError as error:
        assert str(error)
        return None


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from([None, *FORMATS]))
def test_any_bytes_give_a_transcript_or_a_parse_error(data, format):
    parsed = parse_or_refuse(data, format=format)
    assert parsed is None or isinstance(parsed, Transcript)


@SETTINGS
@given(st.text(max_size=4000), st.sampled_from([None, *FORMATS]))
def test_any_text_gives_a_transcript_or_a_parse_error(text, format):
    parsed = parse_or_refuse(text, format=format)
    if parsed is not None:
        assert parsed.turns
        assert all(0.0 <= t.confidence <= 1.0 for t in parsed.turns)
        assert all(t.speaker is None or parsed.speaker(t.speaker) for t in parsed.turns)


def words(text: str) -> list[str]:
    return text.split()


@SETTINGS
@given(st.lists(st.tuples(names, st.lists(speech, min_size=1, max_size=3)), min_size=2))
def test_every_word_of_a_labelled_transcript_survives_in_order(turns):
    # The first line opens with a sentence: a name printed once above words that are none
    # ("Carol King: 0" over a paragraph) would be the transcript's headline, not a turn.
    turns = [("ALICE WU", ["Hello."]), *turns]
    text = "\n\n".join(
        f"{name}: " + "\n\n".join(" ".join(p.split()) for p in paragraphs)
        for name, paragraphs in turns
    )
    parsed = parse_or_refuse(text, format="labelled")
    assert parsed is not None
    spoken = words(" ".join(" ".join(p.split()) for _, ps in turns for p in ps))
    assert words(" ".join(t.text for t in parsed.turns)) == spoken


@SETTINGS
@given(
    st.lists(st.lists(speech, min_size=1, max_size=3), min_size=1, max_size=8),
    names,
    st.integers(min_value=1, max_value=8),
)
def test_every_word_of_a_scraped_page_body_survives_in_order(turns, label, labelled):
    # The guest's label line stands over one of the turns after the first, or below them all.
    lines = ["A title", "", "A summary that names nobody in particular at all today.", "", ""]
    for i, paragraphs in enumerate(turns):
        if i == labelled:
            lines += [f"  • {label}, Somewhere:", ""]
        for paragraph in paragraphs:
            lines += ["    " + " ".join(paragraph.split()), ""]
        lines.append("")
    if labelled >= len(turns):
        lines += [f"  • {label}, Somewhere:", ""]
    parsed = parse_or_refuse("\n".join(lines), format="scraped")
    assert parsed is not None
    spoken = words(" ".join(" ".join(p.split()) for ps in turns for p in ps))
    assert words(" ".join(t.text for t in parsed.turns)) == spoken


@SETTINGS
@given(st.lists(st.text(max_size=200), min_size=1, max_size=8), st.sampled_from(["p", "li", "div"]))
def test_any_text_in_a_web_page_gives_a_transcript_or_a_parse_error(paragraphs, tag):
    page = "<html><body>" + "".join(f"<{tag}>{p}</{tag}>" for p in paragraphs) + "</body></html>"
    parsed = parse_or_refuse(page)
    assert parsed is None or isinstance(parsed, Transcript)


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes_after_a_zip_signature_give_a_parse_error(data):
    assert parse_or_refuse(b"PK\x03\x04" + data) is None


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes_after_a_pdf_signature_give_a_transcript_or_a_parse_error(data):
    parsed = parse_or_refuse(b"%PDF-1.4\n" + data)
    assert parsed is None or isinstance(parsed, Transcript)


rtf_pieces = st.lists(
    st.sampled_from(
        ["\\par ", "\\cell ", "\\row ", "\\u8220?", "\\u99999999999?", "\\'e9", "\\'zz", "{", "}"]
        + ["\\*\\fonttbl ", "\\ansicpg1252 ", "\\ansicpg99999 ", "\\bin5 ", "ANN LEE: ", "Hi. "]
    )
    | st.text(max_size=10),
    max_size=40,
)


@SETTINGS
@given(rtf_pieces)
def test_any_rtf_gives_a_transcript_or_a_parse_error_as_bytes_or_as_text(pieces):
    rtf = "{\\rtf1 " + "".join(pieces)
    for data in (rtf, rtf.encode("utf-8")):
        parsed = parse_or_refuse(data)
        assert parsed is None or isinstance(parsed, Transcript)


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
segments = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "text": st.text(max_size=40) | json_values,
            "start": st.floats() | json_values,
            "speaker": st.sampled_from(["SPEAKER_00", "B", "Ann Lee", 3]) | json_values,
        },
    )
    | json_values,
    max_size=6,
)


@SETTINGS
@given(st.sampled_from(["segments", "utterances"]), segments)
def test_any_speech_to_text_output_gives_a_transcript_or_a_parse_error(key, items):
    parsed = parse_or_refuse(json.dumps({key: items}))
    assert parsed is None or isinstance(parsed, Transcript)
