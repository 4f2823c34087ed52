"""What a page's markup would run in a browser, for asserting that hostile text stayed text."""

from html.parser import HTMLParser

# Elements no page of ours contains: one in a response came from a transcript.
FOREIGN_ELEMENTS = {"iframe", "object", "embed", "style", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in FOREIGN_ELEMENTS:
            self.problems.append(f"<{tag}> element")
        if tag == "script" and not attributes.get("src"):
            self.problems.append("inline <script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event attribute")
            if name in URL_ATTRIBUTES and value:
                scheme = "".join(value.split()).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def markup_problems(html: str) -> list[str]:
    """Every element or attribute in `html` that would run script or restyle the page."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.problems


def visible_text(html: str) -> str:
    """The page's text as a reader sees it: entities decoded, tags gone."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return "".join(parser.text)


def assert_text_not_markup(html: str, *shown: str) -> None:
    """Nothing in `html` runs, and each of `shown` is on the page as text (escaped, not parsed)."""
    assert markup_problems(html) == []
    text = visible_text(html)
    for fragment in shown:
        assert fragment in text, f"{fragment!r} is not shown as text"
