"""Demo content of the courses app: the catalogue and three courses of the ICT Governance hub, in English and French.

Question and answer ids are derived from the course and position, so both languages share them (as a
translation made in the admin does) and a second run keeps them.
"""

import io
import uuid
import zipfile
from pathlib import Path

from wagtail.models import Locale
from wagtail.rich_text import RichText

from hubs.models import HubPage
from lms.core.demo.builders import upsert_child, upsert_translation
from lms.core.models import HomePage

from ..models import CatalogPage, CoursePage, LessonPage, PackageLessonPage, QuizPage, Topic
from ..packages.importing import read_upload, store_package
from .content import CATALOG, COURSES, TOPICS

DEMO_NAMESPACE = uuid.UUID("6b1d3c9e-4f0e-4b8a-9a53-2f1c8d7e0c11")
HUB_SLUG = "ict-governance"


def _id(*parts):
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(part) for part in parts)))


def _topics():
    """{slug: {language: Topic}}, the French topic a translation of the English one."""
    english, french = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="fr")
    topics = {}
    for slug, names in TOPICS.items():
        en, _created = Topic.objects.update_or_create(locale=english, slug=slug, defaults={"name": names["en"]})
        fr = Topic.objects.filter(translation_key=en.translation_key, locale=french).first() or en.copy_for_translation(
            french
        )
        fr.name, fr.slug = names["fr"], slug
        fr.save()
        topics[slug] = {"en": en, "fr": fr}
    return topics


def _rich(block_type, value):
    if block_type == "paragraph":
        return RichText(value)
    if block_type == "callout":
        return {**value, "text": RichText(value["text"])}
    return value


def _body(blocks):
    return [(block_type, _rich(block_type, value)) for block_type, value in blocks]


def _questions(course_slug, questions, language):
    stream = []
    for number, (kind, text, answers) in enumerate(questions):
        qid = _id(course_slug, "question", number)
        if kind == "true_false":
            value = {
                "question": text[language],
                "explanation": "",
                "correct_answer": answers,
                "feedback_true": "",
                "feedback_false": "",
            }
        else:
            choices = [
                {
                    "type": "item",
                    "id": _id(course_slug, "question", number, "answer", index),
                    "value": {"text": label[language], "correct": correct, "feedback": feedback[language]},
                }
                for index, (label, correct, feedback) in enumerate(answers)
            ]
            value = {"question": text[language], "explanation": "", "choices": choices}
        stream.append({"type": kind, "id": qid, "value": value})
    return stream


def _course_fields(spec, language, topics):
    text = dict(spec["text"][language])
    text["objectives"] = [("objective", objective) for objective in text["objectives"]]
    return {
        **text,
        "topic": topics[spec["topic"]][language],
        "level": spec["level"],
        "duration_minutes": spec["minutes"],
        "issues_certificate": True,
    }


def _course(hub, slug, spec, topics):
    course = upsert_child(hub, CoursePage, slug, **_course_fields(spec, "en", topics))
    upsert_translation(course, "fr", **_course_fields(spec, "fr", topics))
    for lesson_slug, minutes, required, preview, texts in spec["lessons"]:
        shared = {"estimated_minutes": minutes, "required": required, "is_preview": preview}
        english = {**texts["en"], "body": _body(texts["en"]["body"])}
        lesson = upsert_child(course, LessonPage, lesson_slug, **shared, **english)
        upsert_translation(lesson, "fr", **shared, **{**texts["fr"], "body": _body(texts["fr"]["body"])})
    quiz_spec = spec["quiz"]
    shared = {"pass_mark": 75 if len(quiz_spec["questions"]) == 4 else 60, "max_attempts": 3, "estimated_minutes": 10}
    quiz = upsert_child(
        course,
        QuizPage,
        quiz_spec["slug"],
        **shared,
        **quiz_spec["text"]["en"],
        questions=_questions(slug, quiz_spec["questions"], "en"),
    )
    upsert_translation(
        quiz, "fr", **shared, **quiz_spec["text"]["fr"], questions=_questions(slug, quiz_spec["questions"], "fr")
    )
    return course


PACKAGE_DIR = Path(__file__).parent / "package"
PACKAGE_LESSON = {
    "en": {
        "title": "Budget oversight quiz (cmi5)",
        "introduction": "A short quiz packaged as cmi5, as an authoring tool would export it.",
    },
    "fr": {
        "title": "Quiz sur le contrôle budgétaire (cmi5)",
        "introduction": "Un court quiz en paquet cmi5, comme un outil auteur l’exporterait.",
    },
}


def _package_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(PACKAGE_DIR.iterdir()):
            archive.write(path, path.name)
    buffer.seek(0)
    buffer.name = "budget-oversight-quiz.zip"
    return buffer


def _package_lesson(course):
    """The demo's own cmi5 AU (``package/``: plain HTML and JavaScript) as a package lesson, in English and French."""
    shared = {"estimated_minutes": 5, "required": False}
    lesson = upsert_child(course, PackageLessonPage, "budget-oversight-quiz", **shared, **PACKAGE_LESSON["en"])
    if lesson.package_id is None:
        lesson.package = store_package(read_upload(_package_zip()), lesson_key=lesson.translation_key)
        lesson.save_revision().publish()
    upsert_translation(lesson, "fr", **shared, **PACKAGE_LESSON["fr"], package=lesson.package)


def load(stdout):
    """The catalogue (en, fr) and three courses with their lessons and quizzes under the ICT Governance hub."""
    home = HomePage.objects.get(locale=Locale.get_default(), depth=2)
    catalog = upsert_child(home, CatalogPage, "courses", show_in_menus=True, **CATALOG["en"])
    upsert_translation(catalog, "fr", show_in_menus=True, **CATALOG["fr"])
    hub = HubPage.objects.filter(slug=HUB_SLUG, locale=Locale.get_default()).first()
    if hub is None:
        stdout.write("courses: the catalogue only (no ICT Governance hub to offer the courses)")
        return
    topics = _topics()
    courses = [_course(hub, slug, spec, topics) for slug, spec in COURSES.items()]
    _package_lesson(courses[0])
    stdout.write(f"courses: the catalogue and {len(COURSES)} courses of the ICT Governance hub (en, fr)")
