"""lms.core.sending.send_once, as the invitation task uses it: a task that runs again sends nothing, and a
failed send is retried later, on a real database."""

import threading

import pytest
from django.db import connection

from courses.models import Invitation
from lms.core.sending import send_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def invitation(course):
    return Invitation.objects.create(email="new@example.org", course=course, course_key=course.translation_key)


def test_a_second_run_sends_nothing(invitation):
    sent = []
    assert send_once(Invitation.objects.all(), invitation.pk, "emailed_at", sent.append) is None  # append's None
    assert send_once(Invitation.objects.all(), invitation.pk, "emailed_at", sent.append) is None
    assert sent == [invitation] and Invitation.objects.get().emailed_at is not None


def test_a_failed_send_leaves_the_record_unsent(invitation):
    def fail(_row):
        raise OSError("mail server down")

    with pytest.raises(OSError):
        send_once(Invitation.objects.all(), invitation.pk, "emailed_at", fail)
    assert Invitation.objects.get().emailed_at is None
    assert send_once(Invitation.objects.all(), invitation.pk, "emailed_at", lambda row: "sent") == "sent"


def test_a_missing_record_is_nothing_to_send(db):
    assert send_once(Invitation.objects.all(), 987654, "emailed_at", lambda row: "sent") is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite writes one at a time")
def test_two_concurrent_runs_send_once(invitation):
    sent, entered, release = [], threading.Event(), threading.Event()

    def slow_send(row):
        entered.set()
        release.wait(10)
        sent.append(row.pk)

    def run():
        try:
            send_once(Invitation.objects.all(), invitation.pk, "emailed_at", slow_send)
        finally:
            connection.close()

    first = threading.Thread(target=run)
    first.start()
    assert entered.wait(10)
    second = threading.Thread(target=run)  # blocks on the row lock until the first commits
    second.start()
    release.set()
    first.join(10)
    second.join(10)
    assert sent == [invitation.pk]
