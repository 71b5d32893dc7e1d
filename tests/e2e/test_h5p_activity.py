"""A learner plays an H5P activity in a lesson (h5p-standalone on the content origin), leaves, resumes on a
fresh browser, and finishing it completes the lesson; its statements are in the platform's LRS."""

import pytest

from courses import services
from courses.factories import LessonPageFactory
from courses.models import H5PState, ItemProgress
from lms.xapi import api, vocabulary
from tests.courses.conftest import catalog, course, hub, learner, topic  # noqa: F401 (fixtures)
from tests.courses.h5p_helpers import make_activity
from tests.e2e.test_lesson_completes_when_its_video_ends import log_in
from tests.fixtures.browser import TIMEOUT_MS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def origins(live_server, settings):
    """The platform on ``localhost``, the content origin on ``127.0.0.1``: two origins, one server."""
    settings.BASE_URL = live_server.url
    settings.PACKAGE_CONTENT_ORIGIN = live_server.url.replace("localhost", "127.0.0.1")
    return live_server.url, settings.PACKAGE_CONTENT_ORIGIN


def h5p_frame(page):
    frame = page.frame_locator("iframe.h5p-activity__frame")
    return frame


def test_h5p_activity_resumes_and_completes_the_lesson(origins, chromium, learner, course):  # noqa: F811
    platform, content = origins
    activity = make_activity()
    lesson = LessonPageFactory(
        parent=course,
        title="Practice",
        slug="practice",
        body=[("h5p", {"activity": activity, "completion": "completed"})],
    )
    services.enrol(learner, course)

    first = chromium.new_context(locale="en-GB")
    page = first.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    log_in(page, type("Server", (), {"url": platform}), learner)
    page.goto(platform + lesson.url)
    frame_element = page.locator("iframe.h5p-activity__frame")
    assert frame_element.get_attribute("data-h5p-origin") == content
    activity_frame = h5p_frame(page)
    activity_frame.get_by_label("The ICT vendor").check()
    # H5P saves the state every two seconds to the content origin, with the learner's state token.
    for _ in range(TIMEOUT_MS // 200):
        if H5PState.objects.filter(user=learner, activity_key=activity.key).exists():
            break
        page.wait_for_timeout(200)
    state = H5PState.objects.get(user=learner, activity_key=activity.key)
    assert '"chosen":1' in state.data.replace(" ", "")
    assert page.frames[1].url.startswith(content + "/h5p/")
    first.close()

    # Another device: the saved choice comes back, the learner corrects it and checks.
    second = chromium.new_context(locale="en-GB")
    page = second.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    log_in(page, type("Server", (), {"url": platform}), learner)
    page.goto(platform + lesson.url)
    activity_frame = h5p_frame(page)
    activity_frame.get_by_label("The ICT vendor").wait_for()
    assert activity_frame.get_by_label("The ICT vendor").is_checked()
    activity_frame.get_by_label("Members and the secretary general together").check()
    activity_frame.get_by_role("button", name="Check").click()
    activity_frame.get_by_role("status").get_by_text("Correct.").wait_for()
    page.get_by_role("status").get_by_text("You completed this lesson.").wait_for()
    page.screenshot(path="test-artifacts/screenshots/h5p_activity_completed.png", full_page=True)
    second.close()

    progress = ItemProgress.objects.get(item_key=lesson.translation_key)
    assert progress.completed_by == "activity"
    answered = api.query(verb=vocabulary.ANSWERED, activity=activity.xapi_iri, user=learner)
    assert answered.count() == 1
    statement = answered.get().data
    assert statement["actor"] == api.actor_for(learner)
    assert statement["result"]["score"]["raw"] == 1 and statement["result"]["success"] is True
    assert statement["context"]["registration"] == str(learner.enrolments.get().registration)
