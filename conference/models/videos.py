"""The video library: plenary recordings and showcase videos, as real rows people filter on."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from lms.core.embeds import privacy_embed_url

from ..languages import LANGUAGE_CHOICES
from ..media_checks import validate_webvtt


class VideoQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def of_conference(self, conference):
        """Videos of ``conference`` in whichever of its languages they were filed under."""
        return self.filter(conference__translation_key=conference.translation_key)

    def for_listing(self):
        return self.select_related("theme", "parliament", "poster", "session")


class VideoEntry(index.Indexed, models.Model):
    """A video in the conference library: a plenary recording or a parliament's showcase video.

    Videos are not translated: each is listed in every language of the site, in the language it was
    recorded in (with captions where available).
    """

    class Kind(models.TextChoices):
        RECORDING = "recording", _("Plenary recording")
        SHOWCASE = "showcase", _("Showcase video")

    conference = models.ForeignKey(
        "conference.ConferencePage",
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="videos",
        help_text=_("The conference the video belongs to (any of its languages)."),
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("The video's title."))
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, blank=True, help_text=_("Used in the video's web address.")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.SHOWCASE, help_text=_("Recording or showcase.")
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("A few sentences on what the video shows."))
    session = models.ForeignKey(
        "conference.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="videos",
        help_text=_("For a recording: the session it records."),
    )
    theme = models.ForeignKey(
        "conference.ConferenceTheme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="videos",
        help_text=_("The conference theme it relates to."),
    )
    parliament = models.ForeignKey(
        "core.Parliament",
        verbose_name=_("parliament"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conference_videos",
        help_text=_("The parliament presenting its practice, for a showcase video."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en", help_text=_("Language spoken.")
    )
    recorded_on = models.DateField(_("recorded on"), help_text=_("Date of the recording or of the plenary."))
    video_url = models.URLField(
        _("video address"), blank=True, help_text=_("A YouTube or Vimeo link; leave empty for an uploaded file.")
    )
    video_file = models.FileField(
        _("video file"),
        upload_to="conference/videos/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["mp4", "m4v", "webm"])],
        help_text=_("An MP4 or WebM file, served from this site."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays."),
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="conference/captions/%Y/",
        blank=True,
        validators=[validate_webvtt],
        help_text=_("A .vtt caption file in the video's language."),
    )
    transcript = models.TextField(_("transcript"), blank=True, help_text=_("A full text version of the video."))
    duration_seconds = models.PositiveIntegerField(
        _("duration (seconds)"), null=True, blank=True, help_text=_("Length of the video.")
    )
    shown_in_plenary = models.BooleanField(
        _("shown in plenary"), default=False, help_text=_("The video was screened during a plenary session.")
    )
    published = models.BooleanField(_("published"), default=True, help_text=_("Listed in the video library."))
    submission = models.OneToOneField(
        "conference.ShowcaseSubmission",
        verbose_name=_("showcase submission"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="video_entry",
        editable=False,
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = VideoQuerySet.as_manager()

    panels = [
        FieldPanel("conference"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language"), FieldPanel("recorded_on")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("session"), FieldPanel("theme"), FieldPanel("parliament")]),
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("video_file"), FieldPanel("poster"), FieldPanel("duration_seconds")],
            heading=_("Video"),
        ),
        MultiFieldPanel([FieldPanel("captions"), FieldPanel("transcript")], heading=_("Captions and transcript")),
        FieldRowPanel([FieldPanel("shown_in_plenary"), FieldPanel("published")]),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("summary"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-recorded_on", "title"]
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.video_url and not self.video_file:
            raise ValidationError({"video_url": _("Give a video address or upload a video file.")})
        if self.video_url and not privacy_embed_url(self.video_url):
            raise ValidationError({"video_url": _("Give a YouTube or Vimeo address, or upload the file instead.")})

    def _unique_slug(self):
        base = slugify(self.title)[:100] or "video"
        slug, number = base, 1
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    @property
    def year(self):
        return self.recorded_on.year

    def embed_url(self, language=""):
        return privacy_embed_url(self.video_url, language)

    @property
    def duration_label(self):
        if not self.duration_seconds:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
