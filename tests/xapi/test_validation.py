"""Statement validation against xAPI 1.0.3: every rule refuses what breaks it and names the field."""

import copy

import pytest

from lms.xapi.validation import StatementError, validate_statement

from .conftest import statement

AGENT = {"objectType": "Agent", "mbox": "mailto:bo@example.org"}
GROUP = {"objectType": "Group", "name": "Team", "member": [AGENT]}
SHA2 = "a" * 64
APP = {"account": {"homePage": "http://a.org", "name": "app"}}
SUB_ID = "4b4e3c43-8f2a-4f4a-9b2e-0f9c2f3c8e11"


def attachment(**overrides):
    """A valid attachment declaration with some properties replaced (None removes one)."""
    body = {"usageType": "http://a.org/u", "display": {"en": "a"}, "contentType": "text/plain", "length": 1}
    body["sha2"] = SHA2
    body.update(overrides)
    return [{key: value for key, value in body.items() if value is not None}]


def with_path(path, value):
    """A valid statement with the value at a dotted path replaced (or removed when value is ...)."""
    body = copy.deepcopy(statement())
    *parents, last = path.split(".")
    node = body
    for key in parents:
        node = node.setdefault(key, {})
    if value is ...:
        node.pop(last, None)
    else:
        node[last] = value
    return body


