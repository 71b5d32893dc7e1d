"""Forms: the catalogue's filters and the admin's bulk enrolment upload."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hubs.models import HubPage

from . import csv_upload
from .models import CoursePage, Level, Topic

ANY_LANGUAGE = "any"
SEARCH_MAX_LENGTH = 200


class CatalogFilterForm(forms.Form):
    """Search and filters of the catalogue; without a language it lists the catalogue's own language."""

    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_MAX_LENGTH)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    hub = forms.ChoiceField(label=_("Hub"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices])
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data=None, *, catalog):
        if data is not None:
            data = data.copy()
            data["q"] = data.get("q", "")[:SEARCH_MAX_LENGTH]
        super().__init__(data)
        self.catalog = catalog
        topics = Topic.objects.filter(locale=catalog.locale).order_by("name")
        self.fields["topic"].choices = [("", _("All topics"))] + [(topic.slug, topic.name) for topic in topics]
        self.fields["hub"].choices = [("", _("All hubs"))] + [(str(hub.pk), hub.title) for hub in self.hubs()]
        self.fields["language"].choices = [("", _("This catalogue's language")), (ANY_LANGUAGE, _("All languages"))]
        self.fields["language"].choices += list(settings.LANGUAGES)

    def hubs(self):
        """The live hubs of the catalogue's language."""
        return HubPage.objects.live().public().filter(locale=self.catalog.locale).order_by("title")

    def filter(self, courses):
        """``courses`` narrowed by the valid filters; invalid values are ignored (the form shows the error)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        language = data.get("language") or self.catalog.locale.language_code
        if language != ANY_LANGUAGE:
            courses = courses.filter(locale__language_code=language)
        if data.get("topic"):
            courses = courses.filter(topic__slug=data["topic"])
        if data.get("level"):
            courses = courses.filter(level=data["level"])
        if data.get("hub"):
            courses = self.filter_hub(courses, data["hub"])
        if data.get("q"):
            matches = CoursePage.objects.live().search(data["q"], operator="or")
            courses = courses.filter(pk__in=[course.pk for course in matches])
        return courses

    def filter_hub(self, courses, hub_id):
        """Courses under the hub or under any of its translations (for the other languages' courses)."""
        hub = HubPage.objects.filter(pk=hub_id).first()
        if hub is None:
            return courses.none()
        query = Q()
        for translation in HubPage.objects.filter(translation_key=hub.translation_key):
            query |= Q(path__startswith=translation.path)
        return courses.filter(query)

    def query_string(self):
        """The current filters as a query string, for pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        return urlencode({name: value for name, value in self.cleaned_data.items() if value})


class BulkEnrolForm(forms.Form):
    """A course and a CSV file of email addresses (one a line; the first column is used)."""

    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("One email address a line, in the first column; a header row 'email' is skipped. At most 1 MB."),
    )

    MAX_BYTES = 1024 * 1024

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB; split it."))
        try:
            return csv_upload.decode(upload.read())
        except csv_upload.UnreadableFile:
            raise forms.ValidationError(_("The file is not readable text; save it as CSV (UTF-8).")) from None
