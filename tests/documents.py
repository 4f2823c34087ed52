"""Word documents for tests, built in memory."""

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


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
