"""Certificates as Open Badges 3.0: signed VC-JWTs that an independent JOSE library (PyJWT) and a third-party
DID verifier (DIF's did-jwt, under node) verify with the key the platform publishes at /.well-known/did.json,
and whose revocation shows in the published status list."""

import base64
import gzip
import json
import subprocess
from pathlib import Path

import jwt as pyjwt
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from courses.credentials import issuer
from lms.accounts.factories import UserFactory

from .test_learner_views import completed  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def fetch_public_key(client):
    document = client.get("/.well-known/did.json").json()
    assert document["id"] == "did:web:testserver"
    method = document["verificationMethod"][0]
    assert method["id"] in document["assertionMethod"]
    return method["id"], pyjwt.PyJWK(method["publicKeyJwk"], algorithm="EdDSA")


def status_bit(client, index):
    """Read the status list as a verifier does: verify its signature, unzip the bits, read the one at ``index``."""
    response = client.get("/credentials/status/revocation")
    assert response["Content-Type"] == "application/vc+jwt"
    _kid, key = fetch_public_key(client)
    status = pyjwt.decode(response.content, key=key, algorithms=["EdDSA"], options={"verify_aud": False})
    assert status["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    encoded = status["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) * 8 >= 131_072
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def third_party_check(client, token, tmp_path):
    """What ``verify_open_badge.mjs`` (did-jwt) says of ``token``, given the platform's DID document and status
    list as a verifier would fetch them: its JSON findings, or the reason it refused."""
    (tmp_path / "badge.jwt").write_text(token)
    (tmp_path / "did.json").write_bytes(client.get("/.well-known/did.json").content)
    (tmp_path / "status.jwt").write_bytes(client.get("/credentials/status/revocation").content)
    script = Path(__file__).with_name("verify_open_badge.mjs")
    files = [str(tmp_path / name) for name in ("badge.jwt", "did.json", "status.jwt")]
    result = subprocess.run(["node", str(script), *files], capture_output=True, text=True, timeout=60)
    return json.loads(result.stdout) if result.returncode == 0 else result.stderr.strip()


def download_badge(client, certificate):
    client.force_login(certificate.enrolment.user)
    response = client.get(f"/en/certificates/{certificate.code}/open-badge/")
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    assert response["Content-Disposition"] == f'attachment; filename="open-badge-{certificate.code}.jwt"'
    return response.content.decode()


