import pytest
from django.http import QueryDict

from courses import services
from courses.models import Certificate, Enrolment, ItemProgress, QuestionAnswer, QuizAttempt
from lms.xapi.models import Statement

from .conftest import correct_answers, wrong_answers


def as_form(data):
    form = QueryDict(mutable=True)
    for name, values in data.items():
        form.setlist(name, values)
    return form


def test_enrolment_is_keyed_on_the_course_across_languages(learner, course, course_fr):
    enrolment, created = services.enrol(learner, course_fr)
    assert created and enrolment.language == "fr" and enrolment.course_key == course.translation_key
    again, created_again = services.enrol(learner, course)
    assert again == enrolment and not created_again
    assert Enrolment.objects.count() == 1


def test_enrolment_window_is_enforced(learner, course):
    course.enrolment_open = False
    with pytest.raises(services.EnrolmentError, match="closed"):
        services.enrol(learner, course)
    assert not Enrolment.objects.exists()


def test_lessons_and_quiz_complete_the_course_by_the_required_rule(learner, course, lessons, quiz):
    enrolment, _created = services.enrol(learner, course)
    required = [lesson for lesson in lessons if lesson.required]
    for lesson in required:
        services.open_item(enrolment, lesson)
        services.complete_item(enrolment, lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert enrolment.progress == 67  # two of the three required items
    attempt = services.submit_quiz(enrolment, quiz, as_form(correct_answers(quiz)), language="en")
    assert attempt.passed and attempt.score == 1
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.progress == 100
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.learner_name == "Amina Diallo" and certificate.course_title == course.title


def test_quiz_is_scored_on_the_server_and_answers_are_stored(learner, course, quiz):
    enrolment, _created = services.enrol(learner, course)
    attempt = services.submit_quiz(enrolment, quiz, as_form(wrong_answers(quiz)), language="en")
    assert not attempt.passed and attempt.correct_count == 0 and attempt.number == 1
    assert QuestionAnswer.objects.filter(attempt=attempt).count() == 3
    assert not ItemProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).exists()
    forged = as_form({name: ["not-an-answer", *ids] for name, ids in correct_answers(quiz).items()})
    second = services.submit_quiz(enrolment, quiz, forged, language="en")
    assert second.passed and second.number == 2
    stored = second.answers.first()
    assert "not-an-answer" not in stored.response


def test_unanswered_questions_are_refused_without_using_an_attempt(learner, course, quiz):
    enrolment, _created = services.enrol(learner, course)
    data = correct_answers(quiz)
    data.pop(next(iter(data)))
    with pytest.raises(services.QuizError) as error:
        services.submit_quiz(enrolment, quiz, as_form(data), language="en")
    assert len(error.value.unanswered) == 1
    assert not QuizAttempt.objects.exists()


def test_attempts_are_limited(learner, course, quiz):
    quiz.max_attempts = 2
    quiz.save()
    enrolment, _created = services.enrol(learner, course)
    for _ in range(2):
        services.submit_quiz(enrolment, quiz, as_form(wrong_answers(quiz)), language="en")
    with pytest.raises(services.QuizError, match="all your attempts"):
        services.submit_quiz(enrolment, quiz, as_form(correct_answers(quiz)), language="en")
    assert QuizAttempt.objects.count() == 2


def test_progress_made_in_french_counts_in_english(learner, course, course_fr, lessons):
    from courses.models import LessonPage

    enrolment, _created = services.enrol(learner, course_fr)
    french_lesson = LessonPage.objects.get(translation_key=lessons[0].translation_key, locale__language_code="fr")
    services.complete_item(enrolment, french_lesson)
    state = services.course_state(learner, course)
    assert lessons[0].translation_key in state.completed_keys
    assert state.enrolment == enrolment
    assert state.next_item.translation_key == lessons[1].translation_key
    assert state.next_item.locale.language_code == "en"


def test_a_first_visit_the_state_missed_is_recorded_once(learner, course, lessons):
    """Two requests of the same learner, each with a state that says the lesson is new: one row, one statement."""
    enrolment, _created = services.enrol(learner, course)
    statements = Statement.objects.count()
    services.open_item(enrolment, lessons[0], started=False)
    services.open_item(enrolment, lessons[0], started=False)
    assert ItemProgress.objects.filter(enrolment=enrolment, item_key=lessons[0].translation_key).count() == 1
    assert Statement.objects.count() == statements + 1
