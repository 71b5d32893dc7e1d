"""Course completion: the stored percentage, the completion rule, and the certificate it brings."""

from django.utils import timezone

from ..models import Enrolment
from . import statements
from .certificates import issue_certificate


def refresh_completion(enrolment, course):
    """Store the learner's progress and complete the course when its rule is met; completion is never undone."""
    from .progress import course_state

    if course is None:
        return enrolment
    state = course_state(enrolment.user, course, enrolment=enrolment)
    fields = {"progress": state.percent}
    if not enrolment.is_completed and state.rule_met:
        fields.update(status=Enrolment.Status.COMPLETED, completed_at=timezone.now(), progress=100)
    for name, value in fields.items():
        setattr(enrolment, name, value)
    enrolment.save(update_fields=list(fields))
    if "completed_at" in fields:
        statements.course_completed(enrolment, course)
        if course.issues_certificate:
            issue_certificate(enrolment, course)
    return enrolment
