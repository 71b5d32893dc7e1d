"""Learners play SCORM 1.2 and SCORM 2004 packages the tests build themselves, in Chromium: the SCO runs on the
content origin and finds scorm-again's API in the bridge; commits reach the server; a learner who leaves
resumes in a fresh browser; finishing completes the outline item; the statements are in the LRS."""

import io
import time

import pytest
from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from courses import services
from courses.demo.h5p import zip_files
from courses.demo.scorm import scorm_files
from courses.models import ItemProgress, PackageLessonPage, ScormAttempt, ScormCommit
from courses.packages.importing import read_upload, store_package
from lms.core.factories import PageFactory
from lms.xapi import api
from tests.courses.conftest import catalog, course, hub, learner, topic  # noqa: F401 (fixtures)
from tests.e2e.test_lesson_completes_when_its_video_ends import log_in
from tests.fixtures.browser import TIMEOUT_MS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTIONS = [
    {
        "title": "Deciding on ICT",
        "question": "Who decides on ICT?",
        "answers": [["Members", True], ["The vendor", False]],
    },
    {"title": "Open formats", "question": "Is CSV open?", "answers": [["Yes", True], ["No", False]]},
]


class PackageLessonFactory(PageFactory):
    class Meta:
        model = PackageLessonPage


def scorm_lesson(parent, version, scos=1):
    lesson = PackageLessonFactory.build(title="Governance in practice", slug=f"practice-{version.replace('.', '')}")
    upload = io.BytesIO(zip_files(scorm_files(version, "Governance in practice", QUESTIONS[:scos])))
    upload.name = "practice.zip"
    lesson.package = store_package(read_upload(upload), lesson_key=lesson.translation_key)
    parent.add_child(instance=lesson)
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def origins(live_server, settings):
    settings.BASE_URL = live_server.url
    settings.PACKAGE_CONTENT_ORIGIN = live_server.url.replace("localhost", "127.0.0.1")
    return type("Server", (), {"url": live_server.url})


def open_sco(chromium, server, learner, lesson, position=0, lesson_script_delay=0):  # noqa: F811
    context = chromium.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    if lesson_script_delay:
        page.route("**/scorm-lesson*.js", lambda route: (time.sleep(lesson_script_delay), route.continue_()))
    # What the commits got back and what the page and its frames logged, for the message of a test that fails
    # waiting for a text.
    page.commits, page.errors = [], []
    page.on("response", lambda response: "/commit/" in response.url and page.commits.append(response.status))
    page.on("requestfailed", lambda request: "/commit/" in request.url and page.commits.append(request.failure))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    log_in(page, server, learner)
    page.goto(f"{server.url}{lesson.url}launch/{position}/")
    return context, page, page.frame_locator("#scorm-frame").frame_locator("#sco")


def wait_for_text(scope, text, page):
    """Wait until ``text`` shows in ``scope`` (the SCO's frame or the lesson page's status)."""
    try:
        scope.get_by_text(text).wait_for()
    except PlaywrightTimeoutError:
        status = page.get_by_role("status").all_inner_texts()
        raise AssertionError(
            f"{text!r} never showed; the lesson says {status}, the commits got {page.commits}, errors {page.errors}"
        ) from None


def wait_until_completed(page):
    """The lesson page says the SCO's item is complete (the answer to a commit)."""
    wait_for_text(page.get_by_role("status"), "You completed this part of the lesson.", page)


