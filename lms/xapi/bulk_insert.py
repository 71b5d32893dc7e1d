"""Storing a batch of statements on PostgreSQL with one set-based SQL statement.

The rows travel to the database as one JSON document, which PostgreSQL unpacks with
``jsonb_array_elements`` and ``jsonb_populate_record``. A single statement of data-modifying CTEs then
inserts the statements, the activities and agents each relates to, the activity definitions they carry
(merged as :func:`lms.xapi.definitions.merge_definition` does) and one outbox entry per statement and
active external LRS, so the outbox stays in the caller's transaction. A statement that a stored voiding
statement targets is stored voided, found in the same SQL statement, so a batch without voiding statements
needs no look-up first: a stored id is skipped (with no savepoint to roll back to), and the store compares
it then. The definitions are written only when every statement was inserted, so that a skipped one's
cannot change them.
Django's ``bulk_create`` does the same in three to four statements, but its per-field preparation and the
client-side quoting of one parameter per value cost more than the database's own work;
:func:`lms.xapi.store.insert_statements` is that portable path, and the tests check that both store the
same rows.
"""

import functools
import json
from datetime import datetime

from django.db import connection
from django.utils import timezone

from . import forwarding
from .definitions import LANGUAGE_MAPS
from .models import OutboxEntry, Statement

COLUMNS = [field.column for field in Statement._meta.concrete_fields if not field.primary_key]

# The data-modifying CTEs of the insert, in order; a batch with no related activities, related agents or
# definitions leaves out the CTEs that would write none (each costs the database a few tenths of a millisecond,
# which is as much as the rest of a single statement's insert).
CTES = {
    "incoming": """
    SELECT item.position, item.value AS document, jsonb_populate_record(NULL::xapi_statement, item.value) AS row
    FROM jsonb_array_elements(%(statements)s::jsonb) WITH ORDINALITY AS item (value, position)
""",
    "statements": """
    INSERT INTO xapi_statement ({columns})
    SELECT {row_columns} FROM incoming ORDER BY position
    ON CONFLICT (statement_id) DO NOTHING
    RETURNING id, statement_id
""",
    "activities": """
    INSERT INTO xapi_statementcontextactivity (statement_id, activity_id)
    SELECT statements.id, activity.value
    FROM statements JOIN incoming ON (incoming.row).statement_id = statements.statement_id
    CROSS JOIN jsonb_array_elements_text(incoming.document -> 'related_activities') AS activity
""",
    "agents": """
    INSERT INTO xapi_statementcontextagent (statement_id, agent_key)
    SELECT statements.id, agent.value
    FROM statements JOIN incoming ON (incoming.row).statement_id = statements.statement_id
    CROSS JOIN jsonb_array_elements_text(incoming.document -> 'related_agents') AS agent
""",
    "new_definitions": """
    INSERT INTO xapi_activitydefinition (activity_id, definition, updated)
    SELECT item.key, item.value, %(now)s FROM jsonb_each(%(definitions)s::jsonb) AS item
    WHERE (SELECT count(*) FROM statements) = %(count)s
    ON CONFLICT (activity_id) DO NOTHING
""",
    # Sees only the definitions stored before this statement. An unchanged one is neither written nor locked
    # (ON CONFLICT DO UPDATE would lock it, making concurrent writers about one activity wait on each other).
    "merged_definitions": """
    UPDATE xapi_activitydefinition AS stored SET definition = {merged}, updated = %(now)s
    FROM jsonb_each(%(definitions)s::jsonb) AS item
    WHERE %(may_define)s AND stored.activity_id = ANY(%(activity_ids)s) AND stored.activity_id = item.key
        AND stored.definition IS DISTINCT FROM {merged} AND (SELECT count(*) FROM statements) = %(count)s
""",
    "outbox": """
    INSERT INTO xapi_outboxentry (target_id, statement_id, status, attempts, last_error, next_attempt, created)
    SELECT target.id, statements.id, %(pending)s, 0, '', %(now)s, %(now)s
    FROM statements CROSS JOIN xapi_forwardingtarget AS target
    WHERE target.is_active
    RETURNING target_id
""",
}
RESULT = "SELECT ARRAY(SELECT statement_id FROM statements), ARRAY(SELECT DISTINCT target_id FROM outbox)"
# Which CTEs a batch needs only when it has something for them.
NEEDED_FOR = {
    "activities": "related_activities",
    "agents": "related_agents",
    "new_definitions": "definitions",
    "merged_definitions": "definitions",
}
# Voided when the batch voids it, or a stored voiding statement does (a voiding statement is never voided).
VOIDED_VALUE = """((row).voided OR ((row).voids IS NULL AND EXISTS (
        SELECT 1 FROM xapi_statement AS voiding WHERE voiding.voids = (row).statement_id
    )))"""
