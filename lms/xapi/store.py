"""Writing statements: completing them as the LRS must, checking conflicts and voiding, storing them with
their query columns, and queuing them for the external LRSs, all in the caller's transaction."""

import json
import re
import uuid
from datetime import UTC, datetime

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import bulk_insert, forwarding, hooks
from .definitions import batch_definitions, save_definitions
from .identity import agent_key, member_keys
from .models import LearnerIdentity, Statement, StatementContextActivity, StatementContextAgent
from .validation import VOIDED_VERB, validate_statement
from .vocabulary import XAPI_2, XAPI_VERSION

LRS_SET = ("stored", "authority", "version")


class StoreError(Exception):
    """A request the LRS refuses; ``status`` is the HTTP status to answer with."""

    status = 400

    def __init__(self, message, status=None):
        super().__init__(message)
        if status:
            self.status = status


def parse_timestamp(value):
    """An ISO 8601 timestamp as an aware datetime (UTC when it names no offset)."""
    date, sep, rest = value.partition(".")
    if sep:  # Python keeps microseconds; finer fractions are truncated.
        digits = len(rest) - len(rest.lstrip("0123456789"))
        rest = rest[: min(digits, 6)] + rest[digits:]
        value = f"{date}.{rest}"
    parsed = parse_datetime(value)
    if parsed is None:
        raise StoreError(f"invalid timestamp {value!r}")
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def format_timestamp(moment):
    """A datetime in the ISO 8601 form the LRS returns (UTC, milliseconds)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def format_utc(value):
    """An ISO 8601 timestamp as UTC with a ``Z``, its fraction of a second kept (up to microseconds)."""
    moment = parse_timestamp(value).astimezone(UTC)
    return moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds").replace("+00:00", "Z")


def comparable(statement, ignore=()):
    """A statement without what the LRS sets, with its timestamp normalised, to tell same from different."""
    body = {key: value for key, value in statement.items() if key not in LRS_SET and key not in ignore}
    if "timestamp" in body:
        body["timestamp"] = parse_timestamp(body["timestamp"]).astimezone(UTC).isoformat()
    body["actor"] = _normalise_agent(body.get("actor"))
    if isinstance(body.get("object"), dict):
        body["object"] = dict(body["object"])  # a SubStatement's result is normalised on a copy
    for part in (body, body.get("object")):
        duration = (part.get("result") or {}).get("duration") if isinstance(part, dict) else None
        if isinstance(duration, str):
            part["result"] = {**part["result"], "duration": _to_hundredths(duration)}
    return json.dumps(body, sort_keys=True)


SECONDS_RE = re.compile(r"(\d+)(?:\.(\d+))?S$")


def _to_hundredths(duration):
    """A duration with its seconds to 0.01 s: finer precision is not part of a comparison (xAPI 2.0, 4.2.7)."""
    match = SECONDS_RE.search(duration)
    if not match:
        return duration
    hundredths = (match.group(2) or "")[:2].ljust(2, "0")
    return f"{duration[: match.start()]}{match.group(1)}.{hundredths}S"


def _normalise_agent(agent):
    if isinstance(agent, dict) and "objectType" not in agent:
        return {**agent, "objectType": "Agent"}
    return agent


def complete(statement, authority, stored_at, version=XAPI_VERSION):
    """The statement as the LRS stores it: id, stored, authority, version and timestamp filled in.

    ``version`` is the request's: it is the statement's version when the statement names none, and in xAPI 2.0
    the timestamp is stored in UTC (an LRS converts timestamps to UTC).
    """
    statement = dict(statement)  # the caller's dict stays as it was; nested parts are copied where changed
    statement.setdefault("id", str(uuid.uuid4()))
    statement["id"] = statement["id"].lower()
    statement["stored"] = format_timestamp(stored_at)
    if version == XAPI_2 and "timestamp" in statement:
        statement["timestamp"] = format_utc(statement["timestamp"])
    statement.setdefault("timestamp", statement["stored"])
    statement["authority"] = authority
    statement["version"] = statement.get("version", version)
    _context_activities_as_lists(statement)
    return statement


def _context_activities_as_lists(body):
    """A single context activity becomes a list of one, as the specification asks an LRS to return them."""
    activities = (body.get("context") or {}).get("contextActivities") or {}
    if any(not isinstance(items, list) for items in activities.values()):
        listed = {key: items if isinstance(items, list) else [items] for key, items in activities.items()}
        body["context"] = {**body["context"], "contextActivities": listed}
    if body.get("object", {}).get("objectType") == "SubStatement":
        body["object"] = dict(body["object"])
        _context_activities_as_lists(body["object"])


def _related(statement):
    """The activity ids and agent keys a statement relates to, for the ``related_*`` queries."""
    activities, agents = set(), set()

    def visit(body):
        obj = body.get("object", {})
        kind = obj.get("objectType", "Activity")
        if kind == "Activity":
            activities.add(obj["id"])
        elif kind in ("Agent", "Group"):
            agents.update(member_keys(obj))
        elif kind == "SubStatement":
            visit(obj)
        agents.update(member_keys(body.get("actor")))
        context = body.get("context") or {}
        for key in ("instructor", "team"):
            if key in context:
                agents.update(member_keys(context[key]))
        for item in context.get("contextAgents") or []:
            agents.update(member_keys(item["agent"]))
        for item in context.get("contextGroups") or []:
            agents.update(member_keys(item["group"]))
        for items in (context.get("contextActivities") or {}).values():
            for item in items if isinstance(items, list) else [items]:
                activities.add(item["id"])

    visit(statement)
    if "authority" in statement:
        agents.update(member_keys(statement["authority"]))
    return activities, agents


def _columns(statement, users, voided_ids):
    """The column values of a statement's row, by attribute name (``user_id`` for the learner)."""
    obj = statement["object"]
    kind = obj.get("objectType", "Activity")
    context = statement.get("context") or {}
    registration = context.get("registration")
    statement_id = uuid.UUID(statement["id"])
    voids = uuid.UUID(obj["id"]) if statement["verb"]["id"] == VOIDED_VERB else None
    actor_key = agent_key(statement["actor"])
    user = users.get(actor_key)
    return {
        "statement_id": statement_id,
        "data": statement,
        "actor_key": actor_key,
        "object_agent_key": agent_key(obj) if kind in ("Agent", "Group") else "",
        "verb_id": statement["verb"]["id"],
        "activity_id": obj["id"] if kind == "Activity" else "",
        "registration": uuid.UUID(registration) if registration else None,
        "timestamp": parse_timestamp(statement["timestamp"]),
        "stored": parse_timestamp(statement["stored"]),
        # A voiding statement is never voided itself; its target may be stored before or after it.
        "voided": voids is None and statement_id in voided_ids,
        "voids": voids,
        "ref_target": uuid.UUID(obj["id"]) if kind == "StatementRef" else None,
        "authority_key": agent_key(statement["authority"]),
        "user_id": user.pk if user else None,
    }


