"""A Word document (.docx), as transcription services deliver transcripts: its paragraphs as text.

Each paragraph of the document is a paragraph of text, with a blank line after it; an empty
paragraph, the way a typist spaces turns apart, adds another. Tabs and line breaks are kept. The
document is read as a stream, never whole, and refused once its text runs past the size any
transcript may have; expat, the XML parser, refuses entity expansion bombs itself and resolves no
external entities.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError as XMLError
from xml.etree.ElementTree import iterparse

from .model import ParseError

_BODY = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def looks_docx(raw: bytes) -> bool:
    """Whether the bytes are a zip archive, the container a .docx is (checked fully on reading)."""
    return raw.startswith(b"PK\x03\x04")


def docx_text(raw: bytes, *, limit: int) -> str:
    """The text of the Word document in `raw`; ParseError if it is not one or its text exceeds
    `limit` characters."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if _BODY not in archive.namelist():
                raise ParseError("This is a zip archive, not a Word document or a transcript.")
            with archive.open(_BODY) as body:
                return _paragraphs(body, limit)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, XMLError, EOFError, OSError) as error:
        raise ParseError("This Word document is damaged and cannot be read.") from error


def _paragraphs(body: io.BufferedIOBase, limit: int) -> str:
    parts: list[str] = []
    size = 0
    # Paragraphs nest (a text box's inside a paragraph's run): each collects its own text.
    open_paragraphs: list[list[str]] = []
    for event, element in iterparse(body, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_W}p":
                open_paragraphs.append([])
            continue
        current = open_paragraphs[-1] if open_paragraphs else []
        if tag == f"{_W}t":
            current.append(element.text or "")
        elif tag == f"{_W}tab":
            current.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            current.append("\n")
        elif tag == f"{_W}p":
            paragraph = "".join(open_paragraphs.pop())
            parts.append(paragraph + "\n\n" if paragraph.strip() else "\n")
            size += len(paragraph) + 2
            if size > limit:
                raise ParseError("The Word document's text is larger than any transcript accepted.")
            element.clear()
    return "".join(parts)