VALID = [
    statement(),
    statement(id="4b4e3c43-8f2a-4f4a-9b2e-0f9c2f3c8e11"),
    statement(actor={"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}),
    statement(actor={"openid": "http://openid.example.org/ana"}),
    statement(actor={"account": {"homePage": "http://example.org", "name": "ana"}}),
    statement(actor=GROUP),
    statement(actor={"objectType": "Group", "mbox": "mailto:team@example.org"}),
    statement(object=AGENT),
    statement(object=GROUP, context={"instructor": AGENT}),
    statement(object={"objectType": "StatementRef", "id": "4b4e3c43-8f2a-4f4a-9b2e-0f9c2f3c8e11"}),
    statement(verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
              object={"objectType": "StatementRef", "id": "4b4e3c43-8f2a-4f4a-9b2e-0f9c2f3c8e11"}),
    statement(object={"objectType": "SubStatement", "actor": AGENT, "verb": {"id": "http://example.org/v"},
                      "object": {"id": "http://example.org/a"}}),
    statement(result={"duration": "P4W"}),
    statement(result={"score": {"scaled": 0.5, "raw": 5, "min": 0, "max": 10}, "success": True, "completion": False,
                      "response": "b", "duration": "PT1H30M4.5S", "extensions": {"http://example.org/x": None}}),
    statement(context={"registration": "4b4e3c43-8f2a-4f4a-9b2e-0f9c2f3c8e11", "team": GROUP,
                       "contextActivities": {"parent": {"id": "http://example.org/p"},
                                             "grouping": [{"id": "http://example.org/g"}]},
                       "revision": "2", "platform": "LMS", "language": "fr-CA",
                       "statement": {"objectType": "StatementRef", "id": "4b4e3c43-8f2a-4f4a-9b2e-0f9c2f3c8e11"},
                       "extensions": {"http://example.org/e": {"a": 1}}}),
    statement(timestamp="2026-05-01T12:00:00Z"),
    statement(timestamp="2026-05-01T12:00:00.123456789+02:00"),
    statement(version="1.0.0"),
    statement(attachments=[{"usageType": "http://example.org/u", "display": {"en": "A"}, "contentType": "text/plain",
                            "length": 3, "sha2": SHA2, "fileUrl": "http://example.org/a.txt"}]),
    statement(object={"id": "http://example.org/q", "definition": {
        "interactionType": "choice", "correctResponsesPattern": ["a"],
        "choices": [{"id": "a", "description": {"en-US": "A"}}, {"id": "b", "description": {"en-US": "B"}}]}}),
    statement(object={"id": "http://example.org/q", "definition": {
        "interactionType": "matching", "source": [{"id": "1"}], "target": [{"id": "x"}]}}),
    statement(authority={"objectType": "Group", "member": [AGENT, APP]}),
]  # fmt: skip


@pytest.mark.parametrize("body", VALID)
def test_valid_statements_pass(body):
    validate_statement(body)


INVALID = [
    ("statement", []),
    ("statement.actor", with_path("actor", ...)),
    ("statement.verb", with_path("verb", ...)),
    ("statement.object", with_path("object", ...)),
    ("statement.extra", statement(extra=1)),
    ("statement.id", statement(id="not-a-uuid")),
    ("statement.id", statement(id="4b4e3c438f2a4f4a9b2e0f9c2f3c8e11")),
    ("statement.actor", statement(actor={"name": "nobody"})),
    ("statement.actor", statement(actor={"mbox": "mailto:a@b.org", "openid": "http://x.org/a"})),
    ("statement.actor.mbox", statement(actor={"mbox": "ana@example.org"})),
    ("statement.actor.mbox_sha1sum", statement(actor={"mbox_sha1sum": "xyz"})),
    ("statement.actor.openid", statement(actor={"openid": "not an iri"})),
    ("statement.actor.account.homePage", statement(actor={"account": {"name": "a"}})),
    ("statement.actor.account.homePage", statement(actor={"account": {"homePage": "nope", "name": "a"}})),
    ("statement.actor.account.name", statement(actor={"account": {"homePage": "http://a.org", "name": 5}})),
    ("statement.actor.name", statement(actor={"mbox": "mailto:a@b.org", "name": None})),
    ("statement.actor.objectType", statement(actor={"objectType": "Person", "mbox": "mailto:a@b.org"})),
    ("statement.actor.member", statement(actor={"objectType": "Group", "name": "anonymous"})),
    ("statement.actor.member[0].objectType", statement(actor={"objectType": "Group", "member": [GROUP]})),
    ("statement.actor.member[0]", statement(actor={"objectType": "Group", "member": [{"name": "x"}]})),
    ("statement.verb.id", statement(verb={"id": "experienced"})),
    ("statement.verb.id", statement(verb={"display": {"en": "x"}})),
    ("statement.verb.display", statement(verb={"id": "http://a.org/v", "display": "done"})),
    ("statement.verb.display['not a tag']", statement(verb={"id": "http://a.org/v", "display": {"not a tag": "x"}})),
    ("statement.verb.display['en']", statement(verb={"id": "http://a.org/v", "display": {"en": 3}})),
    ("statement.verb.display", statement(verb={"id": "http://a.org/v", "display": {}})),
    ("statement.object.definition.name", statement(object={"id": "http://a.org/x", "definition": {"name": {}}})),
    ("statement.object.id", statement(object={"objectType": "Activity"})),
    ("statement.object.id", statement(object={"id": "relative/path"})),
    ("statement.object.objectType", statement(object={"objectType": "Thing", "id": "http://a.org/x"})),
    ("statement.object.definition.type", statement(object={"id": "http://a.org/x", "definition": {"type": "x"}})),
    ("statement.object.definition.moreInfo",
     statement(object={"id": "http://a.org/x", "definition": {"moreInfo": "x"}})),
    ("statement.object.definition.extensions['bad']",
     statement(object={"id": "http://a.org/x", "definition": {"extensions": {"bad": 1}}})),
    ("statement.object.definition.interactionType",
     statement(object={"id": "http://a.org/x", "definition": {"interactionType": "essay"}})),
    ("statement.object.definition.interactionType",
     statement(object={"id": "http://a.org/x", "definition": {"choices": [{"id": "a"}]}})),
    ("statement.object.definition.interactionType",
     statement(object={"id": "http://a.org/x", "definition": {"interactionType": {"type": "choice"}}})),
    ("statement.object.definition.interactionType",
     statement(object={"id": "http://a.org/x", "definition": {"interactionType": ["choice"]}})),
    ("statement.object.object.definition.interactionType", statement(object={"objectType": "SubStatement",
        "actor": AGENT, "verb": {"id": "http://a.org/v"},
        "object": {"id": "http://a.org/a", "definition": {"interactionType": {"a": 1}}}})),
    ("statement.object.definition.scale",
     statement(object={"id": "http://a.org/x", "definition": {"interactionType": "choice", "scale": [{"id": "a"}]}})),
    ("statement.object.definition.choices[1].id",
     statement(object={"id": "http://a.org/x", "definition": {"interactionType": "choice",
                                                              "choices": [{"id": "a"}, {"id": "a"}]}})),
    ("statement.object.definition.correctResponsesPattern",
     statement(object={"id": "http://a.org/x", "definition": {"interactionType": "true-false",
                                                              "correctResponsesPattern": "true"}})),
    ("statement.object.id", statement(object={"objectType": "StatementRef", "id": "x"})),
    ("statement.object.object.objectType", statement(object={"objectType": "SubStatement", "actor": AGENT,
        "verb": {"id": "http://a.org/v"}, "object": {"objectType": "SubStatement"}})),
    ("statement.object.id", statement(object={"objectType": "SubStatement", "id": SUB_ID,
        "actor": AGENT, "verb": {"id": "http://a.org/v"}, "object": {"id": "http://a.org/a"}})),
    ("statement.object", statement(verb={"id": "http://adlnet.gov/expapi/verbs/voided"})),
    ("statement.result.score.scaled", statement(result={"score": {"scaled": 1.5}})),
    ("statement.result.score.raw", statement(result={"score": {"raw": 11, "min": 0, "max": 10}})),
    ("statement.result.score.raw", statement(result={"score": {"raw": -1, "min": 0}})),
    ("statement.result.score.max", statement(result={"score": {"min": 5, "max": 5}})),
    ("statement.result.score.raw", statement(result={"score": {"raw": "5"}})),
    ("statement.result.success", statement(result={"success": "true"})),
    ("statement.result.completion", statement(result={"completion": 1})),
    ("statement.result.response", statement(result={"response": 42})),
    ("statement.result.duration", statement(result={"duration": "1 hour"})),
    ("statement.result.duration", statement(result={"duration": "P"})),
    ("statement.result.duration", statement(result={"duration": "P4W1D"})),
    ("statement.result.duration", statement(result={"duration": "P1WT1H"})),
    ("statement.result.score.extra", statement(result={"score": {"extra": 1}})),
    ("statement.context.registration", statement(context={"registration": "abc"})),
    ("statement.context.instructor", statement(context={"instructor": {"name": "x"}})),
    ("statement.context.team", statement(context={"team": AGENT})),
    ("statement.context.contextActivities.other", statement(context={"contextActivities": {"other": "x"}})),
    ("statement.context.contextActivities.unknown", statement(context={"contextActivities": {"unknown": []}})),
    ("statement.context.contextActivities", statement(context={"contextActivities": {}})),
    ("statement.context.revision", statement(object=AGENT, context={"revision": "1"})),
    ("statement.context.platform", statement(object=AGENT, context={"platform": "LMS"})),
    ("statement.context.language", statement(context={"language": "english please"})),
    ("statement.context.language", statement(context={"language": "ar-a-aaa-b-bbb-a-ccc"})),
    ("statement.context.statement.objectType", statement(context={"statement": {"objectType": "Activity", "id": "x"}})),
    ("statement.timestamp", statement(timestamp="yesterday")),
    ("statement.timestamp", statement(timestamp="2026-13-01T00:00:00Z")),
    ("statement.timestamp", statement(timestamp="2026-05-01T12:00:00-00:00")),
    ("statement.stored", statement(stored="now")),
    ("statement.version", statement(version="2.0.0")),
    ("statement.version", statement(version="1.0.3.4")),
    ("statement.authority.member", statement(authority=GROUP)),
    ("statement.authority", statement(authority={"objectType": "Group", "mbox": "mailto:team@example.org",
                                                 "member": [AGENT, {"mbox": "mailto:bob@example.org"}]})),
    ("statement.attachments", statement(attachments={})),
    ("statement.attachments[0].display", statement(attachments=attachment(display=None))),
    ("statement.attachments[0].length", statement(attachments=attachment(length=-1))),
    ("statement.attachments[0].sha2", statement(attachments=attachment(sha2="zz"))),
    ("statement.attachments[0].contentType", statement(attachments=attachment(contentType="text"))),
    ("statement.attachments[0].fileUrl", statement(attachments=attachment(fileUrl="no url"))),
    ("statement.result", statement(result=None)),
]  # fmt: skip


@pytest.mark.parametrize(("path", "body"), INVALID, ids=[f"{i}-{p}" for i, (p, _b) in enumerate(INVALID)])
def test_invalid_statements_are_refused_naming_the_field(path, body):
    with pytest.raises(StatementError) as caught:
        validate_statement(body)
    assert caught.value.path == path, str(caught.value)