# merge_definition in SQL: the new properties replace the stored ones, and language maps gain languages.
LANGUAGE_MAP_MERGE = """CASE WHEN jsonb_typeof(stored.definition -> '{key}') = 'object'
        AND jsonb_typeof(item.value -> '{key}') = 'object'
        THEN (stored.definition -> '{key}') || (item.value -> '{key}') END"""
MERGED_DEFINITION = "((stored.definition || item.value) || jsonb_strip_nulls(jsonb_build_object({maps})))"


def _row_value(column):
    return VOIDED_VALUE if column == "voided" else f'(row)."{column}"'


@functools.cache
def insert_sql(needed):
    """The insert's SQL with the optional CTEs in ``needed`` (a frozenset of NEEDED_FOR's values). The column
    names come from the model and the language map keys from the store, never from a request."""
    fill = {
        "columns": ", ".join(f'"{column}"' for column in COLUMNS),
        "row_columns": ", ".join(_row_value(column) for column in COLUMNS),
        "merged": MERGED_DEFINITION.format(
            maps=", ".join(f"'{key}', {LANGUAGE_MAP_MERGE.format(key=key)}" for key in LANGUAGE_MAPS)
        ),
    }
    ctes = [
        f"{name} AS ({body.format(**fill)})"
        for name, body in CTES.items()
        if name not in NEEDED_FOR or NEEDED_FOR[name] in needed
    ]
    return f"WITH {', '.join(ctes)}\n{RESULT}"


def _json_value(value):
    """What ``json`` cannot write itself: datetimes (ISO 8601, microseconds kept) and UUIDs."""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def insert_statements(rows, related, definitions, may_define):
    """Store statement rows (column values by attribute name) with the ``(activity ids, agent keys)`` each
    relates to and the batch's activity ``definitions`` (``{activity id: definition}``: new ones added, stored
    ones merged only when ``may_define``), skipping the ids stored already, and queue them for every active
    external LRS, whose sender wakes after the commit; returns the ids of the inserted statements."""
    documents = [
        {**columns, "related_activities": activities, "related_agents": agents}
        for columns, (activities, agents) in zip(rows, related, strict=True)
    ]
    parameters = {
        "statements": json.dumps(documents, default=_json_value),
        "definitions": json.dumps(definitions),
        "activity_ids": list(definitions),  # an array the planner sees, so it reads the few rows by index
        "may_define": may_define,
        "count": len(rows),
        "pending": OutboxEntry.Status.PENDING.value,
        "now": timezone.now(),
    }
    present = {
        "related_activities": any(activities for activities, _agents in related),
        "related_agents": any(agents for _activities, agents in related),
        "definitions": bool(definitions),
    }
    needed = frozenset(key for key, has in present.items() if has)
    with connection.cursor() as cursor:
        cursor.execute(insert_sql(needed), parameters)
        inserted, target_ids = cursor.fetchone()
    forwarding.wake_after_commit(target_ids)
    return set(inserted)
