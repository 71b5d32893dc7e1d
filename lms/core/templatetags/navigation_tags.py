"""Navigation shared by every page: main menu, language switcher, alternate-language links.

The pages they list are kept until the next publication (``page_cache.remember``), so a page that is not
served from the page cache (a learner's lesson, say) does not query them again.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from .. import page_cache

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _translations_by_language(page):
    def find():
        translations = Page.objects.live().public().filter(translation_key=page.translation_key)
        return {translation.locale.language_code: translation for translation in translations.select_related("locale")}

    return page_cache.remember(f"translations:{page.translation_key}", find)


def _menu(root):
    """This language's home page and its live, public children marked 'show in menus'."""

    def find():
        home = root.localized
        return home, list(home.get_children().live().public().in_menu())

    return page_cache.remember(f"menu:{root.pk}:{get_language()}", find)


@register.simple_tag(takes_context=True)
def page_absolute_url(context, page):
    """The page's address on the host and port the reader reached, not the Site record's (port 8000 in the demo)."""
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: where the switcher sends the reader and whether it is a real translation.

    On a Wagtail page, each language links to that page's translation, or to that language's home page
    when the page has none; elsewhere, to the same address in the other language.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations, homes = {}, {}
    if isinstance(page, Page):
        translations = _translations_by_language(page)
        root = _site_root(request)
        if root and len(translations) < len(settings.LANGUAGES):
            homes = _translations_by_language(root)
    versions = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target:
            url = target.get_url(request)
        elif isinstance(page, Page):
            url = f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        versions.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "full_url": request.build_absolute_uri(url),
                "is_current": code == current,
                "is_translation": code in translations,
            }
        )
    return versions


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The live pages under this language's home page that editors marked 'show in menus'."""
    request = context["request"]
    root = _site_root(request)
    home, children = _menu(root) if root else (None, [])
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "request": request,
        "home": home,
        "home_is_current": bool(home) and current_path == home.path,
        "items": [(child, _is_current_section(child, current, current_path)) for child in children],
    }


def _is_current_section(item, current, current_path):
    """A menu item is current for the pages below it, or for the pages that name its type as their
    ``menu_section`` ("app_label.model"): courses and lessons live under hubs yet belong to "Courses"."""
    section = getattr(current, "menu_section", None)
    if section:
        content_type = item.cached_content_type
        return f"{content_type.app_label}.{content_type.model}" == section
    return current_path.startswith(item.path)
