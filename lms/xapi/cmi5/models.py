"""cmi5's tables: course structures as the LRS needs them, registrations with their AU states, AU sessions."""

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_secret():
    return secrets.token_urlsafe(24)


class Cmi5Course(models.Model):
    """One version of a course structure (stored once per content, shared by its registrations)."""

    digest = models.CharField(_("digest"), max_length=64, unique=True)
    lms_id = models.CharField(_("LMS id"), max_length=1024)
    structure = models.JSONField(_("structure"))

    class Meta:
        app_label = "xapi"
        verbose_name = _("cmi5 course structure")
        verbose_name_plural = _("cmi5 course structures")

    def __str__(self):
        return self.lms_id


class Cmi5Registration(models.Model):
    """A learner's registration in a cmi5 course: what each AU, block and the course have reached."""

    registration = models.UUIDField(_("registration"))
    course_lms_id = models.CharField(_("course LMS id"), max_length=1024)
    course = models.ForeignKey(Cmi5Course, verbose_name=_("course structure"), on_delete=models.PROTECT)
    actor = models.JSONField(_("actor"))
    actor_key = models.CharField(_("actor key"), max_length=512)
    state = models.JSONField(_("state"), default=dict)
    created = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        app_label = "xapi"
        verbose_name = _("cmi5 registration")
        verbose_name_plural = _("cmi5 registrations")
        constraints = [
            models.UniqueConstraint(fields=["registration", "course_lms_id"], name="xapi_cmi5_registration_once")
        ]

    def __str__(self):
        return str(self.registration)


class Cmi5Session(models.Model):
    """One launch of an AU: its token, and what the AU has sent so far (the order rules of section 9.3)."""

    session_id = models.UUIDField(_("session id"), default=uuid.uuid4, unique=True)
    registration = models.ForeignKey(
        Cmi5Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="sessions"
    )
    au_lms_id = models.CharField(_("AU LMS id"), max_length=1024)
    au_publisher_id = models.CharField(_("AU publisher id"), max_length=1024)
    launch_mode = models.CharField(_("launch mode"), max_length=8, default="Normal")
    mastery_score = models.DecimalField(_("mastery score"), max_digits=5, decimal_places=4, null=True, blank=True)
    move_on = models.CharField(_("move on"), max_length=24)
    fetch_key = models.CharField(_("fetch key"), max_length=64, default=new_secret, unique=True)
    secret = models.CharField(_("secret"), max_length=64, default=new_secret)
    fetched = models.BooleanField(_("token fetched"), default=False)
    preferences_read = models.BooleanField(_("learner preferences read"), default=False)
    initialized = models.BooleanField(_("initialized"), default=False)
    completed = models.BooleanField(_("completed"), default=False)
    judged = models.BooleanField(_("passed or failed"), default=False)
    closed = models.CharField(_("closed"), max_length=12, blank=True, help_text=_("terminated or abandoned"))
    created = models.DateTimeField(_("launched"), default=timezone.now)
    last_request = models.DateTimeField(_("last request"), default=timezone.now)
    expires = models.DateTimeField(_("expires"))

    class Meta:
        app_label = "xapi"
        verbose_name = _("cmi5 session")
        verbose_name_plural = _("cmi5 sessions")
        indexes = [models.Index(fields=["registration", "au_lms_id", "closed"], name="xapi_cmi5_session_open")]

    def __str__(self):
        return str(self.session_id)

    @property
    def actor(self):
        return self.registration.actor
