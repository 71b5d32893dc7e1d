"""The listings' filters of the conference (django-filter): the programme and the video library."""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from lms.core.filtering import ListingFilter
from lms.core.models import Parliament

from .languages import LANGUAGE_CHOICES
from .models import Session, VideoEntry
from .timezones import selectable_zones

ANY = _("All")


class ZoneSelect(forms.Select):
    """A select of some 400 time zones, built in Python: the template-per-option rendering of Django's
    Select made the programme page several times slower."""

    def render(self, name, value, attrs=None, renderer=None):
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, mark_safe(" selected") if key == (value or "") else "", label) for key, label in self.choices),
        )
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class ProgrammeFilter(ListingFilter):
    """The programme's sessions by theme, axis and kind, and the visitor's time zone; a plain GET form that works
    without JS. The view answers 400 to an invalid choice."""

    theme = django_filters.ChoiceFilter(label=_("Theme"), field_name="theme__code", empty_label=ANY)
    axis = django_filters.ChoiceFilter(label=_("Axis"), field_name="axis__code", empty_label=ANY)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Session.Kind.choices, empty_label=ANY)
    tz = django_filters.ChoiceFilter(
        label=_("Show times also in"),
        widget=ZoneSelect,
        empty_label=_("Conference time only"),
        method="show_times_in",
    )

    class Meta:
        model = Session
        fields = ["theme", "axis", "kind", "tz"]

    def __init__(self, data=None, *, conference, **kwargs):
        super().__init__(data, **kwargs)
        self.filters["theme"].extra["choices"] = [(theme.code, str(theme)) for theme in conference.themes.all()]
        self.filters["axis"].extra["choices"] = [(axis.code, str(axis)) for axis in conference.axes.all()]
        self.filters["tz"].extra["choices"] = [(zone, zone.replace("_", " ")) for zone in selectable_zones()]
        self.filters["tz"].extra["help_text"] = _("Times are always shown in %(zone)s time too.") % {
            "zone": conference.time_zone_city
        }

    def show_times_in(self, sessions, name, zone):
        return sessions  # the zone changes how the times read, not which sessions are listed


class VideoFilter(ListingFilter):
    """The video library by theme, parliament, language and year, offering only the values its videos have. The
    view answers 400 to an invalid choice."""

    theme = django_filters.ChoiceFilter(label=_("Theme"), field_name="theme__code", empty_label=ANY)
    parliament = django_filters.ChoiceFilter(label=_("Parliament"), field_name="parliament__slug", empty_label=ANY)
    language = django_filters.ChoiceFilter(label=_("Language"), empty_label=ANY)
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="recorded_on", lookup_expr="year", empty_label=ANY)

    class Meta:
        model = VideoEntry
        fields = ["theme", "parliament", "language", "year"]

    def __init__(self, data=None, *, conference, **kwargs):
        super().__init__(data, **kwargs)
        videos = self.queryset
        self.filters["theme"].extra["choices"] = [(theme.code, str(theme)) for theme in conference.themes.all()]
        parliaments = Parliament.objects.filter(conference_videos__in=videos).distinct().values_list("slug", "name")
        self.filters["parliament"].extra["choices"] = list(parliaments)
        languages = set(videos.values_list("language", flat=True))
        self.filters["language"].extra["choices"] = [
            (code, name) for code, name in LANGUAGE_CHOICES if code in languages
        ]
        years = sorted({day.year for day in videos.dates("recorded_on", "year")}, reverse=True)
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
