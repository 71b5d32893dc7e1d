"""The one JSON-LD helper: structured data as a script element inside a page, or as a download of its own."""

import json

from django.http import HttpResponse
from django.utils.safestring import mark_safe

# Inside <script>, a value containing "</script>" (or "<!--") must not end or alter the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script(data):
    """``data`` as a ``<script type="application/ld+json">`` element, safe to put in HTML."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)


def download(document, filename):
    """``document`` as an ``application/ld+json`` file download."""
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/ld+json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
