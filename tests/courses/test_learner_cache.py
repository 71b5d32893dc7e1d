"""The per-learner page cache: a learner's re-read of a lesson or quiz is served from the HTML rendered for them."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.factories import CoursePageFactory, LessonPageFactory
from courses.models import Enrolment, LessonPage
from lms.accounts.factories import UserFactory

from .conftest import correct_answers
from .test_pages import enrol

DONE = b"<strong>You completed this lesson.</strong>"
# Requests commit, so the after-commit notes that courses.services leaves for the cache are written.
pytestmark = pytest.mark.django_db(transaction=True)

HIT_QUERY_BUDGET = 1  # the user (the session and everything else come from the cache)


def is_hit(response):
    return response.get("X-Page-Cache") == "hit"


@pytest.fixture
def reader(learner_client, course, lessons):
    """An enrolled learner who has read the first lesson once, with the enrolment message already shown."""
    enrol(learner_client, course)
    learner_client.get(course.url)  # shows the "you are enrolled" message
    first = learner_client.get(lessons[0].url)
    assert first.status_code == 200 and not is_hit(first)
    return learner_client


def test_a_re_read_is_served_from_the_cache_with_few_queries(reader, lessons):
    first = reader.get(lessons[0].url)
    with CaptureQueriesContext(connection) as queries:
        again = reader.get(lessons[0].url)
    assert is_hit(first) and is_hit(again)
    assert again.content == first.content
    assert len(queries) <= HIT_QUERY_BUDGET, [query["sql"] for query in queries]


def test_a_learner_never_gets_another_learners_page(reader, course, lessons):
    reader.post(lessons[0].url + "complete/")
    reader.get(lessons[1].url)  # shows "lesson completed"
    reader.get(lessons[0].url)
    assert DONE in reader.get(lessons[0].url).content
    other = Client()
    other.force_login(UserFactory())
    enrol(other, course)
    other.get(course.url)
    response = other.get(lessons[0].url)
    assert not is_hit(response)
    assert b"Mark as complete" in response.content and DONE not in response.content


def test_completing_a_lesson_changes_what_is_served(reader, lessons):
    assert is_hit(reader.get(lessons[0].url))
    reader.post(lessons[0].url + "complete/")
    reader.get(lessons[1].url)  # shows "lesson completed"
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and DONE in response.content


def test_passing_a_quiz_changes_what_is_served(reader, lessons, quiz):
    assert is_hit(reader.get(lessons[0].url))
    reader.post(quiz.url, correct_answers(quiz), follow=True)
    response = reader.get(lessons[0].url)
    assert not is_hit(response)
    assert b"outline__item--done" in response.content  # the quiz is ticked in the outline


def test_a_quiz_page_is_kept_until_an_attempt(reader, quiz):
    reader.get(quiz.url)
    assert is_hit(reader.get(quiz.url))
    reader.post(quiz.url, correct_answers(quiz))
    reader.get(quiz.url + "attempts/1/")  # shows the result
    response = reader.get(quiz.url)
    assert not is_hit(response) and b"Attempt 1" in response.content


def test_publishing_a_new_revision_changes_what_is_served(reader, lessons):
    assert is_hit(reader.get(lessons[0].url))
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    lesson.title = "Why governance matters"
    lesson.save_revision().publish()
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and b"Why governance matters" in response.content


def test_logging_out_and_in_again_starts_afresh(reader, learner, lessons):
    assert is_hit(reader.get(lessons[0].url))
    reader.logout()
    reader.force_login(learner)
    assert not is_hit(reader.get(lessons[0].url))


def test_the_csrf_token_of_a_served_page_is_valid(learner, course, lessons):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get(course.url).content).group(1)
    assert browser.post(course.url + "enrol/", {"csrfmiddlewaretoken": token.decode()}).status_code == 302
    browser.get(course.url)
    browser.get(lessons[0].url)
    response = browser.get(lessons[0].url)
    assert is_hit(response)
    token = re.search(
        rb'action="[^"]*complete/"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"',
        response.content,
    )
    assert (
        browser.post(lessons[0].url + "complete/", {"csrfmiddlewaretoken": token.group(1).decode()}).status_code == 302
    )


def test_pending_messages_bypass_the_cache(reader, course, lessons):
    assert is_hit(reader.get(lessons[0].url))
    reader.post(course.url + "enrol/")  # already enrolled: redirected without a message
    other_course = CoursePageFactory(parent=course.get_parent(), title="Another course", slug="another-course")
    other_lesson = LessonPageFactory(parent=other_course, title="Elsewhere", slug="elsewhere")
    reader.get(other_lesson.url)  # not enrolled there: "Enrol in the course" is queued
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and b"Enrol in the course to open its lessons and quizzes." in response.content


def test_going_back_to_an_earlier_lesson_is_recorded(reader, course, lessons):
    assert is_hit(reader.get(lessons[0].url))
    reader.get(lessons[1].url)
    assert not is_hit(reader.get(lessons[0].url))
    assert Enrolment.objects.get(course_key=course.translation_key).last_item_key == lessons[0].translation_key
