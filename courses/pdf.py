"""PDF certificates and transcripts, drawn with fpdf2.

Text is shaped with HarfBuzz (``uharfbuzz``) so Arabic joins and runs right to left, in IBM Plex Sans Arabic
(Arabic and Western European Latin) with Noto Sans behind it for the rest of Latin, Greek and Cyrillic. Both
fonts come from pinned PyPI packages (``fontpkg-*``), so every machine prints the same certificate.
"""

import io
import logging

import fontpkg_ibm_plex_sans_arabic as plex_arabic
import fontpkg_noto_sans as noto_sans
from django.utils import formats, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from fpdf import FPDF, ViewerPreferences
from fpdf.enums import Align, XPos, YPos

logger = logging.getLogger(__name__)

FAMILY = "plex"
FALLBACK = "noto"
NOTO_SANS = noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"
NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}


def _document(language, title, orientation="portrait"):
    pdf = FPDF(orientation=orientation, format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font(FAMILY, "", str(plex_arabic.ROOT / "files" / "IBMPlexSansArabic-Regular.ttf"))
    pdf.add_font(FAMILY, "B", str(plex_arabic.ROOT / "files" / "IBMPlexSansArabic-Bold.ttf"))
    pdf.add_font(FALLBACK, "", str(NOTO_SANS))
    pdf.set_fallback_fonts([FALLBACK], exact_match=False)
    rtl = get_language_info(language)["bidi"]
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else "ltr")
    pdf.set_font(FAMILY, size=12)
    # What a PDF without a structure tree can still say: its title (shown instead of the file name) and language.
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator(_("Centre for Innovation in Parliament"))
    pdf.set_display_mode("fullpage")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    return pdf


def _line(pdf, text, size, style="", height=None):
    pdf.set_font(FAMILY, style, size)
    pdf.multi_cell(0, height or size * 0.55, str(text), align=Align.C, **NEXT_LINE)


def _image(pdf, image, max_width, max_height):
    """A Wagtail image centred on the current line, scaled into the box; skipped if it cannot be read."""
    try:
        with image.open_file() as handle:
            data = io.BytesIO(handle.read())
        scale = min(max_width / image.width, max_height / image.height)
        width, height = image.width * scale, image.height * scale
        pdf.image(data, x=(pdf.w - width) / 2, y=pdf.get_y(), w=width, h=height)
    except (OSError, ValueError, RuntimeError, ZeroDivisionError):
        logger.warning("Certificate image %s could not be printed", image.pk, exc_info=True)
        return
    pdf.set_y(pdf.get_y() + height + 2)


def certificate_pdf(certificate, verify_url, design):
    """A one-page landscape certificate in the language it was earned in, with its verification code and address.

    ``design`` gives the issuer's name, the hub's logo and the signatory (``CertificateDesign``).
    """
    with translation.override(certificate.language):
        title = _("Certificate of completion")
        pdf = _document(certificate.language, f"{title}: {certificate.course_title}", "landscape")
        pdf.add_page()
        pdf.set_draw_color(0, 85, 140)
        pdf.set_line_width(1.5)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
        pdf.set_margins(20, 18, 20)
        pdf.set_y(18)
        if design.logo:
            _image(pdf, design.logo, 60, 18)
        _line(pdf, design.issuer_name, 14)
        pdf.ln(6)
        _line(pdf, title, 30, "B", 14)
        pdf.ln(6)
        _line(pdf, _("This certifies that"), 14)
        pdf.ln(2)
        _line(pdf, certificate.learner_name, 24, "B")
        pdf.ln(2)
        _line(pdf, _("completed the course"), 14)
        _line(pdf, certificate.course_title, 18, "B")
        if certificate.hub_name:
            _line(pdf, _("offered by %(hub)s") % {"hub": certificate.hub_name}, 12)
        _line(pdf, formats.date_format(certificate.issued_at, "DATE_FORMAT"), 12)
        pdf.ln(4)
        if design.signature:
            _image(pdf, design.signature, 50, 16)
        if design.signatory_name:
            _line(pdf, design.signatory_name, 12, "B", 6)
        if design.signatory_title:
            _line(pdf, design.signatory_title, 10, "", 5)
        pdf.set_y(max(pdf.get_y() + 2, pdf.h - 36))
        _line(pdf, _("Verification code: %(code)s") % {"code": certificate.code}, 10, "", 5)
        # An address reads left to right in every language (in a right-to-left line its final "/" would lead).
        pdf.set_text_shaping(use_shaping_engine=True, direction="ltr")
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(0, 5, verify_url, align=Align.C, link=verify_url, **NEXT_LINE)
        return bytes(pdf.output())


TRANSCRIPT_COLUMNS = (52, 22, 22, 22, 18, 22, 32)  # millimetres, 190 in all: no header or code is cut mid-word


def language_name(code):
    """A language code as the reader's language names it ("English", "anglais")."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def transcript_pdf(learner_name, header, rows, language):
    """A table of the learner's courses: title, language, enrolled, status, progress, completed, certificate.

    In a right-to-left language the page is mirrored: the headings stand at the right, and the columns run from
    right to left, the course title first.
    """
    title = _("Learning transcript")
    rtl = get_language_info(language)["bidi"]
    in_reading_order = (lambda values: list(values)[::-1]) if rtl else list
    align = Align.R if rtl else Align.L
    pdf = _document(language, f"{title}: {learner_name}")
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 18)
    pdf.cell(0, 10, title, align=align, **NEXT_LINE)
    pdf.set_font(FAMILY, size=12)
    pdf.cell(0, 8, learner_name, align=align, **NEXT_LINE)
    pdf.ln(4)
    pdf.set_font(FAMILY, size=9)
    with pdf.table(col_widths=in_reading_order(TRANSCRIPT_COLUMNS), text_align="RIGHT" if rtl else "LEFT") as table:
        for values in [header, *rows]:
            cells = table.row()
            for value in in_reading_order(values):
                cells.cell(str(value))
    return bytes(pdf.output())
