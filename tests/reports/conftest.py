"""Two hubs, A and B, each with a course (lessons and a quiz), a host, and learners with known records."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from courses.factories import CoursePageFactory, LessonPageFactory, QuizPageFactory
from courses.models import Enrolment, ItemProgress, QuestionAnswer, QuizAttempt, QuizPage
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


def enrol(user, course, *, enrolled_days_ago, last_active_days_ago=None, completed_days_ago=None, progress=0,
          language="en", last_item=None):  # fmt: skip
    now = timezone.now()
    return Enrolment.objects.create(
        user=user,
        course=course,
        course_key=course.translation_key,
        course_title=course.title,
        language=language,
        enrolled_at=now - timedelta(days=enrolled_days_ago),
        last_activity_at=now - timedelta(days=last_active_days_ago if last_active_days_ago is not None else 0),
        completed_at=now - timedelta(days=completed_days_ago) if completed_days_ago is not None else None,
        status=Enrolment.Status.COMPLETED if completed_days_ago is not None else Enrolment.Status.ACTIVE,
        progress=100 if completed_days_ago is not None else progress,
        last_item_key=last_item.translation_key if last_item else None,
    )


def complete(enrolment, *pages):
    for page in pages:
        ItemProgress.objects.create(
            enrolment=enrolment,
            item_key=page.translation_key,
            item=page,
            item_type="quiz" if isinstance(page, QuizPage) else "lesson",
            item_title=page.title,
            completed_at=timezone.now(),
        )


def attempt(enrolment, quiz, number, answers):
    """Store an attempt; ``answers`` is [(question block, chosen text, correct)]."""
    correct = sum(1 for _q, _t, ok in answers if ok)
    stored = QuizAttempt.objects.create(
        enrolment=enrolment,
        quiz_key=quiz.translation_key,
        quiz=quiz,
        quiz_title=quiz.title,
        number=number,
        language="en",
        question_count=len(answers),
        correct_count=correct,
        score=Decimal(correct) / Decimal(len(answers)),
        pass_mark=quiz.pass_mark,
        passed=100 * correct / len(answers) >= quiz.pass_mark,
    )
    for position, (question, text, ok) in enumerate(answers):
        QuestionAnswer.objects.create(
            attempt=stored,
            position=position,
            question_id=question.id,
            question_type={"single_choice": "single", "multiple_choice": "multiple"}.get(
                question.block_type, "true_false"
            ),
            question_text=str(question.value["question"]),
            response=[text],
            response_text=text,
            correct=ok,
        )
    return stored


@pytest.fixture
def parliaments(db):
    return {
        "portugal": ParliamentFactory(name="Assembly of the Republic", slug="portugal", country="PT", region="europe"),
        "chile": ParliamentFactory(name="Chamber of Deputies of Chile", slug="chile", country="CL", region="americas"),
    }


@pytest.fixture
def records(course_a, course_b, parliaments):
    """Known learning records.

    Course A: Ana (Portugal) enrolled 10 days ago and completed 4 days ago; Bruno (Portugal) did lesson 1 then
    stopped 40 days ago; Carla (Chile) enrolled yesterday in French and has not started; Diego (Chile)
    enrolled 5 days ago and completed 3 days ago. Quiz: Ana failed then passed, Diego passed.
    Course B: Ana is halfway.
    """
    from courses.models import LessonPage

    lesson_1, lesson_2 = LessonPage.objects.child_of(course_a).order_by("path")
    quiz = QuizPage.objects.child_of(course_a).get()
    q1, q2, q3 = list(quiz.questions)
    people = {
        name: UserFactory(email=f"{name}@example.org", full_name=name.title(), parliament=parliaments[where])
        for name, where in (("ana", "portugal"), ("bruno", "portugal"), ("carla", "chile"), ("diego", "chile"))
    }
    ana = enrol(people["ana"], course_a, enrolled_days_ago=10, last_active_days_ago=4, completed_days_ago=4)
    complete(ana, lesson_1, lesson_2, quiz)
    attempt(ana, quiz, 1, [(q1, "The Parliament of Zambia", False), (q2, "CSV, JSON", True), (q3, "False", False)])
    attempt(ana, quiz, 2, [(q1, "The European Parliament", True), (q2, "CSV, JSON", True), (q3, "True", True)])
    bruno = enrol(
        people["bruno"], course_a, enrolled_days_ago=60, last_active_days_ago=40, progress=33, last_item=lesson_1
    )
    complete(bruno, lesson_1)
    enrol(people["carla"], course_a, enrolled_days_ago=1, last_active_days_ago=1, language="fr")
    diego = enrol(people["diego"], course_a, enrolled_days_ago=5, last_active_days_ago=3, completed_days_ago=3)
    complete(diego, lesson_1, lesson_2, quiz)
    attempt(diego, quiz, 1, [(q1, "The European Parliament", True), (q2, "CSV", False), (q3, "True", True)])
    enrol(people["ana"], course_b, enrolled_days_ago=2, last_active_days_ago=2, progress=50)
    return people
