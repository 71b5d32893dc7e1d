"""cmi5 through the LRS endpoint: launch, fetch URL, LaunchData, the AU's statements and what is refused."""

import copy
import json
import uuid
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from lms.xapi import api
from lms.xapi.cmi5.vocabulary import (
    CATEGORY_CMI5,
    CATEGORY_MOVE_ON,
    EXT_MASTERY_SCORE,
    EXT_SESSION_ID,
    VERB_ABANDONED,
    VERB_COMPLETED,
    VERB_FAILED,
    VERB_INITIALIZED,
    VERB_LAUNCHED,
    VERB_PASSED,
    VERB_SATISFIED,
    VERB_TERMINATED,
    VERB_WAIVED,
)
from lms.xapi.models import Statement

from .conftest import LRS

ACTOR = {"objectType": "Agent", "account": {"homePage": "https://example.org", "name": "learner-1"}}
AU = api.AUDefinition(
    lms_id="https://lms.example.org/au/1",
    publisher_id="https://publisher.example.org/au/1",
    url="http://content.testserver/content/au/index.html?unit=1",
    move_on="CompletedAndPassed",
    mastery_score=0.8,
    blocks=("https://lms.example.org/block/1",),
)
COURSE = api.CourseDefinition(
    lms_id="https://lms.example.org/course/1",
    publisher_id="https://publisher.example.org/course/1",
    blocks=(
        api.BlockDefinition(
            lms_id="https://lms.example.org/block/1", publisher_id="https://publisher.example.org/block/1"
        ),
    ),
    aus=(AU,),
)


class Session:
    """An AU in the learner's browser: launched, then speaking to the LRS with the token it fetched."""

    def __init__(self, launch_mode="Normal", registration=None, course=COURSE):
        self.registration = registration or uuid.uuid4()
        launch = api.cmi5_launch(course, course.aus[0], ACTOR, self.registration, launch_mode=launch_mode)
        self.url = launch.url
        self.params = {name: values[0] for name, values in parse_qs(urlsplit(launch.url).query).items()}
        self.session_id = str(launch.session.session_id)
        self.fetch_path = urlsplit(self.params["fetch"]).path
        self.lrs = None

    def fetch(self):
        return Client().post(self.fetch_path).json()

    def start(self):
        self.lrs = LRS("Basic " + self.fetch()["auth-token"])
        self.lrs.get("agents/profile", {"agent": json.dumps(ACTOR), "profileId": "cmi5LearnerPreferences"})
        return self

    def launch_data(self):
        params = {"stateId": "LMS.LaunchData", "activityId": AU.lms_id, "agent": json.dumps(ACTOR)}
        return self.lrs.get("activities/state", {**params, "registration": str(self.registration)})

    def statement(self, verb, **result):
        categories = [{"id": CATEGORY_CMI5}]
        if verb in (VERB_COMPLETED, VERB_PASSED, VERB_FAILED):
            categories.append({"id": CATEGORY_MOVE_ON})
        extensions = {EXT_SESSION_ID: self.session_id, EXT_MASTERY_SCORE: 0.8}
        body = {
            "id": str(uuid.uuid4()),
            "actor": copy.deepcopy(ACTOR),
            "verb": {"id": verb},
            "object": {"id": AU.lms_id},
            "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            "context": {
                "registration": str(self.registration),
                "contextActivities": {"category": categories, "grouping": [{"id": AU.publisher_id}]},
                "extensions": extensions,
            },
        }
        if result:
            body["result"] = result
        return body

    def send(self, statement):
        return self.lrs.put("statements", {"statementId": statement["id"]}, statement)


def verbs(registration):
    rows = Statement.objects.filter(registration=registration).order_by("stored", "pk")
    return [row.verb_id.rsplit("/", 1)[-1] for row in rows]


