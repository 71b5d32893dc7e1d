"""Course pages over HTTP: tree rules, access, enrolment by POST, lessons, quizzes and their query budget."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from courses.factories import CatalogPageFactory, CoursePageFactory, LessonPageFactory
from courses.models import (
    CatalogPage,
    CoursePage,
    Enrolment,
    ItemProgress,
    LessonPage,
    ModulePage,
    QuizAttempt,
    QuizPage,
)
from hubs.models import HubPage
from lms.core import page_cache
from lms.core.models import HomePage

from .conftest import correct_answers, wrong_answers

LESSON_PAGE_QUERY_BUDGET = 5  # a learner's re-read with the shared caches warm (test_lesson_serving.py names them)
LESSON_PAGE_COLD_QUERY_BUDGET = 40  # the same just after a publication emptied those caches (+1: package lessons)
PAGE_WEIGHT_BUDGET = 60 * 1024


def test_lessons_and_quizzes_are_leaves():
    # The rules every page type follows are checked once, in tests/core/test_page_models.py.
    assert LessonPage.subpage_types == [] and QuizPage.subpage_types == []


def test_tree_rules(home, hub, catalog, course):
    assert CatalogPage.can_create_at(home)
    assert CoursePage.can_create_at(hub)
    assert not CoursePage.can_create_at(catalog) and not CoursePage.can_create_at(home)
    assert ModulePage.can_create_at(course) and LessonPage.can_create_at(course) and QuizPage.can_create_at(course)
    module = ModulePage.objects.child_of(course).get()
    assert LessonPage.can_create_at(module) and not ModulePage.can_create_at(module)
    assert not LessonPage.can_create_at(hub)
    assert "courses.CatalogPage" in HomePage.subpage_types and "courses.CoursePage" in HubPage.subpage_types


def test_course_knows_its_hub(course, hub):
    assert course.hub == hub


def test_course_page_is_public_and_enrolment_needs_a_post(client, learner, course):
    response = client.get(course.url)
    assert response.status_code == 200
    assert b"Log in to enrol" in response.content and b"Why governance" in response.content
    assert client.get(course.url + "enrol/").status_code == 405
    response = client.post(course.url + "enrol/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    client.force_login(learner)
    assert client.get(course.url + "enrol/").status_code == 405
    assert not Enrolment.objects.exists()
    response = client.post(course.url + "enrol/", follow=True)
    assert Enrolment.objects.filter(user=learner, course_key=course.translation_key).count() == 1
    assert b"You are enrolled" in response.content and b"Start the course" in response.content


def test_closed_enrolment_is_refused_with_a_reason(learner_client, learner, course):
    course.enrolment_open = False
    course.save_revision().publish()
    response = learner_client.post(course.url + "enrol/", follow=True)
    assert b"Enrolment in this course is closed." in response.content
    assert not Enrolment.objects.exists()


def test_a_learner_not_enrolled_cannot_open_lessons_or_submit_quizzes(client, learner, course, lessons, quiz):
    response = client.get(lessons[0].url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    client.force_login(learner)
    response = client.get(lessons[0].url)
    assert response.status_code == 302 and response["Location"] == course.url
    assert client.post(lessons[0].url + "complete/").status_code == 403
    assert client.get(quiz.url).status_code == 302
    assert client.post(quiz.url, correct_answers(quiz)).status_code == 403
    assert not QuizAttempt.objects.exists() and not ItemProgress.objects.exists()


def test_a_preview_lesson_is_open_to_everyone(client, course):
    preview = LessonPageFactory(parent=course, title="Free preview", slug="preview", is_preview=True)
    response = client.get(preview.url)
    assert response.status_code == 200 and b"free preview" in response.content


def enrol(client, course):
    assert client.post(course.url + "enrol/").status_code == 302


def test_lesson_marked_complete_without_javascript(learner_client, learner, course, lessons):
    enrol(learner_client, course)
    response = learner_client.get(lessons[0].url)
    assert response.status_code == 200 and b"Mark as complete" in response.content
    assert learner_client.get(lessons[0].url + "complete/").status_code == 405
    response = learner_client.post(lessons[0].url + "complete/")
    assert response.status_code == 302 and response["Location"] == lessons[1].url
    assert ItemProgress.objects.get(item_key=lessons[0].translation_key).completed_by == "learner"
    response = learner_client.get(course.url)
    assert b"Continue where you left off" in response.content


def test_video_end_completes_the_lesson(learner_client, course, lessons):
    enrol(learner_client, course)
    response = learner_client.post(
        lessons[0].url + "complete/", {"by": "video"}, headers={"Accept": "application/json"}
    )
    percent = Enrolment.objects.get(course_key=course.translation_key).progress
    assert 0 < percent < 100
    # What the page's script shows in place of a reload, in the page's language.
    assert response.json() == {
        "completed": True,
        "percent": percent,
        "progress_label": f"{percent}% complete",
        "completed_label": "completed",
    }
    assert ItemProgress.objects.get(item_key=lessons[0].translation_key).completed_by == "video"


def read_queries(client, lesson):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []  # re-reading a lesson is a read: no lock contention under load
    return len(queries)


def lesson_queries(client, lesson):
    """Queries of a learner re-reading a lesson: (the shared caches just purged, the shared caches warm)."""
    client.get(lesson.url)  # first visit records the lesson as opened
    page_cache.purge()
    return read_queries(client, lesson), read_queries(client, lesson)


def test_lesson_page_query_count_does_not_grow_with_the_course(learner_client, course, lessons):
    enrol(learner_client, course)
    learner_client.get(course.url)
    few = lesson_queries(learner_client, lessons[0])
    for number in range(12):
        LessonPageFactory(parent=course, title=f"Extra lesson {number}", slug=f"extra-{number}")
    many = lesson_queries(learner_client, lessons[0])
    assert many == few
    cold, warm = many
    assert cold <= LESSON_PAGE_COLD_QUERY_BUDGET and warm <= LESSON_PAGE_QUERY_BUDGET


def test_text_lesson_html_css_and_js_stay_small(learner_client, course, lessons):
    enrol(learner_client, course)
    html = learner_client.get(lessons[0].url).content
    assets = ["css/site.css", "courses/courses.css", "js/video.js", "courses/lesson.js"]
    total = len(html) + sum(len(Path(finders.find(asset)).read_bytes()) for asset in assets)
    assert total < PAGE_WEIGHT_BUDGET, total


def test_quiz_through_the_browser_form(learner_client, course, quiz):
    enrol(learner_client, course)
    response = learner_client.get(quiz.url)
    assert response.status_code == 200 and b"Submit answers" in response.content
    partial = correct_answers(quiz)
    partial.pop(next(iter(partial)))
    response = learner_client.post(quiz.url, partial)
    assert response.status_code == 400 and b"Answer this question." in response.content
    assert not QuizAttempt.objects.exists()
    response = learner_client.post(quiz.url, wrong_answers(quiz), follow=True)
    assert b"the pass mark is 60%" in response.content and b"Try again" in response.content
    response = learner_client.post(quiz.url, correct_answers(quiz), follow=True)
    assert b"You passed with 100%" in response.content
    assert b"Tools without governance drift." not in response.content  # feedback of answers not chosen this time
    assert list(QuizAttempt.objects.values_list("number", "passed")) == [(1, False), (2, True)]
    assert learner_client.get(quiz.url + "attempts/9/").status_code == 404


def test_a_failed_attempt_marks_answers_right_or_wrong_only_when_the_quiz_says_so(learner_client, course, quiz):
    enrol(learner_client, course)
    learner_client.post(quiz.url, wrong_answers(quiz))
    review = learner_client.get(quiz.url + "attempts/1/").content.decode()
    assert "Your answer:" in review and "the pass mark is 60%" in review
    assert "not correct" not in review and "review__item--wrong" not in review
    assert "Tools without governance drift." not in review  # the chosen answer's feedback tells as much
    assert "Correct answer:" not in review
    quiz.show_correctness = True
    quiz.save_revision().publish()
    review = learner_client.get(quiz.url + "attempts/1/").content.decode()
    assert "not correct" in review and "review__item--wrong" in review
    assert "Tools without governance drift." in review
    assert "Correct answer:" not in review  # the right answers wait until the quiz is passed or attempts run out


def test_shuffled_quiz_keeps_its_order_within_an_attempt(learner_client, course, quiz):
    quiz.shuffle = True
    quiz.save_revision().publish()
    enrol(learner_client, course)

    def order():
        html = learner_client.get(quiz.url).content.decode()
        return re.findall(r'name="(q-[^"]+)" value="([^"]+)"', html)

    first = order()
    assert len(first) == 7 and order() == first
    assert sorted(first) == sorted((q.field_name, o.id) for q in quiz.question_list() for o in q.options)


def test_module_page_sends_readers_to_its_course(client, course):
    module = ModulePage.objects.child_of(course).get()
    response = client.get(module.url)
    assert response.status_code == 302 and response["Location"] == course.url


@pytest.mark.parametrize("action", ["unpublish", "delete", "move"])
def test_learner_records_survive_page_changes(action, learner, course, lessons, quiz, hub, home):
    from django.http import QueryDict

    from courses import services
    from courses.models import Certificate

    enrolment, _created = services.enrol(learner, course)
    for lesson in lessons:
        services.complete_item(enrolment, lesson)
    form = QueryDict(mutable=True)
    for name, values in correct_answers(quiz).items():
        form.setlist(name, values)
    services.submit_quiz(enrolment, quiz, form, language="en")
    certificate = Certificate.objects.get()
    if action == "unpublish":
        course.unpublish()
    elif action == "delete":
        Page.objects.get(pk=course.pk).delete()
    else:
        other = CatalogPageFactory(parent=home, title="Elsewhere", slug="elsewhere")
        new_hub = HubPage.objects.get(pk=hub.pk).copy(to=hub.get_parent(), update_attrs={"slug": "other-hub"})
        Page.objects.get(pk=course.pk).move(new_hub, pos="last-child")
        assert other
    enrolment.refresh_from_db()
    assert enrolment.course_key == course.translation_key and enrolment.status == "completed"
    assert enrolment.item_progress.filter(completed_at__isnull=False).count() == 4
    assert QuizAttempt.objects.filter(enrolment=enrolment).get().answers.count() == 3
    certificate.refresh_from_db()
    assert certificate.course_title == course.title
    if action == "delete":
        assert enrolment.course is None and not CoursePage.objects.filter(pk=course.pk).exists()


def test_catalogue_filters_and_shows_progress(client, learner, catalog, course, course_fr, hub, topic):
    beginner = CoursePageFactory(parent=hub, title="Open parliamentary data", slug="open-data", level="intermediate")
    response = client.get(catalog.url)
    assert response.status_code == 200
    assert b"ICT governance in parliament" in response.content and b"Open parliamentary data" in response.content
    assert b"(FR)" not in response.content  # its own language by default
    assert b"(FR)" in client.get(catalog.url, {"language": "fr"}).content
    assert b"(FR)" in client.get(catalog.url, {"language": "any"}).content
    only_topic = client.get(catalog.url, {"topic": topic.slug}).content
    assert b"ICT governance in parliament" in only_topic and b"Open parliamentary data" not in only_topic
    by_level = client.get(catalog.url, {"level": "intermediate"}).content
    assert b"Open parliamentary data" in by_level and b"ICT governance in parliament" not in by_level
    assert b"Open parliamentary data" in client.get(catalog.url, {"hub": str(hub.pk)}).content
    searched = client.get(catalog.url, {"q": "parliamentary data"}).content
    assert b"Open parliamentary data" in searched and b"ICT governance in parliament" not in searched
    beginner.unpublish()
    assert b"Open parliamentary data" not in client.get(catalog.url).content
    assert client.get(catalog.url, {"level": "nonsense", "page": "x", "hub": "abc"}).status_code == 200
    client.force_login(learner)
    client.post(course.url + "enrol/")
    assert b"0% complete" in client.get(catalog.url).content


def test_catalogue_paginates(client, catalog, hub):
    catalog.courses_per_page = 2
    catalog.save_revision().publish()
    for number in range(5):
        CoursePageFactory(parent=hub, title=f"Course number {number}", slug=f"course-{number}")
    response = client.get(catalog.url, {"page": 3})
    assert b"Page 3 of 3" in response.content and b"Course number 4" in response.content
