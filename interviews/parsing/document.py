"""Documents transcripts come in: Word (.docx), as transcription services deliver them, RTF, as
court reporters' and transcription software exports them, and PDF, as courts and legislatures
publish them. Each is read as text for the transcript readers.

In a Word document each paragraph is a paragraph of text, with a blank line after it; an empty
paragraph, the way a typist spaces turns apart, adds another, and so does a sentence all in bold
(a print interview's question) before and after it. Tabs and line breaks are kept. A table row
is a line with its cells parted by tabs (a name, perhaps a time, the speech). The document is
read as a stream, never whole, and refused once its text runs past the size any transcript may
have; expat, the XML parser, refuses entity expansion bombs itself and resolves no external
entities.

A PDF is read page by page (pypdf), and what its printing adds is taken off: the running heads
and feet repeated at the top or bottom of most pages ("Official - Subject to Final Review",
a page number), and the numbers of the lines on pages that number them, as court reporters do.
A line that opens with a label ("MR. LEE:", or "Ann Lee:" where it recurs) starts a paragraph;
the others are lines of the paragraph above, for the reader to join.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from xml.etree.ElementTree import ParseError as XMLError
from xml.etree.ElementTree import iterparse

from .model import ParseError

_BODY = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document_text(raw: bytes, *, limit: int) -> str | None:
    """The text of a Word document, RTF document or PDF in `raw`, or None for other bytes."""
    if looks_docx(raw):
        return docx_text(raw, limit=limit)
    if looks_rtf(raw):
        return rtf_text(raw, limit=limit)
    if looks_pdf(raw):
        return pdf_text(raw, limit=limit)
    return None


def looks_docx(raw: bytes) -> bool:
    """Whether the bytes are a zip archive, the container a .docx is (checked fully on reading)."""
    return raw.startswith(b"PK\x03\x04")


def docx_text(raw: bytes, *, limit: int) -> str:
    """The text of the Word document in `raw`; ParseError if it is not one or its text exceeds
    `limit` characters."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if _BODY not in archive.namelist():
                raise ParseError(_not_word(archive))
            with archive.open(_BODY) as body:
                return _docx_paragraphs(body, limit)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, XMLError, EOFError, OSError) as error:
        raise ParseError("This Word document is damaged and cannot be read.") from error


def _not_word(archive: zipfile.ZipFile) -> str:
    """Why a zip archive is not read; an OpenDocument text (LibreOffice's) is told what to do."""
    if "mimetype" in archive.namelist():
        with archive.open("mimetype") as mimetype:
            if mimetype.read(64).startswith(b"application/vnd.oasis.opendocument"):
                return (
                    "OpenDocument files (.odt) are not read: save it as a Word document (.docx)"
                    " or as text."
                )
    return "This is a zip archive, not a Word document or a transcript."


def _docx_paragraphs(body: io.BufferedIOBase, limit: int) -> str:
    from .text import ends_sentence  # text.py reads documents through this module

    parts: list[str] = []
    size = 0

    def add(paragraph: str, *, asked: bool = False) -> None:
        nonlocal size
        if asked:  # parted from the paragraphs around it by a wider gap, as turns are
            paragraph = "\n" + paragraph + "\n"
        parts.append(paragraph + "\n\n" if paragraph.strip() else "\n")
        size += len(paragraph) + 2
        if size > limit:
            raise ParseError("The Word document's text is larger than any transcript accepted.")

    # Paragraphs nest (a text box's inside a paragraph's run): each collects its own text, and
    # whether any of it is outside bold (a sentence all in bold is a print interview's question).
    open_paragraphs: list[list[str]] = []
    plain: list[bool] = []
    bold = False  # the run being read is set in bold
    # A table row is a line, its cells parted by tabs (as a table copied from Word pastes), the
    # paragraphs of a cell joined: the open rows' cells, and the open cells' paragraphs.
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    for event, element in iterparse(body, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_W}p":
                open_paragraphs.append([])
                plain.append(False)
            elif tag == f"{_W}r":
                bold = False
            elif tag == f"{_W}tr":
                rows.append([])
            elif tag == f"{_W}tc":
                cells.append([])
            continue
        current = open_paragraphs[-1] if open_paragraphs else []
        if tag == f"{_W}t":
            current.append(element.text or "")
            if plain and (element.text or "").strip() and not bold:
                plain[-1] = True
        elif tag == f"{_W}b":
            bold = element.get(f"{_W}val", "true") not in ("0", "false")
        elif tag == f"{_W}tab":
            current.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            current.append("\n")
        elif tag == f"{_W}p":
            paragraph = "".join(open_paragraphs.pop())
            asked = not plain.pop() and ends_sentence(paragraph)
            if cells and not open_paragraphs:
                cells[-1].append(paragraph)
                continue
            add(paragraph, asked=asked)
            element.clear()
        elif tag == f"{_W}tc" and cells:
            cell = " ".join(" ".join(cells.pop()).split())
            if rows:
                rows[-1].append(cell)
        elif tag == f"{_W}tr" and rows:
            add("\t".join(rows.pop()))
            element.clear()
    return "".join(parts)


