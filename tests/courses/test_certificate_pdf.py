"""The certificate PDF as a reader sees it: rendered to PNG with Poppler's pdftoppm (kept under
test-artifacts/certificates/ to look at), its text and word positions read back with pdftotext."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from courses.models import CertificateSettings

from .test_learner_views import completed  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "certificates"
LONG_HUB = "ICT Governance hub of the European Parliament, with the parliaments of Brussels, Strasbourg and Luxembourg"


def poppler(tool, *args):
    if not shutil.which(tool):
        pytest.fail(f"{tool} not found: run `make test`, which installs poppler-utils.")
    return subprocess.run([tool, *args], check=True, capture_output=True).stdout


def image(title, size, colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def download(client, certificate, name, path=None):
    """The owner's PDF at ``path`` (the certificate's by default), kept under ``name`` and rendered to PNG."""
    client.force_login(certificate.enrolment.user)
    response = client.get(path or f"/{certificate.language}/certificates/{certificate.code}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{name}.pdf"
    pdf.write_bytes(response.content)
    poppler("pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(ARTIFACTS / name))
    assert (ARTIFACTS / f"{name}.png").stat().st_size > 5000
    return pdf


def words(pdf):
    """[(text, xMin, yMin)] of every word pdftotext finds, in the order it finds them."""
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>',
        poppler("pdftotext", "-bbox", str(pdf), "-").decode(),
    )
    return [(text, float(x), float(y)) for x, y, text in found]


def test_the_hub_line_is_whole_and_the_signatory_logo_and_issuer_are_printed(client, completed):  # noqa: F811
    settings = CertificateSettings.for_site(Site.objects.get())
    settings.issuer_name = "Inter-Parliamentary Union"
    settings.signatory_name = "Martin Chungong"
    settings.signatory_title = "Secretary General"
    settings.signature = image("signature", (300, 90), "navy")
    settings.save()
    completed.hub_name = LONG_HUB
    completed.save()
    pdf = download(client, completed, "certificate-en")
    text = " ".join(poppler("pdftotext", str(pdf), "-").decode().split())
    assert f"offered by {LONG_HUB}" in text  # wrapped onto two lines, never cut at the page edge
    assert "Martin Chungong Secretary General" in text and text.startswith("Inter-Parliamentary Union")
    for word, x, _y in words(pdf):
        assert x >= 20, f"{word!r} starts in the margin"
    info = poppler("pdfinfo", str(pdf)).decode()
    assert "Title:" in info and completed.course_title in info
    assert " 300    90 " in poppler("pdfimages", "-list", str(pdf)).decode()  # the signature, at its size


def test_an_arabic_certificate_is_shaped_and_reads_right_to_left(client, completed):  # noqa: F811
    completed.language = "ar"
    completed.learner_name = "أمينة ديالو"
    completed.course_title = "حوكمة تكنولوجيا المعلومات في البرلمان"
    completed.hub_name = "مركز حوكمة تكنولوجيا المعلومات والاتصالات"
    completed.save()
    pdf = download(client, completed, "certificate-ar")
    text = poppler("pdftotext", str(pdf), "-").decode()
    assert "شهادة إتمام" in text and "أمينة ديالو" in text  # the interface in Arabic, the name as typed
    placed = {word: x for word, x, _y in words(pdf)}
    # pdftotext lists glyphs in visual order: the first word of the name must stand to the right of the second.
    first, second = "أمينة"[::-1], "ديالو"[::-1]
    assert placed[first] > placed[second]
    # The address stays left to right, its final slash at the end.
    assert any(word == f"http://testserver/ar/certificates/{completed.code}/" for word in placed)
    assert "/Lang (ar)" in pdf.read_bytes().decode("latin-1")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_transcript_table_runs_in_the_reading_direction(client, completed, language):  # noqa: F811
    pdf = download(client, completed, f"transcript-{language}", f"/{language}/my-learning/transcript.pdf")
    placed = words(pdf)
    code = next(x for word, x, _y in placed if word == completed.code)  # whole: its column no longer wraps it
    title = next(x for word, x, _y in placed if word == completed.course_title.split()[0])
    page_middle = 595 / 2  # A4 portrait is 595 points wide
    if language == "ar":
        assert code < page_middle < title, "the certificate column at the left, the course at the right"
    else:
        assert title < page_middle < code, "the course at the left, the certificate column at the right"
