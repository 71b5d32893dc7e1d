"""Course pages: the catalogue, courses, optional modules, lessons and quizzes.

Page tree: a hub's courses sit under its HubPage (or, without hubs, under the catalogue); lessons and quizzes
sit under a course, optionally grouped in modules. Access, progress and scoring go through ``courses.services``.
"""

import random
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseForbidden, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
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
from lms.core.page_cache import mark_cacheable, remember

from ..blocks import LessonStreamBlock, QuestionStreamBlock
from .topics import Topic


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CompletionRule(models.TextChoices):
    REQUIRED = "required", _("Every required lesson completed and every required quiz passed")
    ALL = "all", _("Every lesson completed and every quiz passed, optional ones included")
    QUIZZES = "quizzes", _("Every required quiz passed")


class CatalogPage(BasePage):
    """The course catalogue of one language: every live course, filtered by topic, hub, level and language."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown above the courses.")
    )
    courses_per_page = models.PositiveSmallIntegerField(
        _("courses per page"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("How many course cards each page of the catalogue shows."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("courses_per_page")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["core.HomePage"]
    subpage_types = []  # courses live under their hub; the catalogue only gathers them

    class Meta:
        verbose_name = _("course catalogue")

    def courses(self):
        """Every live, public course of the site in every language, with what a card shows."""
        site_root = self.get_site().root_page if self.get_site() else None
        courses = CoursePage.objects.live().public()
        if site_root is not None:
            roots = Page.objects.filter(translation_key=site_root.translation_key)
            query = models.Q()
            for root in roots:
                query |= models.Q(path__startswith=root.path)
            courses = courses.filter(query)
        return courses.select_related("topic", "cover_image", "locale").order_by("title")

    def get_context(self, request, *args, **kwargs):
        from ..forms import CatalogFilterForm
        from ..services import progress_by_course

        context = super().get_context(request, *args, **kwargs)
        form = CatalogFilterForm(request.GET or None, catalog=self)
        courses = form.filter(self.courses())
        page_obj = Paginator(courses, self.courses_per_page).get_page(request.GET.get("page"))
        listed = list(page_obj.object_list)
        progress = progress_by_course(request.user, listed)
        context.update(
            filter_form=form,
            page_obj=page_obj,
            extra_query=form.query_string(),
            cards=[(course, progress.get(course.translation_key)) for course in listed],
        )
        return context


@dataclass
class OutlineItem:
    """A lesson or quiz in a course's outline, with the learner's state."""

    page: Page
    module: Page | None
    completed: bool = False
    started: bool = False

    @property
    def is_quiz(self):
        return isinstance(self.page, QuizPage)


@dataclass
class Outline:
    """The lessons and quizzes of a course in order, grouped by module, as one learner sees them."""

    items: list[OutlineItem] = field(default_factory=list)

    def modules(self):
        """[(module or None, [items])] in course order."""
        groups = []
        for item in self.items:
            if not groups or groups[-1][0] != item.module:
                groups.append((item.module, []))
            groups[-1][1].append(item)
        return groups

    def neighbours(self, page):
        keys = [item.page.translation_key for item in self.items]
        try:
            index_ = keys.index(page.translation_key)
        except ValueError:
            return None, None
        previous = self.items[index_ - 1].page if index_ > 0 else None
        following = self.items[index_ + 1].page if index_ + 1 < len(self.items) else None
        return previous, following


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
    subpage_types = ["courses.ModulePage", "courses.LessonPage", "courses.QuizPage"]

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
        modules = {
            module.path: module
            for module in ModulePage.objects.descendant_of(self).live().defer_streamfields().select_related("locale")
        }
        pages = [
            *LessonPage.objects.descendant_of(self).live().defer_streamfields().select_related("locale"),
            *QuizPage.objects.descendant_of(self).live().defer_streamfields().select_related("locale"),
        ]
        pages.sort(key=lambda page: page.path)
        items = []
        for page in pages:
            parent_path = page.path[: -Page.steplen]
            items.append(OutlineItem(page=page, module=modules.get(parent_path)))
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
        # Anonymous readers share one cached copy (the middleware caches only for them).
        return mark_cacheable(self.render(request))

    @path("enrol/")
    def enrol_view(self, request):
        from .. import services

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return redirect_to_login(self.url)
        try:
            _enrolment, created = services.enrol(request.user, self, language=self.locale.language_code)
        except services.EnrolmentError as error:
            messages.error(request, str(error))
            response = self.render(request)
            response.status_code = 400
            return response
        if created:
            messages.success(request, gettext("You are enrolled. Start with the first lesson when you are ready."))
        return redirect(self.url)

    @path("continue/")
    def continue_view(self, request):
        """Send the learner to where they left off (or the first unfinished lesson), in this course's language."""
        from ..services import course_state

        state = course_state(request.user, self)
        target = state.next_item if state.enrolment else None
        return redirect(target.url if target else self.url)


