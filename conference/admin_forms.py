"""The admin form moderators use on a showcase submission: status (allowed moves only) and a note."""

from wagtail.admin.forms import WagtailAdminModelForm

from . import showcase
from .models import ShowcaseSubmission


class SubmissionModerationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields and self.instance.pk:
            current = self.instance.status
            allowed = {current, *ShowcaseSubmission.TRANSITIONS.get(current, set())}
            self.fields["status"].choices = [
                (value, label) for value, label in ShowcaseSubmission.Status.choices if value in allowed
            ]

    def save(self, commit=True):
        original = ShowcaseSubmission.objects.get(pk=self.instance.pk)
        status = self.cleaned_data["status"]
        note = self.cleaned_data.get("moderator_note", "")
        if status != original.status:
            return showcase.change_status(original, status, self.for_user, note)
        if note != original.moderator_note:
            original.moderator_note = note
            original.save(update_fields=["moderator_note", "updated_at"])
        return original