def _related_beyond_columns(columns):
    """The activity ids and agent keys a statement relates to beyond its own columns (object activity, actor,
    object agent and authority are queried on the statement row itself), as sorted lists."""
    activity_ids, agent_keys = _related(columns["data"])
    activity_ids.discard(columns["activity_id"])
    agent_keys -= {columns["actor_key"], columns["object_agent_key"], columns["authority_key"]}
    return sorted(activity_ids), sorted(agent_keys)


def _users_by_key(statements):
    """The platform learners among the actors, found by their pseudonymous account."""
    from django.conf import settings

    names = {}
    for statement in statements:
        account = statement["actor"].get("account")
        if isinstance(account, dict) and account.get("homePage") == settings.BASE_URL:
            try:
                names[uuid.UUID(account["name"])] = agent_key(statement["actor"])
            except ValueError:
                continue
    if not names:
        return {}
    identities = LearnerIdentity.objects.filter(pseudonym__in=names).select_related("user")
    return {names[identity.pseudonym]: identity.user for identity in identities}


class _Known:
    """What the store already holds about a batch, found with one query: the stored statements under its
    ids, the stored voiding statements among its voiding targets (and who the targets are about), and its ids
    that stored statements void. ``_Known()`` knows nothing, without a query (a look-up left out)."""

    def __init__(self, ids=(), void_targets=frozenset()):
        self.data, self.voiding, self.voided, self.targets = {}, set(), set(), {}
        wanted = {uuid.UUID(i) for i in ids}
        if not wanted and not void_targets:
            return
        found = Statement.objects.filter(Q(statement_id__in=wanted | void_targets) | Q(voids__in=wanted))
        columns = ("statement_id", "voids", "data", "actor_key", "authority_key")
        for statement_id, voids, data, actor_key, authority_key in found.values_list(*columns):
            if statement_id in wanted:
                self.data[str(statement_id)] = data
            if statement_id in void_targets:
                self.targets[statement_id] = (actor_key, authority_key)
            if voids is not None:
                self.voiding.add(statement_id)
                if voids in wanted:
                    self.voided.add(voids)