class CourseContentMixin:
    """What modules, lessons and quizzes share: finding their course."""

    @cached_property
    def course(self):
        return remember(f"course-of:{self.pk}", self._find_course)

    def _find_course(self):
        return CoursePage.objects.ancestor_of(self).live().select_related("locale").first() or (
            CoursePage.objects.ancestor_of(self).first()
        )


class ModulePage(CourseContentMixin, BasePage):
    """An optional group of lessons and quizzes inside a course (for example 'Week 1')."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("What the module covers, in a sentence or two."))

    content_panels = BasePage.content_panels + [FieldPanel("summary")]
    search_fields = BasePage.search_fields + [index.SearchField("summary")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]

    class Meta:
        verbose_name = _("module")

    def serve(self, request, *args, **kwargs):
        # A module has no content of its own: readers land on its course's outline.
        return redirect(self.course.url if self.course else "/")


class CourseItemPage(CourseContentMixin, RoutablePageMixin, BasePage):
    """Abstract base of lessons and quizzes: only enrolled learners open them (a lesson may be a free preview)."""

    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10, help_text=_("How long a learner needs for it.")
    )
    required = models.BooleanField(
        _("required"), default=True, help_text=_("Required items count towards completing the course.")
    )

    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    subpage_types = []

    class Meta:
        abstract = True

    is_preview = False

    def access_denied(self, request, enrolment):
        """A response turning the reader away, or None when they may open the item."""
        if enrolment is not None or (self.is_preview and request.method == "GET"):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.method != "GET":
            return HttpResponseForbidden(gettext("Enrol in the course first."))
        messages.info(request, gettext("Enrol in the course to open its lessons and quizzes."))
        return redirect(self.course.url)

    def learning_context(self, request, state):
        previous, following = state.outline.neighbours(self)
        return {"state": state, "previous_item": previous, "next_item": following}


def _completion_update(percent):
    """What a lesson page's script needs to show a completion made without reloading (a video that ended)."""
    return {
        "completed": True,
        "percent": percent,
        "progress_label": gettext("%(percent)s%% complete") % {"percent": percent},
        "completed_label": gettext("completed"),
    }


