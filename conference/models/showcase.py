"""Showcase submissions: short videos participants propose, and their moderation history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CHOICES


class ShowcaseSubmission(models.Model):
    """A parliament's short video proposed for the showcase by a logged-in participant."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        SELECTED = "selected", _("Selected for plenary")

    # Where a moderator may take a submission from each status.
    TRANSITIONS = {
        Status.SUBMITTED: {Status.UNDER_REVIEW, Status.ACCEPTED, Status.REJECTED},
        Status.UNDER_REVIEW: {Status.ACCEPTED, Status.REJECTED},
        Status.ACCEPTED: {Status.SELECTED, Status.REJECTED},
        Status.REJECTED: {Status.UNDER_REVIEW},
        Status.SELECTED: {Status.ACCEPTED},
    }
    IN_LIBRARY = {Status.ACCEPTED, Status.SELECTED}

    conference = models.ForeignKey(
        "conference.ConferencePage",
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="showcase_submissions",
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.CASCADE,
        related_name="showcase_submissions",
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("A short title for the video."))
    parliament = models.ForeignKey(
        "core.Parliament",
        verbose_name=_("parliament"),
        on_delete=models.PROTECT,
        related_name="showcase_submissions",
        help_text=_("The parliament whose practice the video presents."),
    )
    theme = models.ForeignKey(
        "conference.ConferenceTheme",
        verbose_name=_("theme"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="showcase_submissions",
        help_text=_("The conference theme the practice relates to."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("What the video shows and why it matters (up to 1,000 characters).")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=LANGUAGE_CHOICES, help_text=_("The language spoken in the video.")
    )
    video_url = models.URLField(
        _("video address"), blank=True, help_text=_("A YouTube or Vimeo link, if you do not upload the file.")
    )
    video_file = models.FileField(
        _("video file"), upload_to="conference/submissions/%Y/", blank=True, help_text=_("An MP4 or WebM file.")
    )
    duration_seconds = models.PositiveIntegerField(
        _("duration (seconds)"), help_text=_("Read from the uploaded file, or as stated for a link.")
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="conference/captions/%Y/",
        blank=True,
        help_text=_("A .vtt captions file in the video's language."),
    )
    consent_publish = models.BooleanField(
        _("consent to publish"), default=False, help_text=_("The people shown agreed to its publication.")
    )
    rights_confirmed = models.BooleanField(
        _("rights to publish"), default=False, help_text=_("The submitter holds the rights to publish it.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, help_text=_("Where it stands.")
    )
    moderator_note = models.TextField(
        _("note to the submitter"), blank=True, help_text=_("Sent to the submitter with the next status email.")
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("showcase submission")
        verbose_name_plural = _("showcase submissions")

    def __str__(self):
        return self.title

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())

    @property
    def in_library(self):
        return self.status in self.IN_LIBRARY


class ShowcaseStatusChange(models.Model):
    """One step of a submission's moderation; the email to the submitter is sent once per step."""

    submission = models.ForeignKey(
        ShowcaseSubmission, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("submission")
    )
    status = models.CharField(_("status"), max_length=20, choices=ShowcaseSubmission.Status.choices)
    note = models.TextField(_("note to the submitter"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    notified_at = models.DateTimeField(_("submitter notified"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.submission} → {self.get_status_display()}"
