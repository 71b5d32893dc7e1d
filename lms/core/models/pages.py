"""The home page and the general-purpose standard page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyStreamBlock
from .base import BasePage


class ArticlePage(BasePage):
    """Abstract: a page of an introduction and a body made of the shared blocks."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown under the title.")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("The page's main content."))

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(ArticlePage):
    """The root of a language's site: introduction, body and the sections listed in the menu."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["core.StandardPage", "hubs.CentrePage", "courses.CatalogPage", "conference.ConferencePage"]

    class Meta:
        verbose_name = _("home page")


class StandardPage(ArticlePage):
    """A page of text and media: about, help, legal notices and the like."""

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