class LessonPage(CourseItemPage):
    """A lesson: text, images, video with captions and transcript, documents, embeds, callouts and key points."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("What the lesson is about."))
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"), help_text=_("The lesson's content."))
    is_preview = models.BooleanField(
        _("free preview"), default=False, help_text=_("Anyone may read this lesson without enrolling.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required"), FieldPanel("is_preview")]),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = CourseItemPage.parent_page_types
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    @path("")
    def lesson(self, request):
        from .. import services
        from ..learner_cache import keep_for_learner

        state = services.course_state(request.user, self.course)
        denied = self.access_denied(request, state.enrolment)
        if denied:
            return denied
        if state.enrolment:
            services.open_item(state.enrolment, self)
        context = self.get_context(request)
        context.update(self.learning_context(request, state))
        response = TemplateResponse(request, self.get_template(request), context)
        if state.enrolment:
            keep_for_learner(request, response, state.enrolment, self)
        return mark_cacheable(response)

    @path("complete/")
    def complete(self, request):
        """Mark the lesson complete (POST); ``by=video`` when the video player reports it finished."""
        from .. import services

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        state = services.course_state(request.user, self.course)
        denied = self.access_denied(request, state.enrolment)
        if denied:
            return denied
        by = "video" if request.POST.get("by") == "video" else "learner"
        services.complete_item(state.enrolment, self, by=by)
        if request.headers.get("Accept") == "application/json":
            return JsonResponse(_completion_update(state.enrolment.progress))
        _previous, following = state.outline.neighbours(self)
        messages.success(request, gettext("Lesson completed."))
        return redirect(following.url if following else self.course.url)


class QuizPage(CourseItemPage):
    """A quiz: single-choice, multiple-choice and true-or-false questions, scored on the server."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Instructions shown above the questions.")
    )
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"), help_text=_("The questions, in order."))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The share of correct answers needed to pass."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("How many times a learner may submit the quiz; 0 for no limit.")
    )
    shuffle = models.BooleanField(
        _("shuffle questions"),
        default=False,
        help_text=_("Show the questions and their answers in a different order at each attempt."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("questions"),
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("shuffle")]),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = CourseItemPage.parent_page_types
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")

    def question_list(self, seed=None):
        """The questions as plain objects; shuffled (with their answers) reproducibly when ``seed`` is given."""
        from ..quiz import questions_from_stream

        questions = questions_from_stream(self.questions)
        if self.shuffle and seed is not None:
            rng = random.Random(seed)  # noqa: S311 - an order, not a secret
            rng.shuffle(questions)
            for question in questions:
                rng.shuffle(question.options)
        return questions

    @path("")
    def quiz(self, request):
        from .. import services
        from ..learner_cache import keep_for_learner

        state = services.course_state(request.user, self.course)
        denied = self.access_denied(request, state.enrolment)
        if denied:
            return denied
        if request.method == "POST":
            return self.submit(request, state)
        services.open_item(state.enrolment, self)
        return keep_for_learner(request, self.render_quiz(request, state), state.enrolment, self)

    def render_quiz(self, request, state, errors=None, status=200):
        from .. import services

        attempts = services.attempts_for(state.enrolment, self)
        number = len(attempts) + 1
        context = self.get_context(request)
        context.update(self.learning_context(request, state))
        context.update(
            attempts=attempts,
            passed=any(attempt.passed for attempt in attempts),
            attempts_left=None if not self.max_attempts else max(self.max_attempts - len(attempts), 0),
            questions=self.question_list(seed=services.shuffle_seed(state.enrolment, self, number)),
            errors=errors or {},
            chosen=request.POST if request.method == "POST" else {},
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def submit(self, request, state):
        from .. import services

        try:
            attempt = services.submit_quiz(state.enrolment, self, request.POST, language=self.locale.language_code)
        except services.QuizError as error:
            messages.error(request, str(error))
            return self.render_quiz(request, state, errors=error.unanswered, status=400)
        return redirect(self.url + self.reverse_subpage("attempt", args=[attempt.number]))

    @path("attempts/<int:number>/", name="attempt")
    def attempt(self, request, number):
        from django.http import Http404

        from .. import services

        state = services.course_state(request.user, self.course)
        denied = self.access_denied(request, state.enrolment)
        if denied:
            return denied
        attempt = services.attempts_for(state.enrolment, self).filter(number=number).first()
        if attempt is None:
            raise Http404
        context = self.get_context(request)
        context.update(self.learning_context(request, state))
        context.update(attempt=attempt, review=services.review_attempt(attempt, self))
        return TemplateResponse(request, "courses/quiz_attempt.html", context)
