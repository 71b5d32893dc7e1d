import time
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from lms.core.tasks import clear_expired_sessions


def make_sessions():
    for expiry in (timedelta(days=-1), timedelta(days=1)):
        store = SessionStore()
        store["x"] = 1
        store.set_expiry(int(expiry.total_seconds()) if expiry.total_seconds() > 0 else 1)
        store.create()
        Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expiry)


@pytest.mark.django_db
def test_clear_expired_sessions_keeps_live_ones():
    make_sessions()
    assert clear_expired_sessions.apply().get() == 1
    assert Session.objects.count() == 1


@pytest.mark.broker
def test_a_real_worker_runs_the_task_from_redis(celery_worker):
    make_sessions()
    clear_expired_sessions.delay()
    deadline = time.monotonic() + 30
    while Session.objects.count() != 1 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert Session.objects.count() == 1
