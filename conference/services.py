"""The writes of the conference app: the showcase workflow (submitting, moving a submission between statuses,
publishing to the library) and its emails.

Views, the admin and the tasks in ``conference.tasks`` call these functions. Every step is recorded as a
ShowcaseStatusChange; its email to the submitter is sent after the transaction commits, once.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from lms.core.mail import email_subject
from lms.core.sending import send_once

from .models import ShowcaseStatusChange, ShowcaseSubmission, VideoEntry

Status = ShowcaseSubmission.Status


def can_moderate(user):
    """Administrators only: superusers, or users given the change permission on submissions."""
    return bool(user and user.is_active and user.has_perm("conference.change_showcasesubmission"))


def _record(submission, status, by=None, note=""):
    from .tasks import send_showcase_status_email

    change = ShowcaseStatusChange.objects.create(submission=submission, status=status, changed_by=by, note=note)
    transaction.on_commit(lambda: send_showcase_status_email.delay(change.pk))
    return change


@transaction.atomic
def submit(form, user, conference):
    """Save a valid submission form for ``user`` and acknowledge it by email."""
    submission = form.save(commit=False)
    submission.conference = conference
    submission.submitter = user
    submission.status = Status.SUBMITTED
    submission.save()
    _record(submission, Status.SUBMITTED, by=user)
    return submission


@transaction.atomic
def change_status(submission, status, by, note=""):
    """Move ``submission`` to ``status`` on behalf of moderator ``by``; keeps the library in step."""
    if not can_moderate(by):
        raise PermissionDenied(_("Only administrators moderate showcase submissions."))
    previous = ShowcaseSubmission.objects.select_for_update().get(pk=submission.pk).status
    if previous == status:
        return submission
    probe = ShowcaseSubmission(status=previous)
    if not probe.can_move_to(status):
        raise ValidationError(
            _("A submission cannot go from '%(old)s' to '%(new)s'."),
            params={"old": Status(previous).label, "new": Status(status).label},
        )
    submission.status = status
    submission.moderator_note = note
    submission.save()
    _record(submission, status, by=by, note=note)
    sync_library(submission)
    return submission


def sync_library(submission):
    """Accepted and selected submissions are in the library (created from the submission, once);
    others are taken out of it."""
    entry = VideoEntry.objects.filter(submission=submission).first()
    if submission.status not in ShowcaseSubmission.IN_LIBRARY:
        if entry and entry.published:
            entry.published = False
            entry.save(update_fields=["published"])
        return entry
    if entry is None:
        entry = VideoEntry(
            submission=submission,
            conference=submission.conference,
            kind=VideoEntry.Kind.SHOWCASE,
            title=submission.title,
            summary=submission.summary,
            theme=submission.theme,
            parliament=submission.parliament,
            language=submission.language,
            recorded_on=submission.submitted_at.date(),
            video_url=submission.video_url,
            video_file=submission.video_file.name if submission.video_file else "",
            captions=submission.captions.name if submission.captions else "",
            duration_seconds=submission.duration_seconds,
        )
    entry.published = True
    entry.shown_in_plenary = submission.status == Status.SELECTED or entry.shown_in_plenary
    entry.save()
    return entry


def _status_email(change):
    submission = change.submission
    user = submission.submitter
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {"change": change, "submission": submission, "user": user, "base_url": settings.BASE_URL}
        subject = email_subject(render_to_string("conference/email/status_subject.txt", context))
        body = render_to_string("conference/email/status_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def send_status_email(change_id):
    """Email the submitter about one status change of their submission, once; True when it was sent now."""
    changes = ShowcaseStatusChange.objects.select_related("submission__submitter", "submission__conference")
    return send_once(changes, change_id, "notified_at", _status_email) is not None
