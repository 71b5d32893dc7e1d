"""A small HTTP API to import, launch and delete packages outside any lesson, and waive or abandon cmi5 AUs.

For integrations and the cmi5 LMS test suite (``tests/conformance/cmi5/``): every call needs the HTTP Basic key
and secret of an active LRS client with the ``all`` scope. Packages imported here belong to no course; their
launches record nothing in ``courses``.
"""

import io
import json
import uuid
from functools import wraps

from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from lms.xapi import api

from ..models import ContentPackage
from .archive import PackageError
from .importing import read_upload, store_package
from .launching import cmi5_launch_url

MAX_UPLOAD = 600 * 1024 * 1024


def _error(status, message):
    return JsonResponse({"error": message}, status=status)


def key_required(*methods):
    def decorator(view):
        @csrf_exempt
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in methods:
                response = _error(405, f"use {' or '.join(methods)}")
                response["Allow"] = ", ".join(methods)
                return response
            if not api.client_may(request, "all"):
                response = _error(401, "an LRS client key and secret with the 'all' scope are required")
                response["WWW-Authenticate"] = 'Basic realm="packages"'
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _json(request):
    try:
        body = json.loads(request.body or b"{}")
    except (UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"the body is not JSON: {error}") from error
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body


@key_required("POST")
def import_package(request):
    """POST the package file as the body (``?filename=`` names it): 201 with its id and units, or 400."""
    if len(request.body) > MAX_UPLOAD:
        return _error(400, "the package is too large")
    file = io.BytesIO(request.body)
    name = request.GET.get("filename") or ("package.zip" if "zip" in request.content_type else "cmi5.xml")
    try:
        package = store_package(read_upload(file, name=name))
    except PackageError as error:
        return _error(400, str(error))
    units = [{"position": item.position, "title": item.title} for item in package.items.order_by("position")]
    return JsonResponse({"id": str(package.id), "kind": package.kind, "units": units}, status=201)


@key_required("POST")
def launch_url(request, package_id, position):
    """POST ``{"actor": {...}, "registration"?, "launchMode"?, "returnURL"?}``: the cmi5 launch URL of a unit."""
    package = ContentPackage.objects.filter(pk=package_id, lesson_key__isnull=True, kind="cmi5").first()
    if package is None:
        return _error(404, "no such cmi5 package outside a lesson")
    try:
        body = _json(request)
        actor = body.get("actor")
        if not isinstance(actor, dict) or not isinstance(actor.get("account"), dict):
            raise ValueError("actor: an Agent with an account is required")
        registration = uuid.UUID(str(body["registration"])) if body.get("registration") else uuid.uuid4()
        if not 0 <= position < package.items.count():
            raise ValueError("no unit at that position")
        launch = cmi5_launch_url(
            package,
            position,
            {"objectType": "Agent", **actor},
            registration,
            launch_mode=body.get("launchMode") or "Normal",
            return_url=str(body.get("returnURL") or ""),
        )
    except (KeyError, ValueError, TypeError) as error:
        return _error(400, str(error))
    return JsonResponse(
        {"url": launch.url, "registration": str(registration), "session": str(launch.session.session_id)}
    )


@key_required("DELETE")
def delete_package(request, package_id):
    """DELETE a package outside any lesson and its files (its statements stay in the LRS); 204, or 404."""
    package = ContentPackage.objects.filter(pk=package_id, lesson_key__isnull=True).first()
    if package is None:
        return _error(404, "no such package outside a lesson")
    prefix = package.storage_prefix
    with transaction.atomic():
        package.delete()
    _delete_tree(prefix)
    return HttpResponse(status=204)


def _delete_tree(prefix):
    if not default_storage.exists(prefix.rstrip("/")):
        return
    folders, files = default_storage.listdir(prefix)
    for name in files:
        default_storage.delete(prefix + name)
    for folder in folders:
        _delete_tree(f"{prefix}{folder}/")


@key_required("POST")
def waive(request, registration, position):
    """POST ``{"reason": "Administrative"}``: waive the AU at ``position`` for the cmi5 registration."""
    try:
        reason = str(_json(request).get("reason") or "Administrative")
        api.cmi5_waive(registration, position, reason)
    except ValueError as error:
        return _error(400, str(error))
    except LookupError as error:
        return _error(404, str(error))
    return HttpResponse(status=204)


@key_required("POST")
def abandon(request, session_id):
    """POST: abandon an open cmi5 session (``abandoned`` is stored and its token stops working)."""
    try:
        api.cmi5_abandon(session_id)
    except LookupError as error:
        return _error(404, str(error))
    return HttpResponse(status=204)
