"""The filters every report shares (django-filter): hub, course, parliament, language and a range of enrolment
dates; the learner report adds a search, the parliament report its grouping."""

import uuid

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from lms.core.filtering import ListingFilter
from lms.core.models import Parliament

from ..models import Enrolment

MAX_RANGE_DAYS = 3660
GROUPINGS = [("parliament", _("Parliament")), ("country", _("Country")), ("region", _("Region"))]


class PlainSelect(forms.Select):
    """A single-choice select whose options are joined in Python.

    Django renders every option through a template; with the parliament directory's 150 and more options that
    took a tenth of a report page's time. No option groups, which the filters do not use.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((option, " selected" if str(option) == chosen else "", label) for option, label in self.choices),
        )
        return format_html(
            "<select{}>{}</select>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})), options
        )


class DateRangeForm(forms.Form):
    """The form behind the report filters: a range of enrolment dates runs forwards and spans at most ten years."""

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if start and end:
            if start > end:
                self.add_error("date_to", _("The end of the range is before its start."))
            elif (end - start).days > MAX_RANGE_DAYS:
                self.add_error("date_to", _("Choose a range of at most ten years."))
        return cleaned_data


class ReportFilter(ListingFilter):
    """The enrolments in the user's scope that a report counts; a hub or course outside the scope is refused (403).

    A course, when chosen, wins over the hub. The views answer 400 to an invalid filter.
    """

    hub = django_filters.ChoiceFilter(
        label=_("Hub"), empty_label=_("All hubs"), widget=PlainSelect, method="filter_hub"
    )
    course = django_filters.ChoiceFilter(
        label=_("Course"), empty_label=_("All courses"), widget=PlainSelect, field_name="course_key"
    )
    parliament = django_filters.ModelChoiceFilter(
        label=_("Parliament"),
        field_name="user__parliament",
        queryset=Parliament.objects.only("pk", "name"),
        empty_label=_("All parliaments"),
        widget=PlainSelect,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages"), widget=PlainSelect
    )
    date_from = django_filters.DateFilter(
        label=_("Enrolled from"),
        field_name="enrolled_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label=_("Enrolled until"),
        field_name="enrolled_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Enrolment
        form = DateRangeForm
        fields = ["hub", "course", "parliament", "language", "date_from", "date_to"]

    def __init__(self, data, *, scope, **kwargs):
        super().__init__(data, queryset=scope.enrolments(), **kwargs)
        self.scope = scope
        self.filters["hub"].extra["choices"] = [(key, hub.title) for key, hub in scope.hubs.items()]
        self.filters["course"].extra["choices"] = [(key, course.title) for key, course in scope.courses.items()]
        self._refuse_out_of_scope(data or {})

    def _refuse_out_of_scope(self, data):
        # A well-formed key the user may not see is a question about someone else's hub: 403, not a form error.
        for name, allowed in (("hub", self.scope.hubs), ("course", self.scope.courses)):
            value = data.get(name)
            if value and _is_uuid(value) and value not in allowed:
                raise PermissionDenied

    def course_keys(self):
        """The course keys the filters leave, or None for every course in scope."""
        values = self.values
        if "course" in values:
            return [values["course"]]
        if "hub" in values:
            return [course.key for course in self.scope.courses_of_hub(values["hub"])]
        return None

    def filter_hub(self, enrolments, name, hub):
        return enrolments.filter(course_key__in=self.course_keys())


class LearnerReportFilter(ReportFilter):
    """The report filters and a search of the learners by name or email."""

    q = django_filters.CharFilter(
        label=_("Name or email"), widget=forms.TextInput(attrs={"type": "search"}), method="filter_search"
    )

    class Meta(ReportFilter.Meta):
        fields = ["q", *ReportFilter.Meta.fields]

    def filter_search(self, enrolments, name, text):
        return enrolments.filter(Q(user__email__icontains=text) | Q(user__full_name__icontains=text))


class ParliamentReportFilter(ReportFilter):
    """The report filters and how to group the learners: by parliament (the default), country or region."""

    by = django_filters.ChoiceFilter(label=_("Group by"), choices=GROUPINGS, empty_label=None, method="group_by")

    class Meta(ReportFilter.Meta):
        fields = ["by", *ReportFilter.Meta.fields]

    @property
    def grouping(self):
        return self.values.get("by", "parliament")

    def group_by(self, enrolments, name, grouping):
        return enrolments  # the grouping shapes the rows (queries.parliament_rows), not which enrolments count


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
