"""Languages sessions are held in, interpreted into, and videos are recorded in."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {
    "en": _("English"),
    "fr": _("French"),
    "es": _("Spanish"),
    "ar": _("Arabic"),
    "ru": _("Russian"),
    "zh": _("Chinese"),
    "pt": _("Portuguese"),
    "de": _("German"),
    "it": _("Italian"),
    "sw": _("Swahili"),
}
LANGUAGE_CHOICES = list(LANGUAGE_NAMES.items())


def parse_language_codes(value):
    """The language codes of a comma-separated list such as 'en, fr', in their order, without repeats."""
    codes = []
    for code in (part.strip().lower() for part in (value or "").split(",")):
        if code and code not in codes:
            codes.append(code)
    return codes


def validate_language_codes(value):
    unknown = [code for code in parse_language_codes(value) if code not in LANGUAGE_NAMES]
    if unknown:
        raise ValidationError(
            _("Unknown language code(s): %(codes)s. Use: %(known)s."),
            params={"codes": ", ".join(unknown), "known": ", ".join(LANGUAGE_NAMES)},
        )


def language_names(value):
    """Readable names for a comma-separated list of codes."""
    return [LANGUAGE_NAMES[code] for code in parse_language_codes(value) if code in LANGUAGE_NAMES]
