"""Quiz attempts: scored on the server from the submitted answer ids, stored with every answer."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Enrolment, QuestionAnswer, QuizAttempt
from . import statements


class QuizError(Exception):
    """A submission that cannot be scored; ``unanswered`` maps question ids to a message."""

    def __init__(self, message, unanswered=None):
        super().__init__(message)
        self.unanswered = unanswered or {}


def attempts_for(enrolment, quiz):
    """The learner's attempts at a quiz (in any of its languages), oldest first."""
    if enrolment is None:
        return QuizAttempt.objects.none()
    return QuizAttempt.objects.filter(enrolment=enrolment, quiz_key=quiz.translation_key).order_by("number")


def shuffle_seed(enrolment, quiz, number):
    """The same order for the same attempt, so a reload or a failed submit does not reshuffle."""
    return f"{enrolment.pk if enrolment else 0}:{quiz.translation_key}:{number}"


def _values(data, name):
    getlist = getattr(data, "getlist", None)
    if getlist:
        return getlist(name)
    value = data.get(name, [])
    return value if isinstance(value, list | tuple) else [value]


def submit_quiz(enrolment, quiz, data, *, language):
    """Score a submitted quiz form (``data``: answer ids by ``q-<question id>``) and store the attempt.

    Raises ``QuizError`` when no attempt is left or a question is unanswered. Passing completes the quiz.
    """
    from .progress import complete_item

    with transaction.atomic():
        Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
        previous = attempts_for(enrolment, quiz).count()
        if quiz.max_attempts and previous >= quiz.max_attempts:
            raise QuizError(_("You have used all your attempts at this quiz."))
        number = previous + 1
        questions = quiz.question_list(seed=shuffle_seed(enrolment, quiz, number))
        if not questions:
            raise QuizError(_("This quiz has no questions yet."))
        responses = {question.id: question.clean_response(_values(data, question.field_name)) for question in questions}
        unanswered = {q.id: _("Answer this question.") for q in questions if not responses[q.id]}
        if unanswered:
            raise QuizError(_("Answer every question before submitting."), unanswered)
        correct = sum(1 for question in questions if question.is_correct(responses[question.id]))
        score = (Decimal(correct) / Decimal(len(questions))).quantize(Decimal("0.0001"))
        attempt = QuizAttempt.objects.create(
            enrolment=enrolment,
            quiz_key=quiz.translation_key,
            quiz=quiz,
            quiz_title=quiz.title,
            number=number,
            language=language,
            question_count=len(questions),
            correct_count=correct,
            score=score,
            pass_mark=quiz.pass_mark,
            passed=score * 100 >= quiz.pass_mark,
        )
        answers = QuestionAnswer.objects.bulk_create(
            QuestionAnswer(
                attempt=attempt,
                position=position,
                question_id=question.id,
                question_type=question.kind,
                question_text=question.text[:500],
                response=responses[question.id],
                response_text="\n".join(question.option_texts(responses[question.id])),
                correct=question.is_correct(responses[question.id]),
            )
            for position, question in enumerate(questions, start=1)
        )
        for question, answer in zip(questions, answers, strict=True):
            statements.question_answered(enrolment, quiz, attempt, question, answer)
        statements.quiz_scored(enrolment, quiz, attempt)
        if attempt.passed:
            complete_item(enrolment, quiz, by="quiz")
    return attempt


@dataclass
class ReviewedAnswer:
    answer: QuestionAnswer
    correctness_shown: bool  # whether the learner may see if this answer was right, and its feedback
    feedback: list[str]
    explanation: str
    correct_texts: list[str]


def review_attempt(attempt, quiz):
    """Each answer of an attempt with the feedback of the chosen answers, in the quiz's current language.

    Correct answers and explanations are shown only once the quiz is passed or no attempt is left, so a retry
    stays a test; before that, whether each answer was right (and its feedback, which tells as much) is shown
    only when the quiz's ``show_correctness`` says so.
    """
    questions = {question.id: question for question in quiz.question_list()}
    attempts = attempts_for(attempt.enrolment, quiz)
    reveal = bool(attempt.passed or (quiz.max_attempts and attempts.count() >= quiz.max_attempts))
    correctness_shown = reveal or quiz.show_correctness
    reviewed = []
    for answer in attempt.answers.all():
        question = questions.get(answer.question_id)
        chosen = set(answer.response)
        feedback = (
            [o.feedback for o in question.options if o.id in chosen and o.feedback]
            if question and correctness_shown
            else []
        )
        correct_texts = [o.text for o in question.options if o.correct] if question and reveal else []
        explanation = question.explanation if question and reveal else ""
        reviewed.append(ReviewedAnswer(answer, correctness_shown, feedback, explanation, correct_texts))
    return reviewed
