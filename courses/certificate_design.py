"""What a certificate prints beside what it copied at issue time: the issuer, the hub's logo, the signatory.

These are read when the certificate is drawn, so an administrator's change reaches every download.
"""

from dataclasses import dataclass

from wagtail.images.models import Image

from .models import CertificateSettings


@dataclass
class CertificateDesign:
    issuer_name: str
    signatory_name: str = ""
    signatory_title: str = ""
    signature: Image | None = None
    logo: Image | None = None


def certificate_design(site, certificate, course=None):
    """The design of ``certificate`` on ``site``; ``course`` (its live page, if any) gives the hub's logo."""
    settings = CertificateSettings.for_site(site)
    hub = course.hub if course else None
    return CertificateDesign(
        issuer_name=settings.issuer_for(certificate.language),
        signatory_name=settings.signatory_name,
        signatory_title=settings.signatory_title,
        signature=settings.signature,
        logo=hub.logo if hub else None,
    )
