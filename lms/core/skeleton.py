"""A personal page rendered from a shared skeleton: what every reader sees is rendered once, the rest per request.

A learner's lesson is personal as a whole (their progress, the outline's ticks, their account menu, CSRF tokens),
so the anonymous page cache cannot keep it, yet most of its HTML is the same for every reader. Its template marks
the personal parts with ``{% personal "template.html" %}`` (``personal_parts``), which elsewhere is a plain
``{% include %}``. ``render_around_personal_parts`` renders the page once with a marker in place of each personal
part, keeps that skeleton for the page in its current state, the site and the language, under the page-cache
generation (any publication retires it), and answers each request by rendering only the personal parts into it.

Nothing is kept for previews (a draft) or for addresses with a query string, which render as a whole.
"""

import re
import secrets

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from . import page_cache

SKELETON_MARKER = "shared_skeleton_marker"  # context variable: the marker format while a skeleton renders


def _skeleton(request, template_name, context):
    page = context["page"]
    site = page_cache.site_address(request)
    key = page_cache.data_key(f"skeleton:{template_name}:{site}:{get_language()}:{page.cache_key}")
    parts = page_cache.kept(key)
    if parts is None:
        nonce = secrets.token_hex(8)  # no author's text can fake a marker
        html = render_to_string(template_name, {**context, SKELETON_MARKER: f"<!--{nonce}:%s-->"}, request)
        parts = re.split(f"<!--{nonce}:(.*?)-->", html)  # shared HTML at even indexes, personal templates at odd ones
        page_cache.keep(key, parts)
    return parts


def render_around_personal_parts(request, template_name, context, status=200):
    """The page's response: its shared skeleton, kept, with its ``{% personal %}`` parts rendered for this request."""
    if getattr(request, "is_preview", False) or request.GET:
        return TemplateResponse(request, template_name, context, status=status)
    parts = list(_skeleton(request, template_name, context))
    for index in range(1, len(parts), 2):
        parts[index] = render_to_string(parts[index], context, request)
    return HttpResponse("".join(parts), status=status)
