"""Prerequisites: a learner enrols in a course once they completed each of its live prerequisite courses.

Completion is read from enrolments, keyed on the course's ``translation_key``, so a prerequisite completed in
one language counts for every language of the course that requires it.
"""

from dataclasses import dataclass

from ..models import CoursePage, Enrolment


@dataclass(frozen=True)
class Prerequisite:
    """A prerequisite course, in the reader's language where a translation exists, and whether it is done."""

    course: CoursePage
    completed: bool


def completed_course_keys(user, keys):
    """The translation keys among ``keys`` of the courses ``user`` completed (one query; none without keys)."""
    if not keys or not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Enrolment.objects.filter(user=user, course_key__in=keys, status=Enrolment.Status.COMPLETED).values_list(
            "course_key", flat=True
        )
    )


def prerequisites_for(user, course):
    """Each live prerequisite of ``course`` with whether ``user`` completed it (in any of its languages)."""
    courses = course.prerequisite_courses()
    done = completed_course_keys(user, [prerequisite.translation_key for prerequisite in courses])
    return [Prerequisite(prerequisite, prerequisite.translation_key in done) for prerequisite in courses]


def missing_prerequisites(user, course):
    """The live prerequisite courses ``user`` has still to complete before enrolling in ``course``."""
    return [prerequisite.course for prerequisite in prerequisites_for(user, course) if not prerequisite.completed]


def lacks_prerequisites(user, keys):
    """Whether ``user`` has not completed every course of ``keys`` (the prerequisites' translation keys)."""
    return bool(keys) and len(completed_course_keys(user, keys)) < len(set(keys))
