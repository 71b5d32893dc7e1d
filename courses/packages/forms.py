"""The package lesson's admin form: the package file is validated with the page and stored when it is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .archive import PackageError
from .importing import read_upload, store_package


class PackageLessonForm(WagtailAdminPageForm):
    """Adds the upload: a cmi5 or Tin Can zip (or a bare cmi5.xml); a bad package is a form error, stored nowhere."""

    package_file = forms.FileField(
        label=_("Package file"),
        required=False,
        help_text=_(
            "A zip exported as cmi5, Tin Can (xAPI), SCORM 1.2 or SCORM 2004, or a cmi5.xml whose units are on "
            "another server. "
            "Uploading a new version keeps learners' progress on the units whose ids did not change."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        self.upload = None
        file = cleaned_data.get("package_file")
        if file:
            try:
                self.upload = read_upload(file)
            except PackageError as error:
                self.add_error("package_file", str(error))
        elif not self.instance.package_id:
            self.add_error("package_file", _("Upload the package the lesson launches."))
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.upload is not None:
            page.package = store_package(self.upload, lesson_key=page.translation_key, user=self.for_user)
        if commit:
            page.save()
        return page