def wait_for(condition, page):
    for _ in range(TIMEOUT_MS // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the server never got there")


def verbs(learner, lesson, item):  # noqa: F811
    activity = services.scorm.sco_activity(lesson, item)
    return sorted(statement.verb_id.rsplit("/", 1)[-1] for statement in api.query(activity=activity.iri, user=learner))


def test_scorm_2004_suspends_resumes_on_a_fresh_browser_and_completes(origins, chromium, learner, course):  # noqa: F811
    lesson = scorm_lesson(course, "2004-4")
    services.enrol(learner, course)
    item = lesson.package_items().get()

    context, page, sco = open_sco(chromium, origins, learner, lesson)
    sco.get_by_label("The vendor").check()
    assert page.frames[1].url.startswith(settings.PACKAGE_CONTENT_ORIGIN)
    sco.get_by_role("button", name="Save and leave").click()
    wait_for_text(sco, "Saved. You can close this lesson", page)
    wait_for(lambda: ScormCommit.objects.filter(terminated=True).exists(), page)
    attempt = ScormAttempt.objects.get(user=learner, item_key=item.item_key)
    assert attempt.exit == "suspend" and attempt.location == "question-1"
    assert attempt.suspend_data == '{"chosen":1}'
    context.close()

    context, page, sco = open_sco(chromium, origins, learner, lesson)
    wait_for_text(sco, "Welcome back: you were at question-1.", page)
    assert sco.get_by_label("The vendor").is_checked()
    sco.get_by_label("Members").check()
    sco.get_by_role("button", name="Check").click()
    wait_for_text(sco, "Correct: you passed.", page)
    wait_until_completed(page)
    page.screenshot(path="test-artifacts/screenshots/scorm_2004_completed.png", full_page=True)
    # The SCO finishes after its last commit: let the second session's terminating commit land first.
    wait_for(lambda: ScormCommit.objects.filter(terminated=True).count() == 2, page)
    context.close()

    attempt.refresh_from_db()
    assert (attempt.completion_status, attempt.success_status, attempt.score_scaled) == ("completed", "passed", 1)
    assert attempt.number == 1 and attempt.completed_at is not None
    progress = ItemProgress.objects.get(item_key=item.item_key)
    assert progress.completed_at is not None and progress.completed_by == "scorm"
    found = verbs(learner, lesson, item)
    for verb in ("initialized", "suspended", "resumed", "completed", "passed", "scored", "terminated"):
        assert verb in found, (verb, found)
    assert found.count("initialized") == 2 and found.count("terminated") == 2


def test_scorm_12_completes_by_its_mastery_score(origins, chromium, learner, course):  # noqa: F811
    lesson = scorm_lesson(course, "1.2")
    services.enrol(learner, course)
    item = lesson.package_items().get()
    # The bridge is ready before the lesson page listens (as on a loaded machine): it calls again until launched.
    context, page, sco = open_sco(chromium, origins, learner, lesson, lesson_script_delay=2)
    sco.get_by_label("Members").check()
    sco.get_by_role("button", name="Check").click()
    wait_until_completed(page)
    # The SCO finishes after its last commit: let the terminating commit land before the browser goes.
    wait_for(lambda: ScormCommit.objects.filter(terminated=True).exists(), page)
    context.close()
    attempt = ScormAttempt.objects.get(user=learner, item_key=item.item_key)
    assert attempt.version == "1.2" and attempt.success_status == "passed"
    assert attempt.cmi["core"]["lesson_status"] == "passed"
    assert ItemProgress.objects.get(item_key=item.item_key).completed_at is not None
    found = verbs(learner, lesson, item)
    assert {"initialized", "passed", "completed", "scored", "terminated"} <= set(found)


def test_a_two_sco_organisation_is_two_outline_items(origins, chromium, learner, course):  # noqa: F811
    lesson = scorm_lesson(course, "2004-3", scos=2)
    services.enrol(learner, course)
    first, second = lesson.package_items()
    context, page, _sco = open_sco(chromium, origins, learner, lesson)
    page.goto(f"{origins.url}{lesson.url}")
    outline = page.locator(".outline")
    assert outline.get_by_text("Deciding on ICT").is_visible() and outline.get_by_text("Open formats").is_visible()
    page.wait_for_load_state("networkidle")  # the first SCO's last commit, sent as it was left, lands first
    context.close()
    context, page, sco = open_sco(chromium, origins, learner, lesson, position=1)
    sco.get_by_label("Yes").check()
    sco.get_by_role("button", name="Check").click()
    wait_until_completed(page)
    context.close()
    assert ItemProgress.objects.get(item_key=second.item_key).completed_at is not None
    assert not ItemProgress.objects.filter(item_key=first.item_key, completed_at__isnull=False).exists()


def test_a_scorm_2004_sco_goes_on_to_the_next_one_by_its_navigation_request(origins, chromium, learner, course):  # noqa: F811
    lesson = scorm_lesson(course, "2004-4", scos=2)
    services.enrol(learner, course)
    first, second = lesson.package_items()
    context, page, sco = open_sco(chromium, origins, learner, lesson)
    sco.get_by_label("The vendor").check()
    # The LMS told the first SCO a next one exists (adl.nav.request_valid.continue); it asks to continue.
    sco.get_by_role("button", name="Next part").click()
    page.wait_for_url(f"**{lesson.url}launch/1/")
    wait_for_text(sco, "Is CSV open?", page)
    assert not sco.get_by_role("button", name="Next part").is_visible()  # the last SCO: nothing to continue to
    back = page.get_by_role("navigation", name="Parts of this lesson").get_by_role("link")
    assert back.all_inner_texts() == ["Previous part: Deciding on ICT"]
    page.screenshot(path="test-artifacts/screenshots/scorm_2004_next_sco.png", full_page=True)
    sco.get_by_label("Yes").check()
    sco.get_by_role("button", name="Check").click()
    wait_until_completed(page)
    wait_for(lambda: ScormCommit.objects.filter(terminated=True).count() == 2, page)
    context.close()
    left = ScormAttempt.objects.get(user=learner, item_key=first.item_key)
    assert left.exit == "suspend" and left.suspend_data == '{"chosen":1}'  # stored before the page went on
    assert ItemProgress.objects.get(item_key=second.item_key).completed_at is not None
    assert "terminated" in verbs(learner, lesson, first)


def test_a_scorm_2004_sco_chooses_another_sco_or_exits_to_the_lesson(origins, chromium, learner, course):  # noqa: F811
    lesson = scorm_lesson(course, "2004-4", scos=2)
    services.enrol(learner, course)
    first, _second = lesson.package_items()
    context, page, sco = open_sco(chromium, origins, learner, lesson, position=1)
    wait_for_text(sco, "Is CSV open?", page)

    def request(value):
        """What a SCO's own script does: set adl.nav.request, then end its session."""
        frame = next(frame for frame in page.frames if frame.url.endswith("sco.html"))
        frame.evaluate("(value) => { const api = window.parent.API_1484_11;"
                       " api.SetValue('adl.nav.request', value); api.Terminate(''); }", value)  # fmt: skip

    request(f"{{target={first.publisher_id}}}choice")
    page.wait_for_url(f"**{lesson.url}launch/0/")
    wait_for_text(sco, "Who decides on ICT?", page)
    request("exitAll")
    page.wait_for_url(f"{origins.url}{lesson.url}")
    context.close()
    assert ScormCommit.objects.filter(terminated=True).count() == 2
