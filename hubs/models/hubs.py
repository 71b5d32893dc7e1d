"""The hub index and the regional and thematic hub pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from lms.core.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from lms.core.models import BasePage, Parliament

from ..blocks import FocusAreasBlock
from ..tree import courses_under


class HubKind(models.TextChoices):
    REGIONAL = "regional", _("Regional hub")
    THEMATIC = "thematic", _("Thematic hub")


class HubIndexPage(BasePage):
    """The list of the Centre's regional and thematic hubs, filterable by kind and region."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What hubs are, in one or two sentences.")
    )
    body = StreamField(
        BodyStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("Shown after the list of hubs.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["hubs.CentrePage"]
    subpage_types = ["hubs.HubPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hub index")

    def hubs(self, kind=None, region=None):
        """The live hubs, optionally only one kind or one region, in the editors' order."""
        hubs = HubPage.objects.child_of(self).live().public().select_related("host")
        if kind:
            hubs = hubs.filter(kind=kind)
        if region:
            hubs = hubs.filter(region=region)
        return hubs

    def get_context(self, request, *args, **kwargs):
        from ..filters import HubFilter

        context = super().get_context(request, *args, **kwargs)
        hubs = HubFilter(request.GET or None, queryset=self.hubs())
        context.update(filter=hubs, hubs=hubs.qs)
        return context


class HubPageForm(WagtailAdminPageForm):
    """Checks the seed's rule: a hub that requires open data only takes parliaments publishing it."""

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("open_data_required"):
            return cleaned_data
        qualifying = set(Parliament.objects.with_open_data().values_list("pk", flat=True))
        memberships = self.formsets["memberships"]
        memberships.is_valid()  # formsets are validated after the page form; their data is needed here
        for form in memberships.forms:
            parliament = form.cleaned_data.get("parliament") if hasattr(form, "cleaned_data") else None
            if parliament and not form.cleaned_data.get("DELETE") and parliament.pk not in qualifying:
                form.add_error("parliament", OPEN_DATA_RULE_ERROR)
        return cleaned_data


OPEN_DATA_RULE_ERROR = _(
    "This hub requires an open-data portal publishing structured, machine-readable data: record the "
    "parliament's portal and its formats in the directory first."
)


class HubPage(BasePage):
    """A regional or thematic hub hosted by a parliament: who may join, members, objectives, its pages.

    The hub's courses and news are the pages of those types below it.
    """

    kind = models.CharField(
        _("kind"), max_length=20, choices=HubKind.choices, help_text=_("Regional hubs gather one region's parliaments.")
    )
    region = models.CharField(
        _("region"),
        max_length=20,
        choices=Parliament.Region.choices,
        blank=True,
        help_text=_("For a regional hub: the region it serves."),
    )
    host = models.ForeignKey(
        Parliament,
        verbose_name=_("host parliament"),
        on_delete=models.PROTECT,
        related_name="hosted_hubs",
        help_text=_("The parliament that runs the hub; its staff author the hub's pages and courses."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the hub's course cards and printed on the certificates of its courses."),
    )
    introduction = models.TextField(_("introduction"), help_text=_("The hub's purpose in one or two sentences."))
    who_may_join = models.CharField(
        _("who may join"),
        max_length=255,
        help_text=_("For example 'Any parliament' or 'Any parliament of Latin America'."),
    )
    open_data_required = models.BooleanField(
        _("open data required"),
        default=False,
        help_text=_(
            "Only parliaments whose open-data portal publishes structured, machine-readable data may take part."
        ),
    )
    objectives = RichTextField(
        _("objectives"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("What the hub sets out to achieve.")
    )
    focus_areas = StreamField(
        FocusAreasBlock(), blank=True, verbose_name=_("focus areas"), help_text=_("The subjects the hub works on.")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("More about the hub."))
    contact_name = models.CharField(
        _("contact name"), max_length=120, blank=True, help_text=_("Person or office to contact about the hub.")
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Receives the hub's join requests; the Centre's address if empty.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
                FieldPanel("host"),
                FieldPanel("logo"),
                FieldPanel("who_may_join"),
                FieldPanel("open_data_required"),
            ],
            heading=_("Hub"),
        ),
        InlinePanel("memberships", heading=_("Participating parliaments"), label=_("Parliament")),
        FieldPanel("objectives"),
        FieldPanel("focus_areas"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("who_may_join"),
        index.SearchField("objectives"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("region"),
    ]

    parent_page_types = ["hubs.HubIndexPage"]
    subpage_types = ["hubs.NewsIndexPage", "hubs.OpenDataCataloguePage", "courses.CoursePage"]

    base_form_class = HubPageForm

    class Meta:
        verbose_name = _("hub")

    def clean(self):
        super().clean()
        if self.kind == HubKind.REGIONAL and not self.region:
            raise ValidationError({"region": _("Choose the region this regional hub serves.")})

    def participants(self):
        """The parliaments taking part in the hub, the host first."""
        member_ids = [membership.parliament_id for membership in self.memberships.all()]
        parliaments = Parliament.objects.filter(models.Q(pk=self.host_id) | models.Q(pk__in=member_ids))
        host_first = models.Case(
            models.When(pk=self.host_id, then=models.Value(0)),
            default=models.Value(1),
            output_field=models.IntegerField(),
        )
        return parliaments.annotate(host_first=host_first).order_by("host_first", "name")

    def centre(self):
        from .centre import CentrePage

        return CentrePage.objects.ancestor_of(self).first()

    def courses(self, limit=None):
        return courses_under(self, limit)

    def news(self, limit=None):
        from .news import NewsPage

        return NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:limit]

    def catalogue(self):
        from .catalogue import OpenDataCataloguePage

        return OpenDataCataloguePage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            participants=self.participants(),
            courses=self.courses(limit=12),
            news=self.news(limit=3),
            catalogue=self.catalogue(),
            centre=self.centre(),
        )
        return context


class HubMembership(Orderable):
    """A parliament taking part in a hub."""

    hub = ParentalKey(HubPage, on_delete=models.CASCADE, related_name="memberships")
    parliament = models.ForeignKey(
        Parliament,
        verbose_name=_("parliament"),
        on_delete=models.PROTECT,
        related_name="hub_memberships",
        help_text=_("A parliament from the directory."),
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True, help_text=_("When the parliament joined."))

    panels = [FieldPanel("parliament"), FieldPanel("joined_on")]

    class Meta(Orderable.Meta):
        verbose_name = _("participating parliament")
        verbose_name_plural = _("participating parliaments")
        constraints = [models.UniqueConstraint(fields=["hub", "parliament"], name="hubs_membership_unique_parliament")]

    def __str__(self):
        return f"{self.parliament} – {self.hub}"
