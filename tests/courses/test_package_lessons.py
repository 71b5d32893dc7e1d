"""Package lessons in a course: the admin upload, the outline, progress keys, and the content origin."""

import io
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data
from wagtail.users.models import UserProfile

from courses import services
from courses.demo.h5p import zip_files
from courses.demo.scorm import scorm_files
from courses.models import ContentPackage, PackageLessonPage
from courses.packages.importing import read_upload, store_package
from lms.accounts.factories import UserFactory
from lms.core.factories import PageFactory
from tests.e2e.test_scorm_packages import QUESTIONS
from tests.reports.conftest import host_of

from .package_files import INDEX_HTML, au_xml, cmi5_xml, cmi5_zip


class PackageLessonPageFactory(PageFactory):
    class Meta:
        model = PackageLessonPage


def package_lesson(parent, xml=None, **fields):
    """A published package lesson under ``parent`` with a package of the given course structure."""
    lesson = PackageLessonPageFactory.build(title=fields.pop("title", "Budget game"), **fields)
    file = io.BytesIO(cmi5_zip(xml))
    file.name = "budget.zip"
    lesson.package = store_package(read_upload(file), lesson_key=lesson.translation_key)
    parent.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("courses", "packagelessonpage", parent.pk))


def post_lesson(client, parent, data, name="budget.zip"):
    fields = {"seo_title": "", "search_description": "", "social_text": "", "action-publish": "1"}
    lesson = {"title": "Budget game", "slug": "budget-game", "estimated_minutes": 15, "required": True}
    fields.update(nested_form_data(lesson))
    fields["package_file"] = SimpleUploadedFile(name, data, content_type="application/zip")
    return client.post(add_url(parent), fields)


def test_a_host_uploads_a_cmi5_zip_in_the_admin(admin_client, course):
    assert admin_client.get(add_url(course)).status_code == 200
    response = post_lesson(admin_client, course, cmi5_zip(cmi5_xml(au_xml(1), au_xml(2))))
    assert response.status_code == 302, response.context["form"].errors
    lesson = PackageLessonPage.objects.get(title="Budget game")
    assert [item.title for item in lesson.package_items()] == ["Unit 1", "Unit 2"]
    assert lesson.package.lesson_key == lesson.translation_key


def test_a_bad_package_is_a_form_error_and_stores_nothing(admin_client, course):
    response = post_lesson(admin_client, course, cmi5_zip(cmi5_xml(au_xml(1, url="missing.html"))))
    assert response.status_code == 200
    errors = response.context["form"].errors["package_file"]
    assert "missing.html" in errors[0] and "not in the zip" in errors[0]
    assert not PackageLessonPage.objects.exists() and not ContentPackage.objects.exists()


def test_a_host_working_in_french_reads_why_a_scorm_package_is_refused_in_french(client, hub, course):
    host = host_of(hub, "hote@example.org")
    profile = UserProfile.get_for_user(host)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(host)
    files = scorm_files("2004-4", "Practice", QUESTIONS[:1])
    del files["sco-1/sco.html"]
    response = post_lesson(client, course, zip_files(files))
    assert response.status_code == 200
    assert response.context["form"].errors["package_file"] == [
        "imsmanifest.xml, <item identifier='item-1'> : le fichier de lancement « sco-1/sco.html » est absent du paquet."
    ]
    assert "le fichier de lancement « sco-1/sco.html » est absent du paquet." in response.content.decode()
    assert not PackageLessonPage.objects.exists() and not ContentPackage.objects.exists()


def test_each_au_is_an_item_of_the_outline_and_of_progress(course, learner):
    lesson = package_lesson(course, cmi5_xml(au_xml(1), au_xml(2)))
    enrolment, _created = services.enrol(learner, course)
    state = services.course_state(learner, course)
    units = [item for item in state.outline.items if item.package_item]
    assert [item.title for item in units] == ["Unit 1", "Unit 2"]
    services.complete_package_item(enrolment, lesson, units[0].package_item)
    state = services.course_state(learner, course)
    assert units[0].package_item.item_key in state.completed_keys
    assert units[1].package_item.item_key not in state.completed_keys
    assert 0 < state.percent < 100


