from .pages import CatalogPage, CoursePage, LessonPage, ModulePage, QuizPage
from .records import Certificate, Enrolment, Invitation, ItemProgress, QuestionAnswer, QuizAttempt
from .topics import Topic

__all__ = [
    "CatalogPage",
    "Certificate",
    "CoursePage",
    "Enrolment",
    "Invitation",
    "ItemProgress",
    "LessonPage",
    "ModulePage",
    "QuestionAnswer",
    "QuizAttempt",
    "QuizPage",
    "Topic",
]
