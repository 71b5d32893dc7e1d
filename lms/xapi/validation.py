"""Validation of statements against the xAPI 1.0.3 data model (part two of the specification) and, for requests
in xAPI 2.0 (IEEE 9274.1.1-2023), its additions: context agents and groups, and 2.0.x statement versions.

Every rule raises :class:`StatementError` naming the failing field as a path, e.g.
``statement.actor.mbox: must be a "mailto:" IRI``, which the endpoint returns as a 400.
"""

import re
import uuid

from .vocabulary import XAPI_2

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
MBOX_RE = re.compile(r"^mailto:[^@\s]+@[^@\s]+$")
SHA1_RE = re.compile(r"^[0-9a-fA-F]{40}$")
SHA2_RE = re.compile(r"^[0-9a-fA-F]{56,128}$")
TIMESTAMP_RE = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?$"
)
NEGATIVE_ZERO_OFFSET_RE = re.compile(r"-00(:?00)?$")
# ISO 8601 durations: weeks stand alone (PnW); the other units combine (PnYnMnDTnHnMnS).
DURATION_RE = re.compile(
    r"^P(\d+(\.\d+)?W|(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?"
    r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?)$"
)
VERSION_RE = re.compile(r"^1\.0(\.\d+)?$")
VERSION_2_RE = re.compile(r"^[12]\.0(\.\d+)?$")
LANGUAGE_TAG_RE = re.compile(
    r"^(([A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?"
    r"(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z\d]{2,8})+)*(-[xX](-[A-Za-z\d]{1,8})+)?"
    r"|[xX](-[A-Za-z\d]{1,8})+|[iI]-[A-Za-z]{2,8})$"
)
MEDIA_TYPE_RE = re.compile(r"^[\w.+\-!#$&^]+/[\w.+\-!#$&^]+(\s*;.*)?$")

INTERACTION_TYPES = {
    "true-false": set(),
    "choice": {"choices"},
    "fill-in": set(),
    "long-fill-in": set(),
    "matching": {"source", "target"},
    "performance": {"steps"},
    "sequencing": {"choices"},
    "likert": {"scale"},
    "numeric": set(),
    "other": set(),
}
COMPONENT_LISTS = {"choices", "scale", "source", "target", "steps"}
VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided"


class StatementError(ValueError):
    """A statement breaks a rule of the specification; ``str()`` names the field and the rule."""

    def __init__(self, path, message):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


def _fail(path, message):
    raise StatementError(path, message)


def _object(value, path, allowed, required=()):
    if not isinstance(value, dict):
        _fail(path, "must be a JSON object")
    for key, item in value.items():
        if key not in allowed:
            _fail(f"{path}.{key}", "is not a property allowed here")
        if item is None:
            _fail(f"{path}.{key}", "must not be null")
    for key in required:
        if key not in value:
            _fail(f"{path}.{key}", "is required")


def _string(value, path):
    if not isinstance(value, str):
        _fail(path, "must be a string")
    return value


def _iri(value, path):
    if not isinstance(value, str) or not IRI_RE.match(value):
        _fail(path, "must be an absolute IRI")


def _uuid(value, path):
    if not isinstance(value, str) or not UUID_RE.match(value):
        _fail(path, "must be a UUID in its hyphenated string form")


def _boolean(value, path):
    if not isinstance(value, bool):
        _fail(path, "must be true or false")


def _number(value, path):
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(path, "must be a number")


def language_tag(value, path):
    """Check that ``value`` is an RFC 5646 language tag (an extension singleton appears at most once)."""
    if not isinstance(value, str) or not LANGUAGE_TAG_RE.match(value):
        _fail(path, "must be an RFC 5646 language tag")
    subtags = value.lower().split("-")
    if "x" in subtags[1:]:
        subtags = subtags[: subtags.index("x", 1)]  # private use subtags may repeat anything
    singletons = [subtag for subtag in subtags[1:] if len(subtag) == 1]
    if len(singletons) != len(set(singletons)):
        _fail(path, "must not repeat an extension singleton (RFC 5646, 2.2.6)")


def language_map(value, path):
    """Check a language map: RFC 5646 tags to strings, at least one entry (as the ADL conformance suite asks)."""
    if not isinstance(value, dict) or not value:
        _fail(path, "must be a language map (an object of at least one language tag to a string)")
    for tag, text in value.items():
        language_tag(tag, f"{path}[{tag!r}]")
        if not isinstance(text, str):
            _fail(f"{path}[{tag!r}]", "must be a string")


def _extensions(value, path):
    if not isinstance(value, dict):
        _fail(path, "must be an object of IRIs to values")
    for key in value:
        _iri(key, f"{path}[{key!r}]")


