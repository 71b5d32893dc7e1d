import time

import pytest
from django.core import mail

from courses import services
from courses.models import Invitation
from courses.tasks import send_invitation
from lms.accounts.factories import UserFactory


def test_invitation_is_emailed_once(course, django_capture_on_commit_callbacks):
    host = UserFactory(is_staff=True)
    with django_capture_on_commit_callbacks() as callbacks:
        report = services.bulk_enrol(course, "new.person@example.org\n", by=host)
    assert [row.outcome for row in report] == ["added"] and len(callbacks) == 1  # enqueued after commit
    invitation = Invitation.objects.get()
    send_invitation(invitation.pk)
    invitation.refresh_from_db()
    assert invitation.emailed_at is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.person@example.org"]
    assert "/en/account/signup/" in mail.outbox[0].body and course.title in mail.outbox[0].subject
    send_invitation(invitation.pk)  # a second run sends nothing
    assert len(mail.outbox) == 1


@pytest.mark.broker
def test_a_real_worker_sends_the_invitation(celery_worker, course):
    host = UserFactory(is_staff=True)
    services.bulk_enrol(course, "someone@example.org\n", by=host)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and Invitation.objects.filter(emailed_at__isnull=True).exists():
        time.sleep(0.3)
    assert Invitation.objects.get().emailed_at is not None
