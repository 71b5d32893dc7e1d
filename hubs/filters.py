"""Filters of the open-data catalogue (format, category, region), shared by the page and its downloads."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from lms.core.models import DataFormat, Parliament

from .models import DataCategory, OpenDataPortal


class CatalogueFilter(django_filters.FilterSet):
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

    @property
    def qs(self):
        return super().qs.distinct()
