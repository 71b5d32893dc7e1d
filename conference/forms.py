"""Public forms of the conference: programme and library filters, and the showcase submission form."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from lms.core.embeds import privacy_embed_url
from lms.core.models import Parliament

from .languages import LANGUAGE_CHOICES
from .media_checks import check_duration, check_video_upload, max_video_seconds, validate_webvtt
from .models import ConferenceTheme, Session, ShowcaseSubmission
from .timezones import selectable_zones

ANY = [("", _("All"))]


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


class ProgrammeFilterForm(forms.Form):
    """Filters of the programme and the visitor's time zone; a plain GET form that works without JS."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    axis = forms.ChoiceField(label=_("Axis"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=ANY + Session.Kind.choices)
    tz = forms.ChoiceField(label=_("Show times also in"), required=False, widget=ZoneSelect)

    def __init__(self, conference, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = ANY + [(t.code, str(t)) for t in conference.themes.all()]
        self.fields["axis"].choices = ANY + [(a.code, str(a)) for a in conference.axes.all()]
        self.fields["tz"].choices = [("", _("Conference time only"))] + [
            (zone, zone.replace("_", " ")) for zone in selectable_zones()
        ]
        self.fields["tz"].help_text = _("Times are always shown in %(zone)s time too.") % {
            "zone": conference.time_zone_city
        }

    def filter(self, sessions):
        data = self.cleaned_data
        if data.get("theme"):
            sessions = sessions.filter(theme__code=data["theme"])
        if data.get("axis"):
            sessions = sessions.filter(axis__code=data["axis"])
        if data.get("kind"):
            sessions = sessions.filter(kind=data["kind"])
        return sessions

    def active_filters(self):
        return any(self.cleaned_data.get(name) for name in ("theme", "axis", "kind"))


class VideoFilterForm(forms.Form):
    """Filters of the video library."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    parliament = forms.ChoiceField(label=_("Parliament"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, conference, videos, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = ANY + [(t.code, str(t)) for t in conference.themes.all()]
        parliaments = Parliament.objects.filter(conference_videos__in=videos).distinct().values_list("slug", "name")
        self.fields["parliament"].choices = ANY + list(parliaments)
        languages = set(videos.values_list("language", flat=True))
        self.fields["language"].choices = ANY + [(code, name) for code, name in LANGUAGE_CHOICES if code in languages]
        years = sorted({day.year for day in videos.dates("recorded_on", "year")}, reverse=True)
        self.fields["year"].choices = ANY + [(str(year), str(year)) for year in years]

    def filter(self, videos):
        data = self.cleaned_data
        if data.get("theme"):
            videos = videos.filter(theme__code=data["theme"])
        if data.get("parliament"):
            videos = videos.filter(parliament__slug=data["parliament"])
        if data.get("language"):
            videos = videos.filter(language=data["language"])
        if data.get("year"):
            videos = videos.filter(recorded_on__year=data["year"])
        return videos

    def query_string(self):
        return urlencode({name: value for name, value in self.cleaned_data.items() if value})


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
