"""The Learning Record Store's tables: statements, their attachments, documents, credentials and the outbox."""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from lms.core import page_cache


class LearnerIdentity(models.Model):
    """The stable pseudonym a learner carries in statements, so no email address leaves the platform."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_identity", verbose_name=_("user")
    )
    pseudonym = models.UUIDField(_("pseudonym"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("learner identity")
        verbose_name_plural = _("learner identities")

    def __str__(self):
        return str(self.pseudonym)


class StatementJSONField(models.JSONField):
    """A JSONField that keeps PostgreSQL bulk inserts on VALUES.

    Django 5.2 bulk-inserts through UNNEST of one array per column unless a field has ``get_placeholder``;
    a column of JSON documents as a text array costs more to escape than the insert itself (a third of the
    time of a batch of 100 statements). The store itself inserts statements on PostgreSQL with
    :mod:`lms.xapi.bulk_insert`; this keeps the ORM path (:func:`lms.xapi.store.insert_statements`) cheap too.
    """

    def get_placeholder(self, value, compiler, connection):
        """A plain parameter (its presence is what turns UNNEST off)."""
        return "%s"


class Statement(models.Model):
    """One stored xAPI statement: the full JSON as the LRS returns it, plus the columns queries filter on."""

    statement_id = models.UUIDField(_("statement id"), unique=True)
    data = StatementJSONField(_("statement"))
    actor_key = models.CharField(_("actor"), max_length=512, db_index=True)
    object_agent_key = models.CharField(_("object agent"), max_length=512, blank=True, default="")
    verb_id = models.CharField(_("verb"), max_length=1024)
    activity_id = models.CharField(_("activity"), max_length=1024, blank=True, default="")
    registration = models.UUIDField(_("registration"), null=True, blank=True)
    timestamp = models.DateTimeField(_("timestamp"))
    stored = models.DateTimeField(_("stored"), default=timezone.now, db_index=True)
    voided = models.BooleanField(_("voided"), default=False)
    voids = models.UUIDField(_("voids statement"), null=True, blank=True, db_index=True)
    ref_target = models.UUIDField(_("refers to statement"), null=True, blank=True)
    authority_key = models.CharField(_("authority"), max_length=512, blank=True, default="", db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="xapi_statements",
        verbose_name=_("learner"),
    )

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["actor_key", "verb_id", "-stored"], name="xapi_stmt_actor_verb"),
            models.Index(fields=["verb_id", "-stored"], name="xapi_stmt_verb"),
            models.Index(fields=["activity_id", "-stored"], name="xapi_stmt_activity"),
            models.Index(fields=["registration", "-stored"], name="xapi_stmt_registration"),
            models.Index(fields=["object_agent_key", "-stored"], name="xapi_stmt_object_agent"),
            models.Index(fields=["timestamp"], name="xapi_stmt_timestamp"),
            models.Index(fields=["user", "-stored"], name="xapi_stmt_user"),
            models.Index(fields=["voided", "-stored"], name="xapi_stmt_voided"),
            models.Index(
                fields=["ref_target"], name="xapi_stmt_ref_target", condition=models.Q(ref_target__isnull=False)
            ),
        ]

    def __str__(self):
        return str(self.statement_id)


class StatementContextActivity(models.Model):
    """An activity a statement relates to besides its object (for ``related_activities`` queries)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="related_activities")
    activity_id = models.CharField(max_length=1024)

    class Meta:
        indexes = [models.Index(fields=["activity_id", "statement"], name="xapi_related_activity")]

    def __str__(self):
        return self.activity_id


