"""The programme: themes, axes, people, and sessions with their speakers and materials.

Sessions are translatable snippets: each language has its own row (title, description) sharing the
``translation_key`` of the English original. What does not depend on the language (times, kind, room,
links, theme and axis codes) is kept identical across the rows: saving a session copies it to its
translations, so the calendar UID (built from the translation key) and SEQUENCE stay the same everywhere.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from ..languages import language_names, validate_language_codes


class CodedOrderable(TranslatableMixin, Orderable):
    """A theme or axis of a conference: a short code shared by every translation, a title and a text."""

    code = models.CharField(
        _("code"), max_length=4, help_text=_("Short label kept in every language, for example 'a' or '1'.")
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("For example 'Artificial intelligence'."))
    description = models.TextField(_("description"), blank=True, help_text=_("One paragraph presenting it."))

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("title")]), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.code}. {self.title}"


class ConferenceTheme(CodedOrderable):
    page = ParentalKey("conference.ConferencePage", on_delete=models.CASCADE, related_name="themes")

    class Meta(CodedOrderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["page", "code"], name="conference_theme_code_unique")]


class ConferenceAxis(CodedOrderable):
    page = ParentalKey("conference.ConferencePage", on_delete=models.CASCADE, related_name="axes")

    class Meta(CodedOrderable.Meta):
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        constraints = [models.UniqueConstraint(fields=["page", "code"], name="conference_axis_code_unique")]


class Person(index.Indexed, models.Model):
    """A speaker or moderator: name, parliament (or other organisation) and position."""

    name = models.CharField(_("name"), max_length=150, help_text=_("As it should appear in the programme."))
    parliament = models.ForeignKey(
        "core.Parliament",
        verbose_name=_("parliament"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conference_people",
        help_text=_("Leave empty for someone who does not work for a parliament."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For people outside parliaments, for example 'Inter-Parliamentary Union'."),
    )
    position = models.CharField(
        _("position"), max_length=200, blank=True, help_text=_("For example 'Secretary General'.")
    )

    panels = [FieldPanel("name"), FieldPanel("parliament"), FieldPanel("organisation"), FieldPanel("position")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @property
    def affiliation(self):
        return str(self.parliament) if self.parliament_id else self.organisation


class SessionQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("theme", "axis", "locale").prefetch_related("participants__person__parliament")

    def running_at(self, moment):
        return self.filter(start__lte=moment, end__gt=moment)

    def starting_after(self, moment):
        return self.filter(start__gt=moment)


class Session(TranslatableMixin, index.Indexed, ClusterableModel):
    """One slot of the programme: a plenary, a breakout, a workshop or a showcase."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        BREAKOUT = "breakout", _("Breakout")
        WORKSHOP = "workshop", _("Workshop")
        SHOWCASE = "showcase", _("Showcase")

    conference = models.ForeignKey(
        "conference.ConferencePage",
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="sessions",
        help_text=_("The conference page, in this session's language."),
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("The session's title in the programme."))
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_("Used in the session's web address; made from the title when empty, the same in every language."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.BREAKOUT, help_text=_("The session's format.")
    )
    theme = models.ForeignKey(
        "conference.ConferenceTheme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text=_("One of the conference's themes (a to e)."),
    )
    axis = models.ForeignKey(
        "conference.ConferenceAxis",
        verbose_name=_("axis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text=_("Think-tank, peer exchange or co-creation of how-to guides."),
    )
    start = models.DateTimeField(
        _("starts"), help_text=_("As read in the conference's time zone, for example 14:00 in Geneva.")
    )
    end = models.DateTimeField(
        _("ends"), help_text=_("As read in the conference's time zone, for example 14:00 in Geneva.")
    )
    room = models.CharField(
        _("room"), max_length=100, blank=True, help_text=_("Online room or hall, for example 'Plenary'.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("What the session is about."))
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes spoken on the floor, separated by commas, for example 'en, fr'."),
    )
    interpretation = models.CharField(
        _("interpretation"),
        max_length=60,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes of simultaneous interpretation, for example 'en, fr, es, ar'."),
    )
    live_url = models.URLField(
        _("live stream"), blank=True, help_text=_("Where to watch or join the session while it runs.")
    )
    sequence = models.PositiveIntegerField(
        _("revision"), default=0, editable=False, help_text=_("Raised each time the session's schedule changes.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("conference"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("theme"), FieldPanel("axis")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("room")]),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("languages"), FieldPanel("interpretation")], heading=_("Languages")),
        FieldPanel("live_url"),
        InlinePanel("participants", heading=_("Speakers and moderators"), label=_("Person")),
        InlinePanel("materials", heading=_("Materials"), label=_("Material")),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]

    # Fields that mean the same in every language: copied to translations; a change raises SEQUENCE.
    SCHEDULE_FIELDS = ("slug", "kind", "start", "end", "room", "languages", "interpretation", "live_url")
    CALENDAR_FIELDS = ("title", "description", "start", "end", "room", "live_url")

    class Meta(TranslatableMixin.Meta):
        ordering = ["start", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [models.UniqueConstraint(fields=["conference", "slug"], name="conference_session_slug_unique")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A session must end after it starts.")})
        for field in ("theme", "axis"):
            chosen = getattr(self, field)
            if chosen is not None and self.conference_id and chosen.page_id != self.conference_id:
                raise ValidationError({field: _("Choose one of this conference's own themes and axes.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:120] or "session"
        self._align_with_locale()
        self._raise_sequence_when_changed()
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._copy_schedule_to_translations()

    def _align_with_locale(self):
        """Point conference, theme and axis at the rows of this session's language (a copied
        translation starts out pointing at the original's)."""
        if not self.conference_id or not self.locale_id or self.conference.locale_id == self.locale_id:
            return
        conference = self.conference.get_translation_or_none(self.locale)
        if conference is None:
            return
        conference = conference.specific
        self.conference = conference
        self.theme = conference.themes.filter(code=self.theme.code).first() if self.theme_id else None
        self.axis = conference.axes.filter(code=self.axis.code).first() if self.axis_id else None

    def _raise_sequence_when_changed(self):
        if self.pk is None:
            return
        before = type(self).objects.filter(pk=self.pk).values(*self.CALENDAR_FIELDS).first()
        if before and any(before[name] != getattr(self, name) for name in self.CALENDAR_FIELDS):
            self.sequence = max(self.sequence, self._highest_sequence()) + 1

    def _highest_sequence(self):
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .aggregate(models.Max("sequence"))["sequence__max"]
            or 0
        )

    def _copy_schedule_to_translations(self):
        translations = type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        for other in translations.select_related("conference"):
            changed = [name for name in self.SCHEDULE_FIELDS if getattr(other, name) != getattr(self, name)]
            theme = other.conference.themes.filter(code=self.theme.code).first() if self.theme_id else None
            axis = other.conference.axes.filter(code=self.axis.code).first() if self.axis_id else None
            if not changed and other.sequence == self.sequence and other.theme == theme and other.axis == axis:
                continue
            values = {name: getattr(self, name) for name in self.SCHEDULE_FIELDS}
            values.update(sequence=self.sequence, theme=theme, axis=axis, updated_at=timezone.now())
            type(self).objects.filter(pk=other.pk).update(**values)

    # Behaviour

    @cached_property
    def speakers(self):
        return [p.person for p in self.participants.all() if p.role == SessionParticipant.Role.SPEAKER]

    @cached_property
    def moderators(self):
        return [p.person for p in self.participants.all() if p.role == SessionParticipant.Role.MODERATOR]

    def language_names(self):
        return language_names(self.languages)

    def interpretation_names(self):
        return language_names(self.interpretation)

    def is_running(self, moment):
        return self.start <= moment < self.end

    def is_over(self, moment):
        return moment >= self.end

    @property
    def duration(self):
        return self.end - self.start

    def recording(self):
        """The published video recording of this session, in whichever language row it was attached to."""
        from .videos import VideoEntry

        return VideoEntry.objects.published().filter(session__translation_key=self.translation_key).first()

    def get_url(self, request=None):
        return self.conference.session_url(self.slug)

    def get_full_url(self):
        return self.conference.full_url + self.conference.reverse_subpage("session", kwargs={"slug": self.slug})

    def calendar_uid(self, domain):
        return f"session-{self.translation_key}@{domain}"


class SessionParticipant(Orderable):
    """A person taking part in a session as speaker or moderator."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        MODERATOR = "moderator", _("Moderator")

    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="session_roles",
        help_text=_("Add people under Snippets > People first."),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER, help_text=_("Speaker or moderator.")
    )

    panels = [FieldRowPanel([FieldPanel("person"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker or moderator")


class SessionMaterial(Orderable):
    """A document or link handed out for a session (slides, background paper)."""

    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200, help_text=_("For example 'Slides'."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A file from the document library."),
    )
    url = models.URLField(_("or an address"), blank=True, help_text=_("A link, when there is no file."))

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("document"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("material")

    def clean(self):
        if bool(self.document_id) == bool(self.url):
            raise ValidationError({"url": _("Choose a document or give an address, not both.")})

    @property
    def href(self):
        return self.document.url if self.document_id else self.url