def test_a_new_version_with_the_same_au_ids_keeps_progress(course, learner):
    lesson = package_lesson(course)
    enrolment, _created = services.enrol(learner, course)
    services.complete_package_item(enrolment, lesson, lesson.package_items().get())
    file = io.BytesIO(cmi5_zip())
    file.name = "budget-v2.zip"
    lesson.package = store_package(read_upload(file), lesson_key=lesson.translation_key)
    lesson.save_revision().publish()
    state = services.course_state(learner, course)
    assert lesson.package_items().get().item_key in state.completed_keys


def test_the_outline_of_a_thousand_aus_takes_as_many_queries_as_one(course):
    from django.core.cache import cache

    small = package_lesson(course, title="Small")
    large = package_lesson(course, cmi5_xml(*(au_xml(n, url="index.html") for n in range(1000))), title="Large")
    cache.clear()
    with CaptureQueriesContext(connection) as with_both:
        outline = course._build_outline()
    assert sum(1 for item in outline.items if item.page.pk == large.pk) == 1000
    large.delete()
    with CaptureQueriesContext(connection) as with_small:
        course._build_outline()
    assert small.pk and len(with_both) == len(with_small)


def test_launching_a_unit_of_a_thousand_aus_reads_the_course_structure_once(course, learner):
    from courses.packages.launching import cmi5_launch_url

    lesson = package_lesson(course, cmi5_xml(*(au_xml(n, url="index.html") for n in range(1000))), title="Large")
    actor = {"objectType": "Agent", "account": {"homePage": "https://example.org", "name": "l-1"}}
    first = cmi5_launch_url(lesson.package, 999, actor, uuid.uuid4())
    assert first.session.au_publisher_id == "https://example.org/cmi5/au/999"
    with CaptureQueriesContext(connection) as launch:
        again = cmi5_launch_url(lesson.package, 999, actor, uuid.uuid4())
    assert again.session.au_lms_id == first.session.au_lms_id
    assert not [query for query in launch.captured_queries if "courses_packageitem" in query["sql"]]
    assert len(launch.captured_queries) < 30  # a launch, whatever the number of AUs


def test_the_lesson_page_lists_its_units(learner_client, learner, course):
    package_lesson(course, cmi5_xml(au_xml(1), au_xml(2)), slug="budget-game")
    services.enrol(learner, course)
    response = learner_client.get(PackageLessonPage.objects.get().url)
    assert response.status_code == 200
    assert b"Unit 1" in response.content and b"Unit 2" in response.content


def test_package_files_are_served_on_the_content_origin_only(client, course):
    lesson = package_lesson(course)
    url = f"/content/packages/{lesson.package_id}/index.html"
    assert client.get(url).status_code == 404  # the platform's own origin
    response = client.get(url, HTTP_HOST="content.testserver")
    assert response.status_code == 200 and b"".join(response.streaming_content) == INDEX_HTML
    assert response["Content-Type"].startswith("text/html") and response["X-Content-Type-Options"] == "nosniff"
    assert (
        client.get(f"/content/packages/{lesson.package_id}/missing.js", HTTP_HOST="content.testserver").status_code
        == 404
    )
    assert client.get(f"/content/packages/{lesson.package_id}/../x", HTTP_HOST="content.testserver").status_code == 404


def launched_url(response):
    """Where a launch sends the learner: the redirect, or the frame of the lesson page (a cmi5 AnyWindow unit)."""
    import html
    import re

    if response.status_code == 302:
        return response["Location"]
    assert response.status_code == 200
    return html.unescape(re.search(r'<iframe class="package-player__frame" src="([^"]+)"', response.text).group(1))


