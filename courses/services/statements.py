"""The xAPI statements of learning events, recorded through ``lms.xapi.api`` in the caller's transaction.

Activity ids come from translation keys, so they are the same in every language; the statement's context
says which language the learner used. Each enrolment's ``registration`` groups its statements.
"""

from lms.xapi import api, vocabulary


def _language(page):
    return page.locale.language_code


def course_activity(course):
    return api.Activity(
        api.activity_iri("course", course.translation_key), vocabulary.COURSE, {_language(course): course.title}
    )


def _item_activity(page):
    from ..models import QuizPage

    if isinstance(page, QuizPage):
        return api.Activity(
            api.activity_iri("quiz", page.translation_key), vocabulary.ASSESSMENT, {_language(page): page.title}
        )
    return api.Activity(
        api.activity_iri("lesson", page.translation_key), vocabulary.LESSON, {_language(page): page.title}
    )


def _parents(page):
    return [course_activity(page.course)] if page.course else []


def registered(enrolment, course):
    """A learner enrolled in a course."""
    api.record(
        enrolment.user,
        vocabulary.REGISTERED,
        course_activity(course),
        registration=enrolment.registration,
        language=enrolment.language,
        timestamp=enrolment.enrolled_at,
    )


def item_opened(enrolment, page, progress):
    """A learner opened a lesson (experienced) or a quiz (launched) for the first time."""
    verb = vocabulary.LAUNCHED if progress.item_type == "quiz" else vocabulary.EXPERIENCED
    api.record(
        enrolment.user,
        verb,
        _item_activity(page),
        registration=enrolment.registration,
        parents=_parents(page),
        language=_language(page),
        timestamp=progress.started_at,
    )


def lesson_completed(enrolment, page, progress):
    """A learner completed a lesson (themselves, or by watching its video to the end)."""
    api.record(
        enrolment.user,
        vocabulary.COMPLETED,
        _item_activity(page),
        result={"completion": True},
        registration=enrolment.registration,
        parents=_parents(page),
        language=_language(page),
        timestamp=progress.completed_at,
    )


def question_answered(enrolment, quiz, attempt, question, answer):
    """A learner answered one question of a quiz attempt: the chosen answer ids and whether they were right."""
    activity = api.Activity(
        api.activity_iri("question", f"{quiz.translation_key}/{question.id}"),
        vocabulary.QUESTION,
        {_language(quiz): question.text},
    )
    api.record(
        enrolment.user,
        vocabulary.ANSWERED,
        activity,
        result={"success": answer.correct, "response": "[,]".join(answer.response)},
        registration=enrolment.registration,
        parents=[_item_activity(quiz)],
        grouping=_parents(quiz),
        language=attempt.language,
        timestamp=attempt.submitted_at,
        event_key=f"attempt-{attempt.number}",
    )


def quiz_scored(enrolment, quiz, attempt):
    """A learner passed or failed a quiz attempt, with the scaled score."""
    api.record(
        enrolment.user,
        vocabulary.PASSED if attempt.passed else vocabulary.FAILED,
        _item_activity(quiz),
        result={
            "score": {
                "scaled": float(attempt.score),
                "raw": attempt.correct_count,
                "min": 0,
                "max": attempt.question_count,
            },
            "success": attempt.passed,
            "completion": True,
        },
        registration=enrolment.registration,
        parents=_parents(quiz),
        language=attempt.language,
        timestamp=attempt.submitted_at,
        event_key=f"attempt-{attempt.number}",
    )


def course_completed(enrolment, course):
    """A learner completed a course by its completion rule."""
    api.record(
        enrolment.user,
        vocabulary.COMPLETED,
        course_activity(course),
        result={"completion": True},
        registration=enrolment.registration,
        language=_language(course),
        timestamp=enrolment.completed_at,
    )


def certificate_earned(enrolment, course, certificate):
    """A learner earned a course's certificate."""
    activity = api.Activity(
        api.activity_iri("certificate", certificate.code),
        vocabulary.CERTIFICATE,
        {certificate.language: certificate.course_title},
    )
    api.record(
        enrolment.user,
        vocabulary.EARNED,
        activity,
        registration=enrolment.registration,
        parents=[course_activity(course)],
        language=certificate.language,
        timestamp=certificate.issued_at,
    )
