"""The admin home panel: this month's enrolments and completions, for a host's hub or the whole platform."""

import re
from datetime import timedelta

import pytest

from courses.models import Enrolment
from courses.reports.dashboard import month_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_month(records, course_a, course_b):
    """Course A this month: Ana enrolled and completed, Carla enrolled; Bruno and Diego (who completed) before.

    Course B: Ana enrolled this month.
    """
    start = month_start()
    dates = {
        ("ana", course_a): (start + timedelta(hours=1), start + timedelta(hours=2)),
        ("bruno", course_a): (start - timedelta(days=3), None),
        ("carla", course_a): (start + timedelta(hours=3), None),
        ("diego", course_a): (start - timedelta(days=10), start - timedelta(days=1)),
        ("ana", course_b): (start + timedelta(hours=4), None),
    }
    for (name, course), (enrolled, completed) in dates.items():
        Enrolment.objects.filter(user=records[name], course_key=course.translation_key).update(
            enrolled_at=enrolled, completed_at=completed
        )


def panel_figures(response):
    content = response.content.decode()
    assert "learning-this-month-heading" in content
    enrolled = re.search(r'data-stat="enrolled">(\d+)<', content).group(1)
    completed = re.search(r'data-stat="completed">(\d+)<', content).group(1)
    return int(enrolled), int(completed)


def test_a_host_sees_their_courses_this_month(client, host_a, this_month):
    client.force_login(host_a)
    response = client.get("/admin/")
    assert panel_figures(response) == (2, 1)
    assert "Open parliamentary data" in response.content.decode()
    assert "Digital strategy" not in response.content.decode()


def test_an_administrator_sees_the_whole_platform(client, administrator, this_month):
    client.force_login(administrator)
    assert panel_figures(client.get("/admin/")) == (3, 1)
