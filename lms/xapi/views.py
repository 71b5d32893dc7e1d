"""The Learning Record Store endpoint at /xapi/ (xAPI 1.0.3, part three: data transfer)."""

import json
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import attachments, documents, json_input, queries
from .auth import authenticate
from .cmi5 import documents as cmi5_documents
from .cmi5 import rules as cmi5_rules
from .identity import agent_key, learner_agent
from .models import ActivityDefinition, Document, Statement
from .protocol import (
    XapiError,
    check_version,
    default_version,
    error_response,
    finish,
    json_response,
    last_modified,
    negotiate_version,
    parse_request,
)
from .store import StoreError, format_timestamp, parse_timestamp, save_statements
from .validation import IRI_RE, StatementError, agent, parse_uuid, validate_statement
from .vocabulary import SUPPORTED_VERSIONS

READ = ("GET", "HEAD")
CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through"


def xapi_view(methods, *, versioned=True, authenticated=True, consistent_through=False):
    """Wrap a resource handler: parse the request, check version and credentials, map errors to statuses.

    With ``consistent_through``, every GET and HEAD answer carries X-Experience-API-Consistent-Through,
    errors included (xAPI 1.0.3 part three, 2.1.3).
    """

    def decorator(handler):
        @csrf_exempt
        @wraps(handler)
        def view(request, *args, **kwargs):
            method = request.method
            version = negotiate_version(request.headers.get("X-Experience-API-Version", "")) or default_version()
            if method == "OPTIONS":
                return finish(HttpResponse(status=200), method, version)
            try:
                xrequest = parse_request(request)
                method, version = xrequest.method, xrequest.version
                if method not in methods:
                    raise XapiError(405, f"{method} is not allowed here", {"Allow": ", ".join(methods)})
                if versioned:
                    check_version(xrequest)
                credential = authenticate(xrequest) if authenticated else None
                response = handler(xrequest, credential, *args, **kwargs)
            except XapiError as error:
                response = error_response(error)
            except StatementError as error:
                response = error_response(XapiError(400, str(error)))
            except StoreError as error:
                response = error_response(XapiError(error.status, str(error)))
            if consistent_through and method in READ and CONSISTENT_THROUGH not in response:
                response[CONSISTENT_THROUGH] = format_timestamp(timezone.now())
            request.urlconf = "lms.xapi.root_urls"
            return finish(response, method, version)

        return view

    return decorator


@xapi_view(READ, versioned=False, authenticated=False)
def about(request, credential):
    """The About resource: the xAPI versions this LRS speaks."""
    return json_response({"version": list(SUPPORTED_VERSIONS), "extensions": {}})


# Statement resource


@xapi_view(("GET", "HEAD", "PUT", "POST"), consistent_through=True)
def statements(request, credential):
    """The Statement resource: store (PUT / POST) and fetch or query (GET) statements."""
    if request.method in READ:
        return _get_statements(request, credential)
    credential.require("statements/write")
    batch, payloads = _statements_from_body(request)
    if request.method == "PUT":
        statement_id = request.params.get("statementId")
        if statement_id is None:
            raise XapiError(400, "statementId: the parameter is required for PUT")
        if set(request.params) - {"statementId"}:
            raise XapiError(400, "PUT takes only the statementId parameter")
        if parse_uuid(statement_id) is None:
            raise XapiError(400, "statementId: must be a UUID")
        if not isinstance(batch, dict):
            raise XapiError(400, "statement: PUT takes one statement (a JSON object)")
        if "id" in batch and str(batch["id"]).lower() != statement_id.lower():
            raise XapiError(400, "statement.id: differs from the statementId parameter")
        batch = [{**batch, "id": statement_id.lower()}]
    else:
        if request.params:
            raise XapiError(400, f"{sorted(request.params)[0]}: POST to statements takes no parameter")
        if isinstance(batch, dict):
            batch = [batch]
        if not isinstance(batch, list) or not batch:
            raise XapiError(400, "statements: send one statement or a non-empty list")
    for index, statement in enumerate(batch):
        if not isinstance(statement, dict):
            raise XapiError(400, f"statements[{index}]: must be a JSON object")
    ids, stored = _store(request, batch, payloads, credential)
    if request.method == "PUT" or not stored:
        # A POST whose statements are all stored already (same ids, same content) changes nothing: 204, as the
        # ADL conformance suite expects of a repeated statement.
        return HttpResponse(status=204)
    return json_response(ids)


