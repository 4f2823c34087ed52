"""A saved web page or a pasted piece of its HTML: the text a browser would show, laid out as lines.

Editors upload the page a broadcaster published as often as its text. The transcript readers work
on text, so the markup goes first: each paragraph, heading or list item on lines of its own with
a blank line after it (two where an element holding paragraphs closes: a page that puts each turn
in one shows where its turns end), a table row on a line of its own with its cells parted by
tabs, a definition list's term on the line above its description, as an element the page marks
as a speaker's name (`class="speaker"`) is, a label with its colon, above the speech after it,
bold words opening a paragraph set off by a tab as a name is, list items bulleted as a browser
shows them ("• DAVID BROOKS:"), line breaks kept, runs of spaces inside a paragraph made one,
entities decoded. Scripts, styles, the document head (bar its title), menus, figures and asides
are not text. A page's calls to action ("Leave your feedback") are text, and text copied from a
page holds them too: `calls_to_action` tells them, for the readers to leave out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .names import is_name_suffix
from .text import ends_sentence

# Verbs that open a page's calls to action, a generic mark of furniture rather than a headline.
_UI_VERBS = {
    "read",
    "listen",
    "watch",
    "share",
    "leave",
    "support",
    "subscribe",
    "sign",
    "click",
    "follow",
    "download",
    "see",
    "view",
    "email",
    "print",
    "tweet",
    "comment",
    "join",
    "donate",
    "related",
    "advertisement",
    "copyright",
    "transcript",
    "full",
    "more",
    "latest",
    "next",
    "previous",
}


def calls_to_action(line: str) -> bool:
    """Whether a line is one of a web page's controls: a few words opening with a call to action
    ("Leave your feedback", "Listen to this Segment", "Read the Full Transcript")."""
    return len(line.split()) <= 4 and opens_with_call(line)


def controls_run_together(text: str) -> bool:
    """Whether text is a page's controls: one call to action, or several copied as one line
    ("Leave your feedback Share Copy URL ... Email"), not a headline opening with one of their
    words ("Transcript for Jane Doe: The Future of Energy")."""
    called = sum(1 for word in text.split() if _calls(word))
    return calls_to_action(text) or (opens_with_call(text) and called >= 2)


def opens_with_call(text: str) -> bool:
    """Whether text opens with a call to action, as a page's controls do ("Share", "Read")."""
    words = text.split()
    return bool(words) and _calls(words[0])


def _calls(word: str) -> bool:
    return word.lower().strip("\"'“‘") in _UI_VERBS


_PAGE = re.compile(
    r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|"
    r"<(?:p|div|article|section|main|h[1-6]|ul|ol|table|blockquote|b|strong|em|i|span|font)\b)",
    re.I,
)
# A fragment copied from an editor may break its lines with <br> and close no block.
_CLOSED_BLOCK = re.compile(
    r"</(?:p|div|li|h[1-6]|tr|td|blockquote|article|section)\s*>|<br\s*/?>", re.I
)
# Elements that hold paragraphs: a page that puts each turn in one shows where turns end.
_CONTAINERS = {
    "div",
    "li",
    "dd",
    "tr",
    "blockquote",
    "article",
    "section",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "ul",
    "ol",
    "dl",
    "table",
    "form",
}
_BLOCKS = _CONTAINERS | {"p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "pre", "title"}
# A table row is a line, its cells parted by tabs, as a table copied from a browser pastes.
_CELLS = {"td", "th"}
# Bold words opening a paragraph are set off from the rest by a tab, as a table's first cell:
# pages print a speaker's name so ("<b>Ann Lee</b> Welcome back.").
_BOLD = {"b", "strong"}
# A page's menus, its figures' captions and the asides it sets beside the text (a pull quote,
# links to other stories) are not its transcript either.
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "nav", "figure", "aside"}
# An element a page marks as a speaker's name ("<span class="speaker">Ann Lee</span>"), printed
# on the line above the speech that follows, as a definition list's term is.
_SPEAKER_CLASS = re.compile(r"(?:^|\s)(?:[\w-]*[-_])?speaker(?:[-_]?name)?(?:\s|$)", re.I)


def _could_be_name(text: str) -> bool:
    """Whether an element's text could be a name: short, and no sentence's end ("William A.
    Kehoe, Jr." may end with a full stop)."""
    words = text.split()
    suffixed = bool(words) and is_name_suffix(words[-1])
    return 0 < len(text) <= 60 and (suffixed or not text.endswith((".", "?", "!", ",", ";")))


def looks_html(text: str) -> bool:
    """Whether the text is markup: it opens with a tag a page is made of and closes a block."""
    return bool(_PAGE.match(text)) and bool(_CLOSED_BLOCK.search(text))


