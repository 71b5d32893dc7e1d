"""The public interface of the Learning Record Store for the platform's other apps.

    from lms.xapi import api, vocabulary

    lesson = api.Activity(api.activity_iri("lesson", str(page.translation_key)), vocabulary.LESSON,
                          {"en": "Open data", "fr": "Données ouvertes"})
    api.record(user, vocabulary.COMPLETED, lesson, result={"completion": True}, parents=[course])

A statement is stored in the caller's transaction (so progress and its statement commit or roll back
together) and forwarded to the external LRSs after the commit.
"""

import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import salted_hmac

from .auth import launch_token
from .cmi5.launch import AUDefinition, BlockDefinition, CourseDefinition
from .cmi5.launch import launch as cmi5_launch
from .cmi5.launch import register as cmi5_register
from .cmi5.satisfaction import au_satisfied as move_on_met
from .hooks import on_statements_stored
from .identity import agent_key, learner_agent, learner_keys, platform_authority
from .models import Statement, StatementIdConflict
from .store import StoreError, format_timestamp, save_statements
from .validation import StatementError
from .vocabulary import Verb

__all__ = [
    "AUDefinition",
    "Activity",
    "BlockDefinition",
    "CourseDefinition",
    "StatementError",
    "StoreError",
    "activity_iri",
    "actor_for",
    "client_may",
    "cmi5_abandon",
    "cmi5_launch",
    "cmi5_register",
    "cmi5_waive",
    "launch_token",
    "move_on_met",
    "on_statements_stored",
    "platform_authority",
    "query",
    "record",
    "statements_for",
    "store_statements",
]

# Namespace of the deterministic statement ids; the name hashed in it is keyed with a server secret, so nobody who
# can read a learner's pseudonym, an activity and a registration can compute the id of an event to come.
STATEMENT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://ipu.org/innovation/lms/xapi/statements")
STATEMENT_ID_SALT = "lms.xapi.statement-id"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Activity:
    """An xAPI activity: its IRI, its type IRI (see :mod:`lms.xapi.vocabulary`), and its name per language."""

    iri: str
    type: str
    name: dict
    description: dict | None = None

    def as_xapi(self):
        """The activity as a statement object or context activity."""
        definition = {"type": self.type, "name": dict(self.name)}
        if self.description:
            definition["description"] = dict(self.description)
        return {"objectType": "Activity", "id": self.iri, "definition": definition}


def activity_iri(kind, key):
    """The IRI of a platform activity, e.g. ``activity_iri("course", translation_key)``.

    Use a key that every translation shares (a page's ``translation_key``), so the activity is the same
    whatever the learner's language.
    """
    return f"{settings.BASE_URL}/xapi/activities/{kind}/{key}"


def actor_for(user):
    """``user`` as an xAPI agent: a pseudonymous account on the platform unless the xAPI settings say otherwise."""
    return learner_agent(user)


def statement_id_for(actor, verb, activity, registration=None, event_key=""):
    """The deterministic id of an event: the same learner, verb, activity, registration and key give the same id,
    which only the server can compute (an HMAC with ``XAPI_STATEMENT_ID_KEY``, the secret key by default)."""
    parts = [agent_key(actor), verb.id, activity.iri, str(registration or ""), str(event_key)]
    secret = settings.XAPI_STATEMENT_ID_KEY or settings.SECRET_KEY
    name = salted_hmac(STATEMENT_ID_SALT, "\n".join(parts), secret=secret, algorithm="sha256").hexdigest()
    return uuid.uuid5(STATEMENT_NAMESPACE, name)


def _id_taken(statement_id, existing):
    """A new random id for a platform statement whose id ``existing`` (another authority's statement) holds;
    the conflict is logged and kept for administrators, so the platform's statement is never dropped."""
    stored_as = uuid.uuid4()
    logger.warning("statement id %s is taken by another authority; the platform's statement is %s", statement_id,
                   stored_as)  # fmt: skip
    StatementIdConflict.objects.create(
        statement_id=statement_id, stored_as=stored_as, existing_authority=existing.data.get("authority", {})
    )
    return stored_as


def _context_activities(items):
    return [item.as_xapi() if isinstance(item, Activity) else item for item in items]


