"""Compact JWS with EdDSA (RFC 7515, RFC 8037), the envelope of a VC-JWT credential."""

import json

from cryptography.exceptions import InvalidSignature

from .issuer import b64url, b64url_decode, key_id, signing_key

MAX_TOKEN_LENGTH = 64 * 1024


class InvalidToken(ValueError):
    """The token is malformed, too large, signed with another algorithm or key, or its signature is wrong."""


def sign(payload, media_type):
    """``payload`` (a dict) signed with the platform's key, as ``header.payload.signature``."""
    header = {"alg": "EdDSA", "typ": media_type, "kid": key_id()}
    signing_input = ".".join(b64url(json.dumps(part, separators=(",", ":")).encode()) for part in (header, payload))
    signature = signing_key().sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url(signature)}"


def verify(token):
    """The payload of a token the platform signed; raises InvalidToken otherwise."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 2:
        raise InvalidToken("not a compact JWS")
    encoded_header, encoded_payload, encoded_signature = token.split(".")
    try:
        header = json.loads(b64url_decode(encoded_header))
        payload = json.loads(b64url_decode(encoded_payload))
        signature = b64url_decode(encoded_signature)
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidToken("undecodable token") from error
    if not isinstance(header, dict) or header.get("alg") != "EdDSA" or header.get("kid") != key_id():
        raise InvalidToken("not signed by this platform's key")
    try:
        signing_key().public_key().verify(signature, f"{encoded_header}.{encoded_payload}".encode("ascii"))
    except InvalidSignature as error:
        raise InvalidToken("bad signature") from error
    return payload
