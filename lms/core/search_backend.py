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


def SearchBackend(params):  # Wagtail looks the factory up by this name
    """The backend Wagtail's database backend would pick, with SQLite's quoting fixed."""
    backend = database_search_backend(params)
    if backend.__class__.__name__ == "SQLiteSearchBackend":
        from .sqlite_search import QuotingSQLiteSearchBackend

        return QuotingSQLiteSearchBackend(params)
    return backend
