"""Which query-string parameters a page read while it rendered, so the page cache keys only on those.

A page that reads ``?page=`` and nothing else renders the same for ``?page=2&utm=a`` and ``?page=2&utm=b``; one
that reads no parameter renders the same for every query string. ``RecordingQueryDict`` stands in for
``request.GET`` while the page renders and notes every parameter looked up by name (present or not). Asking
whether the query string is empty is noted as ``EMPTINESS``; anything that sees every parameter (iterating,
``urlencode``, copying) as ``EVERYTHING``.
"""

from django.http import QueryDict

EMPTINESS = "\0empty"
EVERYTHING = "\0all"


def _reads(name):
    def read(self, *args, **kwargs):
        self.used.add(EVERYTHING)
        return getattr(QueryDict, name)(self, *args, **kwargs)

    read.__name__ = name
    return read


def _reads_key(name):
    def read(self, key, *args, **kwargs):
        self.used.add(key)
        return getattr(QueryDict, name)(self, key, *args, **kwargs)

    read.__name__ = name
    return read


class RecordingQueryDict(QueryDict):
    """An immutable ``QueryDict`` that notes in ``used`` what was read of it."""

    def __init__(self, *args, **kwargs):
        self.used = set()
        super().__init__(*args, **kwargs)
        self.used.clear()  # what filling it looked up

    __getitem__ = _reads_key("__getitem__")
    __contains__ = _reads_key("__contains__")
    get = _reads_key("get")
    getlist = _reads_key("getlist")

    __iter__ = _reads("__iter__")
    keys = _reads("keys")
    items = _reads("items")
    values = _reads("values")
    lists = _reads("lists")
    dict = _reads("dict")
    urlencode = _reads("urlencode")
    copy = _reads("copy")
    __copy__ = _reads("__copy__")
    __deepcopy__ = _reads("__deepcopy__")
    __eq__ = _reads("__eq__")

    def __len__(self):
        self.used.add(EMPTINESS)
        return super().__len__()

    def __bool__(self):
        self.used.add(EMPTINESS)
        return super().__len__() > 0


def projection(query, used):
    """What of ``query`` (a QueryDict) the page could have seen, given the parameters it ``used``."""
    if EVERYTHING in used:
        return query.urlencode()
    seen = [(name, query.getlist(name)) for name in sorted(used - {EMPTINESS})]
    if EMPTINESS in used:
        seen.append((EMPTINESS, bool(query)))
    return repr(seen)
