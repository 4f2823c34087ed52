"""Word documents, as transcription services deliver them, read as their paragraphs."""

import io
import time
import zipfile

import pytest

from interviews.parsing import ParseError, parse_transcript
from interviews.parsing.document import docx_text, rtf_text
from tests.documents import PRINT_QA_TURNS, W, docx, pdf


def test_a_word_document_reads_as_its_paragraphs():
    parsed = parse_transcript(
        docx(
            "Housing, with Omar Haddad",
            "JENNA PARK: Rents rose &amp; rose. Why?",
            "OMAR HADDAD: Supply.",
            "We have not built enough.",
            "",
            "JENNA PARK: Thank you.",
        )
    )
    assert parsed.title == "Housing, with Omar Haddad"
    assert [(t.speaker, t.paragraphs) for t in parsed.turns] == [
        ("Jenna Park", ["Rents rose & rose. Why?"]),
        ("Omar Haddad", ["Supply.", "We have not built enough."]),
        ("Jenna Park", ["Thank you."]),
    ]


def test_a_run_split_inside_a_word_and_a_line_break_keep_the_text():
    body = (
        f"<w:document xmlns:w='{W}'><w:body>"
        "<w:p><w:r><w:t>ANN LEE: Hel</w:t></w:r><w:r><w:t>lo.</w:t><w:br/><w:t>Again.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>BOB ROSS: Hi.</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    parsed = parse_transcript(docx(body=body))
    assert [t.text for t in parsed.turns] == ["Hello. Again.", "Hi."]


def test_a_paragraph_inside_a_text_box_keeps_the_paragraph_around_it_whole():
    body = (
        f"<w:document xmlns:w='{W}'><w:body>"
        "<w:p><w:r><w:t>ANN LEE: Before </w:t><w:pict><w:txbxContent>"
        "<w:p><w:r><w:t>Boxed.</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict><w:t>after.</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    assert docx_text(docx(body=body), limit=1000) == "Boxed.\n\nANN LEE: Before after.\n\n"


def test_a_print_interviews_questions_in_bold_are_turns_of_their_own():
    def paragraph(text: str, bold: str = "") -> str:
        properties = f"<w:rPr>{bold}</w:rPr>" if bold else ""
        return f"<w:p><w:r>{properties}<w:t>{text}</w:t></w:r></w:p>"

    body = (
        f"<w:document xmlns:w='{W}'><w:body>"
        + paragraph("Ruth Akers on the novel she threw away")
        + paragraph("By Helen Park")
        + paragraph(
            "Ten years after her last book, the novelist Ruth Akers returns with a new one."
        )
        + paragraph("Why so long?", "<w:b/>")
        + paragraph("I threw away the first draft.")
        + paragraph("It was not working, and I knew it.", "<w:b w:val='0'/>")
        + paragraph("That must have hurt.", "<w:b w:val='true'/>")
        + paragraph("It did, for a week.")
        + paragraph("What changed?", "<w:b/>")
        + paragraph("The narrator.")
        + "</w:body></w:document>"
    )
    parsed = parse_transcript(docx(body=body))
    assert [(t.speaker, t.text) for t in parsed.turns] == PRINT_QA_TURNS


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "damaged"),
        (docx(body="<w:document><w:body><w:p>"), "damaged"),
    ],
)
def test_a_damaged_word_document_gets_a_clear_message(data, message):
    with pytest.raises(ParseError, match=message):
        parse_transcript(data)


def test_a_zip_archive_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "ANN LEE: Hello.")
    with pytest.raises(ParseError, match="not a Word document"):
        parse_transcript(buffer.getvalue())

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ParseError, match=r"\(.odt\) are not read: save it as a Word document"):
        parse_transcript(buffer.getvalue())


def test_an_entity_expansion_bomb_is_refused_quickly():
    entities = "<!ENTITY e0 'lol'>" + "".join(
        f"<!ENTITY e{i} '{f'&e{i - 1};' * 10}'>" for i in range(1, 10)
    )
    bomb = (
        f"<?xml version='1.0'?><!DOCTYPE d [{entities}]><w:document xmlns:w='{W}'>&e9;</w:document>"
    )
    started = time.monotonic()
    with pytest.raises(ParseError):
        parse_transcript(docx(body=bomb))
    assert time.monotonic() - started < 5


def test_a_document_whose_text_outgrows_any_transcript_is_refused():
    with pytest.raises(ParseError, match="larger than any transcript"):
        docx_text(docx("A" * 60, "B" * 60), limit=100)
    assert docx_text(docx("A", "B", "", "C"), limit=100) == "A\n\nB\n\n\nC\n\n"


