"""The Statement resource: storing, fetching, querying, paging, voiding, formats and the protocol's status codes."""

import json
import time

import pytest

from lms.xapi.models import Statement

from .conftest import LRS, new_id, statement

pytestmark = pytest.mark.django_db

ANA = {"objectType": "Agent", "mbox": "mailto:ana@example.org"}
BO = {"objectType": "Agent", "mbox": "mailto:bo@example.org"}
LESSON = "http://example.org/activities/open-data"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def ids_of(response):
    return [s["id"] for s in response.json()["statements"]]


def test_post_one_statement_returns_its_id_and_stores_it_with_lrs_properties(lrs):
    response = lrs.post("statements", statement())
    assert response.status_code == 200
    [statement_id] = response.json()
    stored = lrs.get("statements", {"statementId": statement_id}).json()
    assert stored["id"] == statement_id
    assert stored["authority"]["name"] == "tester"
    assert stored["stored"] and stored["timestamp"] and stored["version"] == "1.0.3"
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_post_a_batch_stores_all_or_nothing(lrs):
    good, bad = statement(), statement(verb={"id": "not an iri"})
    response = lrs.post("statements", [good, good, bad])
    assert response.status_code == 400
    assert "statements[2].verb.id" in response.json()["message"]
    assert Statement.objects.count() == 0
    assert len(lrs.post("statements", [good, good]).json()) == 2


def test_put_stores_under_the_given_id_and_is_idempotent(lrs):
    statement_id = new_id()
    assert lrs.put("statements", {"statementId": statement_id}, statement()).status_code == 204
    assert lrs.put("statements", {"statementId": statement_id}, statement()).status_code == 204
    assert Statement.objects.count() == 1
    changed = statement(verb={"id": COMPLETED})
    assert lrs.put("statements", {"statementId": statement_id}, changed).status_code == 409


@pytest.mark.parametrize(
    ("params", "body", "reason"),
    [
        ({}, statement(), "statementId"),
        ({"statementId": "nope"}, statement(), "statementId"),
        ({"statementId": new_id()}, statement(id=new_id()), "statement.id"),
        ({"statementId": new_id()}, [statement()], "one statement"),
        ({"statementId": new_id(), "extra": "1"}, statement(), "only the statementId"),
    ],
)
def test_put_errors(lrs, params, body, reason):
    response = lrs.put("statements", params, body)
    assert response.status_code == 400
    assert reason in response.json()["message"]


def test_post_with_an_existing_id_and_same_content_is_accepted_different_content_conflicts(lrs):
    body = statement(id=new_id())
    assert lrs.post("statements", body).status_code == 200
    assert lrs.post("statements", body).status_code == 204  # nothing new: no content
    fresh = statement(id=new_id())
    assert lrs.post("statements", [body, fresh]).json() == [body["id"], fresh["id"]]
    assert lrs.post("statements", {**body, "verb": {"id": COMPLETED}}).status_code == 409
    assert lrs.post("statements", [body, body]).status_code == 400  # the same id twice in one batch


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[]", "application/json", 400),
        (b"[1]", "application/json", 400),
        (b"{}", "text/plain", 400),
        (b"{}", "", 400),
    ],
)
def test_malformed_bodies(lrs, body, content_type, status):
    assert lrs.post("statements", body, content_type=content_type).status_code == status


def test_the_version_header_is_required(db, lrs):
    lrs.headers.pop("HTTP_X_EXPERIENCE_API_VERSION")
    response = lrs.post("statements", statement())
    assert response.status_code == 400 and "X-Experience-API-Version" in response.json()["message"]
    assert lrs.post("statements", statement(), HTTP_X_EXPERIENCE_API_VERSION="0.95").status_code == 400
    assert lrs.post("statements", statement(), HTTP_X_EXPERIENCE_API_VERSION="1.0.1").status_code == 200


def test_the_about_resource_needs_no_credentials_nor_version(db):
    response = LRS(version=None).get("about")
    assert response.status_code == 200
    assert "1.0.3" in response.json()["version"]
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_credentials_are_required(db):
    response = LRS().post("statements", statement())
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    assert LRS("Basic bm9ib2R5Om5vdGhpbmc=").get("statements").status_code == 401
    assert LRS("Basic !!!").get("statements").status_code == 401
    assert LRS("Digest abc").get("statements").status_code == 401


