"""A hub host creates a course with a lesson and a quiz in their hub and submits each for moderation; an
administrator approves them (which publishes), opens the course report and downloads its CSV."""

import csv
import io
import re
from pathlib import Path

import pytest

from courses.models import CoursePage, LessonPage, QuizPage
from lms.accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, base, email):
    page.goto(f"{base}/admin/login/")
    page.fill('input[name="username"]', email)
    page.fill('input[name="password"]', DEFAULT_PASSWORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(f"{base}/admin/")


def log_out(page, base):
    page.context.clear_cookies()


def insert_block(page, label):
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name=label).first.click()


def submit_for_moderation(page):
    # Wagtail's script fills the slug from the title when the title field loses focus; on a loaded machine a
    # quick submit beat it, and a page without a slug is refused (400).
    page.wait_for_function("() => document.getElementById('id_slug').value !== ''")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator('button[name="action-submit"]').click()
    page.get_by_text("submitted for moderation").first.wait_for()


def test_host_authors_and_administrator_publishes_and_reports(live_server, browser_page, hub_a, host_a):
    base, page = live_server.url, browser_page
    administrator = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)

    log_in(page, base, host_a.email)
    page.goto(f"{base}/admin/pages/add/courses/coursepage/{hub_a.pk}/")
    page.fill("#id_title", "Cybersecurity for parliaments")
    page.fill("#id_summary", "Protecting a parliament's systems and data.")
    submit_for_moderation(page)
    course = CoursePage.objects.get(title="Cybersecurity for parliaments")
    assert not course.live

    page.goto(f"{base}/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.fill("#id_title", "Threats")
    insert_block(page, "Heading")
    page.locator('input[name="body-0-value-text"]').fill("Who attacks parliaments")
    submit_for_moderation(page)

    page.goto(f"{base}/admin/pages/add/courses/quizpage/{course.pk}/")
    page.fill("#id_title", "Check your knowledge")
    insert_block(page, "True or false")
    page.locator('input[name="questions-0-value-question"]').fill("Phishing is the most common attack.")
    page.locator('input[name="questions-0-value-correct_answer"]').check()
    submit_for_moderation(page)

    lesson = LessonPage.objects.get(title="Threats")
    quiz = QuizPage.objects.get(title="Check your knowledge")
    assert not lesson.live and not quiz.live
    assert all(p.workflow_in_progress for p in (course, lesson, quiz))

    # The host cannot publish: there is no publish button in the editor.
    page.goto(f"{base}/admin/pages/{course.pk}/edit/")
    assert page.locator('button[name="action-publish"]').count() == 0

    log_out(page, base)
    log_in(page, base, administrator.email)
    assert page.get_by_text("Cybersecurity for parliaments").first.is_visible()  # awaiting review on the dashboard
    for target in (course, lesson, quiz):
        page.goto(f"{base}/admin/pages/{target.pk}/edit/")
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.get_by_role("button", name="Approve and Publish", exact=True).click()
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    for target in (course, lesson, quiz):
        target.refresh_from_db()
        assert target.live, target

    page.goto(f"{base}/admin/learning-reports/")
    row = page.locator(f'tr[data-course="{course.translation_key}"]')
    assert row.locator('[data-stat="enrolled"]').inner_text() == "0"
    row.get_by_role("link", name="Cybersecurity for parliaments").click()
    page.get_by_role("heading", name="Where learners stop").wait_for()
    assert page.locator("tr[data-item] th").all_inner_texts() == ["Threats", "Check your knowledge (quiz)"]

    page.goto(f"{base}/admin/learning-reports/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("courses-") and download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "Course"
    assert rows[1][:3] == ["Cybersecurity for parliaments", "ICT Governance hub", "0"]
