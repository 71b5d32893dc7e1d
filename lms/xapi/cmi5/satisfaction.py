"""moveOn in the LMS: when an AU, a block and the course are satisfied, and the ``satisfied`` statements."""

import uuid

from . import statements
from .vocabulary import TYPE_BLOCK, TYPE_COURSE


def au_satisfied(move_on, state):
    """Whether an AU's state (completed, passed, waived) meets its moveOn rule (13.1.4)."""
    if state.get("waived") or move_on == "NotApplicable":
        return True
    completed, passed = state.get("completed", False), state.get("passed", False)
    return {
        "Completed": completed,
        "Passed": passed,
        "CompletedAndPassed": completed and passed,
        "CompletedOrPassed": completed or passed,
    }.get(move_on, False)


def record(registration, au_lms_id, **changes):
    """Merge ``changes`` (completed, passed, failed, waived) into the AU's state in the registration row."""
    state = registration.state
    state.setdefault("aus", {}).setdefault(au_lms_id, {}).update(changes)


def refresh(registration, session_id):
    """Store ``satisfied`` for each block, then the course, that just became satisfied; saves the row."""
    structure = registration.course.structure
    states = registration.state.setdefault("aus", {})
    done = set(registration.state.setdefault("satisfied", []))
    satisfied_aus = {
        au["lms_id"] for au in structure["aus"] if au_satisfied(au["move_on"], states.get(au["lms_id"], {}))
    }
    for block in reversed(structure["blocks"]):
        members = [au["lms_id"] for au in structure["aus"] if block["lms_id"] in au["blocks"]]
        if block["lms_id"] not in done and members and all(member in satisfied_aus for member in members):
            statements.satisfied(registration, block["lms_id"], block["publisher_id"], TYPE_BLOCK, session_id)
            done.add(block["lms_id"])
    course_id = structure["lms_id"]
    if course_id not in done and all(au["lms_id"] in satisfied_aus for au in structure["aus"]):
        statements.satisfied(registration, course_id, structure["publisher_id"], TYPE_COURSE, session_id)
        done.add(course_id)
    registration.state["satisfied"] = sorted(done)
    registration.save(update_fields=["state"])


def satisfy_not_applicable(registration, session_id):
    """A new registration: AUs whose moveOn is NotApplicable count as satisfied at once (9.6.1.1-3)."""
    refresh(registration, session_id)


def waive(registration, au_index, reason):
    """Waive the AU at ``au_index`` for the registration: store ``waived``, then any ``satisfied`` it brings."""
    au = registration.course.structure["aus"][au_index]
    session_id = uuid.uuid4()
    statements.waived(registration, au, reason, session_id)
    record(registration, au["lms_id"], waived=True)
    refresh(registration, session_id)
    return au
