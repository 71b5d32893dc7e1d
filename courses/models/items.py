"""What sits under a course: modules, and the lessons and quizzes learners open, with their learner routes."""

import random

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from lms.core.models import BasePage
from lms.core.page_cache import remember

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
        from ..page_views import lesson

        return lesson(self, request)

    def h5p_requirements(self):
        """{activity key: (H5P activity, "completed" or "passed")} of the H5P blocks that complete the lesson."""
        return {
            str(block.value["activity"].key): (block.value["activity"], block.value["completion"])
            for block in self.body
            if block.block_type == "h5p" and block.value["activity"] and block.value["completion"] != "none"
        }

    @property
    def complete_url(self):
        return self.url + self.reverse_subpage("complete")

    @path("complete/")
    def complete(self, request):
        from ..page_views import complete_lesson

        return complete_lesson(self, request)


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
        from ..page_views import quiz

        return quiz(self, request)

    @path("attempts/<int:number>/", name="attempt")
    def attempt(self, request, number):
        from ..page_views import quiz_attempt

        return quiz_attempt(self, request, number)
