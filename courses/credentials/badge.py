"""A certificate as an Open Badges 3.0 ``OpenBadgeCredential``, signed as a VC-JWT (OB 3.0 section 8.2).

The credential is built from what the certificate copied at issue time, so every download of it is the same
token (Ed25519 signatures are deterministic) until an administrator renames the issuer.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ..models import Certificate
from . import jwt
from .issuer import issuer_did
from .status_list import entry

MEDIA_TYPE = "application/vc+jwt"
CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


def verification_url(certificate):
    with translation.override(certificate.language):
        return settings.BASE_URL + reverse("courses:certificate", args=[certificate.code])


def _email_identity(certificate):
    # Hashed and salted as OB 3.0 IdentityObject allows, so the badge proves an address without publishing it.
    email = certificate.enrolment.user.email.strip().lower()
    digest = hashlib.sha256((email + certificate.code).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "salt": certificate.code,
    }


def credential(certificate, issuer_name):
    """The unsigned credential (JSON-LD) of ``certificate``, in the language it was earned in."""
    with translation.override(certificate.language):
        description = gettext("Completed the course “%(course)s”.") % {"course": certificate.course_title}
        criteria = gettext("Complete every required lesson and pass every required quiz of the course.")
    achievement = {
        "id": f"urn:uuid:{certificate.course_key}",
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": certificate.course_title,
        "description": description,
        "criteria": {"narrative": criteria},
        "inLanguage": certificate.language,
    }
    if certificate.hub_name:
        achievement["creator"] = {"id": issuer_did(), "type": ["Profile"], "name": certificate.hub_name}
    return {
        "@context": CONTEXT,
        "id": verification_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": {"id": issuer_did(), "type": ["Profile"], "name": issuer_name, "url": settings.BASE_URL + "/"},
        "validFrom": certificate.issued_at.replace(microsecond=0).isoformat(),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.learner_name,
                },
                _email_identity(certificate),
            ],
            "achievement": achievement,
        },
        "credentialStatus": entry(certificate),
    }


def signed_credential(certificate, issuer_name):
    """The credential as a VC-JWT: the credential is the payload, with ``iss``, ``jti`` and ``nbf`` beside it."""
    data = credential(certificate, issuer_name)
    claims = {"iss": issuer_did(), "jti": data["id"], "nbf": int(certificate.issued_at.timestamp())}
    return jwt.sign({**data, **claims}, "vc+jwt")


@dataclass
class Verification:
    """What checking a presented credential found: the certificate it proves, if its signature holds."""

    certificate: Certificate | None
    error: str = ""

    @property
    def is_valid(self):
        return self.certificate is not None and not self.certificate.is_revoked


def verify_credential(token):
    """Check a VC-JWT someone presents: signed by this platform, an OpenBadgeCredential, for a known certificate."""
    try:
        payload = jwt.verify(token.strip())
    except jwt.InvalidToken:
        return Verification(None, gettext("This is not an Open Badge signed by this platform."))
    kinds = payload.get("type") if isinstance(payload.get("type"), list) else []
    status = payload.get("credentialStatus")
    index = status.get("statusListIndex") if isinstance(status, dict) else None
    if "OpenBadgeCredential" not in kinds or not isinstance(index, str) or not index.isdigit() or len(index) > 15:
        return Verification(None, gettext("This signed document is not a certificate's Open Badge."))
    certificate = Certificate.objects.filter(pk=int(index)).select_related("enrolment__user").first()
    if certificate is None or payload.get("id") != verification_url(certificate):
        return Verification(None, gettext("No certificate of this platform matches this Open Badge."))
    return Verification(certificate)


def badge_filename(certificate):
    return f"open-badge-{certificate.code}.jwt"
