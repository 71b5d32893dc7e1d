"""A course tree per test: catalogue > course > module > two lessons and a quiz, in English and French."""

import pytest

from courses.factories import (
    CatalogPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
    TopicFactory,
)
from hubs.factories import CentrePageFactory, HubIndexPageFactory, HubPageFactory
from lms.accounts.factories import UserFactory
from lms.core.factories import ParliamentFactory


def correct_answers(quiz):
    """A submitted form with every right answer, as a browser would post it."""
    data = {}
    for question in quiz.question_list():
        data[question.field_name] = sorted(question.correct_ids)
    return data


def wrong_answers(quiz):
    data = {}
    for question in quiz.question_list():
        wrong = [option.id for option in question.options if not option.correct]
        data[question.field_name] = wrong[:1]
    return data


@pytest.fixture
def topic(locales):
    return TopicFactory(name="ICT governance", slug="ict-governance", locale=locales["en"])


@pytest.fixture
def catalog(home):
    return CatalogPageFactory(parent=home, title="Courses", slug="courses")


@pytest.fixture
def hub(home):
    """The ICT Governance hub, hosted by the European Parliament: Home > Centre > Hubs > Hub."""
    centre = CentrePageFactory(parent=home)
    index = HubIndexPageFactory(parent=centre)
    host = ParliamentFactory(name="European Parliament", slug="european-parliament", country="")
    return HubPageFactory(parent=index, title="ICT Governance hub", slug="ict-governance-hub", host=host)


@pytest.fixture
def course(catalog, hub, topic):
    course = CoursePageFactory(parent=hub, title="ICT governance in parliament", slug="ict-governance", topic=topic)
    module = ModulePageFactory(parent=course, title="Foundations", slug="foundations")
    LessonPageFactory(parent=module, title="Why governance", slug="why-governance")
    LessonPageFactory(parent=module, title="Who decides", slug="who-decides")
    LessonPageFactory(parent=course, title="Further reading", slug="further-reading", required=False)
    QuizPageFactory(parent=course, title="Check your knowledge", slug="quiz")
    return course


@pytest.fixture
def lessons(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.descendant_of(course).order_by("path"))


@pytest.fixture
def quiz(course):
    from courses.models import QuizPage

    return QuizPage.objects.descendant_of(course).get()


def translate_tree(page, locale, suffix="(FR)"):
    """Translate ``page`` and its descendants into ``locale`` (as wagtail-localize would), publishing each."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = f"{page.title} {suffix}"
    translated.save_revision().publish()
    for child in page.get_children().specific():
        translate_tree(child, locale, suffix)
    return translated.specific


@pytest.fixture
def course_fr(course, home_fr, locales):
    return translate_tree(course, locales["fr"])


@pytest.fixture
def learner(db):
    return UserFactory(full_name="Amina Diallo")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
