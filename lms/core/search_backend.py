"""Wagtail's database search backend, with what visitors type kept out of SQLite's full-text syntax.

On SQLite the backend hands each search term to FTS5 inside double quotes without doubling the quotes the
term itself holds, so ``?q="`` ends the string early and the query fails ("unterminated string", a 500).
Doubling them is FTS5's own escape: the term is then a plain string again, whatever it holds.

A search limited to some fields (``fields=[...]``, as admin listings with ``search_fields`` ask) names those
fields as FTS5 columns, but the index table has only title, body and autocomplete columns: "no such column",
a 500 for any search of, say, join requests. Such a search runs over the whole index entry instead, a superset.
PostgreSQL and the fallback backend are used unchanged.
"""

from wagtail.search.backends.database import SearchBackend as database_search_backend
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


def SearchBackend(params):  # Wagtail looks the factory up by this name
    """The backend Wagtail's database backend would pick, with SQLite's quoting fixed."""
    backend = database_search_backend(params)
    if isinstance(backend, SQLiteSearchBackend):
        return QuotingSQLiteSearchBackend(params)
    return backend