def court_page(number: int, lines: list[str]) -> list[str]:
    """A court reporter's page: a running head, numbered lines, the page number at the foot."""
    return [
        "Official - Subject to Final Review",
        *(f"{n} {line}" for n, line in enumerate(lines, start=1)),
        "Alderson Reporting Company",
        str(number),
    ]


def test_a_court_transcript_pdf_reads_without_its_running_heads_and_line_numbers():
    parsed = parse_transcript(
        pdf(
            court_page(3, ["CHIEF JUSTICE ROBERTS: We will hear argument", "first in Case 20-1."]),
            court_page(4, ["Mr. Lee.", "MR. LEE: Mr. Chief Justice, and may it please the"]),
            court_page(5, ["Court: the statute (here) says 12 things.", "JUSTICE KAGAN: Why 12?"]),
        )
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Roberts", "We will hear argument first in Case 20-1. Mr. Lee."),
        (
            "Lee",
            "Mr. Chief Justice, and may it please the Court: the statute (here) says 12 things.",
        ),
        ("Kagan", "Why 12?"),
    ]


def test_a_pdf_without_text_or_damaged_gets_a_clear_message():
    with pytest.raises(ParseError, match="no text"):
        parse_transcript(pdf([]))
    with pytest.raises(ParseError, match="damaged"):
        parse_transcript(b"%PDF-1.4\nnot really a PDF")


def test_mixed_case_labels_that_recur_open_the_paragraphs_of_a_pdf():
    parsed = parse_transcript(
        pdf(["Ann Lee: Rents rose. Here's the thing:", "why?", "Bob Ross: Supply.", "Ann Lee: Oh."])
    )
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("Ann Lee", "Rents rose. Here's the thing: why?"),
        ("Bob Ross", "Supply."),
        ("Ann Lee", "Oh."),
    ]


def test_a_word_table_reads_a_row_to_a_line_and_a_transcript_in_one_is_read():
    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{paragraphs(c)}</w:tc>" for c in cells) + "</w:tr>"

    def paragraphs(cell: str) -> str:
        return "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in cell.split("|"))

    rows = [
        row("Ann Lee", "00:00:01", "Welcome.|Tom Wu is here."),
        row("Tom Wu", "00:00:04", "Thanks, Ann."),
        row("Ann Lee", "00:00:08", "Let us begin."),
        row("Tom Wu", "00:00:10", "Sure."),
    ]
    body = (
        f"<?xml version='1.0'?><w:document xmlns:w='{W}'><w:body>{paragraphs('Interview')}"
        f"<w:tbl>{''.join(rows)}</w:tbl>{paragraphs('The end.')}</w:body></w:document>"
    )
    assert docx_text(docx(body=body), limit=10_000).split("\n\n")[:3] == [
        "Interview",
        "Ann Lee\t00:00:01\tWelcome. Tom Wu is here.",
        "Tom Wu\t00:00:04\tThanks, Ann.",
    ]
    parsed = parse_transcript(docx(body=body))
    assert [(t.speaker, t.start, t.text) for t in parsed.turns] == [
        ("Ann Lee", 1.0, "Welcome. Tom Wu is here."),
        ("Tom Wu", 4.0, "Thanks, Ann."),
        ("Ann Lee", 8.0, "Let us begin."),
        ("Tom Wu", 10.0, "Sure.\n\nThe end."),
    ]


RTF = (
    r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\info{\author Court Reporter}}\f0 "
    r"Hearing\par\par THE COURT: Caf\'e9 \u8220?first\u8221?.\par\par MR. LEE: Thank you.\par"
    r"\trowd\cellx900\cellx5000 Ann Lee\cell Hello.\cell\row"
    r"\trowd\cellx900\cellx5000 Tom Wu\cell Hi.\cell\row}"
)


def test_an_rtf_document_reads_as_its_text_uploaded_or_pasted():
    assert rtf_text(RTF.encode(), limit=1000) == (
        "Hearing\n\nTHE COURT: Café “first”.\n\nMR. LEE: Thank you.\nAnn Lee\tHello.\nTom Wu\tHi.\n"
    )
    for data in (RTF, RTF.encode()):
        parsed = parse_transcript(data)
        assert [(t.label, t.text) for t in parsed.turns][:2] == [
            ("THE COURT", "Café “first”."),
            ("MR. LEE", "Thank you. Ann Lee\tHello. Tom Wu\tHi."),
        ]


def test_a_damaged_rtf_document_gets_a_clear_message():
    with pytest.raises(ParseError, match="RTF document is damaged"):
        parse_transcript(rb"{\rtf1 \u99999999999? ANN LEE: Hi.")
