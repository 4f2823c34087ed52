"""The embedded Whoosh engine, as haystack's backend with the archive's adjustments."""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.fields import FacetCharField
from whoosh.fields import ID


class ArchiveWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        """Index single-valued facets as whole values.

        Haystack's Whoosh backend makes every CharField a stemmed text field, so facet counts and
        filters on `speaker_exact` would see the words "peter" and "neumann", not the person.
        """
        content_field_name, schema = super().build_schema(fields)
        for field in fields.values():
            if isinstance(field, FacetCharField):
                schema.remove(field.index_fieldname)
                schema.add(field.index_fieldname, ID(stored=True, sortable=True))
        return content_field_name, schema


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
