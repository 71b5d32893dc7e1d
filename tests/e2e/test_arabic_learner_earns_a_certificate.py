"""A learner who reads only Arabic finds a demo course in the Arabic catalogue, studies it in Arabic, passes the
quiz and opens the certificate, all right to left."""

import io
import re

import pytest
from django.core.management import call_command

from courses.models import Certificate, CoursePage, LessonPage, QuizPage
from lms.accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())


def test_arabic_learner_goes_from_the_catalogue_to_a_certificate(live_server, browser_page, demo):
    learner = UserFactory(email="fatima@example.org", full_name="فاطمة الزهراء")
    course = CoursePage.objects.get(slug="open-parliamentary-data", locale__language_code="ar")
    page = browser_page

    page.goto(f"{live_server.url}/ar/account/login/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill('input[name="login"]', learner.email)
    page.fill('input[name="password"]', DEFAULT_PASSWORD)
    page.locator('main form button[type="submit"]').click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/ar/")
    page.locator("nav.main-menu").get_by_role("link", name="الدورات").click()
    page.wait_for_url(re.compile(r"/ar/courses/$"))
    page.get_by_role("link", name="البيانات البرلمانية المفتوحة").first.click()
    page.wait_for_url(re.compile(re.escape(course.url) + "$"))
    assert page.get_by_role("heading", level=1).inner_text() == "البيانات البرلمانية المفتوحة"
    page.locator('form[action$="/enrol/"] button').click()
    page.wait_for_load_state()

    for lesson in LessonPage.objects.live().child_of(course):
        page.goto(f"{live_server.url}{lesson.url}")
        assert page.get_by_role("heading", level=1).inner_text() == lesson.title
        page.locator("form[data-lesson-complete] button").click()
        page.wait_for_load_state()

    quiz = QuizPage.objects.live().child_of(course).get()
    page.goto(f"{live_server.url}{quiz.url}")
    assert "أيّ الصيغ قابلة للقراءة الآلية؟" in page.inner_text("main")
    for question in quiz.question_list():
        options = [option for option in question.options if option.correct]
        for option in options if question.kind == "multiple" else options[:1]:
            page.locator(f'input[name="{question.field_name}"][value="{option.id}"]').check()
    page.locator("form.quiz button[type=submit]").click()
    page.locator(".result--pass").wait_for()

    certificate = Certificate.objects.get(enrolment__user=learner)
    assert certificate.language == "ar" and certificate.course_title == course.title
    page.goto(f"{live_server.url}/ar/certificates/{certificate.code}/")
    text = page.inner_text("main")
    assert "هذه الشهادة صالحة." in text and "فاطمة الزهراء" in text and course.title in text
    assert page.locator("html").get_attribute("lang") == "ar"