def test_get_single_statement_and_voided_statement(lrs):
    target = new_id()
    lrs.put("statements", {"statementId": target}, statement())
    response = lrs.get("statements", {"statementId": target})
    assert response.status_code == 200 and response["Last-Modified"]
    assert "X-Experience-API-Consistent-Through" in response
    voiding = statement(verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
                        object={"objectType": "StatementRef", "id": target})  # fmt: skip
    [voiding_id] = lrs.post("statements", voiding).json()
    assert lrs.get("statements", {"statementId": target}).status_code == 404
    assert lrs.get("statements", {"voidedStatementId": target}).json()["id"] == target
    assert lrs.get("statements", {"voidedStatementId": voiding_id}).status_code == 404
    assert lrs.get("statements", {"statementId": new_id()}).status_code == 404
    # a voided statement drops out of queries; the voiding one is listed
    assert ids_of(lrs.get("statements")) == [voiding_id]


def test_a_voiding_statement_cannot_be_voided(lrs):
    target = lrs.post("statements", statement()).json()[0]
    voiding = statement(verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
                        object={"objectType": "StatementRef", "id": target})  # fmt: skip
    voiding_id = lrs.post("statements", voiding).json()[0]
    again = {**voiding, "object": {"objectType": "StatementRef", "id": voiding_id}}
    response = lrs.post("statements", again)
    assert response.status_code == 400 and "voiding" in response.json()["message"]


def test_a_statement_arriving_after_its_voiding_statement_is_voided(lrs):
    target = new_id()
    voiding = statement(verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
                        object={"objectType": "StatementRef", "id": target})  # fmt: skip
    lrs.post("statements", voiding)
    lrs.put("statements", {"statementId": target}, statement())
    assert lrs.get("statements", {"voidedStatementId": target}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"statementId": "abc"},
        {"statementId": new_id(), "voidedStatementId": new_id()},
        {"statementId": new_id(), "verb": COMPLETED},
        {"agent": "{not json"},
        {"agent": json.dumps({"name": "no identifier"})},
        {"verb": "not an iri"},
        {"activity": "not an iri"},
        {"registration": "nope"},
        {"since": "yesterday"},
        {"until": "2026-01-01"},
        {"limit": "-1"},
        {"limit": "ten"},
        {"format": "full"},
        {"ascending": "yes"},
        {"related_agents": "1"},
        {"unknown": "x"},
        {"more": "forged"},
    ],
)
def test_query_errors_are_400(lrs, params):
    response = lrs.get("statements", params)
    assert response.status_code == 400, response.content
    assert response.json()["message"]


@pytest.fixture
def stored(lrs):
    """Five statements, stored one after the other."""
    registration = new_id()
    bodies = [
        statement(actor=ANA),
        statement(actor=BO, verb={"id": COMPLETED}),
        statement(actor=ANA, verb={"id": COMPLETED}, context={"registration": registration}),
        statement(actor=BO, object=ANA, verb={"id": "http://adlnet.gov/expapi/verbs/shared"}),
        statement(actor=BO, object={"id": "http://example.org/q1"},
                  context={"contextActivities": {"parent": [{"id": LESSON}]}, "instructor": ANA}),
    ]  # fmt: skip
    ids = []
    for body in bodies:
        ids += lrs.post("statements", body).json()
        time.sleep(0.002)
    return ids, registration


def test_queries_filter_and_order(lrs, stored):
    ids, registration = stored
    newest_first = list(reversed(ids))
    assert ids_of(lrs.get("statements")) == newest_first
    assert ids_of(lrs.get("statements", {"ascending": "true"})) == ids
    assert ids_of(lrs.get("statements", {"agent": json.dumps(ANA)})) == [ids[3], ids[2], ids[0]]
    assert ids_of(lrs.get("statements", {"agent": json.dumps(ANA), "verb": COMPLETED})) == [ids[2]]
    assert ids_of(lrs.get("statements", {"agent": json.dumps(ANA), "related_agents": "true"})) == [
        ids[4], ids[3], ids[2], ids[0],
    ]  # fmt: skip
    assert ids_of(lrs.get("statements", {"activity": LESSON})) == [ids[2], ids[1], ids[0]]
    assert ids_of(lrs.get("statements", {"activity": LESSON, "related_activities": "true"})) == [
        ids[4], ids[2], ids[1], ids[0],
    ]  # fmt: skip
    assert ids_of(lrs.get("statements", {"registration": registration})) == [ids[2]]
    middle = lrs.get("statements", {"statementId": ids[2]}).json()["stored"]
    assert ids_of(lrs.get("statements", {"since": middle})) == [ids[4], ids[3]]
    assert ids_of(lrs.get("statements", {"until": middle})) == [ids[2], ids[1], ids[0]]


def test_more_pages_through_everything_once_and_stays_consistent(lrs, stored):
    ids, _registration = stored
    response = lrs.get("statements", {"limit": 2})
    seen = ids_of(response)
    more = response.json()["more"]
    later = lrs.post("statements", statement()).json()[0]  # stored after the first page
    while more:
        page = lrs.client.get(more, **lrs.headers)
        assert page.status_code == 200
        seen += ids_of(page)
        more = page.json()["more"]
    assert seen == list(reversed(ids))
    assert later not in seen


