"""What the LRS accepts from an AU session (cmi5 sections 9 and 10), checked before anything is stored.

Every refusal is a 403 naming the rule; a statement the rules cannot read is left to the xAPI validation
(400). After the statements are stored, :func:`apply` moves the session and the registration on, and stores
the ``satisfied`` statements they bring.
"""

import re

from ..identity import agent_key
from ..protocol import XapiError
from . import satisfaction
from .vocabulary import (
    AU_VERBS,
    CATEGORY_CMI5,
    CATEGORY_MOVE_ON,
    EXT_MASTERY_SCORE,
    EXT_SESSION_ID,
    MOVE_ON_VERBS,
    VERB_COMPLETED,
    VERB_FAILED,
    VERB_INITIALIZED,
    VERB_PASSED,
    VERB_TERMINATED,
    VERB_VOIDED,
)

UTC_SUFFIX = re.compile(r"(Z|[+-]00:?00)$")


def _refuse(rule, message):
    raise XapiError(403, f"cmi5 {rule}: {message}")


def _dict(value):
    return value if isinstance(value, dict) else {}


def _category_ids(context):
    categories = _dict(context.get("contextActivities")).get("category") or []
    if isinstance(categories, dict):
        categories = [categories]
    return {item.get("id") for item in categories if isinstance(item, dict)}


class _Progress:
    """The session's and registration's flags, moved on statement by statement through a batch."""

    def __init__(self, session):
        au_state = session.registration.state.get("aus", {}).get(session.au_lms_id, {})
        self.initialized = session.initialized
        self.completed_in_session = session.completed
        self.judged_in_session = session.judged
        self.terminated = session.closed != ""
        self.completed_before = au_state.get("completed", False)
        self.passed_before = au_state.get("passed", False)


def check(session, statements):
    """Refuse (403) the batch unless the AU session may send every statement of it, in this order."""
    progress = _Progress(session)
    for statement in statements:
        _check_statement(session, progress, statement if isinstance(statement, dict) else {})


def _check_statement(session, progress, statement):
    registration = session.registration
    verb = _dict(statement.get("verb")).get("id")
    if progress.terminated:
        _refuse("9.3.0.0-5", "the session is terminated; nothing more may be sent")
    if "id" not in statement:
        _refuse("9.1.0.0-1", "a statement from an AU must carry its id")
    stamp = statement.get("timestamp")
    if not isinstance(stamp, str) or not UTC_SUFFIX.search(stamp):
        _refuse("9.7.0.0-1", "a statement from an AU must carry a timestamp in UTC")
    actor = _dict(statement.get("actor"))
    try:
        same_actor = actor.get("objectType", "Agent") == "Agent" and agent_key(actor) == registration.actor_key
    except (TypeError, ValueError, AttributeError):
        same_actor = False
    if not same_actor:
        _refuse("9.2.0.0-2", "the actor must be the launch actor (an Agent with its account)")
    if verb == VERB_VOIDED:
        _refuse("6.3.0.0-1", "an AU may not void statements")
    context = statement.get("context")
    if not isinstance(context, dict):
        _refuse("9.6.0.0-1", "a statement from an AU must have a context")
    if str(context.get("registration", "")).lower() != str(registration.registration):
        _refuse("9.6.1.0-1", "the context registration must be the launch registration")
    if str(_dict(context.get("extensions")).get(EXT_SESSION_ID, "")) != str(session.session_id):
        _refuse("9.6.3.1-4", "the context must carry the session id of the launch")
    categories = _category_ids(context)
    if (CATEGORY_MOVE_ON in categories) != (verb in MOVE_ON_VERBS):
        _refuse("9.6.2.2-1", "the moveOn category belongs on completed, passed and failed, and only there")
    if not progress.initialized and verb != VERB_INITIALIZED:
        _refuse("9.3.0.0-4", "the first statement of a session must be initialized")
    if verb in AU_VERBS:
        _check_defined(session, progress, statement, verb, context, categories)


