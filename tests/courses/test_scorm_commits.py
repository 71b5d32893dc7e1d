"""SCORM package lessons: refused packages, the bridge on the content origin only, and every refused commit;
a retried commit is stored once and a late one never rolls the attempt back."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses import services
from courses.demo.h5p import zip_files
from courses.demo.scorm import scorm_files
from courses.models import ItemProgress, ScormAttempt, ScormCommit
from courses.packages.archive import PackageError
from courses.packages.importing import read_upload, store_package
from courses.services import scorm
from lms.xapi.models import Statement
from tests.e2e.test_scorm_packages import QUESTIONS, PackageLessonFactory

pytestmark = pytest.mark.django_db


def upload(files):
    file = io.BytesIO(zip_files(files))
    file.name = "package.zip"
    return read_upload(file)


@pytest.fixture
def lesson(course):
    lesson = PackageLessonFactory.build(title="Practice", slug="practice")
    lesson.package = store_package(
        upload(scorm_files("2004-4", "Practice", QUESTIONS[:1])), lesson_key=lesson.translation_key
    )
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


def test_a_scorm_package_becomes_one_item_per_sco(course):
    parsed = upload(scorm_files("1.2", "Practice", QUESTIONS)).parsed
    assert parsed.kind == "scorm12"
    assert [(item.publisher_id, item.url, item.mastery_score) for item in parsed.items] == [
        ("item-1", "sco-1/sco.html", 0.8),
        ("item-2", "sco-2/sco.html", 0.8),
    ]


def test_a_bad_manifest_is_a_package_error_naming_the_file():
    files = scorm_files("2004-4", "Practice", QUESTIONS[:1])
    del files["sco-1/sco.html"]
    with pytest.raises(PackageError, match=r"imsmanifest\.xml: <item identifier='item-1'>: the launch file"):
        upload(files)


def test_the_bridge_exists_only_on_the_content_origin(lesson):
    item = lesson.package_items().get()
    path = f"/content/scorm/{item.package_id}/0/"
    assert Client().get(path, follow=True).status_code == 404
    response = Client(HTTP_HOST="content.testserver").get(path)
    assert response.status_code == 200
    assert response.context["config"]["sco"] == item.content_url
    assert response["Content-Security-Policy"] == "frame-ancestors http://testserver"
    assert (
        Client(HTTP_HOST="content.testserver").get(f"/content/scorm/{item.package_id}/9/", follow=True).status_code
        == 404
    )


def commit_url(lesson):
    return reverse("courses:scorm_commit", args=[lesson.pk, 0])


def post(client, lesson, body, **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(commit_url(lesson), data, content_type="application/json", **extra)


CMI = {"location": "p1", "suspend_data": "{}", "completion_status": "incomplete", "exit": "suspend"}


def test_commits_are_idempotent_ordered_and_csrf_protected(learner, lesson):
    services.enrol(learner, lesson.course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert post(client, lesson, {"session": "s", "sequence": 1, "cmi": CMI}).status_code == 403  # no CSRF token
    client = Client()
    client.force_login(learner)
    first = post(client, lesson, {"session": "s", "sequence": 1, "cmi": CMI})
    assert first.status_code == 200 and first.json()["completed"] is False
    assert post(client, lesson, {"session": "s", "sequence": 1, "cmi": CMI}).status_code == 200  # a retry
    assert ScormCommit.objects.count() == 1
    replayed = post(client, lesson, {"session": "s", "sequence": 1, "cmi": {**CMI, "location": "p9"}})
    assert replayed.status_code == 409
    done = {**CMI, "location": "p2", "completion_status": "completed", "success_status": "passed",
            "score": {"scaled": "0.9", "raw": "9"}, "exit": ""}  # fmt: skip
    assert post(client, lesson, {"session": "s", "sequence": 3, "cmi": done, "terminated": True}).json()["completed"]
    late = post(client, lesson, {"session": "s", "sequence": 2, "cmi": CMI})  # sent before, arrived after
    assert late.status_code == 200
    attempt = ScormAttempt.objects.get()
    assert attempt.location == "p2" and attempt.completion_status == "completed" and attempt.last_sequence == 3
    assert ItemProgress.objects.get(item_key=attempt.item_key).completed_by == "scorm"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not UTF-8 JSON"),
        (b"\xff\xfe", "not UTF-8 JSON"),
        ([1, 2], "must be a JSON object"),
        ({"sequence": 1, "cmi": CMI}, "session:"),
        ({"session": "s", "sequence": "1", "cmi": CMI}, "sequence: must be a positive integer"),
        ({"session": "s", "sequence": 0, "cmi": CMI}, "sequence: must be a positive integer"),
        ({"session": "s", "sequence": 1, "cmi": "x"}, "cmi: must be an object"),
        ({"session": "s", "sequence": 1, "cmi": {"completion_status": "finished"}}, "cmi.completion_status"),
        ({"session": "s", "sequence": 1, "cmi": {"suspend_data": "a\x00"}}, "NUL"),
        ({"session": "s", "sequence": 1, "cmi": {"suspend_data": "x" * 300_000}}, "larger than 256 kB"),
    ],
)
def test_a_malformed_commit_gets_a_400_with_the_reason_and_nothing_is_stored(learner, lesson, body, message):
    services.enrol(learner, lesson.course)
    client = Client()
    client.force_login(learner)
    response = post(client, lesson, body)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not ScormCommit.objects.exists()


def test_only_enrolled_learners_commit(learner, lesson):
    client = Client()
    client.force_login(learner)
    assert post(client, lesson, {"session": "s", "sequence": 1, "cmi": CMI}).status_code == 403
    assert Client().post(commit_url(lesson), "{}", content_type="application/json").status_code == 403


def test_a_lesson_closed_to_the_learner_takes_no_commit(learner, lesson):
    services.enrol(learner, lesson.course)
    client = Client()
    client.force_login(learner)
    restriction = PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Clerks"))
    response = post(client, lesson, {"session": "s", "sequence": 1, "cmi": CMI})
    assert response.status_code == 403 and response.json()["error"] == "This lesson is not open to you."
    restriction.delete()
    lesson.unpublish()
    assert post(client, lesson, {"session": "s", "sequence": 1, "cmi": CMI}).status_code == 404
    assert not ScormCommit.objects.exists()


def test_a_retry_of_the_commit_that_ended_an_attempt_starts_no_new_attempt(learner, lesson):
    services.enrol(learner, lesson.course)
    client = Client()
    client.force_login(learner)
    ended = {"session": "s", "sequence": 1, "cmi": {**CMI, "exit": ""}, "terminated": True}
    assert post(client, lesson, ended).json()["attempt"] == 1
    assert post(client, lesson, ended).json()["attempt"] == 1  # the answer was lost: the browser sends it again
    assert post(client, lesson, {**ended, "cmi": CMI}).status_code == 409
    assert ScormAttempt.objects.count() == 1 and ScormCommit.objects.count() == 1
    assert post(client, lesson, {"session": "t", "sequence": 1, "cmi": CMI}).json()["attempt"] == 2  # a new launch


def test_a_commit_costs_a_bounded_number_of_queries_and_states_only_changes(learner, lesson):
    services.enrol(learner, lesson.course)
    client = Client()
    client.force_login(learner)
    failed = {**CMI, "score": {"scaled": "0.5", "raw": "5"}}  # initialized, failed, scored; the route is remembered
    assert post(client, lesson, {"session": "s", "sequence": 1, "cmi": failed}).status_code == 200
    statements = Statement.objects.count()
    scored = {**failed, "location": "p2", "score": {"scaled": "0.6", "raw": "6"}}
    # The lesson (its route remembered), session, user, enrolment and item (5), the commit and attempt (5,
    # savepoint included), the statement: the pseudonym and one SQL statement on PostgreSQL (2), on SQLite the
    # pseudonym, the store's look-up, the insert's own, the rows, the definition and the external LRSs (7).
    with CaptureQueriesContext(connection) as queries:
        assert post(client, lesson, {"session": "s", "sequence": 2, "cmi": scored}).status_code == 200
    assert len(queries) <= (12 if connection.vendor == "postgresql" else 17)
    assert Statement.objects.count() == statements + 1
    moved = {**scored, "location": "p3"}
    with CaptureQueriesContext(connection) as queries:  # a new location only: nothing to state
        assert post(client, lesson, {"session": "s", "sequence": 3, "cmi": moved}).status_code == 200
    assert len(queries) <= 10
    assert Statement.objects.count() == statements + 1
    assert ScormAttempt.objects.get().location == "p3"


def test_commits_after_the_item_is_complete_do_not_complete_it_again(learner, lesson, monkeypatch):
    services.enrol(learner, lesson.course)
    client = Client()
    client.force_login(learner)
    done = {**CMI, "completion_status": "completed", "success_status": "passed", "score": {"scaled": "0.9"}}
    assert post(client, lesson, {"session": "s", "sequence": 1, "cmi": done}).json()["completed"]
    progress = ItemProgress.objects.get()
    completions = []
    monkeypatch.setattr(scorm, "complete_package_item", lambda *args, **kwargs: completions.append(args))
    assert post(client, lesson, {"session": "s", "sequence": 2, "cmi": {**done, "location": "p2"}}).json()["completed"]
    assert completions == []  # already complete: the course's progress is not computed again
    ItemProgress.objects.filter(pk=progress.pk).update(completed_at=None)  # e.g. progress reset by an administrator
    post(client, lesson, {"session": "s", "sequence": 3, "cmi": {**done, "location": "p3"}})
    assert len(completions) == 1
