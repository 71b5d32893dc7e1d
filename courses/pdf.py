"""PDF certificates and transcripts, drawn with fpdf2 in a Unicode font so every learner's name prints."""

from pathlib import Path

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

FALLBACK_FONT = "helvetica"


def _document(orientation="portrait"):
    pdf = FPDF(orientation=orientation, format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    font_path = Path(settings.COURSES_PDF_FONT)
    family = FALLBACK_FONT
    if font_path.is_file():
        pdf.add_font("body", "", str(font_path))
        bold = font_path.with_name(font_path.stem + "-Bold" + font_path.suffix)
        pdf.add_font("body", "B", str(bold if bold.is_file() else font_path))
        family = "body"
    pdf.set_font(family, size=12)
    pdf.family_name = family
    return pdf


def _text(pdf, value):
    # The core fallback font covers Latin-1 only; a missing Unicode font must not break the download.
    if pdf.family_name == FALLBACK_FONT:
        return str(value).encode("latin-1", "replace").decode("latin-1")
    return str(value)


def certificate_pdf(certificate, verify_url):
    """A one-page landscape certificate with its verification code and address."""
    pdf = _document("landscape")
    pdf.add_page()
    pdf.set_draw_color(0, 85, 140)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_y(30)
    pdf.set_font(pdf.family_name, size=14)
    pdf.cell(0, 10, _text(pdf, _("Inter-Parliamentary Union · Centre for Innovation in Parliament")), align="C")
    pdf.ln(20)
    pdf.set_font(pdf.family_name, "B", 30)
    pdf.cell(0, 14, _text(pdf, _("Certificate of completion")), align="C")
    pdf.ln(22)
    pdf.set_font(pdf.family_name, size=14)
    pdf.cell(0, 10, _text(pdf, _("This certifies that")), align="C")
    pdf.ln(14)
    pdf.set_font(pdf.family_name, "B", 24)
    pdf.cell(0, 12, _text(pdf, certificate.learner_name), align="C")
    pdf.ln(16)
    pdf.set_font(pdf.family_name, size=14)
    pdf.cell(0, 10, _text(pdf, _("completed the course")), align="C")
    pdf.ln(12)
    pdf.set_font(pdf.family_name, "B", 18)
    pdf.multi_cell(0, 10, _text(pdf, certificate.course_title), align="C")
    pdf.set_font(pdf.family_name, size=12)
    if certificate.hub_name:
        pdf.cell(0, 8, _text(pdf, _("offered by %(hub)s") % {"hub": certificate.hub_name}), align="C")
        pdf.ln(8)
    pdf.cell(0, 8, _text(pdf, formats.date_format(certificate.issued_at, "DATE_FORMAT")), align="C")
    pdf.set_y(pdf.h - 38)
    pdf.set_font(pdf.family_name, size=10)
    pdf.cell(0, 6, _text(pdf, _("Verification code: %(code)s") % {"code": certificate.code}), align="C")
    pdf.ln(6)
    pdf.cell(0, 6, _text(pdf, verify_url), align="C", link=verify_url)
    return bytes(pdf.output())


def transcript_pdf(learner_name, rows):
    """A table of the learner's courses: title, language, enrolled, status, progress, completed, certificate."""
    pdf = _document()
    pdf.add_page()
    pdf.set_font(pdf.family_name, "B", 18)
    pdf.cell(0, 10, _text(pdf, _("Learning transcript")))
    pdf.ln(10)
    pdf.set_font(pdf.family_name, size=12)
    pdf.cell(0, 8, _text(pdf, learner_name))
    pdf.ln(12)
    pdf.set_font(pdf.family_name, size=9)
    with pdf.table(col_widths=(52, 12, 22, 22, 14, 22, 30), text_align="LEFT") as table:
        header = table.row()
        for title in (
            _("Course"),
            _("Language"),
            _("Enrolled"),
            _("Status"),
            _("Progress"),
            _("Completed"),
            _("Certificate"),
        ):
            header.cell(_text(pdf, title))
        for row in rows:
            cells = table.row()
            for value in row:
                cells.cell(_text(pdf, value))
    return bytes(pdf.output())