def test_a_page_stops_at_its_byte_budget_and_more_gives_the_rest(lrs, settings):
    bulky = [statement(result={"response": f"{number}" + "x" * 3000}) for number in range(5)]
    ids = lrs.post("statements", bulky).json()
    settings.XAPI_STATEMENTS_PAGE_BYTES = 8000  # two of these statements (about 3,500 characters each), not three
    response = lrs.get("statements", {"limit": 0, "ascending": "true"})
    assert ids_of(response) == ids[:2]
    assert len(response.content) < 8000 + 500
    seen, more = ids_of(response), response.json()["more"]
    while more:
        page = lrs.client.get(more, **lrs.headers).json()
        assert 1 <= len(page["statements"]) <= 2
        seen += [s["id"] for s in page["statements"]]
        more = page["more"]
    assert seen == ids
    settings.XAPI_STATEMENTS_PAGE_BYTES = 100  # smaller than one statement: a page still holds one
    assert ids_of(lrs.get("statements", {"ascending": "true"})) == ids[:1]


def test_formats(lrs):
    body = statement(verb={"id": COMPLETED, "display": {"en-US": "completed", "fr-FR": "a terminé"}})
    statement_id = lrs.post("statements", body).json()[0]
    ids_format = lrs.get("statements", {"statementId": statement_id, "format": "ids"}).json()
    assert ids_format["actor"] == {"objectType": "Agent", "mbox": "mailto:ana@example.org"}
    assert ids_format["verb"] == {"id": COMPLETED}
    assert ids_format["object"] == {"id": LESSON}
    canonical = lrs.get("statements", {"statementId": statement_id, "format": "canonical"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert canonical.json()["verb"]["display"] == {"fr-FR": "a terminé"}
    body = statement(verb={"id": COMPLETED, "display": {"en-US": "completed", "en-GB": "finished"}})
    statement_id = lrs.post("statements", body).json()[0]
    british = lrs.get("statements", {"statementId": statement_id, "format": "canonical"}, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert british.json()["verb"]["display"] == {"en-GB": "finished"}  # the exact tag before a sibling
    exact = lrs.get("statements", {"statementId": statement_id}).json()
    assert exact["verb"]["display"] == body["verb"]["display"]
    definition = lrs.get("activities", {"activityId": LESSON}).json()
    assert definition["definition"]["name"] == {"en-US": "Open data"}


def test_the_ids_format_keeps_only_the_id_of_an_activity_in_a_substatement(lrs):
    sub = {
        "objectType": "SubStatement",
        **statement(object={"objectType": "Activity", "id": LESSON, "definition": {"name": {"en-US": "Open data"}}}),
    }
    statement_id = lrs.post("statements", statement(object=sub)).json()[0]
    found = lrs.get("statements", {"statementId": statement_id, "format": "ids"}).json()
    assert found["object"]["object"] == {"id": LESSON}
    assert found["object"]["verb"] == {"id": sub["verb"]["id"]}


def test_the_activities_resource_merges_the_languages_of_every_definition(lrs):
    english = statement(
        object={"id": LESSON, "definition": {"name": {"en-US": "Open data"}, "description": {"en-US": "A lesson"}}}
    )
    french = statement(object={"id": LESSON, "definition": {"name": {"fr-FR": "Données ouvertes"}}})
    lrs.post("statements", english)
    lrs.post("statements", french)
    definition = lrs.get("activities", {"activityId": LESSON}).json()["definition"]
    assert definition["name"] == {"en-US": "Open data", "fr-FR": "Données ouvertes"}
    assert definition["description"] == {"en-US": "A lesson"}


def test_head_answers_like_get_without_a_body(lrs):
    statement_id = lrs.post("statements", statement()).json()[0]
    response = lrs.request("HEAD", "statements", {"statementId": statement_id})
    assert response.status_code == 200 and response.content == b""
    assert lrs.request("HEAD", "statements", {"statementId": new_id()}).status_code == 404


def test_unsupported_method_is_405(lrs):
    assert lrs.delete("statements").status_code == 405


def test_alternate_request_syntax(lrs):
    from urllib.parse import urlencode

    statement_id = new_id()
    form = urlencode({
        "Authorization": lrs.headers["HTTP_AUTHORIZATION"],
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        "statementId": statement_id,
        "content": json.dumps(statement()),
    })  # fmt: skip
    response = LRS(version=None).client.post(
        "/xapi/statements?method=PUT", data=form, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 204, response.content
    form = urlencode({"Authorization": lrs.headers["HTTP_AUTHORIZATION"], "X-Experience-API-Version": "1.0.3",
                      "statementId": statement_id})  # fmt: skip
    response = LRS(version=None).client.post(
        "/xapi/statements?method=GET", data=form, content_type="application/x-www-form-urlencoded"
    )
    assert response.json()["id"] == statement_id
    bad = LRS(version=None).client.post("/xapi/statements?method=GET&x=1", data=form,
                                        content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert bad.status_code == 400
    wrong_type = LRS(version=None).client.post("/xapi/statements?method=GET", data=form, content_type="text/plain")
    assert wrong_type.status_code == 400


def test_alternate_syntax_form_headers_replace_real_ones_and_content_defaults_to_json(lrs):
    from urllib.parse import urlencode

    statement_id = new_id()
    form = {"statementId": statement_id, "content": json.dumps(statement())}

    def put(fields):
        return lrs.client.post("/xapi/statements?method=PUT", data=urlencode(fields),
                               content_type="application/x-www-form-urlencoded", **lrs.headers)  # fmt: skip

    refused = put({**form, "X-Experience-API-Version": "0.8"})  # XAPI-00336, whatever the real header says
    assert refused.status_code == 400 and "X-Experience-API-Version" in refused.json()["message"]
    assert put(form).status_code == 204
    assert lrs.get("statements", {"statementId": statement_id}).status_code == 200
    empty = lrs.client.post("/xapi/statements?method=PUT", **lrs.headers)
    assert empty.status_code == 400


def test_every_statement_read_carries_consistent_through_even_an_error(lrs):
    assert lrs.get("statements")["X-Experience-API-Consistent-Through"]
    unversioned = lrs.get("statements", HTTP_X_EXPERIENCE_API_VERSION="")
    assert unversioned.status_code == 400 and unversioned["X-Experience-API-Consistent-Through"]
    assert "X-Experience-API-Consistent-Through" not in lrs.post("statements", statement())


def test_a_body_over_the_limit_is_413(lrs, settings):
    settings.XAPI_MAX_REQUEST_SIZE = 100
    assert lrs.post("statements", statement()).status_code == 413


def test_agents_resource_returns_a_person(lrs):
    lrs.post("statements", statement(actor={**ANA, "name": "Ana"}))
    person = lrs.get("agents", {"agent": json.dumps(ANA)}).json()
    assert person["objectType"] == "Person"
    assert person["mbox"] == ["mailto:ana@example.org"] and person["name"] == ["Ana"]
    assert lrs.get("agents", {"agent": "{}"}).status_code == 400
    assert lrs.get("agents").status_code == 400


def test_activities_resource(lrs):
    assert lrs.get("activities", {"activityId": "http://example.org/unknown"}).json() == {
        "objectType": "Activity", "id": "http://example.org/unknown",
    }  # fmt: skip
    assert lrs.get("activities", {"activityId": "nope"}).status_code == 400
    assert lrs.get("activities").status_code == 400


def test_cors_preflight_needs_no_credentials(db):
    response = LRS().client.options("/xapi/statements")
    assert response.status_code == 200
    assert "X-Experience-API-Version" in response["Access-Control-Allow-Headers"]


def test_a_single_context_activity_is_returned_as_a_list(lrs):
    body = statement(context={"contextActivities": {"parent": {"id": "http://example.org/course"}}})
    statement_id = lrs.post("statements", body).json()[0]
    stored = lrs.get("statements", {"statementId": statement_id}).json()
    assert stored["context"]["contextActivities"]["parent"] == [{"id": "http://example.org/course"}]
    assert lrs.put("statements", {"statementId": statement_id}, body).status_code == 204  # still the same statement


def test_statements_referring_to_a_match_are_returned_with_it(lrs):
    target = lrs.post("statements", statement(actor=BO, verb={"id": COMPLETED})).json()[0]
    other = lrs.post("statements", statement(actor=BO)).json()[0]
    voiding = statement(actor=ANA, verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
                        object={"objectType": "StatementRef", "id": target})  # fmt: skip
    [voiding_id] = lrs.post("statements", voiding).json()
    comment = statement(actor=ANA, verb={"id": "http://adlnet.gov/expapi/verbs/commented"},
                        object={"objectType": "StatementRef", "id": other})  # fmt: skip
    [comment_id] = lrs.post("statements", comment).json()
    # the completed statement is voided, but the voiding statement refers to it and matches the verb filter
    assert ids_of(lrs.get("statements", {"verb": COMPLETED})) == [voiding_id]
    assert ids_of(lrs.get("statements", {"agent": json.dumps(BO)})) == [comment_id, voiding_id, other]
    assert ids_of(lrs.get("statements", {"agent": json.dumps(BO), "limit": 1})) == [comment_id]