def _check_voiding(statements, known, may_void):
    """A voiding statement may not void a voiding statement, stored or in the same batch; with ``may_void``
    (a credential's rule, see :meth:`lms.xapi.auth.Credential.may_void`) it may void only a stored statement
    that rule allows (403 otherwise)."""
    voiding = [s for s in statements if s["verb"]["id"] == VOIDED_VERB]
    batch_voiding = {uuid.UUID(s["id"]) for s in voiding}
    for statement in voiding:
        target = uuid.UUID(statement["object"]["id"])
        if target in known.voiding or target in batch_voiding:
            raise StoreError(f"statement {statement['id']}: a voiding statement cannot void another voiding one")
        if may_void is not None and not may_void(known.targets.get(target)):
            raise StoreError(
                f"statement {statement['id']}: this credential may void only stored statements it may write", 403
            )


def save_statements(
    statements, authority, *, user=None, may_define=True, may_void=None, version=XAPI_VERSION, validate=True
):
    """Validate, complete and store ``statements`` (a list of dicts) in the current transaction.

    Statements whose id is already stored with the same content are skipped (idempotent); a different
    content under a stored id raises a 409 :class:`StoreError`. Returns the stored ids, in order, and the
    completed statements that were new. ``user`` forces the learner the statements belong to (the
    browser-content path); ``may_void((actor_key, authority_key) or None)``, when given, says which statements
    the writer may void (None: a target not stored yet); ``version`` is the request's xAPI version. Each new
    statement is queued for every active external LRS in the same transaction.
    """
    if validate:
        for index, statement in enumerate(statements):
            validate_statement(statement, f"statements[{index}]" if len(statements) > 1 else "statement", version)
    stored_at = timezone.now()
    completed = [complete(statement, authority, stored_at, version) for statement in statements]
    ids = [statement["id"] for statement in completed]
    if len(set(ids)) != len(ids):
        raise StoreError("the batch holds two statements with the same id")
    received = dict(zip(ids, statements, strict=True))
    void_targets = {uuid.UUID(s["object"]["id"]) for s in completed if s["verb"]["id"] == VOIDED_VERB}
    known = _Known(ids, void_targets) if _needs_look_up(completed) else _Known()
    fresh, differing = _not_stored(completed, known.data, received)
    if differing:
        raise _stored_differently(differing)
    _check_voiding(fresh, known, may_void)
    if not fresh:
        return ids, []
    users = {agent_key(s["actor"]): user for s in fresh} if user else _users_by_key(fresh)
    targets = {uuid.UUID(s["object"]["id"]) for s in fresh if s["verb"]["id"] == VOIDED_VERB}
    rows = [_columns(statement, users, known.voided | targets) for statement in fresh]
    related = [_related_beyond_columns(columns) for columns in rows]
    # The statements and what the hooks do with them commit together.
    with transaction.atomic(savepoint=False):
        insert = bulk_insert.insert_statements if connection.vendor == "postgresql" else insert_statements
        inserted = insert(rows, related, batch_definitions(fresh), may_define)
        if len(inserted) < len(fresh):
            fresh, differing = _stored_meanwhile(fresh, inserted, received, may_define)
        if differing and fresh:  # some of the batch is inserted: the transaction rolls back
            raise _stored_differently(differing)
        if not differing:
            if targets:  # statements stored before their voiding statement; new ones were stored voided
                Statement.objects.filter(statement_id__in=targets, voids__isnull=True).update(voided=True)
            hooks.statements_stored(fresh)
    if differing:  # nothing was written, so the caller's transaction goes on
        raise _stored_differently(differing)
    return ids, fresh


