"""The per-learner page cache: a learner's re-read of a lesson or quiz is served from the HTML rendered for them."""

import re

import pytest
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, Permission
from django.test import Client

from courses.factories import CoursePageFactory, LessonPageFactory
from courses.models import Enrolment, LessonPage
from lms.accounts.factories import UserFactory

from .conftest import correct_answers
from .test_pages import enrol

DONE = b"<strong>You completed this lesson.</strong>"
# Requests commit, so the after-commit notes that courses.services leaves for the cache are written.
pytestmark = pytest.mark.django_db(transaction=True)


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


def test_a_re_read_is_served_from_the_cache_without_queries(reader, lessons, django_assert_num_queries):
    first = reader.get(lessons[0].url)
    with django_assert_num_queries(0):  # not even the user's: the session names them
        again = reader.get(lessons[0].url)
    assert is_hit(first) and is_hit(again)
    assert again.content == first.content


def test_a_re_read_carries_the_headers_of_a_fresh_page(learner_client, course, lessons):
    enrol(learner_client, course)
    learner_client.get(course.url)
    fresh = learner_client.get(lessons[0].url)
    kept = learner_client.get(lessons[0].url)
    assert not is_hit(fresh) and is_hit(kept)
    for name in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Language", "Vary"):
        assert kept.get(name) == fresh.get(name) and kept.get(name), name


def is_anonymous(response):
    """Whether Django treated the request as anonymous (a lesson then redirects to the login page)."""
    return not response.wsgi_request.user.is_authenticated and response.status_code == 302


def test_a_changed_password_logs_the_other_sessions_out(reader, learner, lessons):
    assert is_hit(reader.get(lessons[0].url))
    learner.set_password("a new passphrase")
    learner.save()  # from another session, say
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and is_anonymous(response)
    assert SESSION_KEY not in reader.session  # Django flushed the session


def test_a_deactivated_learner_is_logged_out(reader, learner, lessons):
    assert is_hit(reader.get(lessons[0].url))
    learner.is_active = False
    learner.save()
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and is_anonymous(response)


def test_a_deleted_learner_is_logged_out(reader, learner, lessons):
    assert is_hit(reader.get(lessons[0].url))
    learner.delete()
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and is_anonymous(response)


def test_joining_a_group_renders_the_page_afresh(reader, learner, lessons):
    assert is_hit(reader.get(lessons[0].url))
    Group.objects.create(name="Editors").user_set.add(learner)
    assert not is_hit(reader.get(lessons[0].url))
    assert is_hit(reader.get(lessons[0].url))
    learner.groups.clear()
    assert not is_hit(reader.get(lessons[0].url))


def test_a_change_to_the_permissions_of_a_learners_group_renders_the_page_afresh(reader, learner, lessons):
    editors = Group.objects.create(name="Editors")
    learner.groups.add(editors)
    reader.get(lessons[0].url)
    assert is_hit(reader.get(lessons[0].url))
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    assert not is_hit(reader.get(lessons[0].url))


def test_a_learner_made_staff_sees_the_admin_link_at_once(reader, learner, lessons):
    assert b">Admin</a>" not in reader.get(lessons[0].url).content
    learner.is_staff = True
    learner.save()
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and b">Admin</a>" in response.content


def test_a_forged_session_hash_never_gets_the_page(reader, lessons):
    assert is_hit(reader.get(lessons[0].url))
    session = reader.session
    session[HASH_SESSION_KEY] = "0" * 64
    session.save()
    response = reader.get(lessons[0].url)
    assert not is_hit(response) and is_anonymous(response)


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
