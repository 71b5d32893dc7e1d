"""What sits under a course: modules, and the lessons and quizzes learners open, with their learner routes."""

import random

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseForbidden, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from lms.core.models import BasePage
from lms.core.page_cache import mark_cacheable, remember
from lms.core.skeleton import render_around_personal_parts

from ..blocks import LessonStreamBlock, QuestionStreamBlock
from .course import CoursePage


class CourseContentMixin:
    """What modules, lessons and quizzes share: finding their course."""

    menu_section = "courses.catalogpage"  # the main menu's "Courses", though they sit under a hub

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
    subpage_types = ["courses.LessonPage", "courses.QuizPage", "courses.PackageLessonPage"]

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
    is_quiz = False

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

        state = services.course_state(request.user, self.course)
        denied = self.access_denied(request, state.enrolment)
        if denied:
            return denied
        if state.enrolment:
            services.open_item(state.enrolment, self, started=state.has_started(self))
        context = self.get_context(request)
        context.update(self.learning_context(request, state))
        return mark_cacheable(render_around_personal_parts(request, self.get_template(request), context))

    def h5p_requirements(self):
        """{activity key: (H5P activity, "completed" or "passed")} of the H5P blocks that complete the lesson."""
        return {
            str(block.value["activity"].key): (block.value["activity"], block.value["completion"])
            for block in self.body
            if block.block_type == "h5p" and block.value["activity"] and block.value["completion"] != "none"
        }

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
        by = request.POST.get("by")
        if by == "activity":
            try:
                services.complete_by_activity(state.enrolment, self, request.POST.get("activity", ""))
            except services.ActivityNotFinished as error:
                return JsonResponse({"error": str(error)}, status=400)
        else:
            services.complete_item(state.enrolment, self, by="video" if by == "video" else "learner")
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
    show_correctness = models.BooleanField(
        _("show right and wrong answers after each attempt"),
        default=False,
        help_text=_(
            "Off: after an attempt that did not pass, learners see their score and their answers, but not which "
            "were right, until they pass or have no attempt left (so a true-or-false quiz is not solved by "
            "elimination). On: each answer is marked right or wrong, with its feedback."
        ),
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
        FieldPanel("show_correctness"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = CourseItemPage.parent_page_types
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")

    is_quiz = True

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

        state = services.course_state(request.user, self.course)
        denied = self.access_denied(request, state.enrolment)
        if denied:
            return denied
        if request.method == "POST":
            return self.submit(request, state)
        services.open_item(state.enrolment, self, started=state.has_started(self))
        return self.render_quiz(request, state)

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
