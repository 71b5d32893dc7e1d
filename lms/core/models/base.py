"""The abstract page every page type of the platform builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from ..page_cache import mark_cacheable


class SocialSharingMixin(models.Model):
    """What a link to the page shows when shared (Open Graph and similar cards)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; 1200 by 630 pixels works best."),
    )
    social_text = models.CharField(
        _("sharing text"),
        max_length=255,
        blank=True,
        help_text=_("Shown when the page is shared; the search description is used when empty."),
    )

    class Meta:
        abstract = True


class SearchEngineMixin(models.Model):
    """Search-engine controls beyond Wagtail's SEO title and description."""

    noindex = models.BooleanField(
        _("hide from search engines"),
        default=False,
        help_text=_("Ask search engines not to list this page (it also leaves the sitemap)."),
    )

    class Meta:
        abstract = True


class BasePage(SocialSharingMixin, SearchEngineMixin, Page):
    """Abstract base of every page type: search-engine and sharing fields, and the anonymous page cache."""

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("For search engines")),
        MultiFieldPanel(
            [FieldPanel("noindex"), FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Sharing and indexing"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def sharing_description(self):
        return self.social_text or self.search_description

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            mark_cacheable(response)
        return response

    def get_sitemap_urls(self, request=None):
        return [] if self.noindex else super().get_sitemap_urls(request)
