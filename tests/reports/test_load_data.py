"""The benchmark's load data at a tiny scale: it makes consistent records the reports read back."""

import pytest
from django.urls import reverse

from bench.load_data import LoadDataError, run
from courses.models import Enrolment, ItemProgress, QuizAttempt
from lms.xapi import api

pytestmark = pytest.mark.django_db


def test_tiny_load_data_and_the_reports_agree(home, administrator, client):
    run(scale=0.001, out=lambda line: None)
    enrolments = Enrolment.objects.filter(user__email__endswith="@load.example.org")
    assert enrolments.values("user").distinct().count() == 10
    assert enrolments.count() >= 10
    completed = enrolments.filter(status=Enrolment.Status.COMPLETED)
    assert all(e.progress == 100 and e.completed_at for e in completed)
    assert ItemProgress.objects.filter(enrolment__in=completed).count() == completed.count() * 4  # 3 lessons, a quiz
    assert QuizAttempt.objects.filter(enrolment__in=completed, passed=True).count() == completed.count()
    learner = enrolments.first().user
    registered = api.statements_for(learner).filter(verb_id__endswith="/registered").count()
    assert registered == enrolments.filter(user=learner).count()

    client.force_login(administrator)
    rows = client.get(reverse("course_reports:courses")).context["rows"]
    assert sum(stats.enrolled for _course, stats in rows) == enrolments.count()
    assert sum(stats.completed for _course, stats in rows) == completed.count()

    with pytest.raises(LoadDataError, match="--reset"):
        run(scale=0.001, out=lambda line: None)
    run(scale=0.001, reset=True, out=lambda line: None)
    assert Enrolment.objects.filter(user__email__endswith="@load.example.org").count() == enrolments.count()


def test_scale_must_be_sensible(db):
    with pytest.raises(LoadDataError, match="--scale"):
        run(scale=0, out=lambda line: None)
