"""The demo site in its four languages: the same menu and catalogue everywhere, and a learner who earns a
certificate in Spanish or Arabic. That a second load changes nothing is in test_load_demo.py."""

import re

import pytest
from django.utils.html import escape
from wagtail.models import Page

from courses.models import Certificate, CoursePage, Enrolment, LessonPage, QuizPage
from lms.accounts.factories import UserFactory
from lms.core.models import HomePage
from tests.courses.conftest import correct_answers

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "es", "ar")


@pytest.fixture
def demo(demo_site, db):
    """The module's demo site (what a test writes is rolled back)."""


def menu_links(html):
    """(href, label) of each link of the main menu."""
    menu = re.search(r'<nav class="main-menu".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', menu)


def test_every_language_has_the_same_menu_and_catalogue(demo, client):
    by_url = {page.url: page for page in Page.objects.live().specific()}
    sections = {}
    for code in LANGUAGES:
        pages = []
        for href, label in menu_links(client.get(f"/{code}/").content.decode()):
            assert client.get(href).status_code == 200, href
            page = by_url[href]
            assert page.locale.language_code == code and href.startswith(f"/{code}/")
            if not isinstance(page, HomePage):
                assert label == escape(page.title)
            pages.append(page)
        sections[code] = [page.translation_key for page in pages]
        titles = [page.title for page in pages[1:]]
        if code != "en":
            assert not set(titles) & {"About the Centre", "Courses", "World e-Parliament Conference 2021"}, code
    assert len(sections["en"]) == 4  # Home, About the Centre, Courses, the conference
    assert sections["fr"] == sections["es"] == sections["ar"] == sections["en"]

    for code, catalogue_url in (("es", "/es/courses/"), ("ar", "/ar/courses/")):
        response = client.get(catalogue_url)
        assert response.status_code == 200
        html = response.content.decode()
        courses = CoursePage.objects.live().filter(locale__language_code=code)
        assert courses.count() == 3
        for course in courses:
            assert escape(course.title) in html, (code, course.title)
            assert course.title != course.get_translation(course.locale.get_default()).title


@pytest.mark.parametrize(
    ("code", "valid"), [("es", "Este certificado es válido."), ("ar", "هذه الشهادة صالحة.")], ids=["es", "ar"]
)
def test_a_learner_enrols_learns_and_gets_a_certificate_in_spanish_or_arabic(demo, client, code, valid):
    learner = UserFactory(full_name="Lucía Fernández" if code == "es" else "فاطمة الزهراء")
    client.force_login(learner)
    course = CoursePage.objects.get(slug="open-parliamentary-data", locale__language_code=code)
    assert client.post(course.url + "enrol/").status_code == 302
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.language == code

    for lesson in LessonPage.objects.live().child_of(course):
        html = client.get(lesson.url).content.decode()
        assert escape(lesson.title) in html and f'lang="{code}"' in html
        assert client.post(lesson.url + "complete/").status_code == 302
    quiz = QuizPage.objects.live().child_of(course).get()
    assert escape(quiz.question_list()[0].text) in client.get(quiz.url).content.decode()
    client.post(quiz.url, correct_answers(quiz))

    enrolment.refresh_from_db()
    assert enrolment.status == "completed"
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.course_title == course.title and certificate.language == code
    html = client.get(f"/{code}/certificates/{certificate.code}/").content.decode()
    assert valid in html and escape(course.title) in html
    pdf = client.get(f"/{code}/certificates/{certificate.code}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
