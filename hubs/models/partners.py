"""The Centre's partners and their partnership level."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class PartnerQuerySet(models.QuerySet):
    def by_level(self):
        """(level value, level label, [partners]) for every level that has partners, core partners first."""
        partners = list(self.select_related("logo", "parliament").order_by("sort_order", "name"))
        return [
            (level, label, [partner for partner in partners if partner.level == level])
            for level, label in Partner.Level.choices
            if any(partner.level == level for partner in partners)
        ]


class Partner(index.Indexed, models.Model):
    """A parliament or organisation that takes part in the Centre at one of the four partnership levels."""

    class Level(models.TextChoices):
        # Declared in the order the Centre lists them: governance role first.
        CORE = "core", _("Core partners")
        FINANCIAL = "financial", _("Financial partners")
        SUPPORT = "support", _("Support partners")
        PROJECT = "project", _("Project partners")

    name = models.CharField(_("name"), max_length=200, help_text=_("The partner's name as readers know it."))
    level = models.CharField(
        _("partnership level"), max_length=20, choices=Level.choices, help_text=_("How the partner takes part.")
    )
    parliament = models.ForeignKey(
        "core.Parliament",
        verbose_name=_("parliament"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnerships",
        help_text=_("When the partner is a parliament in the directory."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the list of partners; give it alternative text naming the partner."),
    )
    url = models.URLField(_("website"), blank=True, help_text=_("The partner's website."))
    description = models.TextField(
        _("contribution"), blank=True, max_length=400, help_text=_("One or two sentences on what the partner does.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers come first within a level.")
    )

    objects = PartnerQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("level"),
        FieldPanel("parliament"),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("level")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [models.UniqueConstraint(fields=["name", "level"], name="hubs_partner_unique_name_level")]

    def __str__(self):
        return f"{self.name} ({self.get_level_display()})"
