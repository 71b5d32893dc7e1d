"""SCORM runtime records: each learner's attempt at each SCO, and every commit the runtime sent for it.

An attempt keeps the data model as the SCO last committed it (so the learner resumes where they were, on any
device) and the fields reports filter on; every commit is kept too, keyed by the browser's sequence number,
so a retried commit is stored once. Attempts are keyed on the package item's ``item_key`` (from the lesson's
``translation_key`` and the SCO's identifier in the manifest), which every translation of the package shares.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScormAttempt(models.Model):
    """One learner's attempt at one SCO: the latest committed data model and what it means."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    item_key = models.UUIDField(_("item key"), help_text=_("The package item's key, shared by its translations."))
    sco = models.CharField(_("SCO"), max_length=255, help_text=_("The item's identifier in the manifest."))
    number = models.PositiveIntegerField(_("attempt"), default=1)
    version = models.CharField(_("SCORM version"), max_length=8)
    cmi = models.JSONField(_("data model"), default=dict)
    completion_status = models.CharField(_("completion status"), max_length=16, default="not attempted")
    success_status = models.CharField(_("success status"), max_length=16, default="unknown")
    score_scaled = models.DecimalField(_("scaled score"), max_digits=8, decimal_places=7, null=True, blank=True)
    location = models.CharField(_("location"), max_length=1000, blank=True, default="")
    suspend_data = models.TextField(_("suspend data"), blank=True, default="")
    exit = models.CharField(_("exit"), max_length=16, blank=True, default="")
    total_seconds = models.FloatField(_("total time (seconds)"), default=0)
    last_sequence = models.PositiveIntegerField(_("last commit"), default=0)
    last_session = models.CharField(_("last session"), max_length=64, blank=True, default="")
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("SCORM attempt")
        verbose_name_plural = _("SCORM attempts")
        constraints = [models.UniqueConstraint(fields=["user", "item_key", "number"], name="courses_scormattempt_once")]

    def __str__(self):
        return f"{self.user} · {self.sco} · {self.number}"


class ScormCommit(models.Model):
    """One commit of the runtime, as received (a retry of the same sequence number is not stored again)."""

    attempt = models.ForeignKey(
        ScormAttempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="commits"
    )
    session = models.CharField(_("session"), max_length=64)
    sequence = models.PositiveIntegerField(_("sequence"))
    digest = models.CharField(_("digest"), max_length=64)
    cmi = models.JSONField(_("data model"))
    terminated = models.BooleanField(_("terminated"), default=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("SCORM commit")
        verbose_name_plural = _("SCORM commits")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "session", "sequence"], name="courses_scormcommit_once")
        ]

    def __str__(self):
        return f"{self.attempt} · {self.sequence}"
