"""The State, Activity Profile and Agent Profile resources: documents with ETag concurrency and JSON merging."""

import hashlib
import json
import uuid

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone

from . import json_input
from .identity import agent_key
from .models import Document
from .protocol import XapiError, json_response, last_modified
from .store import StoreError, parse_timestamp
from .validation import IRI_RE, StatementError, agent, timestamp

Kind = Document.Kind

# The parameters each resource takes: (required, optional, name of the document id parameter).
RESOURCES = {
    Kind.STATE: ({"activityId", "agent"}, {"registration", "stateId", "since"}, "stateId"),
    Kind.ACTIVITY_PROFILE: ({"activityId"}, {"profileId", "since"}, "profileId"),
    Kind.AGENT_PROFILE: ({"agent"}, {"profileId", "since"}, "profileId"),
}


def etag(content):
    """The entity tag of a document's content (SHA-1, as the ADL LRS computes it)."""
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


def parse_key(kind, params, method):
    """Check a document request's parameters; returns the keys that look its documents up."""
    required, optional, id_name = RESOURCES[kind]
    for name in sorted(set(params) - required - optional):
        raise XapiError(400, f"{name}: not a parameter of this resource")
    for name in sorted(required):
        if name not in params:
            raise XapiError(400, f"{name}: the parameter is required")
    if method in ("PUT", "POST") and id_name not in params:
        raise XapiError(400, f"{id_name}: the parameter is required")
    keys = {"kind": kind, "activity_id": "", "agent_key": "", "registration": ""}
    if "activityId" in params:
        if not IRI_RE.match(params["activityId"]):
            raise XapiError(400, "activityId: must be an IRI")
        keys["activity_id"] = params["activityId"]
    if "agent" in params:
        parsed_agent = json_input.loads(params["agent"], "agent")
        agent(parsed_agent, "agent")
        keys["agent_key"] = agent_key(parsed_agent)
        if not keys["agent_key"]:
            raise XapiError(400, "agent: must be an agent or identified group")
    if "registration" in params:
        try:
            keys["registration"] = str(uuid.UUID(params["registration"]))
        except ValueError as error:
            raise XapiError(400, "registration: must be a UUID") from error
    if "since" in params:
        # With a document id GET ignores since (the conformance suite sends both), it only filters listings.
        if method not in ("GET", "HEAD"):
            raise XapiError(400, "since: only when reading documents")
        try:
            timestamp(params["since"], "since")
        except StatementError as error:
            raise XapiError(400, str(error)) from error
    return keys


def _matches(header, current, *, weak):
    """Whether an If-Match / If-None-Match header names ``current`` (RFC 9110, 13.1): If-Match compares
    strongly (a weak tag ``W/"..."`` never matches), If-None-Match weakly. Our ETags are all strong."""
    for tag in (tag.strip() for tag in header.split(",")):
        if tag == "*":
            return True
        is_weak = tag.startswith("W/")
        if current is not None and (weak or not is_weak) and tag.removeprefix("W/").strip('"') == current.etag:
            return True
    return False


def check_preconditions(request, current, *, required, required_when_new=None):
    """Apply If-Match / If-None-Match; with ``required`` a write without either is refused: 409 when the
    document exists, 400 when it is new (unless ``required_when_new`` is false)."""
    if required_when_new is None:
        required_when_new = required
    if_match, if_none_match = request.header("If-Match"), request.header("If-None-Match")
    if if_match and (current is None or not _matches(if_match, current, weak=False)):
        raise XapiError(412, "If-Match: the document has changed (or does not exist)")
    if if_none_match and current is not None and _matches(if_none_match, current, weak=True):
        raise XapiError(412, "If-None-Match: the document already exists")
    if required and not if_match and not if_none_match:
        if current is not None:
            raise XapiError(409, "the document exists: send If-Match with its ETag (or If-None-Match: *)")
        if required_when_new:
            raise XapiError(400, "the document is new: send If-None-Match: * to create it")


