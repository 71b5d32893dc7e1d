"""The HTTP side of the xAPI communication part: requests in either syntax, version header, errors, responses."""

import contextlib
import json
import re
import socket
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import http_date

from . import json_input
from .vocabulary import XAPI_2, XAPI_VERSION

# Headers a client may send as form fields in the alternate request syntax (xAPI 1.0.3 §1.3 of part three).
ALTERNATE_HEADERS = {
    "authorization": "Authorization",
    "x-experience-api-version": "X-Experience-API-Version",
    "content-type": "Content-Type",
    "content-length": "Content-Length",
    "if-match": "If-Match",
    "if-none-match": "If-None-Match",
}
ALTERNATE_METHODS = {"GET", "PUT", "POST", "DELETE", "HEAD"}
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "HEAD, GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": (
        "Authorization, Content-Type, If-Match, If-None-Match, X-Experience-API-Version, "
        "X-Experience-API-Consistent-Through, Accept-Language"
    ),
    "Access-Control-Expose-Headers": (
        "ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through"
    ),
}


class XapiError(Exception):
    """Ends a request with ``status`` and a JSON body stating the reason."""

    def __init__(self, status, message, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class XapiRequest:
    """A request to the LRS after the alternate syntax is unfolded: method, parameters, headers, body."""

    method: str
    params: dict
    headers: dict
    body: bytes
    django: object = None
    extra: dict = field(default_factory=dict)

    @property
    def version(self):
        """The xAPI version the request speaks (see :func:`negotiate_version`), or :func:`default_version`."""
        return negotiate_version(self.header("X-Experience-API-Version")) or default_version()

    @property
    def is_v2(self):
        """Whether the request speaks xAPI 2.0."""
        return self.version == XAPI_2

    @property
    def content_type(self):
        """The media type of the body, without parameters, lower case."""
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def header(self, name, default=""):
        """A request header by its canonical name."""
        return self.headers.get(name, default)

    def json_body(self, what="body"):
        """The body parsed as JSON (see :func:`.json_input.loads`); a 400 names ``what`` when it is not."""
        return json_input.loads(self.body, what)


def _read_body(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    try:
        length = int(length)
    except ValueError as error:
        raise XapiError(400, "Content-Length: not a number") from error
    if length > settings.XAPI_MAX_REQUEST_SIZE:
        raise XapiError(413, f"the request body is larger than {settings.XAPI_MAX_REQUEST_SIZE} bytes")
    if not length:
        return b""
    sock = request.META.get("gunicorn.socket")
    if sock is None:  # another WSGI server, or the test client: its own limits apply
        return request.read()
    # A client that declares a body and sends it slowly holds a thread: after XAPI_BODY_TIMEOUT seconds the
    # socket stops reading, the read returns what arrived, and the request ends with a 408.
    timer = threading.Timer(settings.XAPI_BODY_TIMEOUT, _stop_reading, (sock,))
    timer.daemon = True
    timer.start()
    try:
        body = request.read()
    except OSError:
        body = b""
    finally:
        timer.cancel()
    if len(body) < length:
        raise XapiError(408, f"the request body did not arrive within {settings.XAPI_BODY_TIMEOUT} s")
    return body


def _stop_reading(sock):
    with contextlib.suppress(OSError):  # the client may have gone already
        sock.shutdown(socket.SHUT_RD)


def parse_request(request):
    """Read a Django request as an :class:`XapiRequest`, unfolding the alternate request syntax."""
    headers = {name: request.headers[name] for name in ALTERNATE_HEADERS.values() if name in request.headers}
    headers["Accept-Language"] = request.headers.get("Accept-Language", "")
    params = {}
    for key, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True):
        if key in params:
            raise XapiError(400, f"{key}: the parameter is given twice")
        params[key] = value
    body = _read_body(request)
    method = request.method
    if method == "POST" and "method" in params:
        method = params.pop("method").upper()
        if method not in ALTERNATE_METHODS:
            raise XapiError(400, f"method: {method!r} is not an HTTP method of the xAPI")
        if params:
            raise XapiError(400, "the alternate request syntax takes no query parameter besides method")
        if headers.get("Content-Type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
            raise XapiError(400, "Content-Type: the alternate request syntax needs application/x-www-form-urlencoded")
        headers, params, body = _unfold_form(headers, body)
        if negotiate_version(headers.get("X-Experience-API-Version", "")) == XAPI_2:
            raise XapiError(400, "method: xAPI 2.0 has no alternate request syntax")
    _refuse_nul(params, headers)
    return XapiRequest(method=method, params=params, headers=headers, body=body, django=request)


def _refuse_nul(params, headers):
    """A NUL character in a parameter or header is a 400: no database column can hold it."""
    for kind, values in (("parameter", params), ("header", headers)):
        for name, value in values.items():
            if "\x00" in name or "\x00" in value:
                raise XapiError(400, f"{name.replace(chr(0), '')}: the {kind} holds a NUL character")


def _unfold_form(headers, raw):
    """The headers, parameters and content an alternate-syntax form carries.

    The form's header fields are the request's headers (xAPI 1.0.3 part three, 1.3): they replace the real
    headers of the same name, so a form that names an unsupported version is refused whatever the real header
    says (XAPI-00336). Content-Type and Content-Length describe the content, which is JSON unless the form
    says otherwise.
    """
    try:
        form = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(raw))
    except (UnicodeDecodeError, ValueError) as error:
        raise XapiError(400, f"body: not a valid form ({error})") from error
    headers = {**headers, "Content-Type": "application/json"}
    headers.pop("Content-Length", None)
    params, body = {}, b""
    for key, value in form:
        name = ALTERNATE_HEADERS.get(key.lower())
        if name:
            headers[name] = value
        elif key == "content":
            body = value.encode()
        elif not name:
            params[key] = value
    return headers, params, body


VERSION_1_RE = re.compile(r"^1\.0(\.\d+)?$")
VERSION_2_RE = re.compile(r"^2\.0(\.\d+)?$")


def negotiate_version(header):
    """The version the LRS answers a request in: 1.0.3 for any 1.0.x (Storyline's driver sends 1.0.2), 2.0.0 for
    2.0 and 2.0.x, None for anything else."""
    header = header.strip()
    if VERSION_1_RE.match(header):
        return XAPI_VERSION
    if VERSION_2_RE.match(header):
        return XAPI_2
    return None


def default_version():
    """The version of the answer to a request that names no supported version (its 400, or the About resource):
    ``XAPI_DEFAULT_VERSION``, 1.0.3 unless set to 2.0.0."""
    return XAPI_2 if settings.XAPI_DEFAULT_VERSION.startswith("2.") else XAPI_VERSION


def check_version(xrequest):
    """Refuse a request without a supported X-Experience-API-Version header."""
    version = xrequest.header("X-Experience-API-Version")
    if not version:
        raise XapiError(400, "X-Experience-API-Version: the header is required")
    if negotiate_version(version) is None:
        raise XapiError(400, f"X-Experience-API-Version: {version!r} is not supported (use 1.0.x or 2.0.x)")


def json_response(data, status=200, headers=None):
    """A JSON response with the LRS's headers."""
    response = HttpResponse(json.dumps(data), status=status, content_type="application/json")
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(error):
    """The response for an :class:`XapiError`."""
    response = json_response({"error": True, "message": error.message}, status=error.status, headers=error.headers)
    return response


def finish(response, method, version):
    """Add the version and CORS headers; empty the body of a HEAD response."""
    response["X-Experience-API-Version"] = version
    for name, value in CORS_HEADERS.items():
        response[name] = value
    if method == "HEAD":
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def last_modified(moment):
    """An HTTP date header value."""
    return http_date(moment.timestamp())