def timestamp(value, path):
    """Check an ISO 8601 timestamp (a negative zero offset is refused, as the specification says)."""
    if not isinstance(value, str) or not TIMESTAMP_RE.match(value):
        _fail(path, "must be an ISO 8601 date and time")
    if NEGATIVE_ZERO_OFFSET_RE.search(value) and "T" in value:
        _fail(path, "must not use the offset -00:00")


def agent(value, path, *, allow_group=True):
    """Check an Agent, or a Group when ``allow_group``."""
    if not isinstance(value, dict):
        _fail(path, "must be an Agent or Group object")
    kind = value.get("objectType", "Agent")
    if kind == "Group":
        if not allow_group:
            _fail(f"{path}.objectType", "must be Agent here (a group cannot contain groups)")
        return _group(value, path)
    if kind != "Agent":
        _fail(f"{path}.objectType", 'must be "Agent" or "Group"')
    _object(value, path, {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"})
    _identifier(value, path, required=True)
    if "name" in value:
        _string(value["name"], f"{path}.name")
    return None


def _group(value, path):
    _object(value, path, {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"})
    identified = _identifier(value, path, required=False)
    if "name" in value:
        _string(value["name"], f"{path}.name")
    if "member" in value or not identified:
        members = value.get("member")
        if not isinstance(members, list):
            _fail(f"{path}.member", "must be a list of agents (required for an anonymous group)")
        if not identified and not members:
            _fail(f"{path}.member", "must list at least one agent in an anonymous group")
        for index, member in enumerate(members):
            agent(member, f"{path}.member[{index}]", allow_group=False)


def _identifier(value, path, *, required):
    present = [key for key in ("mbox", "mbox_sha1sum", "openid", "account") if key in value]
    if len(present) > 1:
        _fail(path, "must have exactly one of mbox, mbox_sha1sum, openid, account")
    if not present:
        if required:
            _fail(path, "must have one of mbox, mbox_sha1sum, openid, account")
        return False
    key = present[0]
    item = value[key]
    if key == "mbox" and (not isinstance(item, str) or not MBOX_RE.match(item)):
        _fail(f"{path}.mbox", 'must be a "mailto:" IRI with an email address')
    if key == "mbox_sha1sum" and (not isinstance(item, str) or not SHA1_RE.match(item)):
        _fail(f"{path}.mbox_sha1sum", "must be a SHA-1 hash in hexadecimal")
    if key == "openid":
        _iri(item, f"{path}.openid")
    if key == "account":
        _object(item, f"{path}.account", {"homePage", "name"}, required=("homePage", "name"))
        _iri(item["homePage"], f"{path}.account.homePage")
        _string(item["name"], f"{path}.account.name")
    return True


def verb(value, path):
    """Check a verb: an IRI and an optional display language map."""
    _object(value, path, {"id", "display"}, required=("id",))
    _iri(value["id"], f"{path}.id")
    if "display" in value:
        language_map(value["display"], f"{path}.display")


def activity(value, path):
    """Check an Activity and its definition (interaction components included)."""
    _object(value, path, {"objectType", "id", "definition"}, required=("id",))
    if value.get("objectType", "Activity") != "Activity":
        _fail(f"{path}.objectType", 'must be "Activity"')
    _iri(value["id"], f"{path}.id")
    if "definition" in value:
        definition(value["definition"], f"{path}.definition")


def definition(value, path):
    """Check an activity definition."""
    allowed = {"name", "description", "type", "moreInfo", "extensions", "interactionType"}
    allowed |= {"correctResponsesPattern"} | COMPONENT_LISTS
    _object(value, path, allowed)
    for key in ("name", "description"):
        if key in value:
            language_map(value[key], f"{path}.{key}")
    for key in ("type", "moreInfo"):
        if key in value:
            _iri(value[key], f"{path}.{key}")
    if "extensions" in value:
        _extensions(value["extensions"], f"{path}.extensions")
    interaction = value.get("interactionType")
    lists = COMPONENT_LISTS & value.keys()
    if interaction is None:
        if lists or "correctResponsesPattern" in value:
            _fail(f"{path}.interactionType", "is required with correctResponsesPattern or interaction components")
        return
    if not isinstance(interaction, str) or interaction not in INTERACTION_TYPES:
        _fail(f"{path}.interactionType", "must be one of " + ", ".join(INTERACTION_TYPES))
    for key in lists - INTERACTION_TYPES[interaction]:
        _fail(f"{path}.{key}", f"is not allowed with the interaction type {interaction!r}")
    if "correctResponsesPattern" in value:
        patterns = value["correctResponsesPattern"]
        if not isinstance(patterns, list) or not all(isinstance(item, str) for item in patterns):
            _fail(f"{path}.correctResponsesPattern", "must be a list of strings")
    for key in lists:
        components = value[key]
        if not isinstance(components, list):
            _fail(f"{path}.{key}", "must be a list of interaction components")
        seen = set()
        for index, component in enumerate(components):
            where = f"{path}.{key}[{index}]"
            _object(component, where, {"id", "description"}, required=("id",))
            if not _string(component["id"], f"{where}.id").strip():
                _fail(f"{where}.id", "must not be empty")
            if component["id"] in seen:
                _fail(f"{where}.id", "must be unique within the list")
            seen.add(component["id"])
            if "description" in component:
                language_map(component["description"], f"{where}.description")


def statement_ref(value, path):
    """Check a StatementRef."""
    _object(value, path, {"objectType", "id"}, required=("objectType", "id"))
    if value["objectType"] != "StatementRef":
        _fail(f"{path}.objectType", 'must be "StatementRef"')
    _uuid(value["id"], f"{path}.id")


def statement_object(value, path, *, sub=False, version=None):
    """Check a statement's object: Activity, Agent, Group, StatementRef or SubStatement."""
    if not isinstance(value, dict):
        _fail(path, "must be a JSON object")
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        activity(value, path)
    elif kind in ("Agent", "Group"):
        agent(value, path)
    elif kind == "StatementRef":
        statement_ref(value, path)
    elif kind == "SubStatement":
        if sub:
            _fail(f"{path}.objectType", "a SubStatement cannot contain a SubStatement")
        _statement_body(value, path, sub=True, version=version)
    else:
        _fail(f"{path}.objectType", 'must be "Activity", "Agent", "Group", "StatementRef" or "SubStatement"')


def result(value, path):
    """Check a result: score, success, completion, response, duration, extensions."""
    _object(value, path, {"score", "success", "completion", "response", "duration", "extensions"})
    if "score" in value:
        score = value["score"]
        _object(score, f"{path}.score", {"scaled", "raw", "min", "max"})
        for key, item in score.items():
            _number(item, f"{path}.score.{key}")
        if "scaled" in score and not -1 <= score["scaled"] <= 1:
            _fail(f"{path}.score.scaled", "must be between -1 and 1")
        if "min" in score and "max" in score and score["min"] >= score["max"]:
            _fail(f"{path}.score.max", "must be greater than min")
        if "raw" in score:
            if "min" in score and score["raw"] < score["min"]:
                _fail(f"{path}.score.raw", "must not be less than min")
            if "max" in score and score["raw"] > score["max"]:
                _fail(f"{path}.score.raw", "must not be greater than max")
    for key in ("success", "completion"):
        if key in value:
            _boolean(value[key], f"{path}.{key}")
    if "response" in value:
        _string(value["response"], f"{path}.response")
    if "duration" in value and (not isinstance(value["duration"], str) or not DURATION_RE.match(value["duration"])):
        _fail(f"{path}.duration", "must be an ISO 8601 duration")
    if "extensions" in value:
        _extensions(value["extensions"], f"{path}.extensions")


def context(value, path, object_type, version=None):
    """Check a context; revision and platform only go with an Activity object; context agents and groups are
    xAPI 2.0 (``version`` 2.0.0)."""
    allowed = {"registration", "instructor", "team", "contextActivities", "revision", "platform", "language"}
    allowed |= {"statement", "extensions"}
    if version == XAPI_2:
        allowed |= {"contextAgents", "contextGroups"}
    _object(value, path, allowed)
    for key, kind, member in (("contextAgents", "contextAgent", "agent"), ("contextGroups", "contextGroup", "group")):
        if key in value:
            _context_members(value[key], f"{path}.{key}", kind, member)
    if "registration" in value:
        _uuid(value["registration"], f"{path}.registration")
    if "instructor" in value:
        agent(value["instructor"], f"{path}.instructor")
    if "team" in value:
        if not isinstance(value["team"], dict) or value["team"].get("objectType") != "Group":
            _fail(f"{path}.team", "must be a Group")
        agent(value["team"], f"{path}.team")
    if "contextActivities" in value:
        activities = value["contextActivities"]
        _object(activities, f"{path}.contextActivities", {"parent", "grouping", "category", "other"})
        if not activities:
            _fail(f"{path}.contextActivities", "must contain at least one of parent, grouping, category, other")
        for key, items in activities.items():
            for index, item in enumerate(items if isinstance(items, list) else [items]):
                where = f"{path}.contextActivities.{key}" + (f"[{index}]" if isinstance(items, list) else "")
                activity(item, where)
    for key in ("revision", "platform"):
        if key in value:
            _string(value[key], f"{path}.{key}")
            if object_type != "Activity":
                _fail(f"{path}.{key}", "is allowed only when the object is an Activity")
    if "language" in value:
        language_tag(value["language"], f"{path}.language")
    if "statement" in value:
        statement_ref(value["statement"], f"{path}.statement")
    if "extensions" in value:
        _extensions(value["extensions"], f"{path}.extensions")


def _context_members(value, path, kind, member):
    """xAPI 2.0 context agents (``kind`` contextAgent, an Agent as ``agent``) or context groups (contextGroup, a
    Group as ``group``), each with optional, non-empty ``relevantTypes`` IRIs."""
    if not isinstance(value, list):
        _fail(path, f"must be a list of {kind} objects")
    for index, item in enumerate(value):
        where = f"{path}[{index}]"
        _object(item, where, {"objectType", member, "relevantTypes"}, required=("objectType", member))
        if item["objectType"] != kind:
            _fail(f"{where}.objectType", f'must be "{kind}"')
        if member == "group" and (not isinstance(item[member], dict) or item[member].get("objectType") != "Group"):
            _fail(f"{where}.group", "must be a Group")
        agent(item[member], f"{where}.{member}", allow_group=member == "group")
        if "relevantTypes" in item:
            types = item["relevantTypes"]
            if not isinstance(types, list) or not types:
                _fail(f"{where}.relevantTypes", "must be a non-empty list of IRIs")
            for position, iri in enumerate(types):
                _iri(iri, f"{where}.relevantTypes[{position}]")


def attachments(value, path):
    """Check the attachments list of a statement."""
    if not isinstance(value, list):
        _fail(path, "must be a list of attachments")
    for index, item in enumerate(value):
        where = f"{path}[{index}]"
        allowed = {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"}
        _object(item, where, allowed, required=("usageType", "display", "contentType", "length", "sha2"))
        _iri(item["usageType"], f"{where}.usageType")
        language_map(item["display"], f"{where}.display")
        if "description" in item:
            language_map(item["description"], f"{where}.description")
        if not isinstance(item["contentType"], str) or not MEDIA_TYPE_RE.match(item["contentType"]):
            _fail(f"{where}.contentType", "must be an Internet media type")
        if isinstance(item["length"], bool) or not isinstance(item["length"], int) or item["length"] < 0:
            _fail(f"{where}.length", "must be a non-negative integer")
        if not isinstance(item["sha2"], str) or not SHA2_RE.match(item["sha2"]):
            _fail(f"{where}.sha2", "must be a SHA-2 hash in hexadecimal")
        if "fileUrl" in item:
            _iri(item["fileUrl"], f"{where}.fileUrl")


def _statement_body(value, path, *, sub, version=None):
    allowed = {"actor", "verb", "object", "result", "context", "timestamp", "attachments"}
    allowed |= {"objectType"} if sub else {"id", "stored", "authority", "version"}
    _object(value, path, allowed, required=("actor", "verb", "object"))
    agent(value["actor"], f"{path}.actor")
    verb(value["verb"], f"{path}.verb")
    statement_object(value["object"], f"{path}.object", sub=sub, version=version)
    object_type = value["object"].get("objectType", "Activity")
    if value["verb"]["id"] == VOIDED_VERB and not sub and object_type != "StatementRef":
        _fail(f"{path}.object", "must be a StatementRef when the verb is voided")
    if "result" in value:
        result(value["result"], f"{path}.result")
    if "context" in value:
        context(value["context"], f"{path}.context", object_type, version)
    if "timestamp" in value:
        timestamp(value["timestamp"], f"{path}.timestamp")
    if "attachments" in value:
        attachments(value["attachments"], f"{path}.attachments")


def validate_statement(value, path="statement", version=None):
    """Check one statement against xAPI 1.0.3, or xAPI 2.0 when ``version`` is 2.0.0; raises
    :class:`StatementError` naming the failing field."""
    if not isinstance(value, dict):
        _fail(path, "must be a JSON object")
    _statement_body(value, path, sub=False, version=version)
    if "id" in value:
        _uuid(value["id"], f"{path}.id")
    if "stored" in value:
        timestamp(value["stored"], f"{path}.stored")
    if "authority" in value:
        authority = value["authority"]
        agent(authority, f"{path}.authority")
        if authority.get("objectType") == "Group":
            if _identifier(authority, f"{path}.authority", required=False):
                _fail(f"{path}.authority", "a group authority must be anonymous (the OAuth consumer and user)")
            if len(authority.get("member") or []) != 2:
                _fail(f"{path}.authority.member", "a group authority must have exactly two agents (OAuth)")
    versions = VERSION_2_RE if version == XAPI_2 else VERSION_RE
    if "version" in value and (not isinstance(value["version"], str) or not versions.match(value["version"])):
        expected = '1.0.x or 2.0.x, e.g. "2.0.0"' if version == XAPI_2 else '1.0.x, e.g. "1.0.3"'
        _fail(f"{path}.version", f"must be a version {expected}")


def parse_uuid(value):
    """``value`` as a UUID if it is one in hyphenated form, else None."""
    if isinstance(value, str) and UUID_RE.match(value):
        return uuid.UUID(value)
    return None
