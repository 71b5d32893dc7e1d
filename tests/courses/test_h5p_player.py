"""The H5P player's endpoints: launch from the lesson, content origin only, the saved state, and completing
the lesson only once the LRS holds the learner's statement that they finished the activity."""

import json
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from courses import services
from courses.factories import LessonPageFactory
from courses.models import H5PState, ItemProgress
from lms.accounts.factories import UserFactory
from lms.xapi import api, vocabulary
from lms.xapi.models import Statement
from tests.courses.h5p_helpers import make_activity

pytestmark = pytest.mark.django_db
CONTENT_HOST = "content.testserver"


@pytest.fixture(autouse=True)
def content_origin(settings):
    settings.PACKAGE_CONTENT_ORIGIN = f"http://{CONTENT_HOST}"


@pytest.fixture
def activity():
    return make_activity()


@pytest.fixture
def lesson(course, activity):
    return LessonPageFactory(
        parent=course, title="Practice", slug="practice", body=[("h5p", {"activity": activity, "completion": "passed"})]
    )


def launch(client, lesson, activity):
    response = client.get(f"/h5p/launch/{lesson.pk}/{activity.key}/")
    assert response.status_code == 302
    address = urlsplit(response["Location"])
    assert address.netloc == CONTENT_HOST
    return address.path, {name: values[0] for name, values in parse_qs(address.query).items()}


def test_launch_needs_an_enrolled_learner(client, learner, lesson, activity):
    assert client.get(f"/h5p/launch/{lesson.pk}/{activity.key}/").status_code == 403
    client.force_login(learner)
    assert client.get(f"/h5p/launch/{lesson.pk}/{activity.key}/").status_code == 403
    services.enrol(learner, lesson.course)
    path, query = launch(client, lesson, activity)
    assert path == f"/h5p/{activity.key}/player/"
    assert query["registration"] == str(learner.enrolments.get().registration)


def test_player_files_and_state_exist_only_on_the_content_origin(client, learner, lesson, activity):
    services.enrol(learner, lesson.course)
    client.force_login(learner)
    path, query = launch(client, lesson, activity)
    content = Client(HTTP_HOST=CONTENT_HOST)
    # Not on the platform's host (the language middleware first tries the address under /en/).
    assert client.get(path, query, follow=True).status_code == 404
    assert client.get(f"/h5p/{activity.key}/files/h5p.json", follow=True).status_code == 404
    player = content.get(path, query)
    assert player.status_code == 200
    assert player["Content-Security-Policy"] == "frame-ancestors http://testserver"
    config = player.context["config"]
    assert config["actor"] == api.actor_for(learner) and config["activity"] == activity.xapi_iri
    h5p_json = content.get(f"/h5p/{activity.key}/files/h5p.json")
    assert json.loads(b"".join(h5p_json.streaming_content))["mainLibrary"] == "IPU.QuickCheck"
    assert content.get(f"/h5p/{activity.key}/files/../../settings.py").status_code == 404
    assert content.get(f"/h5p/{activity.key}/files/nothing.json").status_code == 404
    assert content.get(path, {**query, "token": "forged"}).status_code == 403


