"""Golden JSON of every statement type the learning flow records, and the flow recording them all.

Keys, the learner's pseudonym and the times are fixed, so each statement (deterministic id included) is
exactly the stored golden file. Regenerate after a deliberate change with ``UPDATE_GOLDEN=1`` and review the diff.
"""

import datetime
import json
import os
import uuid
from pathlib import Path

import pytest
from django.http import QueryDict
from wagtail.models import Page

from courses import services
from courses.models import Certificate, Enrolment, ItemProgress, LessonPage, QuizAttempt, QuizPage
from courses.quiz import Option, Question
from courses.services import statements
from lms.xapi import api, vocabulary
from lms.xapi.models import LearnerIdentity, Statement

from .conftest import correct_answers, wrong_answers

GOLDEN = Path(__file__).parent / "golden"
WHEN = datetime.datetime(2026, 6, 16, 12, 0, tzinfo=datetime.UTC)
KEYS = {
    "course": uuid.UUID("00000000-0000-4000-8000-00000000c0c0"),
    "lesson": uuid.UUID("00000000-0000-4000-8000-000000001e55"),
    "quiz": uuid.UUID("00000000-0000-4000-8000-0000000000a1"),
}


def assert_golden(name, statement):
    data = {key: value for key, value in statement.data.items() if key != "stored"}
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    assert data == json.loads(path.read_text())


@pytest.fixture
def fixed(course, learner, lessons, quiz):
    """The course, a lesson and the quiz with fixed translation keys, and an enrolment with fixed times."""
    for kind, page in (("course", course), ("lesson", lessons[0]), ("quiz", quiz)):
        Page.objects.filter(pk=page.pk).update(translation_key=KEYS[kind])
    LearnerIdentity.objects.create(user=learner, pseudonym=uuid.UUID("00000000-0000-4000-8000-0000000ea4e1"))
    course = type(course).objects.get(pk=course.pk)
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    quiz = QuizPage.objects.get(pk=quiz.pk)
    enrolment = Enrolment.objects.create(
        user=learner,
        course=course,
        course_key=course.translation_key,
        course_title=course.title,
        language="fr",
        registration=uuid.UUID("00000000-0000-4000-8000-0000000e2011"),
        enrolled_at=WHEN,
    )
    return course, lesson, quiz, enrolment


def last_statement():
    return Statement.objects.order_by("-pk").first()


def test_registered(fixed):
    course, _lesson, _quiz, enrolment = fixed
    statements.registered(enrolment, course)
    assert_golden("registered", last_statement())


def test_lesson_experienced_and_completed(fixed):
    _course, lesson, _quiz, enrolment = fixed
    progress = ItemProgress.objects.create(
        enrolment=enrolment, item_key=lesson.translation_key, item=lesson, item_type="lesson", started_at=WHEN
    )
    statements.item_opened(enrolment, lesson, progress)
    assert_golden("lesson_experienced", last_statement())
    progress.completed_at = WHEN + datetime.timedelta(minutes=12)
    statements.lesson_completed(enrolment, lesson, progress)
    assert_golden("lesson_completed", last_statement())


def test_quiz_launched(fixed):
    _course, _lesson, quiz, enrolment = fixed
    progress = ItemProgress(enrolment=enrolment, item_key=quiz.translation_key, item_type="quiz", started_at=WHEN)
    statements.item_opened(enrolment, quiz, progress)
    assert_golden("quiz_launched", last_statement())


def test_question_answered_and_quiz_failed_then_passed(fixed):
    _course, _lesson, quiz, enrolment = fixed
    question = Question("5f0c", "multiple", "Which formats are machine-readable?")
    question.options = [Option("a", "CSV", True), Option("b", "PDF", False)]
    for number, passed in ((1, False), (2, True)):
        attempt = QuizAttempt(
            enrolment=enrolment,
            quiz_key=quiz.translation_key,
            number=number,
            language="en",
            submitted_at=WHEN,
            question_count=4,
            correct_count=4 if passed else 1,
            score=1 if passed else 0.25,
            pass_mark=60,
            passed=passed,
        )
        answer = type("Answer", (), {"correct": passed, "response": ["a"] if passed else ["a", "b"]})()
        statements.question_answered(enrolment, quiz, attempt, question, answer)
        assert_golden(f"question_answered_{number}", last_statement())
        statements.quiz_scored(enrolment, quiz, attempt)
        assert_golden("quiz_passed" if passed else "quiz_failed", last_statement())


def test_course_completed_and_certificate_earned(fixed):
    course, _lesson, _quiz, enrolment = fixed
    enrolment.completed_at = WHEN
    statements.course_completed(enrolment, course)
    assert_golden("course_completed", last_statement())
    certificate = Certificate(
        enrolment=enrolment,
        code="K7QM-2XWD-9HTA",
        course_key=course.translation_key,
        learner_name="Amina Diallo",
        course_title=course.title,
        language="en",
        issued_at=WHEN,
    )
    statements.certificate_earned(enrolment, course, certificate)
    assert_golden("certificate_earned", last_statement())


def as_form(data):
    form = QueryDict(mutable=True)
    for name, values in data.items():
        form.setlist(name, values)
    return form


def test_the_learning_flow_records_every_event_with_language_independent_ids(learner, course, course_fr, quiz):
    enrolment, _created = services.enrol(learner, course_fr)
    state = services.course_state(learner, course)
    for item in state.outline.items:
        page = item.page
        if isinstance(page, QuizPage):
            services.open_item(enrolment, page)
            services.submit_quiz(enrolment, page, as_form(wrong_answers(page)), language="en")
            services.submit_quiz(enrolment, page, as_form(correct_answers(page)), language="en")
        elif page.required:
            french = LessonPage.objects.get(translation_key=page.translation_key, locale__language_code="fr")
            services.open_item(enrolment, french)
            services.complete_item(enrolment, french)
    verbs = list(api.statements_for(learner).order_by("pk").values_list("verb_id", flat=True))
    expected = [vocabulary.REGISTERED, vocabulary.EXPERIENCED, vocabulary.COMPLETED, vocabulary.EXPERIENCED]
    expected += [vocabulary.COMPLETED, vocabulary.LAUNCHED] + [vocabulary.ANSWERED] * 3 + [vocabulary.FAILED]
    expected += [vocabulary.ANSWERED] * 3 + [vocabulary.PASSED, vocabulary.COMPLETED, vocabulary.EARNED]
    assert verbs == [verb.id for verb in expected]
    course_iri = api.activity_iri("course", course.translation_key)
    registered = Statement.objects.get(verb_id=vocabulary.REGISTERED.id)
    assert registered.data["object"]["id"] == course_iri and registered.data["context"]["language"] == "fr"
    completed = Statement.objects.filter(verb_id=vocabulary.COMPLETED.id, activity_id=course_iri).get()
    assert completed.data["context"]["language"] == "en"
    assert {s.registration for s in Statement.objects.all()} == {enrolment.registration}
    assert Certificate.objects.filter(enrolment=enrolment).exists()
