"""Handlers other apps register to hear of statements as they are stored, inside the storing transaction."""

_handlers = []


def on_statements_stored(handler):
    """Call ``handler(statements)`` with each batch of newly stored statements (completed dicts), in the
    transaction that stores them, whichever process or path stored them; a handler's error rolls back the batch.
    Registering the same handler twice keeps one."""
    if handler not in _handlers:
        _handlers.append(handler)
    return handler


def statements_stored(statements):
    """Run every registered handler on a batch of new statements (called by the store)."""
    for handler in list(_handlers):
        handler(statements)