@pytest.mark.django_db
def test_a_launch_gives_the_parameters_the_launch_data_and_a_launched_statement():
    session = Session()
    assert session.url.startswith("http://content.testserver/content/au/index.html?unit=1&")
    assert session.params["activityId"] == AU.lms_id and json.loads(session.params["actor"]) == ACTOR
    assert session.params["endpoint"] == "http://testserver/xapi"
    session.start()
    data = session.launch_data().json()
    assert data["launchMode"] == "Normal" and data["moveOn"] == "CompletedAndPassed" and data["masteryScore"] == 0.8
    assert data["contextTemplate"]["extensions"][EXT_SESSION_ID] == session.session_id
    launched = Statement.objects.get(registration=session.registration, verb_id=VERB_LAUNCHED)
    assert launched.data["context"]["extensions"][EXT_SESSION_ID] == session.session_id


@pytest.mark.django_db
def test_the_fetch_url_gives_the_token_once():
    session = Session()
    assert "auth-token" in session.fetch()
    second = session.fetch()
    assert "auth-token" not in second and second["error-code"] == "1"


@pytest.mark.django_db
def test_the_aus_statements_name_their_session_credential_and_the_learner_as_authority():
    session = Session().start()
    initialized = session.statement(VERB_INITIALIZED)
    assert session.send(initialized).status_code == 204
    authority = Statement.objects.get(statement_id=initialized["id"]).data["authority"]
    assert authority["objectType"] == "Group"
    credential, learner = authority["member"]
    assert credential["account"]["name"] == f"cmi5-session:{session.session_id}"
    assert learner["account"] == ACTOR["account"]
    launched = Statement.objects.get(registration=session.registration, verb_id=VERB_LAUNCHED)
    assert launched.data["authority"] == api.platform_authority(), "the LMS's own statements stay the platform's"


@pytest.mark.django_db
def test_a_session_that_completes_and_passes_satisfies_block_and_course_then_ends():
    session = Session().start()
    assert session.send(session.statement(VERB_INITIALIZED)).status_code == 204
    assert session.send(session.statement(VERB_COMPLETED, completion=True, duration="PT5S")).status_code == 204
    passed = session.statement(VERB_PASSED, success=True, duration="PT9S", score={"scaled": 0.9})
    assert session.send(passed).status_code == 204
    assert session.send(session.statement(VERB_TERMINATED, duration="PT10S")).status_code == 204
    assert verbs(session.registration) == [
        "launched",
        "initialized",
        "completed",
        "passed",
        "satisfied",
        "satisfied",
        "terminated",
    ]
    satisfied = Statement.objects.filter(registration=session.registration, verb_id=VERB_SATISFIED)
    assert {row.activity_id for row in satisfied} == {COURSE.lms_id, COURSE.blocks[0].lms_id}
    after = session.send(session.statement("http://adlnet.gov/expapi/verbs/experienced"))
    assert after.status_code == 401
    assert session.launch_data().status_code == 401


def _without(key):
    def alter(statement):
        statement.pop(key)

    return alter


