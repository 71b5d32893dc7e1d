"""A learner's lesson: what every learner shares is rendered once, what is personal on every read.

These replace the tests of the per-learner page cache (removed with it): the assertions about behaviour that still
apply are kept, namely that no learner sees another's progress and that a change shows at once.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.blocks import LessonStreamBlock
from courses.factories import CoursePageFactory, LessonPageFactory
from courses.models import Enrolment, LessonPage
from lms.accounts.factories import UserFactory

from .conftest import correct_answers
from .test_pages import enrol

DONE = b"<strong>You completed this lesson.</strong>"


@pytest.fixture
def reader(learner_client, course, lessons):
    """An enrolled learner who has read the first lesson once, with the enrolment message already shown."""
    enrol(learner_client, course)
    learner_client.get(course.url)  # shows the "you are enrolled" message
    assert learner_client.get(lessons[0].url).status_code == 200
    return learner_client


@pytest.fixture
def body_renders(monkeypatch):
    """How many times a lesson body was rendered."""
    renders = []
    render = LessonStreamBlock.render

    def counting(self, value, context=None):
        renders.append(value)
        return render(self, value, context)

    monkeypatch.setattr(LessonStreamBlock, "render", counting)
    return renders


def test_a_lesson_body_is_rendered_once_for_every_learner(reader, course, lessons, body_renders):
    assert reader.get(lessons[0].url).status_code == 200
    other = Client()
    other.force_login(UserFactory())
    enrol(other, course)
    response = other.get(lessons[0].url)
    assert response.status_code == 200 and lessons[0].title.encode() in response.content
    assert body_renders == []  # both served the body the first read rendered


def test_a_learner_never_sees_another_learners_progress(reader, course, lessons):
    reader.post(lessons[0].url + "complete/")
    assert DONE in reader.get(lessons[0].url).content
    other = Client()
    other.force_login(UserFactory())
    enrol(other, course)
    response = other.get(lessons[0].url)
    assert b"Mark as complete" in response.content and DONE not in response.content
    assert b"outline__item--done" not in response.content
    assert b"0% complete" in response.content


def test_completing_a_lesson_shows_on_the_next_read(reader, lessons):
    assert DONE not in reader.get(lessons[0].url).content
    reader.post(lessons[0].url + "complete/")
    response = reader.get(lessons[0].url)
    assert DONE in response.content and b"outline__item--done" in response.content


def test_passing_a_quiz_ticks_it_in_the_outline(reader, lessons, quiz):
    reader.post(quiz.url, correct_answers(quiz), follow=True)
    assert b"outline__item--done" in reader.get(lessons[0].url).content


def test_publishing_a_new_revision_shows_the_new_body(reader, lessons):
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.title = "Why governance matters"
    lesson.body = [("paragraph", "<p>A second edition of the lesson.</p>")]
    lesson.save_revision().publish()
    response = reader.get(lessons[0].url)
    assert b"Why governance matters" in response.content and b"A second edition of the lesson." in response.content


def test_a_preview_shows_the_draft_not_the_kept_body(reader, lessons):
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.is_preview = True  # the preview request is anonymous: let it in
    lesson.body = [("paragraph", "<p>A draft nobody has published.</p>")]
    response = lesson.make_preview_request()
    assert response.status_code == 200
    assert b"A draft nobody has published." in response.content
    assert b"A draft nobody has published." not in reader.get(lessons[0].url).content


def test_going_back_to_an_earlier_lesson_is_recorded(reader, course, lessons):
    reader.get(lessons[1].url)
    reader.get(lessons[0].url)
    assert Enrolment.objects.get(course_key=course.translation_key).last_item_key == lessons[0].translation_key


def test_pending_messages_show_on_the_next_lesson(reader, course, lessons):
    other_course = CoursePageFactory(parent=course.get_parent(), title="Another course", slug="another-course")
    other_lesson = LessonPageFactory(parent=other_course, title="Elsewhere", slug="elsewhere")
    reader.get(other_lesson.url)  # not enrolled there: "Enrol in the course" is queued
    assert b"Enrol in the course to open its lessons and quizzes." in reader.get(lessons[0].url).content


def test_a_learner_made_staff_sees_the_admin_link_at_once(reader, learner, lessons):
    assert b">Admin</a>" not in reader.get(lessons[0].url).content
    learner.is_staff = True
    learner.save()
    assert b">Admin</a>" in reader.get(lessons[0].url).content


def test_a_re_read_queries_only_what_is_the_learners_own(reader, lessons):
    """The site, the root page, the lesson and its view restrictions come from the cache: what is left is the
    session, the account, the enrolment, the progress and the permissions (for Wagtail's user bar)."""
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(lessons[0].url)
    assert response.status_code == 200 and lessons[0].title.encode() in response.content
    tables = sorted(query["sql"].split(" FROM ", 1)[1].split()[0].strip('"') for query in queries)
    assert tables == [
        "accounts_user",
        "auth_permission",
        "courses_enrolment",
        "courses_itemprogress",
        "django_session",
    ]


def test_the_course_beside_a_lesson_is_rendered_once_for_learners_at_the_same_point(reader, course, lessons):
    def outline_rendered(client):
        response = client.get(lessons[1].url)
        assert response.status_code == 200
        return "courses/includes/outline.html" in [template.name for template in response.templates]

    first, second = Client(), Client()
    for client in (first, second):
        client.force_login(UserFactory())
        enrol(client, course)
        client.post(lessons[0].url + "complete/")
    assert outline_rendered(first)
    assert not outline_rendered(second)  # the same point of the course: the same HTML
    second.post(lessons[1].url + "complete/")
    assert outline_rendered(second)  # one more lesson done: another point
