"""Factories for course pages and topics; pages are added under the parent they are given."""

import uuid

import factory
from wagtail.models import Locale

from lms.core.factories import PageFactory

from .models import CatalogPage, CoursePage, LessonPage, ModulePage, QuizPage, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


class CatalogPageFactory(PageFactory):
    title = "Courses"

    class Meta:
        model = CatalogPage


class CoursePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "What parliaments need to know."

    class Meta:
        model = CoursePage


class ModulePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")

    class Meta:
        model = ModulePage


class LessonPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Governance comes before tools.</p>")])

    class Meta:
        model = LessonPage


def choice(text, correct=False, feedback=""):
    """One answer of a choice question, with a fixed id so tests can submit it."""
    return {"type": "item", "id": str(uuid.uuid4()), "value": {"text": text, "correct": correct, "feedback": feedback}}


def single_choice(question, choices, explanation=""):
    return {
        "type": "single_choice",
        "id": str(uuid.uuid4()),
        "value": {"question": question, "explanation": explanation, "choices": choices},
    }


def multiple_choice(question, choices, explanation=""):
    return {**single_choice(question, choices, explanation), "type": "multiple_choice"}


def true_false(question, correct_answer, feedback_true="", feedback_false="", explanation=""):
    return {
        "type": "true_false",
        "id": str(uuid.uuid4()),
        "value": {
            "question": question,
            "explanation": explanation,
            "correct_answer": correct_answer,
            "feedback_true": feedback_true,
            "feedback_false": feedback_false,
        },
    }


def default_questions():
    return [
        single_choice(
            "Who hosts the ICT Governance hub?",
            [
                choice("The European Parliament", True, "Right: the European Parliament hosts it."),
                choice("The Parliament of Zambia", False, "Zambia supports the Centre but does not host this hub."),
            ],
        ),
        multiple_choice(
            "Which formats are machine-readable?",
            [
                choice("CSV", True),
                choice("JSON", True),
                choice("PDF", False, "A PDF is made for people, not programs."),
            ],
        ),
        true_false("Governance comes before tools.", True, feedback_false="Tools without governance drift."),
    ]


class QuizPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Quiz {n}")
    questions = factory.LazyFunction(default_questions)
    pass_mark = 60

    class Meta:
        model = QuizPage