@pytest.mark.parametrize(
    ("verb", "result", "alter", "rule"),
    [
        (
            VERB_PASSED,
            {"success": True, "duration": "PT1S"},
            lambda s: s["actor"].update(objectType="Group"),
            "9.2.0.0-2",
        ),
        (
            VERB_PASSED,
            {"success": True, "duration": "PT1S"},
            lambda s: s.update(actor={"mbox": "mailto:x@example.org"}),
            "9.2.0.0-2",
        ),
        (
            VERB_PASSED,
            {"success": True, "duration": "PT1S"},
            lambda s: s["object"].update(id="https://x.org/other"),
            "8.1.5.0-6",
        ),
        (VERB_PASSED, {"success": True, "duration": "PT1S"}, _without("context"), "9.6.0.0-1"),
        (
            VERB_PASSED,
            {"success": True, "duration": "PT1S"},
            lambda s: s["context"].update(registration=str(uuid.uuid4())),
            "9.6.1.0-1",
        ),
        (
            VERB_PASSED,
            {"success": True, "duration": "PT1S"},
            lambda s: s["context"]["extensions"].pop(EXT_SESSION_ID),
            "9.6.3.1-4",
        ),
        (
            VERB_PASSED,
            {"success": True, "duration": "PT1S"},
            lambda s: s["context"]["extensions"].pop(EXT_MASTERY_SCORE),
            "9.6.3.2-2",
        ),
        (VERB_PASSED, {"success": True, "duration": "PT1S", "score": {"scaled": 0.5}}, None, "9.3.4.0-2"),
        (VERB_PASSED, {"success": True, "duration": "PT1S", "score": {"raw": 5}}, None, "9.5.1.0-3"),
        (VERB_PASSED, {"success": True, "duration": "PT1S", "completion": True}, None, "9.5.3.0-2"),
        (VERB_PASSED, {"success": False, "duration": "PT1S"}, None, "9.5.2.0-1"),
        (VERB_PASSED, {"success": True}, None, "9.5.4.1-1"),
        (VERB_FAILED, {"success": False, "duration": "PT1S", "score": {"scaled": 0.9}}, None, "9.3.4.0-2"),
        (VERB_COMPLETED, {"completion": True, "duration": "PT1S", "success": True}, None, "9.5.2.0-3"),
        (VERB_COMPLETED, {"completion": False, "duration": "PT1S"}, None, "9.5.3.0-1"),
        (VERB_COMPLETED, {"completion": True, "duration": "PT1S", "score": {"scaled": 1}}, None, "9.5.1.0-2"),
        (
            VERB_COMPLETED,
            {"completion": True, "duration": "PT1S"},
            lambda s: s["context"]["contextActivities"]["category"].pop(),
            "9.6.2.2-1",
        ),
        (VERB_INITIALIZED, {}, None, "9.3.2.0-3"),
        (
            "http://adlnet.gov/expapi/verbs/voided",
            {},
            lambda s: s.update(object={"objectType": "StatementRef", "id": str(uuid.uuid4())}),
            "6.3.0.0-1",
        ),
        (VERB_TERMINATED, {}, None, "9.5.4.1-1"),
        (
            "http://adlnet.gov/expapi/verbs/experienced",
            {},
            lambda s: s.update(timestamp="2026-01-01T10:00:00-06:00"),
            "9.7.0.0-1",
        ),
    ],
)
@pytest.mark.django_db
def test_statements_the_au_may_not_send_are_refused_with_403_and_not_stored(verb, result, alter, rule):
    session = Session().start()
    assert session.send(session.statement(VERB_INITIALIZED)).status_code == 204
    statement = session.statement(verb, **result)
    if alter:
        alter(statement)
    response = session.send(statement)
    assert response.status_code == 403, response.content
    assert rule in response.json()["message"]
    assert not Statement.objects.filter(statement_id=statement["id"]).exists()


@pytest.mark.django_db
def test_the_order_rules_of_a_session():
    session = Session().start()
    early = session.statement("http://adlnet.gov/expapi/verbs/experienced")
    assert session.send(early).status_code == 403  # before initialized
    session.send(session.statement(VERB_INITIALIZED))
    assert session.send(session.statement(VERB_COMPLETED, completion=True, duration="PT1S")).status_code == 204
    assert session.send(session.statement(VERB_COMPLETED, completion=True, duration="PT1S")).status_code == 403
    assert session.send(session.statement(VERB_FAILED, success=False, duration="PT1S")).status_code == 204
    assert session.send(session.statement(VERB_PASSED, success=True, duration="PT1S")).status_code == 403


@pytest.mark.django_db
def test_initialized_needs_the_learner_preferences_read_first():
    session = Session()
    session.lrs = LRS("Basic " + session.fetch()["auth-token"])
    response = session.send(session.statement(VERB_INITIALIZED))
    assert response.status_code == 403 and "11.0.0.0-3" in response.json()["message"]


@pytest.mark.django_db
def test_browse_mode_refuses_completed_and_the_launch_data_is_read_only():
    session = Session(launch_mode="Browse").start()
    session.send(session.statement(VERB_INITIALIZED))
    assert session.send(session.statement(VERB_COMPLETED, completion=True, duration="PT1S")).status_code == 403
    params = {"stateId": "LMS.LaunchData", "activityId": AU.lms_id, "agent": json.dumps(ACTOR)}
    params["registration"] = str(session.registration)
    assert session.lrs.put("activities/state", params, {"launchMode": "Normal"}).status_code == 403
    assert session.lrs.delete("activities/state", params).status_code == 403


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ({"languagePreference": "en-US,fr", "audioPreference": "loud"}, "application/json"),
        ({"languagePreference": "not comma separated", "audioPreference": "on"}, "application/json"),
        ({"audioPreference": "on"}, "application/json"),
        ("just text", "text/plain"),
    ],
)
@pytest.mark.django_db
def test_bad_learner_preferences_are_refused(body, content_type):
    session = Session().start()
    params = {"agent": json.dumps(ACTOR), "profileId": "cmi5LearnerPreferences"}
    response = session.lrs.request("PUT", "agents/profile", params, body, content_type=content_type)
    assert response.status_code == 403


