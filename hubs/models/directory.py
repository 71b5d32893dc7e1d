"""The public Parliament directory: a list filterable by region and hub, and a page per parliament."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from lms.core.models import BasePage, Parliament

from .routing import CachedRoutablePageMixin


class ParliamentDirectoryPage(CachedRoutablePageMixin, BasePage):
    """The parliaments of the Centre's directory; each has its own sub-page at ``<slug>/``."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list."))

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["hubs.CentrePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("parliament directory")

    def hubs(self):
        """The live hubs of this language, for the hub filter and the parliaments' pages."""
        from .hubs import HubPage

        return HubPage.objects.live().public().filter(locale=self.locale).select_related("host")

    def parliaments(self):
        """The directory's parliaments, with their open-data formats."""
        return Parliament.objects.prefetch_related("open_data_formats")

    def hubs_of(self, parliament):
        """The live hubs (in this language) the parliament hosts or takes part in."""
        return (
            self.hubs()
            .filter(models.Q(host=parliament) | models.Q(memberships__parliament=parliament))
            .distinct()
            .order_by("title")
        )

    @path("")
    def index(self, request):
        from ..views import directory_index

        return directory_index(self, request)

    @path("<slug:slug>/")
    def parliament(self, request, slug):
        from ..views import parliament_detail

        return parliament_detail(self, request, slug)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = urls[0]["location"]  # on the served host and port, as BasePage writes it
        slugs = Parliament.objects.values_list("slug", flat=True)
        return urls + [{"location": f"{base}{slug}/", "lastmod": urls[0].get("lastmod")} for slug in slugs]
