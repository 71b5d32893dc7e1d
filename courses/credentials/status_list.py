"""The revocation list of every certificate, as a W3C Bitstring Status List credential.

Certificate ``pk`` is its index in the list; a set bit means revoked. The list is at least 16 KiB of bits
(131,072 entries), the size the specification asks for so that no one learns much from which index is whose.
"""

import gzip

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ..models import Certificate
from . import jwt
from .issuer import b64url, issuer_did

MIN_ENTRIES = 131_072


def status_list_url():
    return settings.BASE_URL + reverse("credential_status_list")


def entry(certificate):
    """The ``credentialStatus`` a certificate's credential carries."""
    url = status_list_url()
    return {
        "id": f"{url}#{certificate.pk}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(certificate.pk),
        "statusListCredential": url,
    }


def encoded_list(revoked_indices):
    """GZIP-compressed bits, first index in the most significant bit of the first byte, base64url multibase."""
    indices = list(revoked_indices)
    size = max(MIN_ENTRIES, max(indices, default=0) + 1)
    bits = bytearray((size + 7) // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url(gzip.compress(bytes(bits), mtime=0))


def status_list_token():
    """The signed status list credential (VC-JWT) that ``/credentials/status/revocation`` serves."""
    url = status_list_url()
    revoked = Certificate.objects.filter(revoked_at__isnull=False).values_list("pk", flat=True)
    now = timezone.now()
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": now.isoformat(timespec="seconds"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list(revoked),
        },
    }
    claims = {"iss": issuer_did(), "jti": url, "nbf": int(now.timestamp())}
    return jwt.sign({**credential, **claims}, "vc+jwt")