@pytest.mark.django_db
def test_another_actors_documents_are_refused():
    session = Session().start()
    other = {"objectType": "Agent", "account": {"homePage": "https://example.org", "name": "someone-else"}}
    response = session.lrs.get("agents/profile", {"agent": json.dumps(other), "profileId": "cmi5LearnerPreferences"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_second_launch_abandons_the_open_session_and_completed_stays_once_per_registration():
    first = Session().start()
    first.send(first.statement(VERB_INITIALIZED))
    first.send(first.statement(VERB_COMPLETED, completion=True, duration="PT1S"))
    second = Session(registration=first.registration).start()
    assert Statement.objects.filter(registration=first.registration, verb_id=VERB_ABANDONED).count() == 1
    assert first.send(first.statement("http://adlnet.gov/expapi/verbs/experienced")).status_code == 401
    second.send(second.statement(VERB_INITIALIZED))
    assert second.send(second.statement(VERB_COMPLETED, completion=True, duration="PT1S")).status_code == 403


@pytest.mark.django_db
def test_waiving_an_au_stores_waived_and_satisfies_the_course():
    session = Session()
    api.cmi5_waive(session.registration, 0, "Administrative")
    assert verbs(session.registration)[-3:] == ["waived", "satisfied", "satisfied"]
    waived = Statement.objects.get(registration=session.registration, verb_id=VERB_WAIVED)
    assert waived.data["result"]["success"] is True and waived.data["result"]["completion"] is True
    with pytest.raises(LookupError):
        api.cmi5_waive(uuid.uuid4(), 0, "Administrative")


def abandoned_sessions(registrations):
    rows = Statement.objects.filter(registration__in=registrations, verb_id=VERB_ABANDONED)
    return sorted(row.data["context"]["extensions"][EXT_SESSION_ID] for row in rows)


@pytest.mark.django_db
def test_the_sweep_abandons_each_expired_open_session_once_and_leaves_live_and_terminated_ones():
    from datetime import timedelta

    from django.utils import timezone

    from lms.xapi.cmi5.models import Cmi5Session
    from lms.xapi.tasks import abandon_expired_cmi5_sessions

    played = Session().start()  # initialized, then the learner closed the tab
    played.send(played.statement(VERB_INITIALIZED))
    never_opened = Session()  # launched, the AU never fetched its token
    live = Session().start()
    live.send(live.statement(VERB_INITIALIZED))
    finished = Session().start()
    finished.send(finished.statement(VERB_INITIALIZED))
    assert finished.send(finished.statement(VERB_TERMINATED, duration="PT1M")).status_code == 204
    expired = [played.session_id, never_opened.session_id, finished.session_id]
    Cmi5Session.objects.filter(session_id__in=expired).update(expires=timezone.now() - timedelta(seconds=1))
    registrations = [session.registration for session in (played, never_opened, live, finished)]

    abandon_expired_cmi5_sessions.apply()  # in this process: the rows are in the test's transaction
    assert abandoned_sessions(registrations) == sorted([played.session_id, never_opened.session_id])
    assert verbs(played.registration) == ["launched", "initialized", "abandoned"]
    abandoned = Statement.objects.get(registration=played.registration, verb_id=VERB_ABANDONED)
    assert abandoned.data["result"]["duration"].startswith("PT")
    assert Cmi5Session.objects.get(session_id=live.session_id).closed == ""
    assert Cmi5Session.objects.get(session_id=finished.session_id).closed == "terminated"

    abandon_expired_cmi5_sessions.apply()  # in this process: the rows are in the test's transaction
    assert abandoned_sessions(registrations) == sorted([played.session_id, never_opened.session_id])
    assert live.send(live.statement("http://adlnet.gov/expapi/verbs/experienced")).status_code == 204