def page_text(markup: str) -> str:
    """The text of the page, a block of it per paragraph, blocks separated by a blank line."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader.text()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.closed = False  # an element holding paragraphs closed since the last block
        self.hidden: list[str] = []  # open elements whose text is not shown
        self.pre = 0
        self.cells = 0  # cells of the table row being read
        self.term = False  # a definition list's term ended the last block
        self.lead: int | None = None  # where bold text opening the paragraph began
        self.bold = 0  # bold elements open
        self.plain = False  # the paragraph has text outside bold
        self.speaker: str | None = None  # the open element marked as a speaker's name
        self.titled = False  # the page's title is the first block

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.bold += tag in _BOLD
        if tag == "body":
            self.hidden.clear()  # a head whose end tag was left out (HTML allows it) ends here
        elif tag in _HIDDEN:
            self.hidden.append(tag)
        elif tag == "title" and self.hidden == ["head"]:
            self.hidden.append(tag)  # the page's title is shown, in its tab
        elif tag == "br":
            self.current.append("\n")
        elif self.speaker is None and _SPEAKER_CLASS.search(dict(attrs).get("class") or ""):
            self.end_block()
            self.speaker = tag
        elif tag in _BOLD and not self.cells and not "".join(self.current).strip():
            self.lead = len(self.current)  # bold opening a paragraph: perhaps a speaker's name
        elif tag == "tr":
            self.end_row()  # the row before, if its end tag was left out
        elif tag in _CELLS:
            if self.cells:
                self.separate("\t")  # the next cell of the row
            self.cells += 1
        elif tag in _BLOCKS and self.cells:
            self.separate(" ")  # a paragraph inside a cell stays in its cell
        elif tag in _BLOCKS:
            self.end_block()
            if tag == "li":
                self.current.append("• ")
            elif tag == "pre":
                self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        self.bold -= tag in _BOLD and self.bold > 0
        if self.hidden and tag == self.hidden[-1]:
            self.hidden.pop()
            if tag == "title":
                self.end_block()
                self.titled = len(self.blocks) == 1
        elif tag == self.speaker:
            name = "".join(self.current).strip()
            named = _could_be_name(name)
            if named and not name.endswith(":"):
                self.current = [name + ":"]  # the page says it is a name: a label, however rare
            self.end_block()
            self.term = named
            self.speaker = None
        elif tag in _BOLD and self.lead is not None:
            name = "".join(self.current[self.lead :]).strip()
            if _could_be_name(name):
                self.separate("\t")  # set off as a label is, for the reader to judge
            self.lead = None
        elif tag == "tr" or (tag == "table" and self.cells):
            self.end_row()
        elif tag in _BLOCKS and self.cells:
            self.separate(" ")
        elif tag in _BLOCKS:
            self.end_block()
            if tag == "pre" and self.pre:
                self.pre -= 1
            self.closed = self.closed or tag in _CONTAINERS
            # A term's description follows on the next line, as a name its speech.
            self.term = tag == "dt"

    def handle_data(self, data: str) -> None:
        if not self.hidden or self.hidden[-1] == "title":
            text = data if self.pre else re.sub(r"\s+", " ", data)
            if self.current and self.current[-1].endswith("\t"):
                text = text.lstrip(" ")  # a cell's or a name's tab stands for the space after
            self.current.append(text)
            self.plain = self.plain or bool(text.strip() and not self.bold)

    def separate(self, separator: str) -> None:
        """Part what follows from the text before it: a tab between cells (an empty cell still
        counts), one space between paragraphs of a cell."""
        text = "".join(self.current).rstrip(" ")
        if separator == "\t" or (text and not text.endswith(("\t", "\n"))):
            text += separator
        self.current = [text]

    def end_row(self) -> None:
        self.cells = 0
        self.end_block()
        self.closed = True

    def end_block(self) -> None:
        lines = "".join(self.current).split("\n")
        block = "\n".join(line if self.pre else line.strip(" ") for line in lines).strip("\n")
        # A sentence all in bold is a print interview's question: a turn of its own.
        asked = not self.plain and ends_sentence(block)
        if block.strip():
            gap = "\n\n\n" if self.closed or asked else "\n" if self.term else "\n\n"
            self.blocks.append((gap if self.blocks else "") + block)
            self.closed, self.term = asked, False
        self.current, self.lead, self.plain = [], None, False

    def text(self) -> str:
        self.end_block()
        blocks = self.blocks
        if self.titled and any(_names_site(blocks[0], block.strip()) for block in blocks[1:4]):
            blocks = [blocks[1].lstrip("\n"), *blocks[2:]]
        return "".join(blocks) + "\n"


def _names_site(title: str, headline: str) -> bool:
    """Whether a page's title is its headline and the site's name ("Interview with Ann Lee |
    The Review"): the headline printed on the page says it without."""
    return title != headline and bool(re.match(rf"{re.escape(headline)}\s*[|–—:-]\s*\S", title))
