"""Reading a committed SCORM data model on the server: the fields that mean progress, checked as hostile input.

The runtime in the browser (scorm-again) already enforces the data model's types for the SCO; the server
checks again what it stores and acts on, since anyone can post a commit: the vocabularies of the statuses and
exit, the ranges of the scores, the sizes of location and suspend data (SCORM 1.2 RTE 3.4; SCORM 2004 4th
edition RTE 4.2) and the time formats. The rest of the data model is kept as committed, bounded in size.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MAX_INTERACTIONS = 250
ISO_DURATION = re.compile(
    r"^P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+(?:\.\d{1,2})?)S)?)?$"
)
TIMESPAN_12 = re.compile(r"^(?P<hours>\d{2,4}):(?P<minutes>[0-5]\d):(?P<seconds>[0-5]\d(?:\.\d{1,2})?)$")
STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted", ""}
EXIT_12 = {"time-out", "suspend", "logout", ""}
COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown", ""}
SUCCESS_2004 = {"passed", "failed", "unknown", ""}
EXIT_2004 = {"time-out", "suspend", "logout", "normal", ""}


class CommitError(ValueError):
    """Why a commit is refused (the data model element and the rule)."""


@dataclass
class Snapshot:
    """What a commit says about progress, in SCORM 2004 terms whatever the version."""

    completion_status: str
    success_status: str
    score_scaled: Decimal | None
    score_raw: Decimal | None
    location: str
    suspend_data: str
    exit: str
    session_seconds: float
    progress_measure: Decimal | None
    interactions: list


def _get(cmi, path):
    value = cmi
    for part in path.split(".")[1:]:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _text(cmi, path, limit):
    value = _get(cmi, path)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CommitError(f"{path}: must be a string")
    if "\x00" in value:
        raise CommitError(f"{path}: must not hold a NUL character")
    if len(value) > limit:
        raise CommitError(f"{path}: is longer than {limit} characters")
    return value


def _choice(cmi, path, allowed):
    value = _text(cmi, path, 32)
    if value not in allowed:
        raise CommitError(f"{path}: '{value}' is not one of {', '.join(sorted(v for v in allowed if v))}")
    return value


def _number(cmi, path, low=None, high=None):
    value = _get(cmi, path)
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise CommitError(f"{path}: '{value}' is not a number") from error
    if not number.is_finite() or (low is not None and number < low) or (high is not None and number > high):
        raise CommitError(f"{path}: {value} is outside {low} to {high}")
    return number


def _seconds(cmi, path, pattern):
    value = _text(cmi, path, 64)
    if not value:
        return 0.0
    match = pattern.match(value)
    if not match:
        raise CommitError(f"{path}: '{value}' is not a valid time interval")
    parts = {name: float(number) for name, number in match.groupdict().items() if number}
    return (
        parts.get("years", 0) * 31_536_000
        + parts.get("months", 0) * 2_592_000
        + parts.get("days", 0) * 86_400
        + parts.get("hours", 0) * 3600
        + parts.get("minutes", 0) * 60
        + parts.get("seconds", 0)
    )


def _interactions(cmi):
    interactions = _get(cmi, "cmi.interactions")
    if interactions in (None, ""):
        return []
    if isinstance(interactions, dict):  # scorm-again renders arrays as {"childArray": [...]} or {"0": ...}
        interactions = interactions.get("childArray", [value for key, value in sorted(interactions.items())])
    if not isinstance(interactions, list) or not all(isinstance(entry, dict) for entry in interactions):
        raise CommitError("cmi.interactions: must be a list of interactions")
    if len(interactions) > MAX_INTERACTIONS:
        raise CommitError(f"cmi.interactions: more than {MAX_INTERACTIONS} interactions")
    return interactions


def _scaled_from_raw(raw, low, high):
    if raw is None:
        return None
    low, high = low if low is not None else Decimal(0), high if high is not None else Decimal(100)
    return max(Decimal(-1), min(Decimal(1), (raw - low) / (high - low))) if high > low else None


def read_commit(version, cmi):
    """The :class:`Snapshot` of a committed data model ``cmi`` (nested dicts, ``{"core": ...}`` under ``cmi``).

    ``version`` is ``"1.2"`` or ``"2004"``. Raises :class:`CommitError` naming the element and the rule.
    """
    if not isinstance(cmi, dict):
        raise CommitError("cmi: must be an object")
    if version == "1.2":
        status = _choice(cmi, "cmi.core.lesson_status", STATUS_12)
        raw = _number(cmi, "cmi.core.score.raw", Decimal(0), Decimal(100))
        low = _number(cmi, "cmi.core.score.min", Decimal(0), Decimal(100))
        high = _number(cmi, "cmi.core.score.max", Decimal(0), Decimal(100))
        return Snapshot(
            completion_status="completed" if status in ("passed", "completed", "failed") else status or "unknown",
            success_status={"passed": "passed", "failed": "failed"}.get(status, "unknown"),
            score_scaled=_scaled_from_raw(raw, low, high),
            score_raw=raw,
            location=_text(cmi, "cmi.core.lesson_location", 255),
            suspend_data=_text(cmi, "cmi.suspend_data", 4096),
            exit=_choice(cmi, "cmi.core.exit", EXIT_12),
            session_seconds=_seconds(cmi, "cmi.core.session_time", TIMESPAN_12),
            progress_measure=None,
            interactions=_interactions(cmi),
        )
    if version != "2004":
        raise CommitError(f"version: '{version}' is not 1.2 or 2004")
    return Snapshot(
        completion_status=_choice(cmi, "cmi.completion_status", COMPLETION_2004) or "unknown",
        success_status=_choice(cmi, "cmi.success_status", SUCCESS_2004) or "unknown",
        score_scaled=_number(cmi, "cmi.score.scaled", Decimal(-1), Decimal(1)),
        score_raw=_number(cmi, "cmi.score.raw"),
        location=_text(cmi, "cmi.location", 1000),
        suspend_data=_text(cmi, "cmi.suspend_data", 64000),
        exit=_choice(cmi, "cmi.exit", EXIT_2004),
        session_seconds=_seconds(cmi, "cmi.session_time", ISO_DURATION),
        progress_measure=_number(cmi, "cmi.progress_measure", Decimal(0), Decimal(1)),
        interactions=_interactions(cmi),
    )


def evaluate(snapshot, mastery_score=None, completion_threshold=None):
    """(completion_status, success_status) once the LMS applies the manifest's mastery score and threshold.

    As the LMS must (SCORM 1.2 RTE 3.4.4 on cmi.student_data.mastery_score; SCORM 2004 RTE 4.2.4.1 and
    4.2.22 on scaled_passing_score and completion_threshold): a score against a mastery score decides success,
    a progress measure against a threshold decides completion.
    """
    completion, success = snapshot.completion_status, snapshot.success_status
    if completion_threshold is not None and snapshot.progress_measure is not None:
        completion = "completed" if snapshot.progress_measure >= completion_threshold else "incomplete"
    if mastery_score is not None and snapshot.score_scaled is not None:
        success = "passed" if snapshot.score_scaled >= mastery_score else "failed"
        if completion in ("unknown", "not attempted", "incomplete") and snapshot.score_raw is not None:
            completion = "completed" if success == "passed" else completion
    return completion, success


def is_finished(completion, success, mastery_score=None):
    """Whether the SCO is done for the platform: passed where there is a mastery score, else completed or passed."""
    if mastery_score is not None:
        return success == "passed"
    return completion == "completed" or success == "passed"
