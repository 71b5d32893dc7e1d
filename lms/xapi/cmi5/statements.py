"""The statements the LMS itself stores in a cmi5 registration: launched, abandoned, waived, satisfied (9.3)."""

import uuid

from django.utils import timezone

from ..identity import platform_authority
from ..store import format_timestamp, save_statements
from .vocabulary import (
    CATEGORY_CMI5,
    CATEGORY_MOVE_ON,
    EXT_LAUNCH_MODE,
    EXT_LAUNCH_PARAMETERS,
    EXT_LAUNCH_URL,
    EXT_MASTERY_SCORE,
    EXT_MOVE_ON,
    EXT_REASON,
    EXT_SESSION_ID,
    VERB_ABANDONED,
    VERB_LAUNCHED,
    VERB_SATISFIED,
    VERB_WAIVED,
)


def _verb(iri):
    return {"id": iri, "display": {"en-US": iri.rsplit("/", 1)[-1]}}


def _store(actor, verb, obj, registration, session_id, grouping_id, *, result=None, extensions=None, moveon=False):
    categories = [{"id": CATEGORY_CMI5, "objectType": "Activity"}]
    if moveon:
        categories.append({"id": CATEGORY_MOVE_ON, "objectType": "Activity"})
    statement = {
        "id": str(uuid.uuid4()),
        "actor": actor,
        "verb": _verb(verb),
        "object": obj,
        "context": {
            "registration": str(registration),
            "contextActivities": {
                "category": categories,
                "grouping": [{"id": grouping_id, "objectType": "Activity"}],
            },
            "extensions": {EXT_SESSION_ID: str(session_id), **(extensions or {})},
        },
        "timestamp": format_timestamp(timezone.now()),
    }
    if result:
        statement["result"] = result
    save_statements([statement], platform_authority())
    return statement


def _au(session):
    return {"id": session.au_lms_id, "objectType": "Activity"}


def launched(session, url, au):
    """``launched``: the first statement of every session, with the launch's context extensions (9.3.1, 9.6.3)."""
    extensions = {EXT_LAUNCH_MODE: session.launch_mode, EXT_LAUNCH_URL: url, EXT_MOVE_ON: au.move_on}
    if au.mastery_score is not None:
        extensions[EXT_MASTERY_SCORE] = float(au.mastery_score)
    if au.launch_parameters:
        extensions[EXT_LAUNCH_PARAMETERS] = au.launch_parameters
    registration = session.registration
    return _store(
        registration.actor,
        VERB_LAUNCHED,
        _au(session),
        registration.registration,
        session.session_id,
        session.au_publisher_id,
        extensions=extensions,
    )


def duration(start, end):
    return f"PT{max((end - start).total_seconds(), 0):.2f}S"


def abandoned(session):
    """``abandoned``: a session that ended without ``terminated`` (9.3.6), with how long it lasted."""
    registration = session.registration
    return _store(
        registration.actor,
        VERB_ABANDONED,
        _au(session),
        registration.registration,
        session.session_id,
        session.au_publisher_id,
        result={"duration": duration(session.created, session.last_request)},
    )


def waived(registration, au, reason, session_id):
    """``waived``: the LMS set the AU's moveOn aside for this registration (9.3.7)."""
    return _store(
        registration.actor,
        VERB_WAIVED,
        {"id": au["lms_id"], "objectType": "Activity"},
        registration.registration,
        session_id,
        au["publisher_id"],
        result={"success": True, "completion": True, "extensions": {EXT_REASON: reason}},
        moveon=True,
    )


def satisfied(registration, lms_id, publisher_id, activity_type, session_id):
    """``satisfied``: every AU of a block, or of the course, met its moveOn (9.3.9)."""
    return _store(
        registration.actor,
        VERB_SATISFIED,
        {"id": lms_id, "objectType": "Activity", "definition": {"type": activity_type}},
        registration.registration,
        session_id,
        publisher_id,
    )
