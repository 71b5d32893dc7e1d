"""Course models: pages (catalogue, course, and the modules, lessons and quizzes under it), learner records, topics.

Page tree: a hub's courses sit under its HubPage; lessons and quizzes sit under a course, optionally grouped in
modules. Access, progress and scoring go through ``courses.services``.
"""

from .catalogue import CatalogPage
from .certificate_settings import CertificateSettings
from .course import CompletionRule, CoursePage, Level
from .h5p import H5PActivity, H5PState
from .items import CourseItemPage, LessonPage, ModulePage, QuizPage
from .outline import Outline, OutlineItem
from .packages import ContentPackage, PackageItem, PackageLessonPage
from .records import Certificate, Enrolment, Invitation, ItemProgress, QuestionAnswer, QuizAttempt
from .scorm import ScormAttempt, ScormCommit
from .topics import Topic

__all__ = [
    "CatalogPage",
    "Certificate",
    "CertificateSettings",
    "CompletionRule",
    "ContentPackage",
    "CourseItemPage",
    "CoursePage",
    "Enrolment",
    "H5PActivity",
    "H5PState",
    "Invitation",
    "ItemProgress",
    "LessonPage",
    "Level",
    "ModulePage",
    "Outline",
    "OutlineItem",
    "PackageItem",
    "PackageLessonPage",
    "QuestionAnswer",
    "QuizAttempt",
    "QuizPage",
    "ScormAttempt",
    "ScormCommit",
    "Topic",
]
