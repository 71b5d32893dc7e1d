"""Page types of the conference: the conference itself, its video library, showcase and how-to guides."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from lms.core.blocks import BodyStreamBlock
from lms.core.models import BasePage


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("'%(zone)s' is not an IANA time zone such as Europe/Zurich."), params={"zone": value}
        ) from error


class ConferencePage(RoutablePageMixin, BasePage):
    """A World e-Parliament Conference: its themes, axes and programme, with calendar and schedule exports."""

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    edition = models.CharField(_("edition"), max_length=60, help_text=_("For example '2021' or 'virtual 2021'."))
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("Short name for calendars and apps, for example 'WeP2021'."),
    )
    start_date = models.DateField(_("first day"), help_text=_("In the conference's time zone."))
    end_date = models.DateField(_("last day"), help_text=_("In the conference's time zone."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Zurich",
        validators=[validate_time_zone],
        help_text=_("IANA name; Geneva is Europe/Zurich."),
    )
    time_zone_city = models.CharField(
        _("time zone city"), max_length=60, default="Geneva", help_text=_("Named next to times: '14:00 CEST, Geneva'.")
    )
    mode = models.CharField(
        _("attendance"), max_length=20, choices=Mode.choices, default=Mode.ONLINE, help_text=_("How people attend.")
    )
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Hall or platform, for example 'Online (Zoom)'.")
    )
    venue_address = models.CharField(
        _("venue address"), max_length=255, blank=True, help_text=_("Street address, for in-person or hybrid events.")
    )
    online_url = models.URLField(
        _("online platform"), blank=True, help_text=_("Where participants join online (the virtual location).")
    )
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("One or two paragraphs."))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("Practical information."))
    registration_url = models.URLField(_("registration link"), blank=True, help_text=_("Where to register."))
    contact_email = models.EmailField(_("contact"), blank=True, help_text=_("For questions about the conference."))

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("edition"), FieldPanel("acronym")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("time_zone"), FieldPanel("time_zone_city")]),
        MultiFieldPanel(
            [FieldPanel("mode"), FieldPanel("venue"), FieldPanel("venue_address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("contact_email")]),
        InlinePanel("themes", heading=_("Themes"), label=_("Theme")),
        InlinePanel("axes", heading=_("Axes"), label=_("Axis")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["core.HomePage"]
    subpage_types = [
        "conference.VideoLibraryPage",
        "conference.ShowcasePage",
        "conference.HowToGuidePage",
    ]

    class Meta:
        verbose_name = _("conference")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first.")})

    # Data

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def acronym_slug(self):
        return slugify(self.acronym or self.title)

    @cached_property
    def cached_url(self):
        return self.url

    def session_url(self, slug):
        return self.cached_url + self.reverse_subpage("session", kwargs={"slug": slug})

    def programme_sessions(self):
        return self.sessions.for_listing()

    def is_running(self, moment):
        first = timezone.make_aware(timezone.datetime.combine(self.start_date, timezone.datetime.min.time()), self.zone)
        last = timezone.make_aware(timezone.datetime.combine(self.end_date, timezone.datetime.max.time()), self.zone)
        return first <= moment <= last

    def now_and_next(self, moment):
        """Sessions running at ``moment`` and those starting next (same start time), during the event only."""
        if not self.is_running(moment):
            return [], []
        sessions = self.programme_sessions()
        running = list(sessions.running_at(moment))
        upcoming = sessions.starting_after(moment)
        first = upcoming.first()
        following = list(upcoming.filter(start=first.start)) if first else []
        return running, following

    def theme_titles(self):
        return {theme.code: theme for theme in self.themes.all()}

    def child_of_type(self, model):
        return model.objects.child_of(self).live().public().first()

    def how_to_guides(self):
        return HowToGuidePage.objects.child_of(self).live().public().select_related("theme", "session")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conference"] = self
        return context

    # Routes

    @path("")
    def overview(self, request):
        from ..views import conference_overview

        return conference_overview(self, request)

    @path("programme/")
    def programme(self, request):
        from ..views import programme

        return programme(self, request)

    @path("calendar/")
    def programme_calendar(self, request):
        from ..views import programme_calendar

        return programme_calendar(self, request)

    @path("schedule/")
    def schedule_json(self, request):
        from ..views import schedule_json

        return schedule_json(self, request)

    @path("sessions/<slug:slug>/", name="session")
    def session(self, request, slug):
        from ..views import session_detail

        return session_detail(self, request, slug)

    @path("sessions/<slug:slug>/calendar/", name="session_calendar")
    def session_calendar(self, request, slug):
        from ..views import session_calendar

        return session_calendar(self, request, slug)


class VideoLibraryPage(RoutablePageMixin, BasePage):
    """The conference's video library: plenary recordings and showcase videos, with a page per video."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list of videos."))

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["conference.ConferencePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video library")

    @cached_property
    def conference(self):
        return self.get_parent().specific

    def videos(self):
        from .videos import VideoEntry

        return VideoEntry.objects.published().of_conference(self.conference).for_listing()

    def video_url(self, video):
        return self.url + self.reverse_subpage("video", kwargs={"slug": video.slug})

    @path("")
    def index(self, request):
        from ..views import video_library

        return video_library(self, request)

    @path("<slug:slug>/", name="video")
    def video(self, request, slug):
        from ..views import video_detail

        return video_detail(self, request, slug)


class ShowcasePage(RoutablePageMixin, BasePage):
    """The parliaments' showcase: guidelines for short videos and the form to propose one."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("What the showcase is."))
    guidelines = StreamField(
        BodyStreamBlock(), blank=True, verbose_name=_("guidelines"), help_text=_("What a showcase video must be.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("guidelines")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("guidelines")]

    parent_page_types = ["conference.ConferencePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("showcase")

    @cached_property
    def conference(self):
        return self.get_parent().specific

    def submissions_of(self, user):
        return user.showcase_submissions.filter(conference=self.conference).select_related("parliament", "theme")

    @path("")
    def index(self, request):
        from ..views import showcase_index

        return showcase_index(self, request)

    @path("submit/", name="submit")
    def submit(self, request):
        from ..views import showcase_submit

        return showcase_submit(self, request)

    @path("my-submissions/", name="mine")
    def mine(self, request):
        from ..views import showcase_mine

        return showcase_mine(self, request)


class HowToGuidePage(BasePage):
    """A how-to guide written together in a co-creation session: practical advice on one key problem."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("The problem the guide solves."))
    session = models.ForeignKey(
        "conference.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="how_to_guides",
        help_text=_("The co-creation session the guide comes from."),
    )
    theme = models.ForeignKey(
        "conference.ConferenceTheme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="how_to_guides",
        help_text=_("The conference theme it belongs to."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"), help_text=_("The guide's steps."))

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("session"), FieldPanel("theme")]),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["conference.ConferencePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("how-to guide")

    @cached_property
    def conference(self):
        return self.get_parent().specific

    def localised_session(self):
        """The guide's session in the page's language (falls back to the one chosen)."""
        if not self.session_id:
            return None
        return self.session.get_translation_or_none(self.locale) or self.session

    def localised_theme(self):
        if not self.theme_id:
            return None
        return self.conference.theme_titles().get(self.theme.code, self.theme)
