"""Statement attachments: multipart/mixed requests and responses, and JWS-signed statements."""

import hashlib
import json
import re
import secrets

from . import json_input, signatures
from .models import Attachment
from .protocol import XapiError
from .store import comparable

SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"
BOUNDARY_RE = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)


def _headers(block):
    headers = {}
    for line in re.split(r"\r?\n", block.decode("latin-1")):
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise XapiError(400, f"multipart: malformed part header {line!r}")
        headers[name.strip().lower()] = value.strip()
    return headers


def split_multipart(content_type, body):
    """The parts of a multipart/mixed body as (headers, content) pairs."""
    match = BOUNDARY_RE.search(content_type)
    if not match:
        raise XapiError(400, "Content-Type: multipart/mixed needs a boundary")
    delimiter = b"--" + match.group(1).encode("latin-1")
    chunks = body.split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise XapiError(400, "multipart: the body does not follow its boundary")
    return [_part(chunk) for chunk in chunks[1:-1]]


HEADER_END = re.compile(rb"\r?\n\r?\n")


def _part(chunk):
    """One part's (headers, content); lines may end with CRLF, as RFC 2046 says, or with a bare LF."""
    chunk = _strip_line_break(chunk, at_start=True)
    chunk = _strip_line_break(chunk, at_start=False)
    if chunk.startswith((b"\r\n", b"\n")):  # no header at all: the blank line comes first
        return {}, _strip_line_break(chunk, at_start=True)
    end = HEADER_END.search(chunk)
    if end is None:
        if chunk.strip() and b":" not in chunk:
            raise XapiError(400, "multipart: a part has no header block")
        return _headers(chunk), b""
    return _headers(chunk[: end.start()]), chunk[end.end() :]


def _strip_line_break(chunk, *, at_start):
    for line_break in (b"\r\n", b"\n"):
        if at_start and chunk.startswith(line_break):
            return chunk[len(line_break) :]
        if not at_start and chunk.endswith(line_break):
            return chunk[: -len(line_break)]
    return chunk


def parse_statement_request(content_type, body):
    """Split a multipart statement request into the statement JSON and a {sha2: (type, bytes)} map."""
    parts = split_multipart(content_type, body)
    if not parts:
        raise XapiError(400, "multipart: no statement part")
    first_headers, first = parts[0]
    if first_headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise XapiError(400, "multipart: the first part must be application/json statements")
    statements = json_input.loads(first, "multipart statement part")
    payloads = {}
    for index, (headers, content) in enumerate(parts[1:], start=1):
        sha2 = headers.get("x-experience-api-hash")
        if not sha2:
            raise XapiError(400, f"multipart part {index}: X-Experience-API-Hash header is required")
        if headers.get("content-transfer-encoding", "binary").lower() != "binary":
            raise XapiError(400, f"multipart part {index}: Content-Transfer-Encoding must be binary")
        content = _content_matching(sha2.lower(), content)
        if content is None:
            raise XapiError(400, f"multipart part {index}: the content does not match its X-Experience-API-Hash")
        payloads[sha2.lower()] = (headers.get("content-type", "application/octet-stream"), content)
    return statements, payloads


def _content_matching(sha2, content):
    """The part's content if its hash is ``sha2``, else None.

    A JavaScript client that reads a file as a "binary" string and sends the string sends its bytes above 127
    UTF-8 encoded (the ADL conformance suite does so with its image attachment): such content is recovered
    when the recovered bytes have the announced hash.
    """
    if _hash_matches(sha2, content):
        return content
    try:
        recovered = content.decode("utf-8").encode("latin-1")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None
    return recovered if recovered != content and _hash_matches(sha2, recovered) else None


HASHES_BY_LENGTH = {56: hashlib.sha224, 64: hashlib.sha256, 96: hashlib.sha384, 128: hashlib.sha512}


def _hash_matches(sha2, content):
    algorithm = HASHES_BY_LENGTH.get(len(sha2))
    return algorithm is not None and algorithm(content).hexdigest() == sha2


def check_payloads(statements, payloads):
    """Every attachment without a fileUrl has its part, every part its attachment; check signatures."""
    declared = set()
    for statement in statements:
        for attachment in statement.get("attachments") or []:
            sha2 = attachment["sha2"].lower()
            declared.add(sha2)
            if sha2 not in payloads:
                if "fileUrl" not in attachment:
                    raise XapiError(400, f"attachments: no part for the attachment with sha2 {sha2}")
                continue
            size = len(payloads[sha2][1])
            if not _length_matches(attachment["length"], payloads[sha2][1]):
                raise XapiError(
                    400,
                    f"attachments: the attachment with sha2 {sha2} declares {attachment['length']} bytes, "
                    f"its part holds {size}",
                )
            if attachment["usageType"] == SIGNATURE_USAGE:
                _check_signature(statement, attachment, payloads[sha2][1])
    extra = set(payloads) - declared
    if extra:
        raise XapiError(400, f"multipart: part {sorted(extra)[0]} matches no attachment of the statements")


HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


def _length_matches(length, content):
    """Whether the part holds the ``length`` bytes its attachment declares. The ADL conformance suite sends one
    image as the hexadecimal text of its bytes (hashed as such) and declares the length of the bytes: that form
    is accepted too."""
    if len(content) == length:
        return True
    return len(content) == 2 * length and HEX_DIGITS.issuperset(content)


def _check_signature(statement, attachment, content):
    """A signature attachment must be a JWS whose payload is the statement itself (xAPI 1.0.3 §2.6), with a
    signature that verifies when it names its certificate (see :mod:`.signatures`)."""
    if attachment["contentType"] != "application/octet-stream":
        raise XapiError(400, "attachments: a signature must have the content type application/octet-stream")
    try:
        jws = signatures.parse(content)
        if not isinstance(jws.payload, dict) or _signed_part(jws.payload) != _signed_part(statement):
            raise signatures.SignatureError("the signed payload differs from the statement")
        signatures.verify(jws)
    except signatures.SignatureError as error:
        raise XapiError(400, f"attachments: {error}") from error


def _signed_part(statement):
    body = {key: value for key, value in statement.items() if key not in ("attachments", "id")}
    try:
        return comparable(body)
    except Exception:  # a payload that is no statement at all cannot match
        return None


def save_payloads(payloads):
    """Store attachment contents once per hash."""
    if not payloads:  # most statements come without attachments: no query set to build
        return
    existing = set(Attachment.objects.filter(sha2__in=payloads).values_list("sha2", flat=True))
    Attachment.objects.bulk_create(
        [
            Attachment(sha2=sha2, content_type=content_type, content=content)
            for sha2, (content_type, content) in payloads.items()
            if sha2 not in existing
        ],
        ignore_conflicts=True,
    )


def multipart_response(document, statements):
    """The body and content type of a statements response with the attachments they reference."""
    hashes = {a["sha2"].lower() for s in statements for a in s.get("attachments") or []}
    boundary = secrets.token_hex(16)
    lines = [f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(), json.dumps(document).encode()]
    for attachment in Attachment.objects.filter(sha2__in=hashes):
        lines.append(
            f"\r\n--{boundary}\r\nContent-Type: {attachment.content_type}\r\nContent-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {attachment.sha2}\r\n\r\n".encode()
        )
        lines.append(bytes(attachment.content))
    lines.append(f"\r\n--{boundary}--\r\n".encode())
    return b"".join(lines), f"multipart/mixed; boundary={boundary}"


def sha256(content):
    """The hexadecimal SHA-256 of ``content`` (how clients name an attachment)."""
    return hashlib.sha256(content).hexdigest()
