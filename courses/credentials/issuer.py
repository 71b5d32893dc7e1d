"""The platform as an issuer of credentials: its Ed25519 key, its ``did:web`` identifier and DID document."""

import base64
from functools import cache
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_FRAGMENT = "key-1"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@cache
def signing_key():
    """The key that signs every credential: ``OPEN_BADGES_SIGNING_KEY`` (a PEM Ed25519 private key), or else
    one derived from ``SECRET_KEY``, so a development machine signs without any set-up."""
    pem = settings.OPEN_BADGES_SIGNING_KEY
    if pem:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured("OPEN_BADGES_SIGNING_KEY must be an Ed25519 private key in PEM.")
        return key
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"open-badges-issuer-key").derive(
        settings.SECRET_KEY.encode()
    )
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_jwk():
    """The public half of the signing key as a JSON Web Key (RFC 8037, OKP / Ed25519)."""
    raw = signing_key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}


def issuer_did():
    """``did:web`` of the platform's public address (``BASE_URL``); a port is percent-encoded as did:web says."""
    host = urlsplit(settings.BASE_URL).netloc
    return "did:web:" + quote(host, safe="")


def key_id():
    return f"{issuer_did()}#{KEY_FRAGMENT}"


def did_document():
    """What ``/.well-known/did.json`` publishes: the key that verifies the platform's credentials."""
    did = issuer_did()
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
        "id": did,
        "verificationMethod": [
            {"id": key_id(), "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": public_jwk()}
        ],
        "assertionMethod": [key_id()],
        "authentication": [key_id()],
    }
