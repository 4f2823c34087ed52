"""Reading raw input into clean text, and the small text measures the other modules share.

Input arrives as bytes in whatever encoding a newsroom's CMS exported (UTF-8 with or without a
BOM, UTF-16, Windows-1252, latin-1; or a Word document or PDF) and with whatever line endings
and invisible characters the page had. Everything downstream works on one normal form: str, "\\n"
line endings, ordinary spaces.
Typographic quotes and dashes are kept as printed; only comparisons fold them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from .document import document_text, line_shape, looks_rtf, rtf_text
from .model import ParseError

MAX_INPUT_BYTES = 20 * 1024 * 1024

# Spaces that only affect layout; treating them as ordinary spaces keeps indentation and blank-line
# detection honest without changing any word of the text. A tab inside a line is kept: it parts
# the cells of a table pasted from a word processor or a spreadsheet ("Ann Lee<tab>Hello").
_LAYOUT_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_INDENT = re.compile(r"^[ \t]+", re.M)
# Characters with no visible effect that break matching when left in (BOM mid-file, zero-widths).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: str | bytes) -> str:
    """Return `data` as text, guessing the encoding of bytes; raise ParseError for binary data."""
    if isinstance(data, str):
        text = data
        # RTF is 7-bit text: pasted, or read as text, it is still a document.
        if looks_rtf(data[:256].encode("cp1252", "replace")):
            text = rtf_text(data.encode("cp1252", "replace"), limit=MAX_INPUT_BYTES)
    elif isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        if len(raw) > MAX_INPUT_BYTES:
            raise ParseError(_too_big(len(raw)))
        text = document_text(raw, limit=MAX_INPUT_BYTES)
        if text is None:
            text = _decode_bytes(raw)
    else:
        raise ParseError(f"Expected text or bytes, got {type(data).__name__}.")
    if len(text) > MAX_INPUT_BYTES:
        raise ParseError(_too_big(len(text)))
    sample = text[:65536]
    if sample and (sample.count("\x00") or len(_CONTROL.findall(sample)) > len(sample) / 100):
        raise ParseError("This looks like a binary file, not a transcript.")
    return text


def _too_big(size: int) -> str:
    return (
        f"The file is {size / 1024 / 1024:.1f} MB; transcripts over "
        f"{MAX_INPUT_BYTES // 1024 // 1024} MB are refused. Split it into segments."
    )


def _decode_bytes(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ParseError("The file starts like UTF-16 text but is not valid UTF-16.") from error
    if raw.count(b"\x00") > len(raw) // 4 and len(raw) >= 4:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if not text.count("\x00"):
                return text
        raise ParseError("This looks like a binary file, not a transcript.")
    # UTF-8 wherever the bytes are UTF-8, and Windows-1252 byte by byte where they are not: one
    # stray byte, or a paragraph pasted from another file, must not turn every other curly
    # quote and bullet into mojibake. A whole Windows-1252 file decodes the same way, as its
    # accented letters and quotes are never valid UTF-8 sequences in practice.
    return raw.decode("utf-8-sig", errors=_CP1252_FALLBACK)


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it is the last resort.
    text = "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in bad)
    return text, error.end


_CP1252_FALLBACK = "interview-archive-cp1252"
codecs.register_error(_CP1252_FALLBACK, _cp1252_bytes)


def normalise(text: str) -> str:
    """Unify line endings, layout spaces and invisible characters; keep every visible character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = text.translate(_INVISIBLE).translate(_LAYOUT_SPACES)
    text = _INDENT.sub(lambda indent: indent.group().replace("\t", " "), text)
    return _CONTROL.sub("", text)


# Court and deposition transcripts number each line of a page, 1 to 25, in a margin; their pages
# open with the page's number. Copied from a PDF, the margin may shrink to one space.
_LINE_NUMBER = re.compile(r"^ {0,3}(\d{1,2})(?:(?P<indent> +)(?=\S)| *$)")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}\s*$", re.I)


