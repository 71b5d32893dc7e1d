"""The listings' filters of the courses app (django-filter): the course catalogue."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hubs.models import HubPage
from lms.core.filtering import ListingFilter

from .models import CoursePage, Level, Topic

ANY_LANGUAGE = "any"
SEARCH_MAX_LENGTH = 200


class ClippedCharField(forms.CharField):
    """Text cut to ``max_length`` rather than refused: an overlong search is still a search, and is shown cut."""

    def clip(self, value):
        return value[: self.max_length] if isinstance(value, str) else value

    def to_python(self, value):
        return self.clip(super().to_python(value))

    def bound_data(self, data, initial):
        return self.clip(super().bound_data(data, initial))


class SearchFilter(django_filters.CharFilter):
    field_class = ClippedCharField


class CatalogFilter(ListingFilter):
    """Search and filters of the catalogue; without a language it lists the catalogue's own language. An invalid
    choice is shown beside its field and nothing is applied; the page still answers 200."""

    q = SearchFilter(label=_("Search"), max_length=SEARCH_MAX_LENGTH, method="filter_search")
    topic = django_filters.ChoiceFilter(label=_("Topic"), field_name="topic__slug", empty_label=_("All topics"))
    hub = django_filters.ModelChoiceFilter(
        label=_("Hub"), queryset=HubPage.objects.none(), empty_label=_("All hubs"), method="filter_hub"
    )
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices, empty_label=_("All levels"))
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=[(ANY_LANGUAGE, _("All languages")), *settings.LANGUAGES],
        empty_label=_("This catalogue's language"),
        method="filter_language",
    )

    class Meta:
        model = CoursePage
        fields = ["q", "topic", "hub", "level", "language"]

    def __init__(self, data=None, *, catalog, **kwargs):
        super().__init__(data, **kwargs)
        self.catalog = catalog
        topics = Topic.objects.filter(locale=catalog.locale).order_by("name")
        self.filters["topic"].extra["choices"] = [(topic.slug, topic.name) for topic in topics]
        self.filters["hub"].queryset = HubPage.objects.live().public().filter(locale=catalog.locale).order_by("title")

    def filter_queryset(self, queryset):
        if "language" not in self.values:
            queryset = queryset.filter(locale__language_code=self.catalog.locale.language_code)
        return super().filter_queryset(queryset)

    def filter_language(self, courses, name, language):
        return courses if language == ANY_LANGUAGE else courses.filter(locale__language_code=language)

    def filter_hub(self, courses, name, hub):
        """Courses under the hub or under any of its translations (for the other languages' courses)."""
        query = Q()
        for translation in HubPage.objects.filter(translation_key=hub.translation_key):
            query |= Q(path__startswith=translation.path)
        return courses.filter(query)

    def filter_search(self, courses, name, text):
        matches = CoursePage.objects.live().search(text, operator="or")
        return courses.filter(pk__in=[course.pk for course in matches])
