"""An enrolled learner plays a lesson's YouTube or Vimeo video to the end and the lesson completes itself.

There is no internet here: Playwright answers the provider's address with a small player page that speaks the
provider's real postMessage protocol, so its messages genuinely come from the provider's origin.
"""

import pytest
from django.conf import settings
from django.test import Client

from courses import services
from courses.factories import LessonPageFactory
from courses.models import Enrolment, ItemProgress
from tests.courses.conftest import catalog, course, hub, learner, topic  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The YouTube IFrame API: once the page says it is listening, the player reports its state to the page
# named in the embed's "origin" parameter (never to "*"); state 0 is "ended".
YOUTUBE_PLAYER = """<!doctype html><title>YouTube</title><script>
var answered = false;
window.addEventListener("message", function (event) {
  var message = JSON.parse(event.data);
  if (message.event !== "listening" || answered) return;
  answered = true;
  var origin = new URLSearchParams(location.search).get("origin");
  function send(name, info) {
    parent.postMessage(JSON.stringify({event: name, info: info, id: 1, channel: "widget"}), origin);
  }
  send("onReady", null);
  send("onStateChange", 1);
  send("infoDelivery", {playerState: 1, currentTime: 12});
  send("onStateChange", 0);
});
</script>"""

# Vimeo's player.js protocol: the player announces "ready", the page subscribes to "ended", the player reports it.
VIMEO_PLAYER = """<!doctype html><title>Vimeo</title><script>
var answered = false;
parent.postMessage(JSON.stringify({event: "ready", player_id: ""}), "*");
window.addEventListener("message", function (event) {
  var message = JSON.parse(event.data);
  if (message.method !== "addEventListener" || message.value !== "ended" || answered) return;
  answered = true;
  function send(name, data) { event.source.postMessage(JSON.stringify({event: name, data: data}), event.origin); }
  send("timeupdate", {seconds: 12, percent: 0.13, duration: 93});
  send("ended", {seconds: 93, percent: 1, duration: 93});
});
</script>"""

# Another site sends both providers' "ended" messages: nothing must come of it.
IMPOSTOR = """<!doctype html><title>Elsewhere</title><script>
parent.postMessage(JSON.stringify({event: "onStateChange", info: 0, id: 1, channel: "widget"}), "*");
parent.postMessage(JSON.stringify({event: "infoDelivery", info: {playerState: 0}, id: 1, channel: "widget"}), "*");
parent.postMessage(JSON.stringify({event: "ended", data: {}}), "*");
parent.postMessage(JSON.stringify({event: "finish"}), "*");
parent.postMessage("impostor-done", "*");
</script>"""

PROVIDERS = {
    "youtube": ("https://www.youtube.com/watch?v=abcdefghijk", "https://www.youtube-nocookie.com", YOUTUBE_PLAYER),
    "vimeo": ("https://vimeo.com/76979871", "https://player.vimeo.com", VIMEO_PLAYER),
}


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


def lesson_completed(lesson):
    return ItemProgress.objects.filter(item_key=lesson.translation_key, completed_at__isnull=False).exists()


# The Content-Security-Policy would not even let another site's frame load; bypassing it here shows that the
# script itself ignores messages from any origin but the player's.
@pytest.mark.browser_context(bypass_csp=True)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_lesson_completes_when_its_embedded_video_ends(provider, live_server, browser_page, learner, course):  # noqa: F811
    video_url, player_origin, player_html = PROVIDERS[provider]
    lesson = LessonPageFactory(
        parent=course,
        title="The opening plenary",
        slug="plenary",
        body=[("video", {"title": "Opening", "url": video_url})],
    )
    services.enrol(learner, course)
    page = browser_page
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(f"{player_origin}/**", lambda route: route.fulfill(content_type="text/html", body=player_html))
    page.route("https://elsewhere.example/**", lambda route: route.fulfill(content_type="text/html", body=IMPOSTOR))
    log_in(page, live_server, learner)

    page.goto(f"{live_server.url}{lesson.url}")
    page.get_by_role("button", name="Mark as complete").wait_for()
    assert all(url.startswith(live_server.url) for url in requested)  # nothing reaches the provider before play

    # Messages from any other origin, another site's frame or the page itself, are ignored.
    page.evaluate(
        """() => new Promise(resolve => {
            window.addEventListener("message", event => { if (event.data === "impostor-done") resolve(); });
            window.postMessage(JSON.stringify({event: "onStateChange", info: 0}), "*");
            window.postMessage(JSON.stringify({event: "ended"}), "*");
            const frame = document.createElement("iframe");
            frame.src = "https://elsewhere.example/player";
            document.body.append(frame);
        })"""
    )
    page.wait_for_timeout(500)  # time for a (wrongly) started completion request to land
    assert page.get_by_role("button", name="Mark as complete").is_visible()
    assert not lesson_completed(lesson)

    page.get_by_role("link", name="Play video: Opening").click()
    frame = page.locator("iframe.video__frame")
    assert frame.get_attribute("src").startswith(player_origin)
    page.get_by_role("status").get_by_text("You completed this lesson.").wait_for()
    # The sidebar shows the new progress without a reload: the bar, and this lesson ticked in the outline.
    percent = Enrolment.objects.get(user=learner).progress
    assert percent > 0
    assert page.locator("#course-progress").inner_text() == f"{percent}% complete"
    assert page.locator("progress[aria-labelledby='course-progress']").evaluate("bar => bar.value") == percent
    outline_entry = page.locator(".outline__item", has=page.locator("a[aria-current='page']"))
    assert "outline__item--done" in outline_entry.get_attribute("class")
    assert outline_entry.locator(".outline__done").inner_text() == "completed"
    progress = ItemProgress.objects.get(item_key=lesson.translation_key)
    assert progress.completed_at is not None and progress.completed_by == "video"