def without_line_numbers(text: str) -> str:
    """The text without its margin's line numbers, where most lines open with one and they count
    up (starting again at each page), and without its pages' numbers or the blank lines a page
    printed double-spaced puts between its lines; other text as it is. A numbered line keeps
    what it is indented by beyond the least indented, which opens its paragraphs."""
    lines = text.split("\n")
    numbers = [_LINE_NUMBER.match(line) for line in lines]
    counted = [int(m.group(1)) for m in numbers if m]
    printed = sum(1 for line in lines if line.strip())
    rising = sum(1 for a, b in zip(counted, counted[1:], strict=False) if b in (a + 1, 1))
    if len(counted) < 5 or len(counted) * 10 < printed * 6 or rising * 10 < len(counted) * 8:
        return text
    margin = min((len(m.group("indent")) for m in numbers if m and m.group("indent")), default=0)
    # A line outside the numbered ones that recurs page after page is the running head or foot
    # ("Official - Subject to Final Review", "Heritage Reporting Corporation"): no one's words.
    unnumbered = Counter(line_shape(line) for line, m in zip(lines, numbers, strict=True) if not m)
    return "\n".join(
        line[m.end() - len(m.group("indent")) + margin :] if m else line
        for line, m in zip(lines, numbers, strict=True)
        if (m and m.group("indent"))
        or not (
            m or _PAGE_NUMBER.match(line) or not line.strip() or unnumbered[line_shape(line)] > 1
        )
    )


_FOLD = str.maketrans("\u2018\u2019\u201b\u2032\u00b4`\u201c\u201d\u201e\u2033", "''''''\"\"\"\"")


def fold(text: str) -> str:
    """Lower-case ASCII-ish form of `text` for comparisons: quotes unified, accents removed."""
    text = text.translate(_FOLD)
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# Words that end with a period without ending a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "prof",
    "rev",
    "jr",
    "sr",
    "vs",
    "v",
    "inc",
    "co",
    "corp",
    "ltd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "e.g",
    "i.e",
    "etc",
    "mt",
    "ft",
    "pres",
    "sec",
    "gens",
    "messrs",
    "hon",
    "p",
    "pp",
}
# Abbreviations only before a number: "No. 5", "Art. 3"; "No. As I said" is two sentences.
_NUMBERING = {"no", "nos", "art"}
_SENTENCE_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=\s+|$)")
_FINAL_STOP = re.compile(r"[.?!…][\"'”’)\]]*\s*$")
# A stage direction: "(CROSSTALK)", "[inaudible]", "(BEGIN VIDEO CLIP)"; a pattern for the
# modules to anchor as they need.
STAGE_DIRECTION = r"\([^()]{1,80}\)|\[[^\[\]]{1,80}\]"


def ends_sentence(text: str) -> bool:
    """Whether `text` ends as a sentence does: a full stop, question or exclamation mark, or an
    ellipsis, before any closing quotes and brackets."""
    return bool(_FINAL_STOP.search(text))


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping every character (joined by spaces they rebuild it)."""
    return [text[start:end].strip() for start, end in sentence_spans(text)]


# An initial ("J") or dotted letters ("J.R", "U.S") before the full stop.
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*")


def stops_short(word: str) -> bool:
    """Whether a full stop after `word` ends no sentence: an abbreviation, an initial or dotted
    letters ("Mr", "J", "U.S")."""
    token = _token(word)
    return token in _ABBREVIATIONS or bool(_INITIALS.fullmatch(token))


def _token(word: str) -> str:
    return word.rstrip(".").lstrip("(\"'“‘").lower()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of `text` starts and ends; a full stop after an abbreviation, an
    initial or dotted letters ("Mr.", "J.", "U.S.") ends none."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        rest = text[end:].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘(¿¡[-—"):
            continue
        if match.group().startswith(".") and len(match.group().rstrip("\"'”’)]")) == 1:
            word = (text[start : match.start()].rsplit(None, 1)[-1:] or [""])[0]
            numbering = _token(word) in _NUMBERING and rest[:1].isdigit()
            if stops_short(word) or numbering:
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def words(text: str) -> list[str]:
    """The lower-cased words of `text`, apostrophes folded, for counting and lexical models."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(text))
