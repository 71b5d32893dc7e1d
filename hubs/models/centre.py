"""The page about the Centre for Innovation in Parliament."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from lms.core.blocks import BodyStreamBlock
from lms.core.models import BasePage

from .partners import Partner
from .routing import CachedRoutablePageMixin


class CentrePage(CachedRoutablePageMixin, BasePage):
    """The Centre: mission, structure, areas of work, how to take part, its partners by level and its hubs.

    Its ``join/`` sub-page holds the form where a parliament asks to join a hub or become a partner.
    """

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("The Centre's mission in one or two sentences.")
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Structure, areas of work and how to take part."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        default="innovation@ipu.org",
        help_text=_("The Secretariat's address; join requests without a hub are sent here."),
    )
    show_partners = models.BooleanField(
        _("list the partners"), default=True, help_text=_("List the partners by partnership level after the body.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("contact_email"),
        FieldPanel("show_partners"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["hubs.HubIndexPage", "hubs.NewsIndexPage", "hubs.ParliamentDirectoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Centre page")

    def hubs(self):
        """The live hubs under the Centre, in tree order."""
        from .hubs import HubPage

        return HubPage.objects.live().public().descendant_of(self).select_related("host")

    def sections(self):
        """The Centre's sub-sections shown in its own navigation (hubs, parliaments, news)."""
        return self.get_children().live().public().in_menu()

    def partners_by_level(self):
        return Partner.objects.by_level()

    def latest_news(self, limit=3):
        from .news import NewsPage

        return NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            hubs=self.hubs(),
            sections=self.sections(),
            partner_levels=self.partners_by_level() if self.show_partners else [],
            latest_news=self.latest_news(),
        )
        return context

    @path("")
    def index(self, request):
        from ..views import centre_index

        return centre_index(self, request)

    @path("join/")
    def join(self, request):
        from ..views import join_request

        return join_request(self, request)
