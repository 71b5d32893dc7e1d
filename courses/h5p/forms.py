"""The admin form of an H5P activity: the upload is checked as hostile input before anything is stored."""

from django import forms
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import H5PActivity
from ..packages.archive import PackageError, remove
from .package import store_package


class H5PActivityForm(WagtailAdminModelForm):
    """Checks and unpacks the upload while validating, so a file that breaks a rule only when read to the end
    (a member larger than it says) is a form error too; a refused form leaves nothing in storage."""

    class Meta:
        model = H5PActivity
        fields = ["title", "package"]

    unpacked = None

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if "package" not in self.changed_data or not upload:
            return upload
        if not upload.name.lower().endswith(".h5p"):
            raise forms.ValidationError(_("Upload an .h5p file."))
        try:
            self.unpacked = store_package(upload)
        except PackageError as error:
            raise forms.ValidationError(str(error)) from error
        upload.seek(0)
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.errors and self.unpacked:
            remove(self.unpacked.root)
            self.unpacked = None
        return cleaned

    def save(self, commit=True):
        activity = super().save(commit=False)
        if activity._state.adding and self.for_user is not None:
            activity.uploaded_by_user = self.for_user
        if self.unpacked:
            previous = activity.content_root
            activity.content_root, activity.main_library = self.unpacked.root, self.unpacked.main_library
            activity.h5p_json = self.unpacked.h5p_json
            if previous:
                remove(previous)
        if commit:
            activity.save()
        return activity
