"""The SQLite search backend with its quoting and field searches fixed; see ``lms.core.search_backend``.

Imported only on SQLite: the FTS index model it needs exists on no other database.
"""

from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Phrase, PlainText


def _escaped(query):
    if isinstance(query, PlainText):
        return PlainText(query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(query.query_string.replace('"', '""'))
    return query


class QuotingMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = None  # checked and resolved above; FTS5 only knows the index's own columns

    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(_escaped(query), config=config)


class SearchQueryCompiler(QuotingMixin, SQLiteSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(QuotingMixin, SQLiteAutocompleteQueryCompiler):
    pass


class QuotingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
