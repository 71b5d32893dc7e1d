"""Recording what a SCORM runtime commits: the learner's attempt, its xAPI statements, and the item's completion.

Each commit carries the whole data model with the launch's session id and a sequence number, so a commit the
browser sends again is recognised and stored once, and one that arrives late never rolls the attempt back.
"""

import hashlib
import json

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from lms.xapi import api, vocabulary

from ..models import ItemProgress, ScormAttempt, ScormCommit
from ..scorm.datamodel import CommitError, evaluate, is_finished, read_commit
from .progress import complete_package_item
from .statements import course_activity

MAX_COMMIT_BYTES = 256 * 1024  # a SCORM 2004 data model at its largest sizes is about 200 kB
ENDED = ("", "normal", "logout", "time-out")


class CommitConflict(CommitError):
    """The same commit (session and sequence) was already received with other data."""


def sco_activity(lesson, sco):
    """The SCO (a package item) as an xAPI activity: the same in every translation and version of the lesson."""
    return api.Activity(
        api.activity_iri("scorm", sco.item_key), vocabulary.LESSON, {lesson.locale.language_code: sco.title}
    )


def current_attempt(user, sco):
    """The attempt a launch continues: the last one unless it ended (not suspended) without being finished."""
    attempt = ScormAttempt.objects.filter(user=user, item_key=sco.item_key).order_by("-number").first()
    if attempt is None or _ended(attempt):
        return _new_attempt(user, sco, attempt)
    return attempt


def _new_attempt(user, sco, last):
    number = last.number + 1 if last else 1
    return ScormAttempt(user=user, item_key=sco.item_key, sco=sco.publisher_id[:255], number=number)


def _ended(attempt):
    return bool(
        attempt.last_session and attempt.exit in ENDED and attempt.completed_at is None and _terminated(attempt)
    )


def _terminated(attempt):
    return attempt.commits.filter(session=attempt.last_session, terminated=True).exists()


def _locked_last_attempt(user, sco, session, sequence):
    """The learner's last attempt at ``sco``, locked until the transaction ends, with ``received_digest``: the
    digest of the commit ``session``/``sequence`` when the attempt already holds it (one query)."""
    received = ScormCommit.objects.filter(attempt=OuterRef("pk"), session=session, sequence=sequence)
    return (
        ScormAttempt.objects.select_for_update()
        .filter(user=user, item_key=sco.item_key)
        .annotate(received_digest=Subquery(received.values("digest")[:1]))
        .order_by("-number")
        .first()
    )


def launch_data(user, sco, version):
    """What the runtime starts from: the attempt number and the data model to resume (empty for a new attempt)."""
    attempt = current_attempt(user, sco)
    resume = attempt.pk is not None and attempt.exit == "suspend"
    cmi = dict(attempt.cmi) if attempt.pk else {}
    entry = "resume" if resume else ("" if attempt.pk else "ab-initio")
    if version == "1.2":
        cmi.setdefault("core", {})
        cmi["core"] = {**cmi["core"], "entry": entry, "exit": "", "session_time": "00:00:00"}
    else:
        cmi.update(entry=entry, exit="", session_time="PT0S")
    return {"attempt": attempt.number, "cmi": cmi}


def _digest(cmi, terminated):
    return hashlib.sha256(json.dumps([cmi, terminated], sort_keys=True).encode()).hexdigest()


def _result(snapshot, completion, success):
    result = {}
    if snapshot.score_scaled is not None:
        result["score"] = {"scaled": float(snapshot.score_scaled)}
        if snapshot.score_raw is not None:
            result["score"]["raw"] = float(snapshot.score_raw)
    if completion == "completed":
        result["completion"] = True
    if success in ("passed", "failed"):
        result["success"] = success == "passed"
    return result