def document_response(document, if_none_match=None):
    """The document with its content type, ETag and Last-Modified; 304 Not Modified, without the content,
    when ``if_none_match`` (the request's If-None-Match) names the document's ETag."""
    if if_none_match and _matches(if_none_match, document, weak=True):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(bytes(document.content), content_type=document.content_type)
    response["ETag"] = f'"{document.etag}"'
    response["Last-Modified"] = last_modified(document.updated)
    return response


def _merge(current, request):
    if request.content_type != "application/json" or current.content_type.split(";")[0].strip() != "application/json":
        raise XapiError(400, "Content-Type: POST merges JSON documents only (use PUT to replace)")
    old = json_input.loads(bytes(current.content), "stored document")
    new = json_input.loads(request.body, "body")
    if not isinstance(old, dict) or not isinstance(new, dict):
        raise XapiError(400, "body: only JSON objects can be merged")
    return json.dumps({**old, **new}).encode()


def write(request, keys, document_id):
    """PUT (replace) or POST (merge) a document; returns 204.

    A profile PUT needs a precondition header (If-Match or If-None-Match): without one, it is a 400 when the
    document is new and a 409 when it exists (XAPI-00287, -00293, as the ADL conformance suite checks).
    """
    if request.method == "POST" and not request.body:
        raise XapiError(400, "body: POST needs a document to store or merge")
    if request.method == "POST" and request.content_type == "application/json":
        if not isinstance(json_input.loads(request.body, "body"), dict):
            raise XapiError(400, "body: only JSON objects can be merged")
    elif request.content_type == "application/json":
        # A JSON document is refused if it holds what the LRS refuses in statements; other content is opaque.
        json_input.loads_if_json(request.body, "body")
    content_type = request.header("Content-Type") or "application/octet-stream"
    # A profile PUT always needs a precondition; in xAPI 2.0 a state PUT that replaces a document needs one too.
    profile = keys["kind"] != Kind.STATE
    concurrency_required = request.method == "PUT" and (profile or request.is_v2)
    for _attempt in range(2):
        try:
            with transaction.atomic():
                _write_once(request, keys, document_id, content_type, concurrency_required, profile)
            return HttpResponse(status=204)
        except IntegrityError:
            # A concurrent request created the document between our look-up and our insert: it exists now, so
            # the second attempt locks it and merges (POST) or replaces it under the usual preconditions (PUT).
            continue
    raise XapiError(409, "the document is being written concurrently; read it and try again")


def _write_once(request, keys, document_id, content_type, concurrency_required, profile):
    current = Document.objects.select_for_update().filter(**keys, document_id=document_id).first()
    check_preconditions(request, current, required=concurrency_required, required_when_new=profile)
    content = request.body
    if current is not None and request.method == "POST":
        content = _merge(current, request)
        content_type = current.content_type
    values = {"content": content, "content_type": content_type, "etag": etag(content), "updated": timezone.now()}
    if current is None:
        Document.objects.create(**keys, document_id=document_id, **values)
    else:
        Document.objects.filter(pk=current.pk).update(**values)


def read(request, keys, document_id, params):
    """GET one document, or the list of document ids (optionally changed since a time)."""
    documents = Document.objects.filter(**keys)
    if document_id is not None:
        document = documents.filter(document_id=document_id).first()
        if document is None:
            raise XapiError(404, "no such document")
        return document_response(document, request.header("If-None-Match"))
    if "since" in params:
        try:
            documents = documents.filter(updated__gt=parse_timestamp(params["since"]))
        except StoreError as error:
            raise XapiError(400, f"since: {error}") from error
    ids = list(documents.order_by("updated").values_list("document_id", flat=True))
    return json_response(ids)


def delete(request, keys, document_id):
    """DELETE one document (honouring If-Match), or, for the State resource, every matching document."""
    if request.body:
        raise XapiError(400, "body: DELETE takes no content")
    with transaction.atomic():
        if document_id is None:
            if keys["kind"] != Kind.STATE:
                raise XapiError(400, "profileId: the parameter is required")
            Document.objects.filter(**keys).delete()
            return HttpResponse(status=204)
        current = Document.objects.select_for_update().filter(**keys, document_id=document_id).first()
        check_preconditions(request, current, required=False)
        if current is not None:
            current.delete()
    return HttpResponse(status=204)
