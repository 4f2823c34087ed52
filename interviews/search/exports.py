"""Search hits written out as CSV and JSON, streamed, safe to open in a spreadsheet."""

import csv
import io
import json
from collections.abc import Callable, Iterator

from interviews.citations import turn_citation
from interviews.search.queries import QuoteExport, turn_as_dict

CSV_COLUMNS = (
    "id",
    "speaker",
    "affiliation",
    "role",
    "text",
    "segment",
    "program",
    "air_date",
    "url",
    "citation",
)
# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """The cell's text, prefixed with ' when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _rows(export: QuoteExport, absolute: Callable[[str], str]) -> Iterator[dict]:
    for turn in export.turns:
        url = absolute(turn.get_absolute_url())
        row = turn_as_dict(turn)
        yield row | {"url": url, "citation": turn_citation(turn, url=url)}


def export_csv(export: QuoteExport, *, absolute: Callable[[str], str]) -> Iterator[str]:
    """The hits as CSV text, a line at a time; `absolute` turns a path into a full URL."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        writer.writerow(values)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line(CSV_COLUMNS)
    for row in _rows(export, absolute):
        yield line(spreadsheet_safe(row[column]) for column in CSV_COLUMNS)


def export_json(export: QuoteExport, *, absolute: Callable[[str], str]) -> Iterator[str]:
    """The hits as one JSON document, streamed: what was asked, how many, and every hit."""
    head = {
        "q": export.query.canonical(),
        "count": export.count,
        "exported": min(export.count, export.limit),
        "limit": export.limit,
        "truncated": export.truncated,
    }
    yield json.dumps(head)[:-1] + ', "hits": ['
    for i, row in enumerate(_rows(export, absolute)):
        yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
