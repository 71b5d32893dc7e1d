"""The public module other apps use: recording statements for learners, reading them back."""

import uuid
from datetime import UTC, datetime

import pytest
from django.db import transaction

from lms.accounts.factories import UserFactory
from lms.xapi import api, vocabulary
from lms.xapi.models import Statement, StatementIdConflict, XapiSettings

from .conftest import recorded

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner():
    return UserFactory(email="ana@example.org")


@pytest.fixture
def course():
    return api.Activity(
        api.activity_iri("course", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        vocabulary.COURSE,
        {"en": "ICT governance", "fr": "Gouvernance des TIC"},
    )


@pytest.fixture
def lesson():
    return api.Activity(api.activity_iri("lesson", "k1"), vocabulary.LESSON, {"en": "Open data"})


def test_record_stores_a_valid_statement_with_the_learner_as_a_pseudonymous_account(learner, lesson, course):
    row = recorded(learner, vocabulary.COMPLETED, lesson, result={"completion": True}, parents=[course])
    data = row.data
    pseudonym = data["actor"]["account"]["name"]
    assert data["actor"] == {"objectType": "Agent", "account": {"homePage": "http://testserver", "name": pseudonym}}
    assert uuid.UUID(pseudonym)
    assert "ana@example.org" not in str(data)
    assert data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert data["object"]["id"] == "http://testserver/xapi/activities/lesson/k1"
    assert data["context"]["contextActivities"]["parent"][0]["id"] == course.iri
    assert data["result"] == {"completion": True}
    assert data["authority"]["account"]["homePage"] == "http://testserver"
    assert row.user == learner and row.activity_id == lesson.iri and row.verb_id == vocabulary.COMPLETED.id


def test_the_pseudonym_is_stable_and_differs_between_learners(learner):
    other = UserFactory(email="bo@example.org")
    assert api.actor_for(learner) == api.actor_for(learner)
    assert api.actor_for(learner) != api.actor_for(other)


def test_the_same_event_recorded_twice_is_stored_once(learner, lesson):
    registration = uuid.uuid4()
    first = recorded(learner, vocabulary.COMPLETED, lesson, registration=registration)
    second = recorded(learner, vocabulary.COMPLETED, lesson, registration=registration)
    third = recorded(learner, vocabulary.COMPLETED, lesson, registration=registration, event_key="attempt-2")
    assert first.pk == second.pk != third.pk
    assert Statement.objects.count() == 2
    assert first.registration == registration


def test_record_runs_in_the_callers_transaction(learner, lesson):
    with pytest.raises(RuntimeError), transaction.atomic():
        api.record(learner, vocabulary.EXPERIENCED, lesson)
        raise RuntimeError("the caller's work failed")
    assert not Statement.objects.exists()


def test_record_refuses_an_invalid_statement_naming_the_field(learner, lesson):
    with pytest.raises(api.StatementError, match=r"statement.result.score.scaled"):
        api.record(learner, vocabulary.SCORED, lesson, result={"score": {"scaled": 3}})


def test_timestamp_language_and_extensions_are_kept(learner, lesson):
    when = datetime(2026, 5, 1, 12, 30, tzinfo=UTC)
    row = recorded(
        learner, vocabulary.PROGRESSED, lesson, timestamp=when, language="fr",
        extensions={vocabulary.EXTENSION_PROGRESS: 40},
    )  # fmt: skip
    assert row.timestamp == when
    assert row.data["context"]["language"] == "fr"
    assert row.data["context"]["extensions"] == {vocabulary.EXTENSION_PROGRESS: 40}


def test_statements_for_returns_the_learners_statements_newest_first(learner, lesson, course):
    other = UserFactory()
    first = recorded(learner, vocabulary.LAUNCHED, lesson)
    second = recorded(learner, vocabulary.COMPLETED, course)
    api.record(other, vocabulary.LAUNCHED, lesson)
    assert list(api.statements_for(learner)) == [second, first]


def test_an_administrator_may_choose_the_email_address_as_identity(learner, lesson):
    before = recorded(learner, vocabulary.EXPERIENCED, lesson)  # the choice in force is remembered now
    assert "account" in before.data["actor"]
    settings_row = XapiSettings.load()
    settings_row.learner_identity = XapiSettings.Identity.MBOX
    settings_row.save()
    row = recorded(learner, vocabulary.LAUNCHED, lesson)  # at once, the new choice
    assert row.data["actor"] == {"objectType": "Agent", "mbox": "mailto:ana@example.org"}
    assert set(api.statements_for(learner)) == {before, row}


def test_activity_iris_are_the_same_in_every_language():
    assert api.activity_iri("course", "abc") == "http://testserver/xapi/activities/course/abc"


def test_query_finds_statements_for_reports(learner, lesson, course):
    other = UserFactory()
    completed = recorded(learner, vocabulary.COMPLETED, lesson, parents=[course])
    api.record(other, vocabulary.LAUNCHED, lesson, parents=[course])
    assert list(api.query(verb=vocabulary.COMPLETED, activity=lesson)) == [completed]
    assert api.query(activity=course).count() == 0
    assert api.query(activity=course, related=True).count() == 2
    assert list(api.query(user=learner)) == [completed]


def test_platform_statement_ids_depend_on_a_server_secret(learner, lesson, settings):
    actor = api.actor_for(learner)
    public_parts = uuid.uuid5(api.STATEMENT_NAMESPACE, "\n".join([f"account:{actor}", vocabulary.COMPLETED.id]))
    first = api.statement_id_for(actor, vocabulary.COMPLETED, lesson, event_key="1")
    assert first == api.statement_id_for(actor, vocabulary.COMPLETED, lesson, event_key="1")
    assert first != public_parts
    settings.XAPI_STATEMENT_ID_KEY = "another secret"
    assert api.statement_id_for(actor, vocabulary.COMPLETED, lesson, event_key="1") != first


def test_a_platform_statement_whose_id_is_taken_is_stored_under_another_and_shown_to_administrators(
    learner, lesson, admin_client
):
    from .conftest import LRS, basic, make_client, statement

    taken = api.statement_id_for(api.actor_for(learner), vocabulary.FAILED, lesson, event_key="attempt-1")
    client, secret = make_client()
    forged = statement(id=str(taken), actor=api.actor_for(learner), verb=vocabulary.PASSED.as_xapi())
    assert LRS(basic(client.key, secret)).post("statements", forged).status_code == 200
    row = recorded(learner, vocabulary.FAILED, lesson, event_key="attempt-1")
    assert row.statement_id != taken
    assert row.data["verb"]["id"] == vocabulary.FAILED.id
    assert row.data["authority"] == api.platform_authority()
    conflict = StatementIdConflict.objects.get()
    assert (conflict.statement_id, conflict.stored_as) == (taken, row.statement_id)
    assert conflict.existing_authority["account"]["name"] == client.key
    from django.urls import reverse

    listing = admin_client.get(reverse("xapi_id_conflicts:index"))
    assert listing.status_code == 200 and str(taken) in listing.content.decode()
    edit = admin_client.get(reverse("xapi_id_conflicts:edit", args=[conflict.pk]))
    assert edit.status_code in (302, 403)