class StatementContextAgent(models.Model):
    """An agent a statement relates to besides its actor (for ``related_agents`` queries)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="related_agents")
    agent_key = models.CharField(max_length=512)

    class Meta:
        indexes = [models.Index(fields=["agent_key", "statement"], name="xapi_related_agent")]

    def __str__(self):
        return self.agent_key


class Attachment(models.Model):
    """The raw content of a statement attachment, stored once per SHA-2 hash."""

    sha2 = models.CharField(max_length=128, unique=True)
    content_type = models.CharField(max_length=255)
    content = models.BinaryField()

    def __str__(self):
        return self.sha2


class ActivityDefinition(models.Model):
    """The canonical definition of an activity, as the Activities resource returns it."""

    activity_id = models.CharField(max_length=1024, unique=True)
    definition = models.JSONField(default=dict)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.activity_id


class Document(models.Model):
    """A document of the State, Activity Profile or Agent Profile resource.

    Keys that do not apply to a kind are empty strings rather than NULL so the unique constraint holds on
    every database.
    """

    class Kind(models.TextChoices):
        STATE = "state", _("state")
        ACTIVITY_PROFILE = "activity_profile", _("activity profile")
        AGENT_PROFILE = "agent_profile", _("agent profile")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    activity_id = models.CharField(max_length=1024, blank=True, default="")
    agent_key = models.CharField(max_length=512, blank=True, default="")
    registration = models.CharField(max_length=36, blank=True, default="")
    document_id = models.CharField(max_length=1024)
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    etag = models.CharField(max_length=64)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "activity_id", "agent_key", "registration", "document_id"], name="xapi_document_key"
            )
        ]
        indexes = [models.Index(fields=["kind", "activity_id", "agent_key", "updated"], name="xapi_document_list")]

    def __str__(self):
        return self.document_id


def _hash_secret(secret):
    # Secrets are 32 random bytes, so a plain SHA-256 is enough and keeps Basic auth cheap on every request.
    return hashlib.sha256(secret.encode()).hexdigest()


class StatementIdConflict(models.Model):
    """A statement the platform recorded under another id because its own id was already taken.

    Platform ids are keyed with a server secret, so a taken id means the secret leaked or a statement was copied
    in from elsewhere; the event is stored all the same (under ``stored_as``), and administrators see it here.
    """

    statement_id = models.UUIDField(_("id taken"))
    stored_as = models.UUIDField(_("stored as"))
    existing_authority = models.JSONField(_("authority of the statement holding the id"))
    created = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("statement id conflict")
        verbose_name_plural = _("statement id conflicts")
        ordering = ["-created"]

    def __str__(self):
        return str(self.statement_id)


class LRSClient(models.Model):
    """A credential for a program that reads or writes statements through the ``/xapi/`` endpoint."""

    class Scope(models.TextChoices):
        STATEMENTS_WRITE = "statements/write", "statements/write"
        STATEMENTS_READ = "statements/read", "statements/read"
        STATEMENTS_READ_MINE = "statements/read/mine", "statements/read/mine"
        STATE = "state", "state"
        DEFINE = "define", "define"
        PROFILE = "profile", "profile"
        ALL_READ = "all/read", "all/read"
        ALL = "all", "all"

    DEFAULT_SCOPES = ["statements/write", "statements/read/mine"]

    name = models.CharField(_("name"), max_length=100, unique=True, help_text=_("Who or what uses this key."))
    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(
        _("scopes"), default=list, help_text=_("What the client may do, as the xAPI specification names scopes.")
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Inactive keys are refused."))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("LRS client")
        verbose_name_plural = _("LRS clients")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def set_new_secret(self):
        """Give the client a new random key (if it has none) and secret; returns the secret, shown only once."""
        if not self.key:
            self.key = secrets.token_hex(16)
        # Hexadecimal, not URL-safe base64: a secret beginning with "-" is taken for an option by command-line
        # tools that read it as an argument (the ADL conformance suite's runner among them).
        secret = secrets.token_hex(32)
        self.secret_hash = _hash_secret(secret)
        return secret

    def check_secret(self, secret):
        """Whether ``secret`` is this client's secret."""
        return secrets.compare_digest(self.secret_hash, _hash_secret(secret))

    def authority(self):
        """The agent that vouches for the statements this client writes."""
        return {"objectType": "Agent", "name": self.name, "account": {"homePage": settings.BASE_URL, "name": self.key}}


class ForwardingTarget(models.Model):
    """An external LRS that receives a copy of every statement stored here."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    endpoint = models.URLField(
        _("endpoint"), max_length=500, help_text=_("The LRS's xAPI base URL, e.g. https://lrs.example.org/xapi/")
    )
    username = models.CharField(_("key or username"), max_length=255, blank=True)
    password = models.CharField(_("secret or password"), max_length=255, blank=True)
    version = models.CharField(
        _("xAPI version"), max_length=10, default="1.0.3", help_text=_("Sent in the X-Experience-API-Version header.")
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Statements are queued only when on."))
    batch_size = models.PositiveIntegerField(_("batch size"), default=100)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("external LRS")
        verbose_name_plural = _("external LRSs")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OutboxEntry(models.Model):
    """One statement waiting for, or delivered to, one external LRS."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    target = models.ForeignKey(ForwardingTarget, on_delete=models.CASCADE, related_name="outbox")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="outbox")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt = models.DateTimeField(_("next attempt"), default=timezone.now)
    created = models.DateTimeField(_("created"), default=timezone.now)
    sent = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox entry")
        verbose_name_plural = _("outbox")
        constraints = [models.UniqueConstraint(fields=["target", "statement"], name="xapi_outbox_once")]
        indexes = [models.Index(fields=["status", "target", "next_attempt"], name="xapi_outbox_due")]

    def __str__(self):
        return f"{self.statement.statement_id} → {self.target}"


@register_setting(icon="cog")
class XapiSettings(BaseGenericSetting):
    """How learners are identified in the statements the platform writes."""

    class Identity(models.TextChoices):
        ACCOUNT = "account", _("Pseudonymous account (recommended)")
        MBOX_SHA1 = "mbox_sha1sum", _("SHA-1 hash of the email address")
        MBOX = "mbox", _("Email address")

    learner_identity = models.CharField(
        _("learner identity"),
        max_length=20,
        choices=Identity.choices,
        default=Identity.ACCOUNT,
        help_text=_(
            "How a learner appears in xAPI statements sent to external LRSs. The pseudonymous account reveals "
            "nothing about the person; choose the email address only if every external LRS needs it."
        ),
    )

    class Meta:
        verbose_name = _("xAPI settings")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        page_cache.purge()  # retires the identity mode that lms.xapi.identity remembers


# cmi5's tables live with the rest of the LRS's (app "xapi"); their code is in lms/xapi/cmi5/.
from .cmi5.models import Cmi5Course, Cmi5Registration, Cmi5Session  # noqa: E402, F401
