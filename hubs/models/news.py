"""News and the Innovation Bulletin, under the Centre or a hub, with an Atom feed."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from lms.core.blocks import BodyStreamBlock
from lms.core.models import BasePage

from .routing import CachedRoutablePageMixin


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    BULLETIN = "bulletin", _("Innovation Bulletin")


class NewsIndexPage(CachedRoutablePageMixin, BasePage):
    """The news of the Centre or of one hub, newest first, with an Atom feed at ``feed/``."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list of news."))

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["hubs.CentrePage", "hubs.HubPage"]
    subpage_types = ["hubs.NewsPage"]
    max_count_per_parent = 1

    per_page = 10
    feed_size = 20

    class Meta:
        verbose_name = _("news index")

    def news(self):
        """The live news items below this index, newest first."""
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    @path("")
    def index(self, request):
        from ..views import news_index

        return news_index(self, request)

    @path("feed/")
    def feed(self, request):
        from ..views import news_feed

        return news_feed(self, request)


class NewsPage(BasePage):
    """A news item or an issue of the Innovation Bulletin."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS, help_text=_("News or bulletin.")
    )
    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("Publication date shown to readers."))
    issue_number = models.PositiveSmallIntegerField(
        _("issue number"), null=True, blank=True, help_text=_("For an Innovation Bulletin: its issue number.")
    )
    introduction = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists and feeds."))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("The full text."))

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("issue_number")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    parent_page_types = ["hubs.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-date"]