def record(
    user,
    verb: Verb,
    activity: Activity,
    *,
    result=None,
    registration=None,
    parents=(),
    grouping=(),
    language=None,
    extensions=None,
    timestamp=None,
    event_key="",
):
    """Store a statement "``user`` ``verb`` ``activity``" in the caller's transaction and return its id.

    ``result`` is an xAPI result dict; ``registration`` a UUID (e.g. the enrolment's); ``parents`` and
    ``grouping`` are :class:`Activity` objects for the context; ``language`` the language the learner used;
    ``extensions`` context extensions; ``timestamp`` when it happened (a datetime, now by default).
    ``event_key`` tells apart repeated events of the same kind (an attempt number); recording the same event
    twice stores it once. The id is a UUID (read the row with ``Statement.objects.get(statement_id=...)``).
    Raises :class:`StatementError` if the statement is invalid.
    """
    actor = actor_for(user)
    statement_id = statement_id_for(actor, verb, activity, registration, event_key)
    statement = {"id": str(statement_id), "actor": actor, "verb": verb.as_xapi(), "object": activity.as_xapi()}
    if result:
        statement["result"] = result
    context = {}
    if registration:
        context["registration"] = str(registration)
    activities = {}
    if parents:
        activities["parent"] = _context_activities(parents)
    if grouping:
        activities["grouping"] = _context_activities(grouping)
    if activities:
        context["contextActivities"] = activities
    if language:
        context["language"] = language
    if extensions:
        context["extensions"] = extensions
    context["platform"] = settings.WAGTAIL_SITE_NAME
    statement["context"] = context
    if timestamp:
        statement["timestamp"] = format_timestamp(timestamp)
    if _stored_anew(statement, user):
        return statement_id
    existing = Statement.objects.get(statement_id=statement_id)
    if existing.authority_key == agent_key(platform_authority()):
        return statement_id  # the same event, recorded before
    statement["id"] = str(_id_taken(statement_id, existing))
    save_statements([statement], platform_authority(), user=user)
    return uuid.UUID(statement["id"])


def _stored_anew(statement, user):
    """Store a platform statement; False when its id was stored already (whatever the content), which the
    store's one look-up tells, so a new event costs no look-up of its own."""
    try:
        _ids, fresh = save_statements([statement], platform_authority(), user=user)
    except StoreError as error:
        if error.status != 409:
            raise
        return False
    return bool(fresh)


def statements_for(user):
    """Every statement about ``user`` (whatever identity they were stored under), newest first."""
    from django.db.models import Q

    return Statement.objects.filter(Q(user=user) | Q(actor_key__in=learner_keys(user))).order_by("-stored", "-pk")


def query(*, verb=None, activity=None, registration=None, user=None, since=None, related=False):
    """Stored, non-voided statements matching every given filter, newest first (for reports).

    ``verb`` is a vocabulary entry or an IRI, ``activity`` an :class:`Activity` or an IRI; with ``related``
    the activity may also be a parent, grouping, category or other context activity.
    """
    from django.db.models import Q

    from .models import StatementContextActivity

    statements = Statement.objects.filter(voided=False)
    if verb is not None:
        statements = statements.filter(verb_id=getattr(verb, "id", verb))
    if activity is not None:
        iri = getattr(activity, "iri", activity)
        matches = Q(activity_id=iri)
        if related:
            matches |= Q(pk__in=StatementContextActivity.objects.filter(activity_id=iri).values("statement_id"))
        statements = statements.filter(matches)
    if registration is not None:
        statements = statements.filter(registration=registration)
    if user is not None:
        statements = statements.filter(Q(user=user) | Q(actor_key__in=learner_keys(user)))
    if since is not None:
        statements = statements.filter(stored__gt=since)
    return statements.order_by("-stored", "-pk")


def store_statements(statements, *, validate=True):
    """Store many statements the platform wrote itself (imports, load data) in one go; returns how many were new.

    Each statement is a dict like the ones :func:`record` builds (``actor`` from :func:`actor_for`); the
    platform is their authority. Use :func:`record` for single learning events.
    """
    _ids, stored = save_statements(list(statements), platform_authority(), validate=validate)
    return len(stored)


def client_may(request, scope):
    """Whether the request carries the HTTP Basic key and secret of an active LRS client holding ``scope``."""
    from .auth import basic_credential
    from .protocol import XapiError

    scheme, _, value = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "basic" or not value:
        return False
    try:
        credential = basic_credential(value.strip())
    except XapiError:
        return False
    return credential.client is not None and credential.allows(scope)


def cmi5_waive(registration, au_index, reason):
    """Waive the AU at ``au_index`` (0-based, course-structure order) of the cmi5 registration; returns its
    LMS id. Raises ``LookupError`` when the registration or AU does not exist."""
    from django.db import transaction

    from .cmi5.models import Cmi5Registration
    from .cmi5.satisfaction import waive

    with transaction.atomic():
        rows = list(
            Cmi5Registration.objects.select_for_update().select_related("course").filter(registration=registration)
        )
        if len(rows) != 1 or not 0 <= au_index < len(rows[0].course.structure["aus"]):
            raise LookupError("no such registration or AU")
        return waive(rows[0], au_index, reason)["lms_id"]


def cmi5_abandon(session_id):
    """Abandon an open cmi5 session (the LMS decided it ended); False when it was already closed.
    Raises ``LookupError`` for an unknown session."""
    from django.db import transaction

    from .cmi5.launch import abandon
    from .cmi5.models import Cmi5Session

    with transaction.atomic():
        session = (
            Cmi5Session.objects.select_for_update().select_related("registration").filter(session_id=session_id).first()
        )
        if session is None:
            raise LookupError("no such session")
        return abandon(session)