def launch_as(client, lesson, position=0):
    """Launch a unit as the signed-in learner; returns the launch URL's query parameters."""
    from urllib.parse import parse_qs, urlsplit

    url = launched_url(client.get(lesson.url + lesson.reverse_subpage("launch", args=[position])))
    assert url.startswith(f"http://content.testserver/content/packages/{lesson.package_id}/index.html?")
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def cmi5_au_session(params):
    """What a cmi5 AU does at start: fetch the token, read the learner preferences, send initialized."""
    from django.test import Client

    from tests.xapi.conftest import LRS

    token = Client().post(params["fetch"].replace("http://testserver", "")).json()["auth-token"]
    lrs = LRS("Basic " + token)
    actor = json.loads(params["actor"])
    preferences = lrs.get("agents/profile", {"agent": params["actor"], "profileId": "cmi5LearnerPreferences"})
    assert preferences.json() == {"languagePreference": "en", "audioPreference": "on"}  # the lesson's language
    state = {"stateId": "LMS.LaunchData", "activityId": params["activityId"], "agent": params["actor"]}
    launch_data = lrs.get("activities/state", {**state, "registration": params["registration"]}).json()

    def send(verb, category_moveon=False, **result):
        categories = [{"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5"}]
        if category_moveon:
            categories.append({"id": "https://w3id.org/xapi/cmi5/context/categories/moveon"})
        context = json.loads(json.dumps(launch_data["contextTemplate"]))
        context["registration"] = params["registration"]
        context["contextActivities"]["category"] = categories
        statement = {
            "id": str(uuid.uuid4()),
            "actor": actor,
            "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
            "object": {"id": params["activityId"]},
            "timestamp": "2026-12-02T10:00:00Z",
            "context": context,
        }
        if result:
            statement["result"] = result
        return lrs.put("statements", {"statementId": statement["id"]}, statement)

    assert send("initialized").status_code == 204
    return send


def test_a_learner_launches_a_unit_and_its_statements_complete_it_the_course_and_the_certificate(
    learner_client, learner, hub
):
    from courses.factories import CoursePageFactory
    from courses.models import Certificate, Enrolment

    course = CoursePageFactory(parent=hub, title="Budget oversight", slug="budget-oversight")
    xml = cmi5_xml(au_xml(1, attributes='moveOn="CompletedAndPassed" masteryScore="0.8"'))
    lesson = package_lesson(course, xml, slug="budget-game")
    services.enrol(learner, course)
    params = launch_as(learner_client, lesson)
    assert json.loads(params["actor"])["account"]["homePage"] == "http://testserver"
    send = cmi5_au_session(params)
    assert send("completed", True, completion=True, duration="PT1M").status_code == 204
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.progress == 0  # CompletedAndPassed: passed is still missing
    assert send("passed", True, success=True, duration="PT1M", score={"scaled": 0.9}).status_code == 204
    enrolment.refresh_from_db()
    assert enrolment.is_completed and enrolment.progress == 100
    assert Certificate.objects.filter(enrolment=enrolment).exists()
    page = learner_client.get(lesson.url)
    assert b"completed" in page.content


def test_a_tincan_launch_carries_endpoint_auth_actor_registration_and_activity_id(learner_client, learner, course):
    from courses.models import Enrolment

    from .package_files import tincan_xml, zip_bytes

    lesson = PackageLessonPageFactory.build(title="Open data", slug="open-data")
    file = io.BytesIO(zip_bytes({"tincan.xml": tincan_xml(), "index.html": INDEX_HTML}))
    file.name = "storyline.zip"
    lesson.package = store_package(read_upload(file), lesson_key=lesson.translation_key)
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    services.enrol(learner, course)
    params = launch_as(learner_client, lesson)
    assert params["endpoint"] == "http://testserver/xapi/" and params["auth"].startswith("Basic ")
    assert params["activity_id"] == "https://example.org/tincan/course"
    from tests.xapi.conftest import LRS

    lrs = LRS(params["auth"])
    statement = {
        "actor": json.loads(params["actor"]),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": params["activity_id"]},
        "context": {"registration": params["registration"]},
    }
    assert lrs.post("statements", statement).status_code == 200
    state = services.course_state(learner, course)
    assert lesson.package_items().get().item_key in state.completed_keys
    assert Enrolment.objects.get(user=learner).progress > 0


SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied"


def satisfied_ids(registration):
    from lms.xapi import api

    return sorted(row.activity_id for row in api.query(verb=SATISFIED, registration=registration))


def test_units_whose_move_on_is_not_applicable_are_satisfied_and_completed_at_enrolment(learner, course):
    from courses.packages.launching import course_definition

    from .package_files import block_xml

    xml = cmi5_xml(block_xml(1, au_xml(1, attributes='moveOn="NotApplicable"')), au_xml(2))
    lesson = package_lesson(course, xml)
    first, second = lesson.package_items()
    definition = course_definition(lesson.package, [first, second])
    enrolment, _created = services.enrol(learner, course)
    state = services.course_state(learner, course)
    assert first.item_key in state.completed_keys and second.item_key not in state.completed_keys
    assert satisfied_ids(enrolment.registration) == [definition.blocks[0].lms_id]  # the course waits for unit 2
    enrolment.refresh_from_db()
    assert enrolment.last_item_key is None  # nothing was opened: "continue" still starts at the first lesson
    assert state.next_item.title == "Why governance"
    services.register_package_lesson(enrolment, lesson)  # again, as a launch does: nothing more
    assert satisfied_ids(enrolment.registration) == [definition.blocks[0].lms_id]


def test_a_cmi5_lesson_added_after_enrolment_satisfies_its_not_applicable_units_at_the_first_launch(
    learner_client, learner, course
):
    enrolment, _created = services.enrol(learner, course)
    xml = cmi5_xml(au_xml(1, attributes='moveOn="NotApplicable"'), au_xml(2, attributes='moveOn="NotApplicable"'))
    lesson = package_lesson(course, xml, slug="budget-game")
    assert satisfied_ids(enrolment.registration) == []
    launch_as(learner_client, lesson, position=1)
    state = services.course_state(learner, course)
    assert {item.item_key for item in lesson.package_items()} <= state.completed_keys
    assert len(satisfied_ids(enrolment.registration)) == 1  # the course, every AU being NotApplicable


def launch_data(lesson, learner, item):
    from courses.models import Enrolment
    from lms.xapi.models import Document

    registration = str(Enrolment.objects.get(user=learner).registration)
    row = Document.objects.get(
        document_id="LMS.LaunchData", registration=registration, activity_id__endswith=str(item.item_key)
    )
    return json.loads(bytes(row.content))


def test_an_any_window_unit_plays_in_a_frame_of_the_lesson_page_and_comes_back_through_returned(
    learner_client, learner, course
):
    lesson = package_lesson(course, slug="budget-game")
    services.enrol(learner, course)
    item = lesson.package_items().get()
    launch = lesson.url + lesson.reverse_subpage("launch", args=[0])
    response = learner_client.get(launch)
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    frame = launched_url(response)
    assert frame.startswith(f"http://content.testserver/content/packages/{lesson.package_id}/index.html?")
    assert f'title="{item.title}"' in response.text  # the frame's accessible name
    assert f'href="{launch}?window=new" target="_blank"' in response.text and "Back to the course" in response.text
    returned = lesson.url + lesson.reverse_subpage("returned")
    assert launch_data(lesson, learner, item)["returnURL"] == f"http://testserver{returned}"
    back = learner_client.get(returned)
    assert back.status_code == 200 and back["X-Frame-Options"] == "SAMEORIGIN"
    assert f'id="return" href="{lesson.url}" target="_top"' in back.text

    new_window = learner_client.get(launch + "?window=new")
    assert new_window.status_code == 302 and new_window["Location"].startswith("http://content.testserver/")
    assert launch_data(lesson, learner, item)["returnURL"] == f"http://testserver{lesson.url}"


def test_an_own_window_unit_opens_in_a_new_window_with_the_lesson_as_return_url(learner_client, learner, course):
    lesson = package_lesson(course, cmi5_xml(au_xml(1, attributes='moveOn="Completed" launchMethod="OwnWindow"')))
    services.enrol(learner, course)
    item = lesson.package_items().get()
    launch = lesson.url + lesson.reverse_subpage("launch", args=[0])
    assert f'href="{launch}" target="_blank"' in learner_client.get(lesson.url).text
    response = learner_client.get(launch)
    assert response.status_code == 302 and response["Location"].startswith("http://content.testserver/")
    assert launch_data(lesson, learner, item)["returnURL"] == f"http://testserver{lesson.url}"
