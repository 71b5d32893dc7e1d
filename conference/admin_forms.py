"""Admin forms: sessions entered in the conference's own time; moderation of showcase submissions."""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from . import services
from .models import ShowcaseSubmission


class SessionAdminForm(WagtailAdminModelForm):
    """Editors type a session's times as they read in the conference's zone (14:00 in Geneva), whatever
    their own admin time zone."""

    TIME_FIELDS = ("start", "end")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.conference_id:
            zone = self.instance.conference.specific.zone
            for name in self.TIME_FIELDS:
                value = getattr(self.instance, name)
                if value and name in self.fields:
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        conference = cleaned.get("conference")
        if conference is not None:
            zone = conference.specific.zone
            for name in self.TIME_FIELDS:
                value = cleaned.get(name)
                if value is not None:
                    wall_clock = timezone.make_naive(value, timezone.get_current_timezone())
                    cleaned[name] = timezone.make_aware(wall_clock, zone)
        return cleaned


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
            return services.change_status(original, status, self.for_user, note)
        if note != original.moderator_note:
            original.moderator_note = note
            original.save(update_fields=["moderator_note", "updated_at"])
        return original