def _stored_differently(statement_id):
    return StoreError(f"statement {statement_id} is already stored with a different content", 409)


def _needs_look_up(statements):
    """Whether the store must look up what it holds before inserting. On PostgreSQL a batch without voiding
    statements need not: the insert finds the stored voiding statements itself (:mod:`.bulk_insert`) and skips
    the stored ids, which are compared then. Most batches are new statements."""
    return connection.vendor != "postgresql" or any(s["verb"]["id"] == VOIDED_VERB for s in statements)


def _not_stored(completed, stored, received):
    """The completed statements whose ids are not in ``stored`` ({id: stored statement}), the others being
    idempotent reposts, and the first id stored with a different content (a 409), or None."""
    fresh = []
    for statement in completed:
        if statement["id"] not in stored:
            fresh.append(statement)
            continue
        # A timestamp the LRS filled in the first time is not part of what the client sent.
        ignore = () if "timestamp" in received[statement["id"]] else ("timestamp",)
        if comparable(stored[statement["id"]], ignore) != comparable(statement, ignore):
            return fresh, statement["id"]
    return fresh, None


def _stored_meanwhile(fresh, inserted, received, may_define):
    """The insert skipped the ids of ``fresh`` that were stored already, by a concurrent request or before a
    batch stored without a look-up: compares them with what is stored, as :func:`_not_stored` does, and returns
    the inserted statements and the first id stored with a different content. The insert then wrote no
    definitions, so that a skipped statement's cannot change the stored ones: those of the inserted statements
    are written here."""
    skipped = [s for s in fresh if uuid.UUID(s["id"]) not in inserted]
    _same, differing = _not_stored(skipped, _Known([s["id"] for s in skipped]).data, received)
    fresh = [s for s in fresh if uuid.UUID(s["id"]) in inserted]
    if not differing:
        save_definitions(batch_definitions(fresh), may_define)
    return fresh, differing


def insert_statements(rows, related, definitions, may_define):
    """Store statement rows (column values by attribute name) with the ORM on any database, with the
    ``(activity ids, agent keys)`` each relates to, the batch's activity ``definitions`` and their outbox
    entries, skipping the ids stored already (then writing no definitions, as :mod:`.bulk_insert` does the
    same in one SQL statement on PostgreSQL); returns the ids of the inserted statements. Called in a
    transaction, which on SQLite holds the write lock, so nothing is stored between its look-up and its insert.
    """
    stored = set(
        Statement.objects.filter(statement_id__in=[columns["statement_id"] for columns in rows]).values_list(
            "statement_id", flat=True
        )
    )
    new = [
        (columns, relates)
        for columns, relates in zip(rows, related, strict=True)
        if columns["statement_id"] not in stored
    ]
    statements = Statement.objects.bulk_create([Statement(**columns) for columns, _relates in new])
    activities, agents = [], []
    for statement, (_row, (activity_ids, agent_keys)) in zip(statements, new, strict=True):
        activities += [StatementContextActivity(statement=statement, activity_id=a) for a in activity_ids]
        agents += [StatementContextAgent(statement=statement, agent_key=k) for k in agent_keys]
    StatementContextActivity.objects.bulk_create(activities)
    StatementContextAgent.objects.bulk_create(agents)
    if not stored:
        save_definitions(definitions, may_define)
    forwarding.queue(statements)
    return {statement.statement_id for statement in statements}


def now_iso():
    """The current time as the LRS formats timestamps."""
    return format_timestamp(datetime.now(UTC))
