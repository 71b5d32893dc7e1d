"""Reading the JSON a client sends: finite numbers, no NUL or lone surrogates in strings, a bounded depth.

Python's ``json`` accepts ``NaN`` and ``Infinity``, reads ``1e400`` as infinity, keeps ``\\u0000`` and lone
surrogates such as ``\\ud800`` in strings (PostgreSQL cannot store the first, no UTF-8 encoder writes the second),
and overflows the stack on deeply nested arrays. Everything the LRS parses from a request goes through
:func:`loads`, which refuses each of these with a :class:`~lms.xapi.validation.StatementError` naming the field.
"""

import json
import math
import re

from .validation import StatementError

# Deep enough for any statement (a SubStatement's context activity's definition's extensions is 9 levels) and
# for the documents content keeps in the State and profile resources; far below Python's recursion limit.
MAX_DEPTH = 64
FORBIDDEN_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


def loads(data, path="body"):
    """Parse ``data`` (bytes or str) as JSON and :func:`check` it; ``path`` names it in errors."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes | bytearray) else data
        value = json.loads(text)
    except RecursionError as error:
        raise StatementError(path, f"nests deeper than {MAX_DEPTH} levels") from error
    except (UnicodeDecodeError, ValueError) as error:
        raise StatementError(path, f"not valid JSON ({error})") from error
    check(value, path)
    return value


def loads_if_json(data, path="body"):
    """Like :func:`loads` for content that may or may not be JSON: None when it is not JSON at all, and the
    same errors as :func:`loads` when it is JSON that the LRS refuses."""
    try:
        return loads(data, path)
    except StatementError as error:
        if error.message.startswith("not valid JSON"):
            return None
        raise


def check(value, path="body"):
    """Refuse non-finite numbers, NUL characters and lone surrogates (in keys and strings), and nesting deeper
    than :data:`MAX_DEPTH`; walks the value without recursion."""
    pending = [(value, 1, None, path)]
    while pending:
        node, depth, parent, key = pending.pop()
        if isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                _fail(parent, key, f"nests deeper than {MAX_DEPTH} levels")
            entry = (parent, key)
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for child_key, child in items:
                if isinstance(child_key, str) and FORBIDDEN_CHARACTERS.search(child_key):
                    _fail(entry, repr(child_key), "a property name holds a NUL character or a lone surrogate")
                pending.append((child, depth + 1, entry, child_key))
        elif isinstance(node, str):
            if FORBIDDEN_CHARACTERS.search(node):
                _fail(parent, key, "holds a NUL character (\\u0000) or a lone surrogate, which the LRS cannot store")
        elif isinstance(node, float) and not math.isfinite(node):
            _fail(parent, key, "must be a finite number (not NaN, Infinity or out of range)")


def _fail(parent, key, message):
    names = [key]
    while parent is not None:
        parent, key = parent
        names.append(key)
    names.reverse()
    where = names[0]
    for name in names[1:]:
        where += f"[{name}]" if isinstance(name, int) else f".{name}"
    raise StatementError(where, message)
