"""Public forms of the conference: the showcase submission form."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.core.embeds import privacy_embed_url
from lms.core.models import Parliament

from .media_checks import check_duration, check_video_upload, max_video_seconds, validate_webvtt
from .models import ConferenceTheme, ShowcaseSubmission


def _formfield(field, **kwargs):
    """A model field's form field; a link typed without a scheme is taken as https (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ShowcaseSubmissionForm(forms.ModelForm):
    """A participant's proposal of a short video; one of a link or an upload, checked before saving."""

    consent_publish = forms.BooleanField(
        label=_("The people who appear in the video agreed to its publication on this site."), required=True
    )
    rights_confirmed = forms.BooleanField(
        label=_("I hold, or my parliament holds, the rights to publish this video and its music and images."),
        required=True,
    )
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes (for a link)"),
        required=False,
        min_value=1,
        help_text=_("For an uploaded file the length is read from the file."),
    )

    class Meta:
        model = ShowcaseSubmission
        fields = [
            "title",
            "parliament",
            "theme",
            "summary",
            "language",
            "video_url",
            "video_file",
            "duration_minutes",
            "captions",
            "consent_publish",
            "rights_confirmed",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5, "maxlength": 1000})}
        formfield_callback = _formfield

    def __init__(self, conference, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conference = conference
        self.fields["theme"].queryset = ConferenceTheme.objects.filter(page=conference)
        self.fields["theme"].required = True
        self.fields["parliament"].queryset = Parliament.objects.order_by("name")
        self.fields["video_file"].widget.attrs["accept"] = "video/mp4,video/webm,.mp4,.m4v,.webm"
        self.fields["captions"].widget.attrs["accept"] = ".vtt,text/vtt"
        self.fields["video_file"].help_text = _("MP4 or WebM, at most %(minutes)d minutes.") % {
            "minutes": max_video_seconds() // 60
        }

    def clean_summary(self):
        summary = self.cleaned_data["summary"].strip()
        if len(summary) > 1000:
            raise ValidationError(
                _("Keep the summary under 1,000 characters (it has %(count)d)."), params={"count": len(summary)}
            )
        return summary

    def clean_video_url(self):
        url = self.cleaned_data.get("video_url")
        if url and not privacy_embed_url(url):
            raise ValidationError(_("Give a YouTube or Vimeo link, or upload the file instead."))
        return url

    def clean_captions(self):
        captions = self.cleaned_data.get("captions")
        if captions:
            validate_webvtt(captions)
        return captions

    def clean(self):
        cleaned = super().clean()
        url, upload = cleaned.get("video_url"), cleaned.get("video_file")
        if "video_url" in self.errors or "video_file" in self.errors:
            return cleaned
        if bool(url) == bool(upload):
            raise ValidationError(_("Give either a link to the video or upload the file, not both and not neither."))
        if upload:
            try:
                self.instance.duration_seconds = check_video_upload(upload)
            except ValidationError as error:
                self.add_error("video_file", error)
        else:
            minutes = cleaned.get("duration_minutes")
            if not minutes:
                self.add_error("duration_minutes", _("Say how long the linked video lasts."))
            else:
                try:
                    check_duration(minutes * 60)
                except ValidationError as error:
                    self.add_error("duration_minutes", error)
                self.instance.duration_seconds = minutes * 60
        return cleaned
