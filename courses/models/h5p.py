"""H5P activities: an uploaded ``.h5p`` file, unpacked into storage, placed in lessons by the H5P block.

An activity is a snippet, so one upload can be used in several lessons and in every translation of a lesson;
its ``key`` names it in xAPI (the same activity whatever the lesson's language). A learner's saved state
(what they answered so far) is kept per activity, so it resumes on any device.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class H5PActivity(models.Model):
    """An H5P activity uploaded by a hub host: its original file and where its unpacked files are stored.

    Hosts and reviewers hold ``add`` only: under the ownership policy of its admin they edit and delete the
    activities they uploaded, and choose any in a lesson; administrators manage them all."""

    title = models.CharField(_("title"), max_length=255, help_text=_("Shown to editors when they choose it."))
    key = models.UUIDField(_("activity key"), default=uuid.uuid4, unique=True, editable=False)
    package = models.FileField(
        _("H5P file"),
        upload_to="h5p/uploads/",
        max_length=255,
        help_text=_("An .h5p file that includes its libraries (export it with 'Include libraries' or 'Download')."),
    )
    content_root = models.CharField(_("unpacked files"), max_length=255, editable=False, default="")
    main_library = models.CharField(_("content type"), max_length=255, editable=False, default="")
    h5p_json = models.JSONField(_("h5p.json"), default=dict, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def xapi_iri(self):
        """The activity's xAPI IRI: the same in every lesson and language that plays it."""
        from lms.xapi import api

        return api.activity_iri("h5p", self.key)


class H5PState(models.Model):
    """What a learner has done so far in an H5P activity, as the content type saved it (resumed on launch)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="h5p_states"
    )
    activity_key = models.UUIDField(_("activity key"))
    sub_content = models.CharField(_("sub-content"), max_length=64, default="0")
    data_type = models.CharField(_("data type"), max_length=64, default="state")
    data = models.TextField(_("data"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("H5P state")
        verbose_name_plural = _("H5P states")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "activity_key", "sub_content", "data_type"], name="courses_h5pstate_once"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.activity_key}"
