"""A learner signs up, enrols, reads lessons, switches to French midway, fails then passes the quiz,
gets the certificate and anyone verifies it on its public page."""

import re

import pytest
from django.core import mail

from courses.models import Certificate, Enrolment, LessonPage, QuizPage
from tests.courses.conftest import catalog, course, course_fr, hub, topic  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def choose(page, quiz, correct):
    for question in quiz.question_list():
        options = [option for option in question.options if option.correct == correct]
        for option in options if question.kind == "multiple" and correct else options[:1]:
            page.locator(f'input[name="{question.field_name}"][value="{option.id}"]').check()


def test_learner_goes_from_sign_up_to_a_verified_certificate(live_server, browser_page, chromium, course, course_fr):  # noqa: F811
    page = browser_page
    quiz_fr = QuizPage.objects.get(
        translation_key=QuizPage.objects.get(locale__language_code="en").translation_key, locale__language_code="fr"
    )
    page.goto(f"{live_server.url}{course.url}")
    page.get_by_role("link", name="create an account").click()
    page.fill('input[name="full_name"]', "Amina Diallo")
    page.fill('input[name="email"]', "amina@example.org")
    page.fill('input[name="password1"]', "a-long-and-safe-passphrase")
    page.fill('input[name="password2"]', "a-long-and-safe-passphrase")
    page.locator('main form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/account/confirm-email/"))
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    page.locator('main form button[type="submit"]').click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}{course.url}")
    page.get_by_role("button", name="Enrol in this course").click()
    page.get_by_text("You are enrolled").wait_for()
    page.get_by_role("link", name="Start the course").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Why governance"
    page.get_by_role("button", name="Mark as complete").click()
    page.wait_for_url(re.compile(r"/who-decides/$"))

    # Midway, switch to French: the same progress shows on the French pages.
    page.locator('nav.languages a[hreflang="fr"]').click()
    page.wait_for_url(re.compile(r"^.*/fr/.*who-decides/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Who decides (FR)"
    done = page.locator(".outline__item--done")
    assert done.count() == 1 and "Why governance (FR)" in done.first.inner_text()
    # Selectors rather than words from here on: the interface itself is in French.
    assert page.locator(".learning__side progress").get_attribute("value") == "33"
    page.locator("form[data-lesson-complete] button").click()
    page.wait_for_url(re.compile(r"/further-reading/$"))

    page.goto(f"{live_server.url}{quiz_fr.url}")
    choose(page, quiz_fr, correct=False)
    page.locator("form.quiz button[type=submit]").click()
    page.locator(".result--fail").wait_for()
    page.goto(f"{live_server.url}{quiz_fr.url}")
    choose(page, quiz_fr, correct=True)
    page.locator("form.quiz button[type=submit]").click()
    page.locator(".result--pass").wait_for()
    assert re.search(r"100\s?%", page.locator(".result--pass").inner_text())  # French writes "100 %"
    # The attempt that completes the course says so, with the certificate's page, PDF and Open Badge.
    celebration = page.locator(".celebration")
    assert "Félicitations" in celebration.get_by_role("heading").inner_text()
    with page.expect_download() as pdf:
        celebration.get_by_role("link", name="Télécharger le certificat (PDF)").click()
    assert pdf.value.suggested_filename.startswith("certificate-")
    with page.expect_download() as badge:
        celebration.get_by_role("link", name="Télécharger l’Open Badge").click()
    assert badge.value.suggested_filename.endswith(".jwt")

    enrolment = Enrolment.objects.get(user__email="amina@example.org")
    assert enrolment.status == "completed" and enrolment.language == "en"
    lesson_keys = set(
        LessonPage.objects.filter(locale__language_code="en", required=True).values_list("translation_key", flat=True)
    )
    assert lesson_keys <= set(
        enrolment.item_progress.filter(completed_at__isnull=False).values_list("item_key", flat=True)
    )

    page.goto(f"{live_server.url}{course.url}")
    page.locator(".course__action").get_by_role("link", name="Your certificate").click()
    code = Certificate.objects.get(enrolment=enrolment).code
    assert code in page.inner_text("main")

    visitor = chromium.new_context(locale="fr-FR").new_page()
    visitor.goto(f"{live_server.url}/fr/certificates/{code}/")
    text = visitor.inner_text("main")
    assert "Ce certificat est valide." in text and "Amina Diallo" in text and "ICT Governance hub" in text
    visitor.context.close()
