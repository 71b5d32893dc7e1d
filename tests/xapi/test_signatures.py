"""Signed statements whose JWS names its certificate (x5c): the RSA signature is verified."""

import base64
import datetime
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from lms.xapi import signatures

from .conftest import statement
from .test_attachments import CONTENT_TYPE, SIGNATURE, b64, declaration, multipart

pytestmark = pytest.mark.django_db

HASHES = {"RS256": hashes.SHA256(), "RS384": hashes.SHA384(), "RS512": hashes.SHA512()}


def certificate_for(key):
    """A self-signed certificate of ``key``, base64 DER as in x5c."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Signing tool")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def other_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def sign(payload, key, *, alg="RS256", x5c=None):
    """A compact JWS of ``payload`` signed with ``key``, naming the certificate chain ``x5c``."""
    header = {"alg": alg, **({"x5c": x5c} if x5c is not None else {})}
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}"
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), HASHES.get(alg, hashes.SHA256()))
    return f"{signing_input}.{b64(signature)}".encode()


def post_signed(lrs, body, jws):
    declared = declaration(jws, usage=SIGNATURE, content_type="application/octet-stream")
    content = multipart({**body, "attachments": [declared]}, (jws, declared["sha2"]))
    return lrs.post("statements", content, content_type=CONTENT_TYPE)


def refusal(response):
    assert response.status_code == 400, response.content
    return response.json()["message"]


@pytest.mark.parametrize("alg", ["RS256", "RS384", "RS512"])
def test_a_good_signature_is_accepted(lrs, key, alg):
    body = statement()
    response = post_signed(lrs, body, sign(body, key, alg=alg, x5c=[certificate_for(key)]))
    assert response.status_code == 200, response.content


def test_a_tampered_payload_is_refused(lrs, key):
    signed, changed = statement(), statement(verb={"id": "http://adlnet.gov/expapi/verbs/passed"})
    header, _payload, signature = sign(signed, key, x5c=[certificate_for(key)]).split(b".")
    tampered = b".".join([header, b64(json.dumps(changed).encode()).encode(), signature])
    assert refusal(post_signed(lrs, changed, tampered)) == (
        "attachments: the signature does not verify with the key of its x5c certificate"
    )


def test_a_signature_by_another_key_than_the_certificates_is_refused(lrs, key, other_key):
    body = statement()
    assert refusal(post_signed(lrs, body, sign(body, other_key, x5c=[certificate_for(key)]))) == (
        "attachments: the signature does not verify with the key of its x5c certificate"
    )


def test_an_unsupported_algorithm_is_refused(lrs, key):
    body = statement()
    assert refusal(post_signed(lrs, body, sign(body, key, alg="PS256", x5c=[certificate_for(key)]))) == (
        "attachments: the signature must use RS256, RS384 or RS512"
    )


@pytest.mark.parametrize("jws", [b"not-a-jws", b"a.b.c", b"e30.e30.%%%", "é.e30.e30".encode()])
def test_a_malformed_jws_is_refused(lrs, jws):
    assert (
        refusal(post_signed(lrs, statement(), jws))
        == "attachments: the signature is not a JWS in compact serialisation"
    )


def test_an_unreadable_or_non_rsa_certificate_is_refused(lrs, key):
    body = statement()
    unreadable = sign(body, key, x5c=[base64.b64encode(b"not a certificate").decode()])
    assert refusal(post_signed(lrs, body, unreadable)) == "attachments: the first x5c certificate cannot be read"
    assert refusal(post_signed(lrs, body, sign(body, key, x5c=[]))) == (
        "attachments: x5c must be a non-empty list of base64 certificates"
    )
    elliptic = ec.generate_private_key(ec.SECP256R1())
    non_rsa = sign(body, key, x5c=[certificate_for(elliptic)])
    assert refusal(post_signed(lrs, body, non_rsa)) == "attachments: the first x5c certificate does not hold an RSA key"


def test_a_signature_without_certificate_is_accepted_unverified(lrs, other_key):
    body = statement()
    jws = sign(body, other_key)
    assert signatures.verify(signatures.parse(jws)) is False
    assert post_signed(lrs, body, jws).status_code == 200