class _Statements:
    def __init__(self, enrolment, lesson, sco, attempt):
        self.enrolment, self.lesson, self.attempt = enrolment, lesson, attempt
        self.activity = sco_activity(lesson, sco)

    def record(self, verb, key, result=None):
        api.record(
            self.enrolment.user,
            verb,
            self.activity,
            result=result or None,
            registration=self.enrolment.registration,
            parents=[course_activity(self.lesson.course)] if self.lesson.course else (),
            language=self.lesson.locale.language_code,
            event_key=f"attempt-{self.attempt.number}/{key}",
        )


def _item_completed(enrolment, sco):
    return ItemProgress.objects.filter(enrolment=enrolment, item_key=sco.item_key, completed_at__isnull=False).exists()


def record_commit(enrolment, lesson, sco, *, version, session, sequence, cmi, terminated=False):
    """Store one commit of ``sco`` (a package item of ``lesson``) for the learner, record its statements, and
    complete the item once the SCO is finished (passed where the manifest gives a mastery score).

    Returns the attempt. Raises :class:`CommitError` (a malformed data model) or :class:`CommitConflict`.
    """
    if not isinstance(session, str) or not 0 < len(session) <= 64:
        raise CommitError("session: must be a string of 1 to 64 characters")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or not 0 < sequence < 2**31:
        raise CommitError("sequence: must be a positive integer")
    snapshot = read_commit(version, cmi)
    digest = _digest(cmi, bool(terminated))
    with transaction.atomic():
        attempt = _locked_last_attempt(enrolment.user, sco, session, sequence)
        if attempt is not None and attempt.received_digest is not None:
            # A retry, even of the commit that ended this attempt: answered from the attempt it was stored in.
            if attempt.received_digest != digest:
                raise CommitConflict("sequence: this commit was already received with other data")
            return attempt
        if attempt is None or _ended(attempt):
            attempt = _new_attempt(enrolment.user, sco, attempt)
            attempt.version = version
            attempt.save()
        new_session = attempt.last_session != session
        late = not new_session and sequence <= attempt.last_sequence
        ScormCommit.objects.create(
            attempt=attempt, session=session, sequence=sequence, digest=digest, cmi=cmi, terminated=bool(terminated)
        )
        if late:
            return attempt
        statements = _Statements(enrolment, lesson, sco, attempt)
        was_suspended = attempt.exit == "suspend" and attempt.last_session
        before = (attempt.completion_status, attempt.success_status, attempt.score_scaled)
        completion, success = evaluate(snapshot, sco.mastery_score)
        if new_session:
            statements.record(vocabulary.INITIALIZED, f"{session}/initialized")
            if was_suspended:
                statements.record(vocabulary.RESUMED, f"{session}/resumed")
        attempt.cmi, attempt.version = cmi, version
        attempt.completion_status, attempt.success_status = completion, success
        attempt.score_scaled, attempt.location = snapshot.score_scaled, snapshot.location
        attempt.suspend_data, attempt.exit = snapshot.suspend_data, snapshot.exit
        attempt.last_session, attempt.last_sequence = session, sequence
        result = _result(snapshot, completion, success)
        if completion == "completed" and before[0] != "completed":
            statements.record(vocabulary.COMPLETED, "completed", result)
        if success in ("passed", "failed") and before[1] != success:
            statements.record(vocabulary.PASSED if success == "passed" else vocabulary.FAILED, success, result)
        if snapshot.score_scaled is not None and snapshot.score_scaled != before[2]:
            statements.record(vocabulary.SCORED, f"{session}/{sequence}/scored", result)
        if terminated:
            attempt.total_seconds += snapshot.session_seconds
            duration = {"duration": f"PT{snapshot.session_seconds:.2f}S"}
            if snapshot.exit == "suspend":
                statements.record(vocabulary.SUSPENDED, f"{session}/suspended", duration)
            statements.record(vocabulary.TERMINATED, f"{session}/terminated", duration)
        finished_now = is_finished(completion, success, sco.mastery_score) and attempt.completed_at is None
        if finished_now:
            attempt.completed_at = timezone.now()
        attempt.save()
        if finished_now or (attempt.completed_at and not _item_completed(enrolment, sco)):
            complete_package_item(enrolment, lesson, sco, by="scorm")
    return attempt
