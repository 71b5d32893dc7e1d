"""Two hubs, A and B, each with a course (lessons and a quiz), a host, and learners with known records."""

import pytest

from courses.factories import CoursePageFactory, LessonPageFactory, QuizPageFactory
from hubs.factories import CentrePageFactory, HubIndexPageFactory, HubPageFactory
from hubs.roles import ensure_hub_roles
from lms.accounts.factories import UserFactory
from lms.core.factories import ParliamentFactory


@pytest.fixture
def hub_index(home):
    centre = CentrePageFactory(parent=home)
    return HubIndexPageFactory(parent=centre)


@pytest.fixture
def hub_a(hub_index):
    host = ParliamentFactory(name="European Parliament", slug="european-parliament", country="", region="europe")
    return HubPageFactory(parent=hub_index, title="ICT Governance hub", slug="ict-governance", host=host)


@pytest.fixture
def hub_b(hub_index):
    host = ParliamentFactory(name="National Assembly of Zambia", slug="zambia", country="ZM", region="africa")
    return HubPageFactory(parent=hub_index, title="Southern Africa hub", slug="southern-africa", host=host)


def build_course(hub, title, slug):
    course = CoursePageFactory(parent=hub, title=title, slug=slug)
    LessonPageFactory(parent=course, title=f"{title}: lesson 1", slug="lesson-1")
    LessonPageFactory(parent=course, title=f"{title}: lesson 2", slug="lesson-2")
    QuizPageFactory(parent=course, title=f"{title}: quiz", slug="quiz")
    return course


@pytest.fixture
def course_a(hub_a):
    return build_course(hub_a, "Open parliamentary data", "open-data")


@pytest.fixture
def course_b(hub_b):
    return build_course(hub_b, "Digital strategy", "digital-strategy")


def host_of(hub, email):
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(ensure_hub_roles(hub).hosts)
    return user


@pytest.fixture
def host_a(hub_a):
    return host_of(hub_a, "host-a@example.org")


@pytest.fixture
def host_b(hub_b):
    return host_of(hub_b, "host-b@example.org")


@pytest.fixture
def reviewer_a(hub_a):
    user = UserFactory(email="reviewer-a@example.org", is_staff=True)
    user.groups.add(ensure_hub_roles(hub_a).reviewers)
    return user


@pytest.fixture
def administrator(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def learner(db):
    return UserFactory(email="learner@example.org")