def test_badge_is_an_open_badge_credential_verified_by_an_independent_library(client, completed, tmp_path):  # noqa: F811
    token = download_badge(client, completed)
    assert third_party_check(client, token, tmp_path) == {
        "issuer": "did:web:testserver", "subject": None, "achievement": completed.course_title, "revoked": False,
    }  # fmt: skip
    kid, key = fetch_public_key(client)
    header = pyjwt.get_unverified_header(token)
    assert header == {"alg": "EdDSA", "typ": "vc+jwt", "kid": kid}
    badge = pyjwt.decode(token, key=key, algorithms=["EdDSA"], issuer="did:web:testserver")
    assert badge["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in badge["@context"]
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["issuer"]["id"] == "did:web:testserver" and badge["jti"] == badge["id"]
    assert badge["id"] == f"http://testserver/en/certificates/{completed.code}/"
    subject = badge["credentialSubject"]
    assert subject["achievement"]["name"] == completed.course_title
    assert subject["achievement"]["id"] == f"urn:uuid:{completed.course_key}"
    identities = {identity["identityType"]: identity for identity in subject["identifier"]}
    assert identities["name"]["identityHash"] == "Amina Diallo"
    assert completed.enrolment.user.email not in token  # the address is only there hashed
    assert identities["emailAddress"]["hashed"] is True
    assert badge["credentialStatus"]["statusPurpose"] == "revocation"
    assert badge["credentialStatus"]["statusListCredential"] == "http://testserver/credentials/status/revocation"
    # Downloading again gives the same credential: nothing random, nothing stored.
    assert download_badge(client, completed) == token


def test_a_tampered_badge_fails_the_independent_checks_and_the_platform_check(client, completed, tmp_path):  # noqa: F811
    token = download_badge(client, completed)
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    forged = f"{header}.{forged_payload}.{signature}"
    _kid, key = fetch_public_key(client)
    with pytest.raises(pyjwt.InvalidSignatureError):
        pyjwt.decode(forged, key=key, algorithms=["EdDSA"], issuer="did:web:testserver")
    assert "invalid_signature" in third_party_check(client, forged, tmp_path)
    client.logout()
    response = client.post("/en/certificates/open-badge/", {"credential": forged})
    assert response.status_code == 400 and b"not an Open Badge signed by this platform" in response.content
    response = client.post("/en/certificates/open-badge/", {"credential": token})
    assert response.status_code == 200 and "Valid: this Open Badge was issued" in response.content.decode()


@pytest.mark.parametrize(
    "presented",
    ["", "not a token", "a.b.c", "\x00\x00.\x00.\x00", "é" * 70_000, "eyJhbGciOiJub25lIn0.e30.", "%ff.%fe.%00"],
)
def test_presenting_anything_else_gets_a_clear_refusal(client, home, presented):
    response = client.post("/en/certificates/open-badge/", {"credential": presented})
    assert response.status_code == 400
    assert b'role="alert"' in response.content


def test_an_uploaded_badge_file_is_checked_and_a_huge_one_refused(client, completed):  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    token = download_badge(client, completed)
    response = client.post("/en/certificates/open-badge/", {"file": SimpleUploadedFile("b.jwt", token.encode())})
    assert response.status_code == 200 and completed.code.encode() in response.content
    huge = SimpleUploadedFile("b.jwt", b"x" * 70_000)
    response = client.post("/en/certificates/open-badge/", {"file": huge})
    assert response.status_code == 400 and b"larger than 64 KB" in response.content


def test_revocation_by_an_administrator_shows_on_the_page_the_badge_check_and_the_status_list(
    client,
    completed,  # noqa: F811
    tmp_path,
):
    token = download_badge(client, completed)
    assert status_bit(client, completed.pk) is False
    admin = get_user_model().objects.create_superuser(email="admin@example.org", password="x-long-passphrase")
    client.force_login(admin)
    edit_url = reverse("certificates:edit", args=[completed.pk])
    response = client.post(edit_url, {"revocation_reason": "Issued by mistake"})
    assert response.status_code == 302
    completed.refresh_from_db()
    assert completed.is_revoked and completed.revocation_reason == "Issued by mistake"

    assert status_bit(client, completed.pk) is True
    assert third_party_check(client, token, tmp_path)["revoked"] is True
    client.logout()
    body = client.get(f"/en/certificates/{completed.code}/").content.decode()
    assert "This certificate was revoked on" in body and "Issued by mistake" in body
    assert "This certificate is valid." not in body
    response = client.post("/en/certificates/open-badge/", {"credential": token})
    assert b"was revoked" in response.content
    client.force_login(completed.enrolment.user)
    assert client.get(f"/en/certificates/{completed.code}/open-badge/").status_code == 410
    assert client.get(f"/en/certificates/{completed.code}/pdf/").status_code == 410

    # Clearing the reason reinstates it.
    client.force_login(admin)
    client.post(edit_url, {"revocation_reason": ""})
    assert status_bit(client, completed.pk) is False


def test_hosts_and_learners_cannot_revoke_or_create_certificates(client, completed):  # noqa: F811
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    response = client.post(reverse("certificates:edit", args=[completed.pk]), {"revocation_reason": "no"})
    assert response.status_code in (302, 403)
    completed.refresh_from_db()
    assert not completed.is_revoked
    admin = get_user_model().objects.create_superuser(email="root@example.org", password="x-long-passphrase")
    client.force_login(admin)
    assert client.get(reverse("certificates:index")).status_code == 200
    assert client.get("/admin/certificates/new/").status_code in (403, 302, 404)


def test_the_signing_key_can_be_set_and_must_be_ed25519(settings):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from django.core.exceptions import ImproperlyConfigured

    def pem(key):
        return key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()

    key = Ed25519PrivateKey.generate()
    settings.OPEN_BADGES_SIGNING_KEY = pem(key)
    issuer.signing_key.cache_clear()
    try:
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        assert issuer.public_jwk()["x"] == base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        settings.OPEN_BADGES_SIGNING_KEY = pem(ec.generate_private_key(ec.SECP256R1()))
        issuer.signing_key.cache_clear()
        with pytest.raises(ImproperlyConfigured):
            issuer.signing_key()
    finally:
        settings.OPEN_BADGES_SIGNING_KEY = ""
        issuer.signing_key.cache_clear()


def test_did_web_encodes_the_port(settings):
    settings.BASE_URL = "https://learning.example.org:8443"
    assert issuer.issuer_did() == "did:web:learning.example.org%3A8443"


@pytest.mark.parametrize(("language", "words"), [("ar", "اختره أو الصق نصه"), ("fr", "Choisissez-le")])
def test_the_badge_check_keeps_the_file_extension_left_to_right_in_every_language(client, home, language, words):
    body = client.get(f"/{language}/certificates/open-badge/").content.decode()
    assert f'<bdi dir="ltr">.jwt</bdi>. {words}' in body
