"""Statements with attachments in multipart/mixed, and signed statements."""

import base64
import hashlib
import json

import pytest

from .conftest import statement

pytestmark = pytest.mark.django_db

BOUNDARY = "xapi-boundary-7d3a"
SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"


def declaration(content, usage="http://example.org/attachment/certificate", content_type="text/plain"):
    return {
        "usageType": usage,
        "display": {"en-US": "Certificate"},
        "contentType": content_type,
        "length": len(content),
        "sha2": hashlib.sha256(content).hexdigest(),
    }


def multipart(statements, *parts):
    chunks = [f"--{BOUNDARY}\r\nContent-Type: application/json\r\n\r\n".encode(), json.dumps(statements).encode()]
    for content, sha2 in parts:
        chunks.append(
            f"\r\n--{BOUNDARY}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {sha2}\r\n\r\n".encode()
        )
        chunks.append(content)
    chunks.append(f"\r\n--{BOUNDARY}--".encode())
    return b"".join(chunks)


CONTENT_TYPE = f'multipart/mixed; boundary="{BOUNDARY}"'


def test_a_statement_with_its_attachment_is_stored_and_returned_with_it(lrs):
    content = b"certificate \x00\xff binary"
    body = statement(attachments=[declaration(content)])
    response = lrs.post("statements", multipart(body, (content, hashlib.sha256(content).hexdigest())),
                        content_type=CONTENT_TYPE)  # fmt: skip
    assert response.status_code == 200, response.content
    [statement_id] = response.json()
    fetched = lrs.get("statements", {"statementId": statement_id, "attachments": "true"})
    assert fetched["Content-Type"].startswith("multipart/mixed")
    assert content in fetched.content
    assert hashlib.sha256(content).hexdigest().encode() in fetched.content
    listing = lrs.get("statements", {"attachments": "true"})
    assert content in listing.content


def test_an_attachment_without_its_part_is_refused(lrs):
    body = statement(attachments=[declaration(b"abc")])
    response = lrs.post("statements", multipart(body), content_type=CONTENT_TYPE)
    assert response.status_code == 400 and "no part" in response.json()["message"]
    response = lrs.post("statements", body)
    assert response.status_code == 400


def test_a_part_matching_no_attachment_is_refused(lrs):
    part = (b"abc", hashlib.sha256(b"abc").hexdigest())
    response = lrs.post("statements", multipart(statement(), part), content_type=CONTENT_TYPE)
    assert response.status_code == 400 and "matches no attachment" in response.json()["message"]


def test_a_part_whose_content_does_not_match_its_hash_is_refused(lrs):
    body = statement(attachments=[declaration(b"abc")])
    part = (b"abd", hashlib.sha256(b"abc").hexdigest())
    response = lrs.post("statements", multipart(body, part), content_type=CONTENT_TYPE)
    assert response.status_code == 400 and "does not match" in response.json()["message"]


@pytest.mark.parametrize("declared", [0, 2, 4, 10**12])
def test_an_attachment_whose_declared_length_differs_from_its_part_is_refused(lrs, declared):
    content = b"abc"
    body = statement(attachments=[{**declaration(content), "length": declared}])
    response = lrs.post("statements", multipart(body, (content, hashlib.sha256(content).hexdigest())),
                        content_type=CONTENT_TYPE)  # fmt: skip
    assert response.status_code == 400 and "declares" in response.json()["message"]


def test_hexadecimal_text_of_the_declared_bytes_is_accepted_as_the_adl_suite_sends_it(lrs):
    image = bytes(range(200))
    text = image.hex().encode()
    body = statement(attachments=[{**declaration(text, content_type="image/jpeg"), "length": len(image)}])
    response = lrs.post("statements", multipart(body, (text, hashlib.sha256(text).hexdigest())),
                        content_type=CONTENT_TYPE)  # fmt: skip
    assert response.status_code == 200, response.content


def test_an_attachment_with_a_file_url_needs_no_part(lrs):
    body = statement(attachments=[{**declaration(b"abc"), "fileUrl": "http://example.org/abc.txt"}])
    assert lrs.post("statements", body).status_code == 200


@pytest.mark.parametrize(
    "broken",
    [
        b"no boundary at all",
        f"--{BOUNDARY}\r\nContent-Type: text/plain\r\n\r\n{{}}\r\n--{BOUNDARY}--".encode(),
        f"--{BOUNDARY}\r\nContent-Type: application/json\r\n\r\n{{oops\r\n--{BOUNDARY}--".encode(),
    ],
)
def test_malformed_multipart_is_refused(lrs, broken):
    assert lrs.post("statements", broken, content_type=CONTENT_TYPE).status_code == 400


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jws(payload, alg="RS256"):
    header = b64(json.dumps({"alg": alg}).encode())
    return f"{header}.{b64(json.dumps(payload).encode())}.{b64(b'signature-bytes')}".encode()


def signed(payload_statement, alg="RS256", body=None):
    signature = jws(payload_statement, alg)
    declared = declaration(signature, usage=SIGNATURE, content_type="application/octet-stream")
    body = {**(body or payload_statement), "attachments": [declared]}
    return multipart(body, (signature, declared["sha2"]))


def test_a_signed_statement_is_accepted(lrs):
    response = lrs.post("statements", signed(statement()), content_type=CONTENT_TYPE)
    assert response.status_code == 200, response.content


def test_a_signature_with_a_bad_algorithm_or_payload_is_refused(lrs):
    assert lrs.post("statements", signed(statement(), alg="HS256"), content_type=CONTENT_TYPE).status_code == 400
    tampered = signed(statement(), body=statement(verb={"id": "http://adlnet.gov/expapi/verbs/passed"}))
    assert lrs.post("statements", tampered, content_type=CONTENT_TYPE).status_code == 400
    garbage = b"not-a-jws"
    declared = declaration(garbage, usage=SIGNATURE, content_type="application/octet-stream")
    body = multipart(statement(attachments=[declared]), (garbage, declared["sha2"]))
    assert lrs.post("statements", body, content_type=CONTENT_TYPE).status_code == 400


def test_parts_may_end_their_lines_with_a_bare_line_feed(lrs):
    content = b"here is a simple attachment"
    crlf = multipart(statement(attachments=[declaration(content)]), (content, hashlib.sha256(content).hexdigest()))
    response = lrs.post("statements", crlf.replace(b"\r\n", b"\n"), content_type=CONTENT_TYPE)
    assert response.status_code == 200, response.content
    fetched = lrs.get("statements", {"statementId": response.json()[0], "attachments": "true"})
    boundary = fetched["Content-Type"].split("boundary=")[1]
    assert '"' not in boundary and content in fetched.content


def test_binary_sent_as_a_utf8_encoded_string_is_recovered_by_its_hash(lrs):
    content = bytes(range(256))  # what a client read as a "binary" string, then sent UTF-8 encoded
    mangled = content.decode("latin-1").encode("utf-8")
    sha2 = hashlib.sha256(content).hexdigest()
    response = lrs.post("statements", multipart(statement(attachments=[declaration(content)]), (mangled, sha2)),
                        content_type=CONTENT_TYPE)  # fmt: skip
    assert response.status_code == 200, response.content
    fetched = lrs.get("statements", {"statementId": response.json()[0], "attachments": "true"})
    assert content in fetched.content
    other = b"\xc3\xa9t\xc3\xa9"  # valid UTF-8 whose recovery does not have the announced hash
    refused = lrs.post("statements", multipart(statement(attachments=[declaration(content)]), (other, sha2)),
                       content_type=CONTENT_TYPE)  # fmt: skip
    assert refused.status_code == 400