def _statements_from_body(request):
    if request.content_type == "multipart/mixed":
        batch, payloads = attachments.parse_statement_request(request.header("Content-Type"), request.body)
    elif request.content_type == "application/json":
        batch, payloads = request.json_body("statement"), {}
    else:
        raise XapiError(400, "Content-Type: send application/json or multipart/mixed")
    return batch, payloads


def _store(request, batch, payloads, credential):
    session = credential.cmi5_session
    paths = [f"statements[{index}]" if len(batch) > 1 else "statement" for index in range(len(batch))]
    for statement, path in zip(batch, paths, strict=True):
        validate_statement(statement, path, request.version)
    credential.check_statements(batch, paths)
    attachments.check_payloads(batch, payloads)
    with transaction.atomic():
        if session is not None:  # an AU session: the cmi5 rules, with the session locked against a parallel batch
            session = cmi5_rules.locked(session)
            cmi5_rules.check(session, batch)
        attachments.save_payloads(payloads)
        ids, stored = save_statements(
            batch,
            credential.authority,
            user=credential.learner,
            may_define=credential.allows("define"),
            may_void=credential.may_void,
            version=request.version,
            validate=False,
        )
        if session is not None:
            cmi5_rules.apply(session, stored)
        return ids, stored


def _get_statements(request, credential):
    credential.require("statements/read", "statements/read/mine", "all/read")
    params = dict(request.params)
    consistent_through = timezone.now()
    headers = {CONSISTENT_THROUGH: format_timestamp(consistent_through)}
    single = {"statementId", "voidedStatementId"} & params.keys()
    if single:
        return _single_statement(request, credential, params, single, headers)
    if "more" in params:
        if set(params) - {"more"}:
            raise XapiError(400, "more: takes no other parameter")
        query, consistent_through = queries.load_more(params["more"])
    else:
        query = queries.parse_query(params)
    found, more = queries.run_query(query, credential, consistent_through)
    newest = max((statement["stored"] for statement in found), default=format_timestamp(consistent_through))
    found = queries.formatted(found, query["format"], request.header("Accept-Language"), request.version)
    document = {"statements": found, "more": f"/xapi/statements?more={more}" if more else ""}
    headers["Last-Modified"] = last_modified(parse_timestamp(newest))
    if query["attachments"]:
        body, content_type = attachments.multipart_response(document, found)
        response = HttpResponse(body, content_type=content_type)
    else:
        response = json_response(document)
    for name, value in headers.items():
        response[name] = value
    return response


def _single_statement(request, credential, params, single, headers):
    if len(single) > 1:
        raise XapiError(400, "statementId and voidedStatementId cannot be used together")
    name = single.pop()
    extra = set(params) - {name, "format", "attachments"}
    if extra:
        raise XapiError(400, f"{sorted(extra)[0]}: cannot be combined with {name}")
    statement_id = parse_uuid(params[name])
    if statement_id is None:
        raise XapiError(400, f"{name}: must be a UUID")
    fmt = params.get("format", "exact")
    if fmt not in queries.FORMATS:
        raise XapiError(400, "format: must be exact, ids or canonical")
    with_attachments = queries._boolean(params, "attachments")
    rows = queries.restrict(Statement.objects.filter(statement_id=statement_id), credential)
    row = rows.filter(voided=(name == "voidedStatementId")).first()
    if row is None:
        raise XapiError(404, f"no statement {params[name]}", headers)
    found = queries.formatted([row.data], fmt, request.header("Accept-Language"), request.version)
    if with_attachments:
        body, content_type = attachments.multipart_response(found[0], found)
        response = HttpResponse(body, content_type=content_type)
    else:
        response = json_response(found[0])
    response["Last-Modified"] = last_modified(row.stored)
    for key, value in headers.items():
        response[key] = value
    return response


