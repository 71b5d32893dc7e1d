"""Completing a lesson through an activity played inside it (H5P), once the LRS shows the learner finished it.

The browser only says "the activity is finished"; the lesson completes when the learner's own statements
about the activity, stored by the platform's LRS, say so too.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from lms.xapi import api, vocabulary

from .progress import complete_item


class ActivityNotFinished(Exception):
    """The activity is not in the lesson, does not complete it, or the LRS has no statement that it was finished."""


def _finished(requirement):
    if requirement == "passed":
        return Q(verb_id=vocabulary.PASSED.id) | Q(data__result__success=True)
    return Q(verb_id__in=[vocabulary.COMPLETED.id, vocabulary.PASSED.id]) | Q(data__result__completion=True)


def complete_by_activity(enrolment, page, activity_key):
    """Complete ``page`` for the learner if the H5P activity ``activity_key`` in it is finished as it requires."""
    placed = page.h5p_requirements().get(str(activity_key))
    if placed is None:
        raise ActivityNotFinished(_("This activity does not complete this lesson."))
    activity, requirement = placed
    statements = api.query(activity=activity.xapi_iri, user=enrolment.user)
    if not statements.filter(_finished(requirement)).exists():
        raise ActivityNotFinished(_("The learning record store has no statement that you finished this activity."))
    return complete_item(enrolment, page, by="activity")
