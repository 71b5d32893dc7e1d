"""Launching an AU (cmi5 section 8): the registration, the session, LMS.LaunchData, ``launched``, the URL."""

import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ..identity import agent_key
from ..models import Document
from . import statements
from .models import Cmi5Course, Cmi5Registration, Cmi5Session
from .satisfaction import satisfy_not_applicable
from .vocabulary import EXT_MASTERY_SCORE, EXT_SESSION_ID, LAUNCH_DATA, LAUNCH_MODES, LEARNER_PREFERENCES


@dataclass(frozen=True)
class AUDefinition:
    """An AU as the LMS launches it: its LMS id (the launch ``activityId``), publisher id and import rules."""

    lms_id: str
    publisher_id: str
    url: str  # absolute
    move_on: str = "NotApplicable"
    mastery_score: float | None = None
    launch_parameters: str = ""
    entitlement_key: str = ""
    blocks: tuple = ()  # LMS ids of its blocks, outermost first


@dataclass(frozen=True)
class BlockDefinition:
    lms_id: str
    publisher_id: str


@dataclass(frozen=True)
class CourseDefinition:
    """A course structure: the course's LMS and publisher ids, its blocks and AUs in order."""

    lms_id: str
    publisher_id: str
    aus: tuple
    blocks: tuple = field(default=())

    def as_structure(self):
        return {
            "lms_id": self.lms_id,
            "publisher_id": self.publisher_id,
            "blocks": [asdict(block) for block in self.blocks],
            "aus": [{**asdict(au), "blocks": list(au.blocks)} for au in self.aus],
        }


@dataclass
class Launch:
    """What :func:`launch` made: the URL to open and the session it opened."""

    url: str
    session: Cmi5Session


@lru_cache(maxsize=128)
def _digest(definition):
    # Definitions are frozen, hence hashable: a course of 1,000 AUs is converted and digested once per process.
    return hashlib.sha256(json.dumps(definition.as_structure(), sort_keys=True).encode()).hexdigest()


def stored_course(definition):
    """The stored version of a course structure (one row per distinct structure)."""
    digest = _digest(definition)
    # The structure (every AU) is read only when satisfaction needs it, not at each launch.
    course = Cmi5Course.objects.defer("structure").filter(digest=digest).first()
    if course is None:
        course, _created = Cmi5Course.objects.get_or_create(
            digest=digest, defaults={"lms_id": definition.lms_id, "structure": definition.as_structure()}
        )
    return course


def registration_for(definition, actor, registration):
    """The registration row of ``actor`` in the course (locked), and whether it is new."""
    course = stored_course(definition)
    row = (
        Cmi5Registration.objects.select_for_update()
        .filter(registration=registration, course_lms_id=definition.lms_id)
        .first()
    )
    if row is None:
        row = Cmi5Registration.objects.create(
            registration=registration,
            course_lms_id=definition.lms_id,
            course=course,
            actor=actor,
            actor_key=agent_key(actor),
            state={"aus": {}, "satisfied": []},
        )
        return row, True
    if row.course_id != course.pk:
        row.course = course
        row.save(update_fields=["course"])
    return row, False


def register(definition, actor, registration):
    """Create the registration of ``actor`` in the course if it does not exist yet; returns whether it did.

    A new registration satisfies at once the AUs whose moveOn is NotApplicable, storing ``satisfied`` for each
    block and the course that this completes (13.1.4, 9.3.9) under a session id of its own, since no AU
    session triggered them.
    """
    with transaction.atomic():
        row, created = registration_for(definition, actor, registration)
        if created:
            satisfy_not_applicable(row, uuid.uuid4())
    return created


