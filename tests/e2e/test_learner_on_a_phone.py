"""On a 375 px phone, in Arabic and in English: "My learning" is in the header and where logging in lands; the
header, menu and breadcrumb leave three quarters of the first screen to the page; the course and its progress
come before the lesson with the outline folded; the completing quiz celebrates; the certificate and its Open
Badge are downloaded from "My learning" and verified on the public page. The same pages pass at 1280 px."""

import re
from pathlib import Path

import pytest

from courses.models import LessonPage, QuizPage
from lms.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.courses.conftest import catalog, course, hub, topic, translate_tree  # noqa: F401 (fixtures)
from tests.fixtures.browser import SCREENSHOTS, TIMEOUT_MS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}
WORDS = {
    "en": {"my_learning": "My learning", "account": "Your account", "log_in": "Log in"},
    "ar": {"my_learning": "تعلُّمي", "account": "حسابك", "log_in": "تسجيل الدخول"},
}


@pytest.fixture
def course_ar(course, home, locales):  # noqa: F811
    home_ar = home.copy_for_translation(locales["ar"])
    home_ar.title = "الرئيسية"
    home_ar.save_revision().publish()
    return translate_tree(course, locales["ar"], "(AR)")


def log_in(page, base, language, user):
    page.goto(f"{base}/{language}/account/login/")
    page.fill('input[name="login"]', user.email)
    page.fill('input[name="password"]', DEFAULT_PASSWORD)
    page.locator('main form button[type="submit"]').click()
    page.wait_for_url(re.compile(rf"/{language}/my-learning/$"))


def pass_quiz(page, quiz):
    for question in quiz.question_list():
        options = [option for option in question.options if option.correct]
        for option in options if question.kind == "multiple" else options[:1]:
            page.locator(f'input[name="{question.field_name}"][value="{option.id}"]').check()
    page.locator("form.quiz button[type=submit]").click()
    page.locator(".result--pass").wait_for()


def header_height(page):
    """Where the page's own content starts: below the header, the main menu and the breadcrumb."""
    return page.evaluate(
        """() => {
            const crumbs = document.querySelector('.breadcrumbs');
            const header = document.querySelector('.site-header');
            return Math.max(header.getBoundingClientRect().bottom, crumbs ? crumbs.getBoundingClientRect().bottom : 0);
        }"""
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_learner_on_a_phone_finds_learns_completes_and_downloads_the_badge(
    live_server,
    chromium,
    language,
    course,  # noqa: F811
    course_ar,
):
    context = chromium.new_context(locale=language, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    words = WORDS[language]
    learner = UserFactory(full_name="أمينة ديالو" if language == "ar" else "Amina Diallo", preferred_language=language)
    lessons = list(LessonPage.objects.filter(locale__language_code=language).order_by("path"))
    quiz = QuizPage.objects.get(locale__language_code=language)
    target = course_ar if language == "ar" else course

    log_in(page, live_server.url, language, learner)
    menu = page.get_by_role("navigation", name=words["account"])
    assert menu.get_by_role("link", name=words["my_learning"]).is_visible()
    page.goto(f"{live_server.url}{target.url}")
    page.locator(".course__action form button").click()

    page.goto(f"{live_server.url}{lessons[0].url}")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    # The header, menu and breadcrumb take less than a quarter of the first screen.
    assert header_height(page) < PHONE["height"] / 4, header_height(page)
    # The course and its progress come before the lesson; the outline is folded and opens on a tap.
    side, heading = page.locator(".learning__side"), page.get_by_role("heading", level=1)
    assert side.bounding_box()["y"] < heading.bounding_box()["y"] < PHONE["height"]
    assert side.locator("progress").is_visible()
    outline = side.locator(".outline")
    assert not outline.is_visible()
    side.locator("summary").click()
    assert outline.is_visible() and outline.get_by_role("link").count() == len(lessons) + 1
    page.screenshot(path=SCREENSHOTS / f"phone-lesson-{language}.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    for lesson in lessons:
        page.goto(f"{live_server.url}{lesson.url}")
        complete = page.locator("form[data-lesson-complete] button")
        if complete.count():
            complete.click()
            page.wait_for_load_state()
    page.goto(f"{live_server.url}{quiz.url}")
    pass_quiz(page, quiz)
    celebration = page.locator(".celebration")
    assert celebration.is_visible()
    assert celebration.locator(".certificate-links a").count() == 3
    page.screenshot(path=SCREENSHOTS / f"phone-completed-{language}.png", full_page=True)

    page.locator(".celebration a").last.click()  # to "My learning"
    page.wait_for_url(re.compile(rf"/{language}/my-learning/$"))
    card = page.locator("#certificates ~ ul .card")
    assert card.count() == 1
    with page.expect_download() as badge:
        card.locator(".certificate-links a").nth(2).click()
    token = Path(badge.value.path()).read_text()
    assert token.count(".") == 2
    card.locator(".certificate-links a").first.click()
    page.wait_for_url(re.compile(rf"/{language}/certificates/[A-Z0-9-]+/$"))
    assert page.locator(".certificate__valid").is_visible()
    assert "did:web:" in page.locator("#open-badge ~ p").first.inner_text()

    # Anyone can check the downloaded badge on the public verification form.
    visitor = chromium.new_context(locale=language, viewport=DESKTOP).new_page()
    visitor.goto(f"{live_server.url}/{language}/certificates/open-badge/")
    visitor.fill("textarea[name=credential]", token)
    visitor.locator("main form button[type=submit]").click()
    assert visitor.locator(".certificate__valid").is_visible()
    visitor.screenshot(path=SCREENSHOTS / f"badge-verified-{language}.png")
    visitor.context.close()

    # The same lesson at 1280 px: the outline open beside the lesson, no disclosure to press.
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}{lessons[0].url}")
    assert page.locator(".learning__side .outline").is_visible()
    assert not page.locator(".learning__side summary").is_visible()
    side_box, main_box = page.locator(".learning__side").bounding_box(), page.locator(".learning__main").bounding_box()
    assert abs(side_box["y"] - main_box["y"]) < 40  # side by side
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    context.close()
