"""Forms: the admin's bulk enrolment upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import csv_upload
from .models import CoursePage


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
