"""The embedded Whoosh engine, as haystack's backend with the archive's adjustments."""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.fields import FacetCharField
from whoosh.analysis import SimpleAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, TEXT
from whoosh.highlight import ContextFragmenter, HtmlFormatter
from whoosh.highlight import highlight as whoosh_highlight
from whoosh.query import Not

# Exact phrases match against this unstemmed companion of the document field.
EXACT_FIELD = "text_exact"


class ArchiveWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        """Index single-valued facets as whole values, and exact text unstemmed.

        Haystack's Whoosh backend makes every CharField a stemmed text field, so facet counts and
        filters on `speaker_exact` would see the words "peter" and "neumann", not the person.
        """
        content_field_name, schema = super().build_schema(fields)
        for field in fields.values():
            if isinstance(field, FacetCharField):
                schema.remove(field.index_fieldname)
                schema.add(field.index_fieldname, ID(stored=True, sortable=True))
        if EXACT_FIELD in schema:
            schema.remove(EXACT_FIELD)
            schema.add(EXACT_FIELD, TEXT(analyzer=SimpleAnalyzer(), stored=False, phrase=True))
        return content_field_name, schema

    def search(self, query_string, spelling_query=None, **kwargs):
        """Spelling is suggested only when nothing matched, and only for the words asked for.

        Haystack's Whoosh backend either suggests on every search (seconds each, on a large
        vocabulary) or, with hits at zero, not at all: the opposite of what "did you mean" needs.
        """
        results = super().search(query_string, **kwargs)
        if spelling_query and not results.get("hits"):
            results["spelling_suggestion"] = self.create_spelling_suggestion(spelling_query)
        return results

    def _process_results(self, raw_page, highlight=False, query_string="", **kwargs):
        results = super()._process_results(raw_page, query_string=query_string, **kwargs)
        if highlight and results["results"]:
            terms = self._matched_terms(query_string)
            for result in results["results"]:
                text = getattr(result, self.content_field_name, "") or ""
                result.highlighted = {self.content_field_name: [_snippet(text, terms)]}
        return results

    def _matched_terms(self, query_string: str) -> set[str]:
        """The stemmed words of the free text that a hit matched, without filters or NOT words.

        Haystack highlights every word of the query string, field names and filter values
        included; a quote filtered by speaker "Peter Neumann" would have "Peter" marked.
        """
        stem = StemmingAnalyzer()
        terms: set[str] = set()
        with self.index.searcher() as searcher:
            reader = searcher.reader()

            def walk(query):
                if isinstance(query, Not):
                    return
                if query.is_leaf():
                    for field, text in query.existing_terms(reader, phrases=True, expand=True):
                        if field == self.content_field_name:
                            terms.add(text.decode() if isinstance(text, bytes) else text)
                        elif field == EXACT_FIELD:
                            word = text.decode() if isinstance(text, bytes) else text
                            terms.update(token.text for token in stem(word))
                    return
                for child in query.children():
                    walk(child)

            walk(self.parser.parse(query_string))
        return terms


def _snippet(text: str, terms: set[str]) -> str:
    """The passages of `text` around `terms`, each marked, everything else HTML-escaped."""
    if not terms:
        return ""
    return whoosh_highlight(
        text,
        terms,
        StemmingAnalyzer(),
        ContextFragmenter(maxchars=320, surround=90),
        HtmlFormatter(tagname="mark", between=" … "),
        top=2,
    )


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