def test_the_players_lrs_token_writes_no_statement_about_another_person(client, learner, lesson, activity):
    services.enrol(learner, lesson.course)
    client.force_login(learner)
    path, query = launch(client, lesson, activity)
    config = Client(HTTP_HOST=CONTENT_HOST).get(path, query).context["config"]
    # The activity's scripts post from the content origin, where the learner has no session: only the token.
    lrs = Client(HTTP_AUTHORIZATION=config["auth"], HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    endpoint = urlsplit(config["endpoint"]).path
    learner_actor, someone_else = config["actor"], api.actor_for(UserFactory())
    answered = {"id": vocabulary.ANSWERED.id, "display": {"en-US": "answered"}}

    def statement(actor, obj):
        return {"id": str(uuid.uuid4()), "actor": actor, "verb": answered, "object": obj}

    as_someone_else = statement(someone_else, {"id": config["activity"]})
    about_someone_else = statement(
        learner_actor,
        {"objectType": "SubStatement", "actor": someone_else, "verb": answered, "object": {"id": config["activity"]}},
    )
    stored = set(Statement.objects.values_list("statement_id", flat=True))
    for body in (
        as_someone_else,
        about_someone_else,
        [statement(learner_actor, {"id": config["activity"]}), as_someone_else],
    ):
        response = lrs.post(endpoint, json.dumps(body), content_type="application/json")
        assert response.status_code == 403, response.content
        assert "only about its own learner" in response.json()["message"]
        assert set(Statement.objects.values_list("statement_id", flat=True)) == stored
    own = statement(learner_actor, {"id": config["activity"]})
    assert lrs.post(endpoint, json.dumps(own), content_type="application/json").status_code == 200
    assert Statement.objects.get(statement_id=own["id"]).data["actor"] == learner_actor


def test_state_is_saved_resumed_and_refused_when_bad(client, learner, lesson, activity):
    services.enrol(learner, lesson.course)
    client.force_login(learner)
    _path, query = launch(client, lesson, activity)
    content = Client(HTTP_HOST=CONTENT_HOST, enforce_csrf_checks=True)
    state = f"/h5p/{activity.key}/state/state/0/?token={query['token']}"
    assert content.get(state).json() == {"success": True, "data": False}
    assert content.post(state, {"data": json.dumps({"chosen": 1}), "preload": 1}).json() == {"success": True}
    assert content.get(state).json() == {"success": True, "data": '{"chosen": 1}'}
    assert content.post(state, {"data": "not json"}).status_code == 400
    assert content.post(state, {"data": '"a\x00b"'}).status_code == 400
    assert content.post(state, {"data": json.dumps("x" * 600_000)}).status_code == 400
    assert content.post(state, {}).status_code == 400
    assert content.get(state.replace(query["token"], "forged")).status_code == 403
    other = make_activity(title="Another")
    assert content.get(f"/h5p/{other.key}/state/state/0/?token={query['token']}").status_code == 403
    # The saved state comes back preloaded in the player, on any device.
    player = content.get(f"/h5p/{activity.key}/player/", query)
    assert player.context["config"]["userData"] == {"0": {"state": '{"chosen": 1}'}}
    assert content.post(state, {"data": "0"}).json() == {"success": True}
    assert not H5PState.objects.exists()


def _passed(learner, activity, success=True):
    api.record(
        learner,
        vocabulary.ANSWERED,
        api.Activity(activity.xapi_iri, vocabulary.INTERACTION, {"en": activity.title}),
        result={"success": success, "completion": True, "score": {"scaled": 1.0 if success else 0.0}},
        event_key=str(success),
    )


def test_the_lesson_completes_only_when_the_lrs_shows_the_activity_passed(client, learner, lesson, activity):
    enrolment, _created = services.enrol(learner, lesson.course)
    client.force_login(learner)
    complete = f"{lesson.url}complete/"
    data = {"by": "activity", "activity": str(activity.key)}
    refused = client.post(complete, data, HTTP_ACCEPT="application/json")
    assert refused.status_code == 400 and "no statement" in refused.json()["error"]
    _passed(learner, activity, success=False)
    assert client.post(complete, data, HTTP_ACCEPT="application/json").status_code == 400  # failed is not passed
    assert client.post(complete, {**data, "activity": "not-in-the-lesson"}).status_code == 400
    someone_else = UserFactory()
    _passed(someone_else, activity)
    assert client.post(complete, data, HTTP_ACCEPT="application/json").status_code == 400
    _passed(learner, activity)
    assert client.post(complete, data, HTTP_ACCEPT="application/json").status_code == 200
    progress = ItemProgress.objects.get(enrolment=enrolment, item_key=lesson.translation_key)
    assert progress.completed_by == "activity"
