"""The open-data catalogue of the Inter-parliamentary Cloud hub: one entry per participating parliament.

The portal's address and its formats live in the Parliament directory (``core.Parliament``); the entry adds
the categories of data, licence, API, update frequency and the result of the last reachability check.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable
from wagtail.search import index

from lms.core.models import BasePage, DataFormat, Parliament

from .routing import CachedRoutablePageMixin


class DataCategory(models.TextChoices):
    BILLS = "bills", _("Bills and laws")
    VOTES = "votes", _("Votes")
    MEMBERS = "members", _("Members")
    DEBATES = "debates", _("Debates and transcripts")
    COMMITTEES = "committees", _("Committees")
    QUESTIONS = "questions", _("Parliamentary questions")
    AGENDAS = "agendas", _("Agendas and sittings")
    DOCUMENTS = "documents", _("Documents and reports")
    BUDGET = "budget", _("Budget and expenses")


class UpdateFrequency(models.TextChoices):
    # Values follow the EU frequency vocabulary DCAT catalogues use.
    CONTINUOUS = "CONT", _("Continuously")
    DAILY = "DAILY", _("Daily")
    WEEKLY = "WEEKLY", _("Weekly")
    MONTHLY = "MONTHLY", _("Monthly")
    IRREGULAR = "IRREG", _("Irregularly")


class OpenDataPortalQuerySet(models.QuerySet):
    def for_catalogue(self):
        return self.select_related("parliament").prefetch_related("parliament__open_data_formats", "categories")


class OpenDataPortal(index.Indexed, ClusterableModel):
    """A parliament's open-data portal as described in the catalogue."""

    parliament = models.OneToOneField(
        Parliament,
        verbose_name=_("parliament"),
        on_delete=models.CASCADE,
        related_name="open_data_portal",
        help_text=_("Its portal address and formats are taken from the directory."),
    )
    description = models.TextField(
        _("description"), blank=True, max_length=600, help_text=_("What the portal publishes, in a few sentences.")
    )
    licence = models.CharField(
        _("licence"), max_length=120, blank=True, help_text=_("For example 'CC BY 4.0' or 'Open Government Licence'.")
    )
    licence_url = models.URLField(_("licence address"), blank=True, help_text=_("Where the licence text is."))
    api_url = models.URLField(
        _("API"), blank=True, help_text=_("Address of the portal's programming interface or its documentation.")
    )
    update_frequency = models.CharField(
        _("update frequency"),
        max_length=10,
        choices=UpdateFrequency.choices,
        default=UpdateFrequency.DAILY,
        help_text=_("How often the data is updated."),
    )
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True, editable=False)
    reachable = models.BooleanField(_("reachable"), null=True, editable=False)
    last_status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True, editable=False)
    last_response_ms = models.PositiveIntegerField(_("response time (ms)"), null=True, blank=True, editable=False)
    last_error = models.CharField(_("last error"), max_length=255, blank=True, editable=False)

    objects = OpenDataPortalQuerySet.as_manager()

    panels = [
        FieldPanel("parliament"),
        FieldPanel("description"),
        InlinePanel("categories", heading=_("Data categories"), label=_("Category")),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("licence_url"), FieldPanel("api_url"), FieldPanel("update_frequency")],
            heading=_("Access"),
        ),
    ]
    search_fields = [index.SearchField("description"), index.RelatedFields("parliament", [index.SearchField("name")])]

    class Meta:
        ordering = ["parliament__name"]
        verbose_name = _("open-data portal")
        verbose_name_plural = _("open-data portals")

    def __str__(self):
        return str(self.parliament)

    def clean(self):
        super().clean()
        if self.parliament_id and not Parliament.objects.with_open_data().filter(pk=self.parliament_id).exists():
            raise ValidationError(
                {
                    "parliament": _(
                        "Record this parliament's open-data portal and at least one machine-readable format in "
                        "the directory first."
                    )
                }
            )

    @property
    def url(self):
        return self.parliament.open_data_url

    def formats(self):
        return list(self.parliament.open_data_formats.all())

    def category_labels(self):
        return [category.get_category_display() for category in self.categories.all()]


class PortalCategory(Orderable):
    """A kind of data an open-data portal publishes."""

    portal = ParentalKey(OpenDataPortal, on_delete=models.CASCADE, related_name="categories")
    category = models.CharField(
        _("category"), max_length=20, choices=DataCategory.choices, help_text=_("A kind of data the portal publishes.")
    )

    panels = [FieldPanel("category")]

    class Meta(Orderable.Meta):
        verbose_name = _("data category")
        verbose_name_plural = _("data categories")
        constraints = [models.UniqueConstraint(fields=["portal", "category"], name="hubs_portal_unique_category")]


class OpenDataCataloguePage(CachedRoutablePageMixin, BasePage):
    """The catalogue of the hub's parliaments' open-data portals, filterable, with CSV and DCAT downloads."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What the catalogue lists and who may be listed.")
    )
    joining_rule = models.TextField(
        _("joining rule"),
        blank=True,
        help_text=_("The hub's condition for taking part, shown with the formats that qualify."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("joining_rule")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["hubs.HubPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open-data catalogue")

    def hub(self):
        from .hubs import HubPage

        return HubPage.objects.get(pk=self.get_parent().pk)

    def portals(self):
        """The catalogue entries of the parliaments taking part in the hub, host included."""
        return OpenDataPortal.objects.for_catalogue().filter(parliament__in=self.hub().participants())

    def qualifying_formats(self):
        return DataFormat.objects.filter(machine_readable=True)

    def filtered(self, request):
        from ..filters import CatalogueFilter

        return CatalogueFilter(request.GET, queryset=self.portals())

    @path("")
    def index(self, request):
        from ..views import catalogue_index

        return catalogue_index(self, request)

    @path("csv/")
    def csv(self, request):
        from ..views import catalogue_csv

        return catalogue_csv(self, request)

    @path("dcat/")
    def dcat(self, request):
        from ..views import catalogue_dcat

        return catalogue_dcat(self, request)
