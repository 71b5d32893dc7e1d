"""Signed statements: reading their JWS and verifying its RSA signature (xAPI 1.0.3 part two, §2.6).

A signed statement carries an attachment with the usage type ``.../attachments/signature``: a JSON Web
Signature in compact serialisation (``header.payload.signature``, each part base64url-encoded) whose payload is
the statement itself, signed with RS256, RS384 or RS512.

When the JWS header carries an X.509 certificate chain (``x5c``), the signature is verified with the public key
of the first certificate; a signature that does not verify is refused. Without ``x5c`` the LRS has no key to
verify with and accepts the statement unverified, which the specification allows (the LRS "MAY" verify, and
"MUST" reject only a signature it finds invalid). The chain is not checked against trusted authorities: a valid
signature shows that the statement was not changed since the holder of the certificate's key signed it, not
who that holder is.
"""

import base64
import binascii
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from . import json_input

ALGORITHMS = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}


class SignatureError(ValueError):
    """A signature the LRS refuses; ``str()`` says why."""


@dataclass(frozen=True)
class JWS:
    """A JWS in compact serialisation, decoded: its header and payload (JSON) and what was signed."""

    header: dict
    payload: object
    signing_input: bytes
    signature: bytes


def _base64url(segment):
    # validate=True refuses characters outside the alphabet instead of skipping them.
    return base64.b64decode(segment + "=" * (-len(segment) % 4), altchars=b"-_", validate=True)


def parse(content):
    """Decode a compact JWS (bytes); raises :class:`SignatureError` when it is not one or its algorithm is not
    RS256, RS384 or RS512."""
    try:
        header_part, payload_part, signature_part = content.decode("ascii").strip().split(".")
        header = json_input.loads(_base64url(header_part), "signature header")
        payload = json_input.loads(_base64url(payload_part), "signature payload")
        signature = _base64url(signature_part)
    except (UnicodeDecodeError, ValueError, binascii.Error) as error:  # StatementError is a ValueError
        raise SignatureError("the signature is not a JWS in compact serialisation") from error
    if not isinstance(header, dict) or header.get("alg") not in ALGORITHMS:
        raise SignatureError("the signature must use RS256, RS384 or RS512")
    return JWS(header, payload, f"{header_part}.{payload_part}".encode("ascii"), signature)


def _public_key(header):
    """The RSA public key of the first certificate of the header's ``x5c`` chain."""
    chain = header["x5c"]
    if not isinstance(chain, list) or not chain or not isinstance(chain[0], str):
        raise SignatureError("x5c must be a non-empty list of base64 certificates")
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(chain[0], validate=True))
    except (ValueError, binascii.Error) as error:
        raise SignatureError("the first x5c certificate cannot be read") from error
    key = certificate.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureError("the first x5c certificate does not hold an RSA key")
    return key


def verify(jws):
    """Verify the signature of ``jws`` with the key of its ``x5c`` certificate; returns whether it was verified
    (False when the header names no certificate). Raises :class:`SignatureError` when it does not verify."""
    if "x5c" not in jws.header:
        return False
    key = _public_key(jws.header)
    algorithm = ALGORITHMS[jws.header["alg"]]()
    try:
        key.verify(jws.signature, jws.signing_input, padding.PKCS1v15(), algorithm)
    except InvalidSignature as error:
        raise SignatureError("the signature does not verify with the key of its x5c certificate") from error
    return True
