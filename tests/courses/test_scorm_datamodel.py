"""The server's reading of a committed SCORM data model: statuses, scores, times, sizes, and refusals."""

from decimal import Decimal

import pytest

from courses.scorm.datamodel import CommitError, evaluate, is_finished, read_commit


def test_a_scorm_12_commit_is_read_in_2004_terms():
    snapshot = read_commit(
        "1.2",
        {
            "core": {
                "lesson_status": "passed",
                "lesson_location": "page-3",
                "score": {"raw": "80", "min": "0", "max": "100"},
                "session_time": "0001:02:03.5",
                "exit": "suspend",
            },
            "suspend_data": "x" * 4096,
        },
    )
    assert (snapshot.completion_status, snapshot.success_status) == ("completed", "passed")
    assert snapshot.score_scaled == Decimal("0.8") and snapshot.location == "page-3"
    assert snapshot.session_seconds == 3723.5 and snapshot.exit == "suspend"


def test_a_scorm_2004_commit_with_interactions():
    snapshot = read_commit(
        "2004",
        {
            "completion_status": "incomplete",
            "success_status": "unknown",
            "score": {"scaled": "0.5", "raw": "5"},
            "progress_measure": "0.75",
            "session_time": "PT1H2M3.25S",
            "interactions": {"childArray": [{"id": "q1", "type": "choice", "result": "correct"}]},
        },
    )
    assert snapshot.session_seconds == 3723.25 and snapshot.progress_measure == Decimal("0.75")
    assert snapshot.interactions == [{"id": "q1", "type": "choice", "result": "correct"}]


def test_mastery_score_and_completion_threshold_decide_as_the_lms_must():
    snapshot = read_commit("2004", {"completion_status": "unknown", "score": {"scaled": "0.7", "raw": "7"}})
    assert evaluate(snapshot, mastery_score=Decimal("0.8")) == ("unknown", "failed")
    assert evaluate(snapshot, mastery_score=Decimal("0.6")) == ("completed", "passed")
    measured = read_commit("2004", {"completion_status": "incomplete", "progress_measure": "0.9"})
    assert evaluate(measured, completion_threshold=Decimal("0.8"))[0] == "completed"
    assert is_finished("completed", "failed", mastery_score=Decimal("0.8")) is False
    assert is_finished("completed", "unknown") is True


REFUSED = [
    ("1.2", {"core": {"lesson_status": "done"}}, "cmi.core.lesson_status: 'done' is not one of"),
    ("1.2", {"core": {"score": {"raw": "180"}}}, "cmi.core.score.raw: 180 is outside 0 to 100"),
    ("1.2", {"core": {"score": {"raw": "lots"}}}, "cmi.core.score.raw: 'lots' is not a number"),
    ("1.2", {"suspend_data": "x" * 4097}, "cmi.suspend_data: is longer than 4096"),
    ("1.2", {"core": {"session_time": "PT1S"}}, "cmi.core.session_time: 'PT1S' is not a valid time interval"),
    ("1.2", {"core": {"exit": "later"}}, "cmi.core.exit"),
    ("2004", {"score": {"scaled": "1.5"}}, "cmi.score.scaled: 1.5 is outside -1 to 1"),
    ("2004", {"score": {"scaled": "NaN"}}, "cmi.score.scaled"),
    ("2004", {"location": "a\x00b"}, "cmi.location: must not hold a NUL character"),
    ("2004", {"location": 12}, "cmi.location: must be a string"),
    ("2004", {"session_time": "01:00:00"}, "cmi.session_time: '01:00:00' is not a valid time interval"),
    ("2004", {"suspend_data": "x" * 64001}, "cmi.suspend_data: is longer than 64000"),
    ("2004", {"interactions": [{"id": "q"}] * 251}, "cmi.interactions: more than 250"),
    ("2004", {"interactions": "q1"}, "cmi.interactions: must be a list"),
    ("2004", ["not", "an", "object"], "cmi: must be an object"),
    ("3", {}, "version: '3' is not 1.2 or 2004"),
]


@pytest.mark.parametrize(("version", "cmi", "message"), REFUSED)
def test_a_malformed_commit_is_refused_naming_the_element(version, cmi, message):
    with pytest.raises(CommitError) as raised:
        read_commit(version, cmi)
    assert message in str(raised.value)
