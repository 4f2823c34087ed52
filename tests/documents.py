"""Word documents and PDFs for tests, built in memory, and what the print Q&A in them says."""

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The turns of the print Q&A that the page and the Word document tests set, questions in bold.
PRINT_QA_TURNS = [
    ("Helen Park", "Why so long?"),
    ("Ruth Akers", "I threw away the first draft.\n\nIt was not working, and I knew it."),
    ("Helen Park", "That must have hurt."),
    ("Ruth Akers", "It did, for a week."),
    ("Helen Park", "What changed?"),
    ("Ruth Akers", "The narrator."),
]


def docx(*paragraphs: str, body: str | None = None) -> bytes:
    """A minimal Word document: each paragraph a run of text; "" an empty paragraph."""
    runs = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{p}</w:t></w:r></w:p>" if p else "<w:p/>"
        for p in paragraphs
    )
    xml = (
        body
        or f"<?xml version='1.0'?><w:document xmlns:w='{W}'><w:body>{runs}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def pdf(*pages: list[str]) -> bytes:
    """A minimal PDF: each page its lines of text, top to bottom, in Helvetica."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        shown = " T* ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj"
            for line in lines
        )
        stream = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
