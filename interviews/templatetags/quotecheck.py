"""Rendering a word diff from quote check: changes marked, every word of the text escaped."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from interviews.quotecheck import Piece

register = template.Library()

# On the pasted side a differing word was not said so (struck out); on the real side it is what
# was said instead (inserted).
_MARKUP = {
    "pasted": {"differs": '<del class="diff">{}</del>'},
    "real": {
        "differs": '<ins class="diff">{}</ins>',
        "context": '<span class="diff-context">{}</span>',
    },
}


@register.filter
def diff_html(pieces: list[Piece], side: str) -> SafeString:
    """The pieces of one side ("pasted" or "real") of a WordDiff as HTML."""
    markup = _MARKUP[side]
    return format_html_join(
        "", "{}", ((format_html(markup.get(p.kind, "{}"), p.text),) for p in pieces)
    )
