"""The xAPI statements of learning events, recorded through ``lms.xapi.api`` in the caller's transaction."""


def registered(enrolment, course):
    """A learner enrolled in a course."""


def item_opened(enrolment, page, progress):
    """A learner opened a lesson (experienced) or a quiz (launched) for the first time."""


def lesson_completed(enrolment, page, progress):
    """A learner completed a lesson."""


def question_answered(enrolment, quiz, attempt, question, answer):
    """A learner answered one question of a quiz attempt."""


def quiz_scored(enrolment, quiz, attempt):
    """A learner passed or failed a quiz attempt."""


def course_completed(enrolment, course):
    """A learner completed a course."""


def certificate_earned(enrolment, course, certificate):
    """A learner earned a course's certificate."""
