"""The listings' filters of the hubs app (django-filter): hubs, the parliament directory, the open-data catalogue,
the news."""

import django_filters
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.core.filtering import ListingFilter
from lms.core.models import DataFormat, Parliament

from .models import DataCategory, HubKind, HubPage, NewsKind, NewsPage, OpenDataPortal


class HubFilter(ListingFilter):
    """The hub index: regional or thematic hubs, of one region."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=HubKind.choices, empty_label=_("All hubs"))
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Parliament.Region.choices, empty_label=_("All regions")
    )

    class Meta:
        model = HubPage
        fields = ["kind", "region"]


class ParliamentFilter(ListingFilter):
    """The parliament directory: parliaments of one region, or taking part in one of ``hubs``."""

    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Parliament.Region.choices, empty_label=_("All regions")
    )
    hub = django_filters.ModelChoiceFilter(
        label=_("Hub"), queryset=HubPage.objects.none(), to_field_name="slug", empty_label=_("All hubs"),
        method="filter_hub",
    )  # fmt: skip

    class Meta:
        model = Parliament
        fields = ["region", "hub"]

    def __init__(self, data=None, *, hubs, **kwargs):
        super().__init__(data, **kwargs)
        self.filters["hub"].queryset = hubs

    def filter_hub(self, queryset, name, hub):
        return queryset.filter(models.Q(hosted_hubs=hub) | models.Q(hub_memberships__hub=hub)).distinct()


class CatalogueFilter(ListingFilter):
    """The open-data catalogue (format, category, region, API), shared by the page and its downloads."""

    format = django_filters.ModelChoiceFilter(
        label=_("Format"),
        field_name="parliament__open_data_formats",
        to_field_name="code",
        queryset=DataFormat.objects.all(),
        empty_label=_("Any format"),
        distinct=True,
    )
    category = django_filters.ChoiceFilter(
        label=_("Data"), field_name="categories__category", choices=DataCategory.choices, empty_label=_("Any data")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        field_name="parliament__region",
        choices=Parliament.Region.choices,
        empty_label=_("Any region"),
    )
    api = django_filters.BooleanFilter(
        label=_("With an API only"),
        field_name="api_url",
        method="filter_api",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = OpenDataPortal
        fields = ["format", "category", "region", "api"]

    def filter_api(self, queryset, name, value):
        return queryset.exclude(api_url="") if value else queryset

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()


class NewsFilter(ListingFilter):
    """The news of one kind (news or bulletin); the page offers each kind as a link rather than a form. An unknown
    kind lists every item, as the link "All" does."""

    kind = django_filters.ChoiceFilter(label=_("Kind of news"), choices=NewsKind.choices, empty_label=_("All"))

    class Meta:
        model = NewsPage
        fields = ["kind"]

    def links(self):
        """(kind, label, current) for each link of the page, "All" (kind "") first."""
        chosen = self.values.get("kind", "")
        return [(kind, label, kind == chosen) for kind, label in self.form.fields["kind"].choices]