def looks_rtf(raw: bytes) -> bool:
    """Whether the bytes open with an RTF document's signature."""
    return raw.lstrip()[:5] == b"{\\rtf"


def rtf_text(raw: bytes, *, limit: int) -> str:
    """The text of the RTF document in `raw` (striprtf), a table row a line of tab-parted cells;
    ParseError if it is damaged or its text exceeds `limit` characters."""
    from striprtf.striprtf import rtf_to_text  # as pypdf: only an RTF document needs it

    try:
        # RTF is 7-bit text: what is not ASCII is escaped, in the document's own code page.
        text = rtf_to_text(raw.decode("cp1252", errors="replace"), errors="replace")
    except (ValueError, IndexError, OverflowError, LookupError) as error:
        raise ParseError("This RTF document is damaged and cannot be read.") from error
    if len(text) > limit:
        raise ParseError("The RTF document's text is larger than any transcript accepted.")
    return _RTF_ROW.sub(lambda row: "\t".join(row.group("cells").split("|")), text)


# striprtf ends each table cell with "|": a line that ends so is a row.
_RTF_ROW = re.compile(r"^(?P<cells>.*)\|[ \t]*$", re.M)


def looks_pdf(raw: bytes) -> bool:
    """Whether the bytes open with a PDF's signature."""
    return raw.lstrip()[:5] == b"%PDF-"


def pdf_text(raw: bytes, *, limit: int) -> str:
    """The text of the PDF in `raw`, without what its printing adds; ParseError if it is damaged,
    locked, has no text (a scan), or its text exceeds `limit` characters."""
    from pypdf import PdfReader  # 0.1 s to import, which only a PDF needs to pay

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError("This PDF is protected by a password; unlock it first.")
        pages, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            size += len(text)
            if size > limit:
                raise ParseError("The PDF's text is larger than any transcript accepted.")
            pages.append([line.strip() for line in text.split("\n") if line.strip()])
    except ParseError:
        raise
    except Exception as error:  # pypdf's errors on a broken file are not all PyPdfError
        raise ParseError("This PDF is damaged and cannot be read.") from error
    if not any(pages):
        raise ParseError("This PDF has no text in it (a scan needs text recognition first).")
    return _printed_text(pages)


_EDGE = 2  # lines at the top and at the bottom of a page where running heads and feet stand
_LINE_NUMBER = re.compile(r"^(\d{1,2})\s+")
_CAPITALS_LABEL = re.compile(
    r"^(?:[A-Z][A-Z.'’\-]*\s+){0,5}[A-Z][A-Z.'’\-]*(?:\s+\([^()]{1,40}\))?:(?:\s|$)"
)
_NAME_LABEL = re.compile(r"^(?P<name>(?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’.\-]*):(?:\s|$)")


def _printed_text(pages: list[list[str]]) -> str:
    running = _running_lines(pages)
    lines = []
    for page in pages:
        kept = [
            line
            for i, line in enumerate(page)
            if not (line_shape(line) in running and (i < _EDGE or i >= len(page) - _EDGE))
        ]
        lines += _without_line_numbers(kept)
    names = Counter(m.group("name") for m in map(_NAME_LABEL.match, lines) if m)
    return (
        "".join(("\n\n" if _opens_turn(line, names) else "\n") + line for line in lines).strip()
        + "\n"
    )


def _opens_turn(line: str, names: Counter[str]) -> bool:
    """Whether the line opens with a label: in capitals, or a name that labels two lines or more
    ("Ann Lee: ..."; once, it may be a sentence: "Here's the thing: ...")."""
    named = _NAME_LABEL.match(line)
    return bool(_CAPITALS_LABEL.match(line) or (named and names[named.group("name")] >= 2))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (numbers aside) at the edge of at least half the pages, of three or more."""
    if len(pages) < 3:
        return set()
    seen = Counter(
        shape
        for page in pages
        for shape in {line_shape(line) for line in page[:_EDGE] + page[-_EDGE:]}
    )
    return {shape for shape, n in seen.items() if n * 2 >= len(pages)}


def line_shape(line: str) -> str:
    """A line with its numbers as "#": what a running head or foot ("Page 4") is on every page."""
    return re.sub(r"\d+", "#", line.strip())


def _without_line_numbers(lines: list[str]) -> list[str]:
    """The page's lines without their numbers, where nearly all of them are numbered upwards."""
    numbers = [_LINE_NUMBER.match(line) for line in lines]
    values = [int(m.group(1)) for m in numbers if m]
    if len(values) < 0.8 * len(lines) or values != sorted(values) or len(set(values)) < len(values):
        return lines
    return [line[m.end() :] if m else line for line, m in zip(lines, numbers, strict=True)]
