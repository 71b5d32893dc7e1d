"""The Parliament directory: every app refers to parliaments through these models."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class DataFormat(models.Model):
    """A file or interface format a parliament's open-data portal publishes (XML, JSON, CSV ...)."""

    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("Short identifier, for example 'json'."))
    name = models.CharField(_("name"), max_length=60, help_text=_("Name shown to readers, for example 'JSON'."))
    machine_readable = models.BooleanField(
        _("structured and machine-readable"),
        default=True,
        help_text=_("Structured data a program can process (XML, JSON, CSV); not PDF or HTML pages."),
    )

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("machine_readable")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("data format")
        verbose_name_plural = _("data formats")

    def __str__(self):
        return self.name


class ParliamentQuerySet(models.QuerySet):
    def with_open_data(self):
        """Parliaments whose portal publishes at least one machine-readable format."""
        return self.filter(open_data_formats__machine_readable=True).exclude(open_data_url="").distinct()


class Parliament(index.Indexed, models.Model):
    """A parliament or one of its chambers, as listed in the Centre's directory."""

    class Chamber(models.TextChoices):
        UNICAMERAL = "unicameral", _("Unicameral parliament")
        LOWER = "lower", _("Lower house")
        UPPER = "upper", _("Upper house")
        REGIONAL = "regional", _("Regional parliament")

    class Region(models.TextChoices):
        AFRICA = "africa", _("Africa")
        AMERICAS = "americas", _("Americas")
        ASIA_PACIFIC = "asia-pacific", _("Asia and the Pacific")
        EUROPE = "europe", _("Europe")
        MIDDLE_EAST = "middle-east", _("Middle East and North Africa")

    name = models.CharField(
        _("name"),
        max_length=200,
        unique=True,
        help_text=_("Official name in English, for example 'Chamber of Deputies of Brazil'."),
    )
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("Used in the parliament's web address.")
    )
    chamber = models.CharField(
        _("chamber"),
        max_length=20,
        choices=Chamber.choices,
        default=Chamber.UNICAMERAL,
        help_text=_("Which chamber this entry stands for."),
    )
    country = CountryField(
        _("country"), blank=True, help_text=_("Leave empty for a regional parliament such as the European Parliament.")
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, help_text=_("Geographical region."))
    website = models.URLField(_("website"), blank=True, help_text=_("The parliament's public website."))
    open_data_url = models.URLField(
        _("open-data portal"),
        blank=True,
        help_text=_("Address of the portal where the parliament publishes open data."),
    )
    open_data_formats = models.ManyToManyField(
        DataFormat,
        blank=True,
        related_name="parliaments",
        verbose_name=_("open-data formats"),
        help_text=_("Formats the open-data portal publishes."),
    )

    objects = ParliamentQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("chamber"), FieldPanel("country"), FieldPanel("region")]),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("open_data_url"), FieldPanel("open_data_formats", widget=forms.CheckboxSelectMultiple)],
            heading=_("Open data"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("region"),
        index.FilterField("country"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("parliament")
        verbose_name_plural = _("parliaments")

    def __str__(self):
        return self.name