# Document resources


def _document_view(kind, request, credential):
    id_name = documents.RESOURCES[kind][2]
    scope = "state" if kind == Document.Kind.STATE else "profile"
    if request.method in READ:
        credential.require(scope, "all/read")
    else:
        credential.require(scope)
    keys = documents.parse_key(kind, request.params, request.method)
    document_id = request.params.get(id_name)
    if credential.cmi5_session is not None:
        cmi5_documents.check(credential.cmi5_session, kind, request, keys, document_id)
    elif credential.learner is not None and keys["agent_key"] not in credential.learner_keys():
        raise XapiError(403, "agent: content may only read and write the learner's own documents")
    if document_id is None and kind == Document.Kind.STATE and "registration" not in request.params:
        keys.pop("registration")
    if request.method in READ:
        return documents.read(request, keys, document_id, request.params)
    if request.method == "DELETE":
        return documents.delete(request, keys, document_id)
    return documents.write(request, keys, document_id)


DOCUMENT_METHODS = ("GET", "HEAD", "PUT", "POST", "DELETE")


@xapi_view(DOCUMENT_METHODS)
def state(request, credential):
    """The State resource: documents per activity, agent and registration."""
    return _document_view(Document.Kind.STATE, request, credential)


@xapi_view(DOCUMENT_METHODS)
def activity_profile(request, credential):
    """The Activity Profile resource: documents per activity."""
    return _document_view(Document.Kind.ACTIVITY_PROFILE, request, credential)


@xapi_view(DOCUMENT_METHODS)
def agent_profile(request, credential):
    """The Agent Profile resource: documents per agent."""
    return _document_view(Document.Kind.AGENT_PROFILE, request, credential)


# Activities and Agents resources


@xapi_view(READ)
def activities(request, credential):
    """The Activities resource: the canonical definition of one activity."""
    _require_any_read(credential)
    if set(request.params) != {"activityId"}:
        raise XapiError(400, "activityId: the parameter is required (and the only one)")
    activity_id = request.params["activityId"]
    if not IRI_RE.match(activity_id):
        raise XapiError(400, "activityId: must be an IRI")
    found = ActivityDefinition.objects.filter(activity_id=activity_id).first()
    body = {"objectType": "Activity", "id": activity_id}
    if found and found.definition:
        body["definition"] = found.definition
    return json_response(body)


@xapi_view(READ)
def agents(request, credential):
    """The Agents resource: the Person object the LRS knows for an agent."""
    _require_any_read(credential)
    if set(request.params) != {"agent"}:
        raise XapiError(400, "agent: the parameter is required (and the only one)")
    value = json_input.loads(request.params["agent"], "agent")
    agent(value, "agent", allow_group=False)
    key = agent_key(value)
    if credential.learner is not None and key not in credential.learner_keys():
        raise XapiError(403, "agent: a learner's credential reads only its own agent")
    person = {"objectType": "Person"}
    for field in ("name", "mbox", "mbox_sha1sum", "openid", "account"):
        if field in value:
            person[field] = [value[field]]
    # Names come only from statements the credential may read.
    statements = queries.restrict(Statement.objects.filter(actor_key=key), credential)
    names = statements.order_by("-stored").values_list("data__actor__name", flat=True)[:20]
    known = [name for name in dict.fromkeys(names) if isinstance(name, str) and name not in person.get("name", [])]
    if known:
        person["name"] = person.get("name", []) + known
    return json_response(person)


def _require_any_read(credential):
    if not credential.allows("all/read", "statements/read", "statements/read/mine", "state", "profile", "define"):
        raise XapiError(403, "the credential lacks a read scope")


# The learner's own record


@login_required
def my_statements(request):
    """Download all the signed-in learner's statements as one JSON file."""
    from .api import statements_for

    rows = statements_for(request.user).values_list("data", flat=True)
    document = {
        "learner": learner_agent(request.user),
        "exported": format_timestamp(timezone.now()),
        "statements": list(rows),
    }
    response = HttpResponse(json.dumps(document, indent=2), content_type="application/json")
    filename = _("my-learning-record") + f"-{timezone.now():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
