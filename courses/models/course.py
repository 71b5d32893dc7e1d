"""The course page: its description, enrolment rules and outline, and the learner's enrol and continue routes."""

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hubs.tree import hub_for_page
from lms.core.models import BasePage
from lms.core.page_cache import remember

from .outline import Outline, OutlineItem
from .topics import Topic


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CompletionRule(models.TextChoices):
    REQUIRED = "required", _("Every required lesson completed and every required quiz passed")
    ALL = "all", _("Every lesson completed and every quiz passed, optional ones included")
    QUIZZES = "quizzes", _("Every required quiz passed")


class CoursePage(RoutablePageMixin, BasePage):
    """A course: its description, its enrolment rules, and the modules, lessons and quizzes under it."""

    summary = models.TextField(_("summary"), max_length=600, help_text=_("Two or three sentences shown on the card."))
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The subject the catalogue lists the course under."),
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER, help_text=_("Who the course is for.")
    )
    duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"),
        default=60,
        validators=[MinValueValidator(1)],
        help_text=_("How long a learner needs for the whole course."),
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=300))],
        blank=True,
        verbose_name=_("learning objectives"),
        help_text=_("What a learner will be able to do after the course, one per line."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        verbose_name=_("prerequisites"),
        related_name="+",
        help_text=_(
            "Courses to complete first: learners enrol only once they completed each of them; "
            "hosts may still enrol learners in bulk."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the card and at the top of the course; describe it in the image's alt text."),
    )
    issues_certificate = models.BooleanField(
        _("issues a certificate"), default=True, help_text=_("Give learners a verifiable certificate on completion.")
    )
    completion_rule = models.CharField(
        _("completion rule"),
        max_length=12,
        choices=CompletionRule.choices,
        default=CompletionRule.REQUIRED,
        help_text=_("What a learner must do to complete the course."),
    )
    enrolment_open = models.BooleanField(
        _("enrolment open"),
        default=True,
        help_text=_("Let learners enrol themselves; hosts can always enrol learners in bulk."),
    )
    enrolment_starts = models.DateTimeField(
        _("enrolment opens"), null=True, blank=True, help_text=_("Leave empty to open enrolment now.")
    )
    enrolment_ends = models.DateTimeField(
        _("enrolment closes"), null=True, blank=True, help_text=_("Leave empty to keep enrolment open.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("level"), FieldPanel("duration_minutes")]),
        FieldPanel("cover_image"),
        FieldPanel("objectives"),
        FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("completion_rule"),
                FieldPanel("issues_certificate"),
                FieldPanel("enrolment_open"),
                FieldRowPanel([FieldPanel("enrolment_starts"), FieldPanel("enrolment_ends")]),
            ],
            heading=_("Enrolment and completion"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("level"),
        index.FilterField("topic"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["hubs.HubPage"]
    subpage_types = ["courses.ModulePage", "courses.LessonPage", "courses.QuizPage", "courses.PackageLessonPage"]

    # A course sits under its hub in the tree, but readers come to it through the main menu's "Courses".
    menu_section = "courses.catalogpage"

    class Meta:
        verbose_name = _("course")

    # Behaviour

    @cached_property
    def hub(self):
        """The hub that offers the course: its HubPage ancestor, if any."""
        return hub_for_page(self)

    def enrolment_window_state(self, now=None):
        """'open', 'closed', 'not_yet' or 'ended': whether learners may enrol themselves now."""
        now = now or timezone.now()
        if not self.enrolment_open:
            return "closed"
        if self.enrolment_starts and now < self.enrolment_starts:
            return "not_yet"
        if self.enrolment_ends and now > self.enrolment_ends:
            return "ended"
        return "open"

    def outline(self):
        """The live lessons and quizzes in tree order, grouped by module, kept until the next publication.

        Built in three queries whatever their number; each call returns fresh items, ready to mark for a learner.
        """
        return remember(f"course-outline:{self.translation_key}:{self.locale_id}", self._build_outline)

    def _build_outline(self):
        from .items import LessonPage, ModulePage, QuizPage  # they import this module to find their course
        from .packages import PackageLessonPage, package_items_by_package

        modules = {
            module.path: module
            for module in ModulePage.objects.descendant_of(self).live().defer_streamfields().select_related("locale")
        }
        pages = [
            page
            for model in (LessonPage, QuizPage, PackageLessonPage)
            for page in model.objects.descendant_of(self).live().defer_streamfields().select_related("locale")
        ]
        pages.sort(key=lambda page: page.path)
        package_items = package_items_by_package(page.package_id for page in pages if hasattr(page, "package_id"))
        items = []
        for page in pages:
            module = modules.get(page.path[: -Page.steplen])
            if isinstance(page, PackageLessonPage):
                units = package_items.get(page.package_id, [])
                items.extend(OutlineItem(page=page, module=module, package_item=unit) for unit in units)
            else:
                items.append(OutlineItem(page=page, module=module))
        return Outline(items=items)

    def live_prerequisites(self):
        """The prerequisite courses that count: live and public (an unpublished one no longer blocks anyone)."""
        # Through the ids, because an unsaved page (an admin preview) holds its relations in memory.
        return CoursePage.objects.live().public().filter(pk__in=self.prerequisites.values_list("id", flat=True))

    def prerequisite_courses(self):
        """The prerequisites, in the reader's language where a translation exists."""
        return [course.localized for course in self.live_prerequisites()]

    def get_context(self, request, *args, **kwargs):
        from ..services import course_state, prerequisites_for

        context = super().get_context(request, *args, **kwargs)
        context["state"] = course_state(request.user, self)
        context["window"] = self.enrolment_window_state()
        context["prerequisites"] = prerequisites_for(request.user, self)
        context["prerequisites_missing"] = [item.course for item in context["prerequisites"] if not item.completed]
        return context

    @path("")
    def course_home(self, request):
        from ..page_views import course_home

        return course_home(self, request)

    @path("enrol/")
    def enrol_view(self, request):
        from ..page_views import enrol

        return enrol(self, request)

    @path("continue/")
    def continue_view(self, request):
        from ..page_views import continue_course

        return continue_course(self, request)
