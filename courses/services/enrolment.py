"""Enrolment: learners enrol themselves; hosts and administrators enrol or invite them in bulk."""

import csv
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .. import csv_upload
from ..models import CoursePage, Enrolment, Invitation
from . import statements
from .prerequisites import lacks_prerequisites, missing_prerequisites
from .progress import register_package_lessons

MAX_BULK_ROWS = 5000


class EnrolmentError(Exception):
    """A learner may not enrol now; the message says why, in the reader's language."""


class PrerequisitesMissing(EnrolmentError):
    """The learner has still to complete the prerequisite courses in ``missing``."""

    def __init__(self, missing):
        self.missing = missing
        titles = ", ".join(course.title for course in missing)
        message = ngettext(
            "Complete this course before you enrol: %(titles)s.",
            "Complete these courses before you enrol: %(titles)s.",
            len(missing),
        )
        super().__init__(message % {"titles": titles})


WINDOW_MESSAGES = {
    "closed": gettext_lazy("Enrolment in this course is closed."),
    "not_yet": gettext_lazy("Enrolment in this course has not opened yet."),
    "ended": gettext_lazy("Enrolment in this course has ended."),
}


def _create_enrolment(user, course, *, language, source, enrolled_by=None):
    """(enrolment, created); a concurrent double submit finds the first one instead of failing."""
    existing = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=user,
                course_key=course.translation_key,
                course=course,
                course_title=course.title,
                language=language,
                source=source,
                enrolled_by=enrolled_by,
            )
            statements.registered(enrolment, course)
            register_package_lessons(enrolment, course)
    except IntegrityError:
        return Enrolment.objects.get(user=user, course_key=course.translation_key), False
    return enrolment, True


def enrol(user, course, *, language=None):
    """Enrol ``user`` in ``course`` (any language of it); returns (enrolment, created).

    Refused with ``EnrolmentError`` while the course's enrolment is not open, and with ``PrerequisitesMissing``
    until the learner completed every live prerequisite course. A learner already enrolled stays enrolled.
    """
    existing = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
    if existing:
        return existing, False
    state = course.enrolment_window_state()
    if state != "open":
        raise EnrolmentError(WINDOW_MESSAGES[state])
    missing = missing_prerequisites(user, course)
    if missing:
        raise PrerequisitesMissing(missing)
    return _create_enrolment(
        user, course, language=language or course.locale.language_code, source=Enrolment.Source.SELF
    )


@dataclass
class BulkRow:
    """One line of a bulk enrolment file and what happened to it."""

    line: int
    email: str
    outcome: str  # one of OUTCOMES

    @property
    def outcome_label(self):
        return OUTCOMES[self.outcome]


# A new enrolment and an invitation get the same outcome, so that the report does not tell a host which
# addresses have an account.
OUTCOMES = {
    "added": gettext_lazy("Enrolled or invited"),
    "added_without_prerequisites": gettext_lazy("Enrolled or invited; prerequisites not completed"),
    "already_enrolled": gettext_lazy("Already enrolled or invited"),
    "invalid": gettext_lazy("Invalid address"),
}
ADDED = {"added", "added_without_prerequisites"}


def _emails_from_csv(text):
    """(line number, address) for each non-empty row; the first cell is the address, a header row is skipped.

    Comma, semicolon or tab separated (see ``courses.csv_upload``).
    """
    for number, row in enumerate(csv_upload.rows(text), start=1):
        cells = [cell.strip() for cell in row]
        if not cells or not any(cells):
            continue
        if number == 1 and "@" not in cells[0] and cells[0].lower() in {"email", "e-mail", "email address"}:
            continue
        yield number, cells[0]


def _invite(email, course, by):
    from ..tasks import send_invitation

    invitation, created = Invitation.objects.get_or_create(
        email=email,
        course_key=course.translation_key,
        defaults={"course": course, "course_title": course.title, "invited_by": by},
    )
    if created:
        transaction.on_commit(lambda: send_invitation.delay(invitation.pk))
    return created


def bulk_enrol(course, text, *, by):
    """Enrol each address of a CSV text in ``course``; addresses without an account get an invitation.

    Returns one ``BulkRow`` per address, in file order. Bulk enrolment ignores the enrolment dates and the
    prerequisites: hosts decide who joins, and the report names those enrolled without the prerequisites.
    """
    try:
        rows = list(_emails_from_csv(text))
    except csv.Error as error:  # e.g. a field over the csv module's limit
        raise EnrolmentError(
            _("The file cannot be read as CSV (%(reason)s); save it again as CSV.") % {"reason": error}
        ) from None
    if len(rows) > MAX_BULK_ROWS:
        raise EnrolmentError(_("The file has more than %(max)d rows; split it.") % {"max": MAX_BULK_ROWS})
    prerequisite_keys = list(course.live_prerequisites().values_list("translation_key", flat=True))
    report = []
    with transaction.atomic():
        for line, raw in rows:
            email = raw.strip().lower()
            try:
                validate_email(email)
            except ValidationError:
                report.append(BulkRow(line, raw, "invalid"))
                continue
            report.append(BulkRow(line, email, _enrol_or_invite(email, course, by, prerequisite_keys)))
        _check_daily_limit(by, report)
    return report


def _enrol_or_invite(email, course, by, prerequisite_keys):
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        if not _invite(email, course, by):
            return "already_enrolled"
        return "added_without_prerequisites" if prerequisite_keys else "added"
    _enrolment, created = _create_enrolment(
        user, course, language=course.locale.language_code, source=Enrolment.Source.BULK, enrolled_by=by
    )
    if not created:
        return "already_enrolled"
    return "added_without_prerequisites" if lacks_prerequisites(user, prerequisite_keys) else "added"


def _check_daily_limit(by, report):
    """Refuse (rolling the whole file back) what would take a host over its daily count of addresses added.

    Enrolments and invitations count alike, so that a refusal says nothing about who has an account.
    """
    if by.is_superuser:
        return
    limit = settings.BULK_ENROLMENT_DAILY_LIMIT
    since = timezone.now() - timedelta(days=1)
    added = Enrolment.objects.filter(enrolled_by=by, source=Enrolment.Source.BULK, enrolled_at__gte=since).count()
    added += Invitation.objects.filter(invited_by=by, created_at__gte=since).count()
    if added > limit:
        in_file = sum(row.outcome in ADDED for row in report)
        raise EnrolmentError(
            _(
                "This file would add %(in_file)d people, and a host may add %(limit)d in 24 hours "
                "(%(left)d left now). Split the file, or ask an administrator to upload it."
            )
            % {"in_file": in_file, "limit": limit, "left": max(limit - (added - in_file), 0)}
        )


def accept_invitations(user):
    """Enrol a newly confirmed user in every course they were invited to; returns the new enrolments."""
    enrolments = []
    with transaction.atomic():
        invitations = Invitation.objects.select_for_update().filter(email__iexact=user.email, accepted_at__isnull=True)
        for invitation in invitations:
            course = CoursePage.objects.filter(translation_key=invitation.course_key).first()
            if course is not None:
                enrolment, created = _create_enrolment(
                    user,
                    invitation.course or course,
                    language=(invitation.course or course).locale.language_code,
                    source=Enrolment.Source.INVITATION,
                    enrolled_by=invitation.invited_by,
                )
                if created:
                    enrolments.append(enrolment)
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
    return enrolments
