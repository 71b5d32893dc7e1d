"""The abstract page every page type of the platform builds on."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from ..page_cache import mark_cacheable, remember


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

    # Where a search result finds a sentence to show under its title, in this order.
    SNIPPET_FIELDS = ("search_description", "summary", "introduction")

    def search_snippet(self):
        """Text that says what the page holds: its description, summary or introduction, else its first paragraph."""
        for name in self.SNIPPET_FIELDS:
            value = getattr(self, name, "")
            if isinstance(value, str) and value.strip():
                return value
        for block in getattr(self, "body", None) or []:
            # The first paragraph of text (rich text keeps its HTML in ``source``); other blocks say little.
            text = getattr(block.value, "source", block.value)
            if isinstance(text, str) and strip_tags(text).strip():
                return strip_tags(text)
        return ""

    def get_view_restrictions(self):
        """The view restrictions of the page and its ancestors, an alias's being those of its source, in one
        query: Wagtail's own takes two (the ancestors, then their restrictions), on every request it serves.

        Whether there are any is remembered until the next purge (which any change of a restriction or move of
        a page makes), so serving a page without restrictions, as most are, costs no query for them.
        """
        if not remember(f"view-restricted:{self.pk}", lambda: self._view_restrictions().exists()):
            return PageViewRestriction.objects.none()
        return self._view_restrictions()

    def _view_restrictions(self):
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        pages = Page.objects.filter(path__in=paths).values(source=Coalesce("alias_of_id", "id"))
        return PageViewRestriction.objects.filter(page_id__in=pages)

    @property
    def page_type_label(self):
        return self._meta.verbose_name

    @property
    def sharing_description(self):
        return self.social_text or self.search_description

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            mark_cacheable(response)
        return response

    def get_sitemap_urls(self, request=None):
        if self.noindex:
            return []
        urls = super().get_sitemap_urls(request)
        if request is not None:
            # On the host and port the sitemap was asked on, not the Site record's (as canonical links do).
            for entry in urls:
                entry["location"] = request.build_absolute_uri(self.get_url(request))
        return urls
