"""Inserting many rows at once: PostgreSQL's COPY for large batches, ``bulk_create`` otherwise."""

from django.db import connections, router

# Below this many rows one INSERT ... RETURNING is a single round trip and costs less than COPY's two.
COPY_FROM = 500


def insert_rows(model, objs):
    """Insert the unsaved model instances ``objs`` and set their primary keys, like ``bulk_create``.

    On PostgreSQL a batch of ``COPY_FROM`` rows or more goes through ``COPY ... FROM STDIN``: Django builds
    one INSERT with a parameter per cell and the driver then splits and escapes it, which costs more than
    the database's own work for a wide row. The primary keys are drawn from the table's sequence first, so
    related rows can point at them. Defaults and ``pre_save`` (``auto_now``) apply as they do with
    ``bulk_create``; no signals are sent in either case.
    """
    objs = list(objs)
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or len(objs) < COPY_FROM:
        return model.objects.bulk_create(objs)
    meta = model._meta
    quote = connection.ops.quote_name
    fields = meta.concrete_fields
    with connection.cursor() as cursor:
        without_pk = [obj for obj in objs if obj.pk is None]
        if without_pk:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(without_pk)],
            )
            for obj, (pk,) in zip(without_pk, cursor.fetchall(), strict=True):
                obj.pk = pk
        for obj in objs:
            obj._prepare_related_fields_for_save(operation_name="insert_rows")
        columns = ", ".join(quote(field.column) for field in fields)
        copying = cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN")
        with connection.wrap_database_errors, copying as copy:
            for obj in objs:
                copy.write_row([field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs
