"""A learner plays a cmi5 AU the test builds itself, in Chromium: the lesson page launches it on the content origin,
in a frame of the lesson page (launchMethod AnyWindow); its own JavaScript fetches the token and sends initialized,
completed, passed and terminated to the platform's LRS, then goes back through returnURL, which takes the whole
window back to the lesson; the lesson page and the outline show the unit completed, the course (of that lesson
alone) is completed with its certificate, and the LRS holds the AU's statements and the LMS's own."""

import io

import pytest
from django.conf import settings

from courses import services
from courses.factories import CoursePageFactory
from courses.models import Certificate, Enrolment, ItemProgress, PackageLessonPage
from courses.packages.importing import read_upload, store_package
from courses.packages.launching import course_definition, unit_activity_id
from lms.core.factories import PageFactory
from lms.xapi import api
from tests.courses.conftest import catalog, course, hub, learner, topic  # noqa: F401 (fixtures)
from tests.courses.package_files import au_xml, cmi5_xml, zip_bytes
from tests.e2e.test_lesson_completes_when_its_video_ends import log_in
from tests.e2e.test_scorm_packages import origins  # noqa: F401 (fixture)
from tests.fixtures.browser import SCREENSHOTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The AU: the cmi5 launch sequence in plain fetch (no library), a button that finishes the unit with a score
# of 0.9 against the masteryScore, then terminated and the return to the LMS (cmi5 8.1, 8.2, 9.3, 10).
AU_HTML = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Budget game</title></head>
<body><main>
<h1>Budget game</h1>
<p id="status" role="status">Connecting</p>
<button id="finish" type="button" hidden>Finish the unit</button>
</main><script src="au.js"></script></body></html>
"""
AU_JS = b"""(function () {
    "use strict";
    var query = new URLSearchParams(location.search), endpoint = query.get("endpoint"),
        actor = JSON.parse(query.get("actor")), registration = query.get("registration"),
        activityId = query.get("activityId"), auth = null, launchData = null, started = Date.now();
    function xapi(method, resource, params, body) {
        var headers = {"X-Experience-API-Version": "1.0.3", Authorization: auth};
        if (body) { headers["Content-Type"] = "application/json"; }
        return fetch(endpoint + "/" + resource + "?" + new URLSearchParams(params), {
            method: method, mode: "cors", headers: headers, body: body ? JSON.stringify(body) : undefined
        }).then(function (response) {
            if (!response.ok) { throw new Error(method + " " + resource + ": " + response.status); }
            return response.status === 200 ? response.json() : null;
        });
    }
    function duration() { return "PT" + ((Date.now() - started) / 1000).toFixed(2) + "S"; }
    function send(verb, result, moveOn) {
        var context = JSON.parse(JSON.stringify(launchData.contextTemplate));
        context.registration = registration;
        var categories = "https://w3id.org/xapi/cmi5/context/categories/";
        context.contextActivities.category = [{id: categories + "cmi5"}];
        if (moveOn) { context.contextActivities.category.push({id: categories + "moveon"}); }
        var statement = {id: crypto.randomUUID(), actor: actor, timestamp: new Date().toISOString(),
            verb: {id: "http://adlnet.gov/expapi/verbs/" + verb}, object: {id: activityId, objectType: "Activity"},
            context: context};
        if (result) { statement.result = result; }
        return xapi("PUT", "statements", {statementId: statement.id}, statement);
    }
    function say(text) { document.getElementById("status").textContent = text; }
    document.getElementById("finish").addEventListener("click", function () {
        var score = {scaled: 0.9, raw: 9, min: 0, max: 10};
        send("completed", {completion: true, duration: duration()}, true)
            .then(function () { return send("passed", {success: true, score: score, duration: duration()}, true); })
            .then(function () { return send("terminated", {duration: duration()}); })
            .then(function () { location.href = launchData.returnURL; })
            .catch(function (error) { say(error.message); });
    });
    fetch(query.get("fetch"), {method: "POST", mode: "cors"})
        .then(function (response) { return response.json(); })
        .then(function (body) {
            auth = "Basic " + body["auth-token"];
            return xapi("GET", "activities/state", {stateId: "LMS.LaunchData", activityId: activityId,
                agent: JSON.stringify(actor), registration: registration});
        })
        .then(function (data) {
            launchData = data;
            return xapi("GET", "agents/profile", {profileId: "cmi5LearnerPreferences", agent: JSON.stringify(actor)});
        })
        .then(function () { return send("initialized"); })
        .then(function () { say("Ready"); document.getElementById("finish").hidden = false; })
        .catch(function (error) { say(error.message); });
}());
"""
SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied"
AU = au_xml(1, attributes='moveOn="CompletedAndPassed" masteryScore="0.8"', url="index.html")


class PackageLessonFactory(PageFactory):
    class Meta:
        model = PackageLessonPage


def cmi5_lesson(parent, xml):
    lesson = PackageLessonFactory.build(title="Budget game", slug="budget-game")
    upload = io.BytesIO(zip_bytes({"cmi5.xml": xml, "index.html": AU_HTML, "au.js": AU_JS}))
    upload.name = "budget-game.zip"
    lesson.package = store_package(read_upload(upload), lesson_key=lesson.translation_key)
    parent.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


def test_a_learner_plays_a_cmi5_au_and_comes_back_to_the_lesson_and_the_course_completed(
    origins,  # noqa: F811
    browser_page,
    learner,  # noqa: F811
    hub,  # noqa: F811
    topic,  # noqa: F811
):
    budget_course = CoursePageFactory(parent=hub, title="Budget oversight", slug="budget-oversight", topic=topic)
    lesson = cmi5_lesson(budget_course, cmi5_xml(AU))
    enrolment, _created = services.enrol(learner, budget_course)
    item = lesson.package_items().get()
    page = browser_page
    log_in(page, origins, learner)
    page.goto(f"{origins.url}{lesson.url}")
    page.locator("#unit-0").get_by_role("link", name="Unit 1").click()

    # AnyWindow: the AU plays in a frame of the lesson page, from the content origin.
    player = page.get_by_role("region", name="Unit 1")
    assert player.get_by_role("link", name="Back to the course").is_visible()
    new_window = player.get_by_role("link", name="Open in a new window")
    assert new_window.get_attribute("target") == "_blank"
    au = page.frame_locator('iframe[title="Unit 1"]')
    au.get_by_role("status").get_by_text("Ready").wait_for()  # token fetched, launch data read, initialized
    frame = next(frame for frame in page.frames if frame.parent_frame is not None)
    assert frame.url.startswith(f"{settings.PACKAGE_CONTENT_ORIGIN}/content/packages/{lesson.package_id}/")
    page.screenshot(path=str(SCREENSHOTS / "cmi5_au_in_a_frame.png"), full_page=True)
    # From the keyboard: the tab after "Open in a new window" lands in the AU, whose button Enter presses.
    new_window.focus()
    page.keyboard.press("Tab")
    finish = au.get_by_role("button", name="Finish the unit")
    assert finish.evaluate("button => button === document.activeElement && document.hasFocus()")
    page.keyboard.press("Enter")
    # terminated, then the AU sends its frame to returnURL, which takes the whole window back to the lesson.
    page.wait_for_url(f"{origins.url}{lesson.url}")
    assert page.locator("iframe").count() == 0  # the whole window, not the frame, is back on the lesson
    unit = page.locator("#unit-0")
    assert unit.get_by_text("completed").is_visible()
    outline = page.get_by_role("navigation", name="Course outline")
    assert outline.locator(".outline__item--done").get_by_text("Unit 1").is_visible()

    progress = ItemProgress.objects.get(enrolment=enrolment, item_key=item.item_key)
    assert progress.completed_at is not None and progress.completed_by == "content"
    assert Enrolment.objects.get(pk=enrolment.pk).progress > 0
    stored = api.query(activity=unit_activity_id(item), registration=enrolment.registration).order_by("stored")
    au_verbs = [statement.verb_id.rsplit("/", 1)[-1] for statement in stored]
    assert au_verbs == ["launched", "initialized", "completed", "passed", "terminated"]
    course_id = course_definition(lesson.package, [item]).lms_id
    assert api.query(activity=course_id, verb=SATISFIED, registration=enrolment.registration).count() == 1

    # The unit was the course's only item: the course is completed and its certificate issued.
    certificate = Certificate.objects.get(enrolment=enrolment)
    page.goto(f"{origins.url}{budget_course.url}")
    assert page.get_by_text("You completed this course.").is_visible()
    assert page.locator("#course-progress").inner_text() == "100% complete"
    page.get_by_role("link", name="Your certificate").click()
    page.wait_for_url(f"**/certificates/{certificate.code}/")
    assert page.get_by_text("Budget oversight").first.is_visible()
    page.screenshot(path=str(SCREENSHOTS / "cmi5_course_certificate.png"), full_page=True)


def test_an_own_window_au_plays_in_a_new_window_that_returns_to_the_lesson(
    origins,  # noqa: F811
    browser_page,
    learner,  # noqa: F811
    course,  # noqa: F811
):
    xml = cmi5_xml(AU.replace('moveOn="CompletedAndPassed"', 'moveOn="CompletedAndPassed" launchMethod="OwnWindow"'))
    lesson = cmi5_lesson(course, xml)
    enrolment, _created = services.enrol(learner, course)
    page = browser_page
    log_in(page, origins, learner)
    page.goto(f"{origins.url}{lesson.url}")
    with page.expect_popup() as opened:
        page.locator("#unit-0").get_by_role("link", name="Unit 1").click()
    window = opened.value
    window.get_by_role("status").get_by_text("Ready").wait_for()
    assert window.url.startswith(f"{settings.PACKAGE_CONTENT_ORIGIN}/content/packages/{lesson.package_id}/")
    assert page.url == f"{origins.url}{lesson.url}"  # the lesson page stays where it was
    window.get_by_role("button", name="Finish the unit").click()
    window.wait_for_url(f"{origins.url}{lesson.url}")  # returnURL: the lesson page, in the AU's own window
    assert window.locator("#unit-0").get_by_text("completed").is_visible()
    item = lesson.package_items().get()
    assert ItemProgress.objects.get(enrolment=enrolment, item_key=item.item_key).completed_at is not None