def _check_defined(session, progress, statement, verb, context, categories):
    if CATEGORY_CMI5 not in categories:
        _refuse("9.6.2.1-1", "a cmi5 defined statement must carry the cmi5 category")
    if _dict(statement.get("object")).get("id") != session.au_lms_id:
        _refuse("8.1.5.0-6", "the object must be the launch activityId")
    result = _dict(statement.get("result"))
    score = _dict(result.get("score"))
    if "raw" in score and ("min" not in score or "max" not in score):
        _refuse("9.5.1.0-3", "a raw score needs min and max")
    if verb in MOVE_ON_VERBS and session.launch_mode != "Normal":
        _refuse("10.2.2.0-2", f"in {session.launch_mode} mode an AU may not send {verb.rsplit('/', 1)[-1]}")
    if verb in MOVE_ON_VERBS | {VERB_TERMINATED} and "duration" not in result:
        _refuse("9.5.4.1-1", "completed, passed, failed and terminated carry result.duration")
    handler = {
        VERB_INITIALIZED: _initialized,
        VERB_COMPLETED: _completed,
        VERB_PASSED: _passed,
        VERB_FAILED: _failed,
        VERB_TERMINATED: _terminated,
    }[verb]
    handler(session, progress, result, score, _dict(context.get("extensions")))


def _initialized(session, progress, result, score, extensions):
    if progress.initialized:
        _refuse("9.3.2.0-3", "the session is already initialized")
    if not session.preferences_read:
        _refuse("11.0.0.0-3", "read the cmi5LearnerPreferences agent profile before initialized")
    progress.initialized = True


def _completed(session, progress, result, score, extensions):
    if result.get("completion") is not True:
        _refuse("9.5.3.0-1", "completed needs result.completion true")
    if "success" in result:
        _refuse("9.5.2.0-3", "completed may not carry result.success")
    if score:
        _refuse("9.5.1.0-2", "completed may not carry a score")
    if progress.completed_in_session or progress.completed_before:
        _refuse("9.3.0.0-6", "the AU is already completed in this registration")
    progress.completed_in_session = True


def _judged(session, progress, result, score, extensions, verb):
    if "completion" in result:
        _refuse("9.5.3.0-2", f"{verb} may not carry result.completion")
    if progress.judged_in_session:
        _refuse("9.3.0.0-3", "a session sends passed or failed once")
    if progress.passed_before:
        _refuse("9.3.0.0-7", "the AU is already passed in this registration")
    mastery = session.mastery_score
    if mastery is not None:
        if extensions.get(EXT_MASTERY_SCORE) != float(mastery):
            _refuse("9.6.3.2-2", "the masteryscore extension must be the launch masteryScore")
        scaled = score.get("scaled")
        if isinstance(scaled, int | float) and (scaled < float(mastery)) == (verb == "passed"):
            _refuse("9.3.4.0-2", f"a scaled score of {scaled} does not fit {verb} with masteryScore {mastery}")
    progress.judged_in_session = True


def _passed(session, progress, result, score, extensions):
    if result.get("success") is not True:
        _refuse("9.5.2.0-1", "passed needs result.success true")
    _judged(session, progress, result, score, extensions, "passed")
    progress.passed_before = True


def _failed(session, progress, result, score, extensions):
    if result.get("success") is not False:
        _refuse("9.5.2.0-2", "failed needs result.success false")
    _judged(session, progress, result, score, extensions, "failed")


def _terminated(session, progress, result, score, extensions):
    progress.terminated = True


def apply(session, statements):
    """After the statements are stored: move the session and registration on; store ``satisfied`` as due."""
    registration = session.registration
    fields = set()
    au_changes = {}
    for statement in statements:
        verb = statement["verb"]["id"]
        if verb == VERB_INITIALIZED:
            session.initialized = True
            fields.add("initialized")
        elif verb == VERB_COMPLETED:
            session.completed = True
            fields.add("completed")
            au_changes["completed"] = True
        elif verb in (VERB_PASSED, VERB_FAILED):
            session.judged = True
            fields.add("judged")
            au_changes["passed" if verb == VERB_PASSED else "failed"] = True
        elif verb == VERB_TERMINATED:
            session.closed = "terminated"
            fields.add("closed")
    if fields:
        session.save(update_fields=sorted(fields))
    if au_changes:
        satisfaction.record(registration, session.au_lms_id, **au_changes)
        satisfaction.refresh(registration, session.session_id)


def locked(session):
    """The session row again, locked for the transaction (two batches of one session are checked in turn)."""
    from .models import Cmi5Session

    return Cmi5Session.objects.select_for_update().select_related("registration__course").get(pk=session.pk)
