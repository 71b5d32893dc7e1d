"""The filters every report shares: hub, course, parliament, language and a range of enrolment dates."""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from lms.core.models import Parliament

MAX_RANGE_DAYS = 3660


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


class ReportFilterForm(forms.Form):
    """Reads the filters from the query string; a hub or course outside the user's scope is refused (403)."""

    hub = forms.ChoiceField(label=_("Hub"), required=False, widget=PlainSelect)
    course = forms.ChoiceField(label=_("Course"), required=False, widget=PlainSelect)
    parliament = forms.ModelChoiceField(
        label=_("Parliament"),
        queryset=Parliament.objects.only("pk", "name"),
        required=False,
        empty_label=_("All parliaments"),
        widget=PlainSelect,
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *settings.LANGUAGES], widget=PlainSelect
    )
    date_from = forms.DateField(
        label=_("Enrolled from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("Enrolled until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data, *, scope, **kwargs):
        super().__init__(data, **kwargs)
        self.scope = scope
        self.fields["hub"].choices = [("", _("All hubs")), *((key, hub.title) for key, hub in scope.hubs.items())]
        self.fields["course"].choices = [
            ("", _("All courses")),
            *((key, course.title) for key, course in scope.courses.items()),
        ]
        self._refuse_out_of_scope(data or {})

    def _refuse_out_of_scope(self, data):
        # A well-formed key the user may not see is a question about someone else's hub: 403, not a form error.
        for name, allowed in (("hub", self.scope.hubs), ("course", self.scope.courses)):
            value = data.get(name)
            if value and _is_uuid(value) and value not in allowed:
                raise PermissionDenied

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if start and end:
            if start > end:
                self.add_error("date_to", _("The end of the range is before its start."))
            elif (end - start).days > MAX_RANGE_DAYS:
                self.add_error("date_to", _("Choose a range of at most ten years."))
        return cleaned_data

    @property
    def values(self):
        """The cleaned filters (empty ones left out); call after is_valid()."""
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    def course_keys(self):
        """The course keys the filters leave, or None for every course in scope."""
        values = self.values
        if "course" in values:
            return [values["course"]]
        if "hub" in values:
            return [course.key for course in self.scope.courses_of_hub(values["hub"])]
        return None

    def enrolments(self):
        """The enrolments in scope that pass the filters."""
        values = self.values
        enrolments = self.scope.enrolments()
        keys = self.course_keys()
        if keys is not None:
            enrolments = enrolments.filter(course_key__in=keys)
        if "parliament" in values:
            enrolments = enrolments.filter(user__parliament=values["parliament"])
        if "language" in values:
            enrolments = enrolments.filter(language=values["language"])
        if "date_from" in values:
            enrolments = enrolments.filter(enrolled_at__date__gte=values["date_from"])
        if "date_to" in values:
            enrolments = enrolments.filter(enrolled_at__date__lte=values["date_to"])
        return enrolments


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
