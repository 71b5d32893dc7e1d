"""Learner records: enrolments, progress, quiz attempts and answers, certificates and invitations.

They refer to course content by its ``translation_key`` (the same in every language), so progress follows
the learner from one language to another, and keep a nullable link to the page (``on_delete=SET_NULL``) plus
a copy of its title, so deleting, moving or unpublishing a page never deletes or blanks what a learner earned.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CERTIFICATE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are read aloud and typed


def new_certificate_code():
    """A random, hard-to-guess code such as ``K7QM-2XWD-9HTA``."""
    raw = "".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


class Enrolment(models.Model):
    """A learner's place in a course, whatever the language they study it in."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")

    class Source(models.TextChoices):
        SELF = "self", _("Enrolled themselves")
        BULK = "bulk", _("Enrolled by a host or administrator")
        INVITATION = "invitation", _("Accepted an invitation")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="enrolments"
    )
    course_key = models.UUIDField(
        _("course key"), help_text=_("The course's translation key, shared by its languages.")
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    registration = models.UUIDField(
        _("xAPI registration"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Groups this enrolment's statements in the learning record store."),
    )
    course_title = models.CharField(_("course title"), max_length=255)
    language = models.CharField(_("language"), max_length=8, help_text=_("The language the learner enrolled in."))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.SELF)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    last_item_key = models.UUIDField(_("last lesson or quiz"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-last_activity_at"]
        constraints = [models.UniqueConstraint(fields=["user", "course_key"], name="courses_enrolment_once")]
        indexes = [
            models.Index(fields=["course_key", "status"], name="courses_enr_course_status"),
            models.Index(fields=["course_key", "enrolled_at"], name="courses_enr_course_enrolled"),
            models.Index(fields=["course_key", "completed_at"], name="courses_enr_course_completed"),
            models.Index(fields=["course_key", "last_activity_at"], name="courses_enr_course_active"),
            models.Index(fields=["user", "status"], name="courses_enr_user_status"),
        ]

    def __str__(self):
        return f"{self.user} · {self.course_title}"

    @property
    def is_completed(self):
        return self.status == self.Status.COMPLETED


class ItemProgress(models.Model):
    """A learner's progress on one lesson or quiz of a course: opened, then completed."""

    class ItemType(models.TextChoices):
        LESSON = "lesson", _("Lesson")
        QUIZ = "quiz", _("Quiz")
        PACKAGE = "package", _("Package unit")

    class CompletedBy(models.TextChoices):
        LEARNER = "learner", _("Marked complete by the learner")
        VIDEO = "video", _("Video watched to the end")
        QUIZ = "quiz", _("Quiz passed")
        CONTENT = "content", _("Reported by the content")
        WAIVED = "waived", _("Waived by a host")
        ACTIVITY = "activity", _("Activity in the lesson finished")
        SCORM = "scorm", _("SCORM content finished")

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="item_progress"
    )
    item_key = models.UUIDField(_("lesson or quiz key"), help_text=_("The page's translation key."))
    item = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    item_type = models.CharField(_("type"), max_length=8, choices=ItemType.choices)
    item_title = models.CharField(_("title"), max_length=255)
    started_at = models.DateTimeField(_("first opened"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_by = models.CharField(_("completed by"), max_length=8, choices=CompletedBy.choices, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["enrolment", "item_key"], name="courses_progress_once")]
        indexes = [models.Index(fields=["item_key", "completed_at"], name="courses_progress_item")]

    def __str__(self):
        return f"{self.enrolment} · {self.item_title}"

    @property
    def is_completed(self):
        return self.completed_at is not None


class QuizAttempt(models.Model):
    """One submitted attempt at a quiz, scored on the server."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz_key = models.UUIDField(_("quiz key"), help_text=_("The quiz page's translation key."))
    quiz = models.ForeignKey(
        "courses.QuizPage", verbose_name=_("quiz"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    quiz_title = models.CharField(_("quiz title"), max_length=255)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    language = models.CharField(_("language"), max_length=8)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    question_count = models.PositiveSmallIntegerField(_("questions"))
    correct_count = models.PositiveSmallIntegerField(_("correct answers"))
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=4, help_text=_("Between 0 and 1."))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    passed = models.BooleanField(_("passed"))

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["enrolment", "quiz_key", "number"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "quiz_key", "number"], name="courses_attempt_number_once")
        ]
        indexes = [models.Index(fields=["quiz_key", "submitted_at"], name="courses_attempt_quiz")]

    def __str__(self):
        return f"{self.enrolment} · {self.quiz_title} #{self.number}"

    @property
    def percent(self):
        return round(self.score * 100)


class QuestionAnswer(models.Model):
    """A learner's answer to one question of an attempt, with a copy of the question as it was asked."""

    attempt = models.ForeignKey(
        QuizAttempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    position = models.PositiveSmallIntegerField(_("position"), help_text=_("Order in which the question was shown."))
    question_id = models.CharField(_("question id"), max_length=64, help_text=_("The question block's id."))
    question_type = models.CharField(_("question type"), max_length=12)
    question_text = models.CharField(_("question"), max_length=500)
    response = models.JSONField(_("chosen answer ids"), default=list)
    response_text = models.TextField(_("chosen answers"), blank=True)
    correct = models.BooleanField(_("correct"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["attempt", "position"]
        indexes = [models.Index(fields=["question_id", "correct"], name="courses_answer_question")]

    def __str__(self):
        return self.question_text


class Certificate(models.Model):
    """Proof that a learner completed a course; what it says is copied so later edits never change it."""

    enrolment = models.OneToOneField(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True, default=new_certificate_code)
    course_key = models.UUIDField(_("course key"))
    learner_name = models.CharField(_("learner"), max_length=255)
    course_title = models.CharField(_("course"), max_length=255)
    hub_name = models.CharField(_("hub"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=8)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    revocation_reason = models.CharField(
        _("revocation reason"),
        max_length=255,
        blank=True,
        help_text=_(
            "Give a reason to revoke the certificate (its page and its Open Badge then say so); "
            "clear it to reinstate the certificate."
        ),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["course_key", "issued_at"], name="courses_cert_course")]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        # Revocation is the reason being there: the date follows it, so the admin form has one field.
        self.revocation_reason = self.revocation_reason.strip()
        if self.revocation_reason and self.revoked_at is None:
            self.revoked_at = timezone.now()
        elif not self.revocation_reason:
            self.revoked_at = None
        super().save(*args, **kwargs)

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class Invitation(models.Model):
    """An address a host enrolled in bulk before it had an account; accepted when that person signs up."""

    email = models.EmailField(_("email address"))
    course_key = models.UUIDField(_("course key"))
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course page"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    course_title = models.CharField(_("course title"), max_length=255)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["email", "course_key"], name="courses_invitation_once")]
        indexes = [models.Index(fields=["email", "accepted_at"], name="courses_invitation_pending")]

    def __str__(self):
        return f"{self.email} · {self.course_title}"