def launch(definition, au, actor, registration, *, launch_mode="Normal", return_url="", language=""):
    """Open a session of ``au`` for ``actor`` in ``registration``; returns a :class:`Launch`.

    Sessions of the same AU and registration left open are abandoned first; LMS.LaunchData is written and
    ``launched`` stored before the URL is returned (cmi5 8.1, 9.3.1, 10). With ``language`` (the learner's),
    the cmi5LearnerPreferences agent profile is created with it when the learner has none yet (11).
    """
    if launch_mode not in LAUNCH_MODES:
        raise ValueError(f"launchMode must be one of {', '.join(LAUNCH_MODES)}")
    now = timezone.now()
    with transaction.atomic():
        row, created = registration_for(definition, actor, registration)
        for stale in Cmi5Session.objects.select_for_update().filter(registration=row, au_lms_id=au.lms_id, closed=""):
            abandon(stale)
        session = Cmi5Session.objects.create(
            registration=row,
            au_lms_id=au.lms_id,
            au_publisher_id=au.publisher_id,
            launch_mode=launch_mode,
            mastery_score=au.mastery_score,
            move_on=au.move_on,
            created=now,
            last_request=now,
            expires=now + timedelta(seconds=settings.CMI5_SESSION_AGE),
        )
        if created:
            satisfy_not_applicable(row, session.session_id)
        url = launch_url(au, session)
        _write_launch_data(session, au, actor, return_url)
        if language:
            _default_preferences(actor, language)
        statements.launched(session, url, au)
    return Launch(url=url, session=session)


def launch_url(au, session):
    """The AU's URL with the cmi5 launch parameters added to its own query (8.1)."""
    endpoint = f"{settings.BASE_URL}/xapi"
    fetch = settings.BASE_URL + reverse("xapi:cmi5_fetch", args=[session.fetch_key])
    parts = urlsplit(au.url)
    params = urlencode(
        {
            "endpoint": endpoint,
            "fetch": fetch,
            "actor": json.dumps(session.registration.actor, separators=(",", ":")),
            "registration": str(session.registration.registration),
            "activityId": au.lms_id,
        }
    )
    query = f"{parts.query}&{params}" if parts.query else params
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _write_launch_data(session, au, actor, return_url):
    extensions = {EXT_SESSION_ID: str(session.session_id)}
    if au.mastery_score is not None:  # so that passed and failed built from the template carry it (9.6.3.2)
        extensions[EXT_MASTERY_SCORE] = float(au.mastery_score)
    document = {
        "contextTemplate": {
            "contextActivities": {"grouping": [{"id": au.publisher_id, "objectType": "Activity"}]},
            "extensions": extensions,
        },
        "launchMode": session.launch_mode,
        "moveOn": au.move_on,
    }
    if au.launch_parameters:
        document["launchParameters"] = au.launch_parameters
    if au.mastery_score is not None:
        document["masteryScore"] = float(au.mastery_score)
    if au.entitlement_key:
        document["entitlementKey"] = {"courseStructure": au.entitlement_key}
    if return_url:
        document["returnURL"] = return_url
    content = json.dumps(document).encode()
    from ..documents import etag

    Document.objects.update_or_create(
        kind=Document.Kind.STATE,
        activity_id=au.lms_id,
        agent_key=agent_key(actor),
        registration=str(session.registration.registration),
        document_id=LAUNCH_DATA,
        defaults={
            "content": content,
            "content_type": "application/json",
            "etag": etag(content),
            "updated": timezone.now(),
        },
    )


def _default_preferences(actor, language):
    from ..documents import etag

    content = json.dumps({"languagePreference": language, "audioPreference": "on"}).encode()
    Document.objects.get_or_create(
        kind=Document.Kind.AGENT_PROFILE,
        activity_id="",
        agent_key=agent_key(actor),
        registration="",
        document_id=LEARNER_PREFERENCES,
        defaults={"content": content, "content_type": "application/json", "etag": etag(content)},
    )


def abandon(session):
    """Close an open session without ``terminated`` and store ``abandoned`` for it (9.3.6)."""
    if session.closed:
        return False
    session.closed = "abandoned"
    session.save(update_fields=["closed"])
    statements.abandoned(session)
    return True


def abandon_expired():
    """Abandon every session still open whose token has expired (the learner never came back); returns how many.

    Each session is closed in its own transaction under a row lock and only while it is still open, so a run
    beside a launch, a ``terminated`` arriving at the last moment or another run stores ``abandoned`` once.
    """
    abandoned = 0
    # The ids first (a list of integers), so that no cursor stays open across the writes below.
    stale = list(Cmi5Session.objects.filter(closed="", expires__lte=timezone.now()).values_list("pk", flat=True))
    for pk in stale:
        with transaction.atomic():
            session = (
                Cmi5Session.objects.select_for_update().select_related("registration").filter(pk=pk, closed="").first()
            )
            abandoned += bool(session and abandon(session))
    return abandoned
