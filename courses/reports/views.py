"""The report pages of the Wagtail admin; each renders a filtered table and downloads it as CSV or XLSX."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_countries import countries
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.core.models import Parliament

from ..models import CoursePage, Enrolment
from . import queries
from .charts import Series, line_chart
from .exports import FORMATS, Table, export_response
from .filters import LearnerReportFilter, ParliamentReportFilter, ReportFilter
from .scope import scope_for_request

COURSES_PER_PAGE = 25
LEARNERS_PER_PAGE = 50
ROWS_PER_PAGE = 50
EXPORT_CHUNK = 2000


def country_name(code):
    return str(countries.name(code)) if code else ""


def region_name(value):
    return str(Parliament.Region(value).label) if value in Parliament.Region.values else ""


def report_links():
    """The report tabs."""
    return [
        ("courses", _("Courses"), reverse("course_reports:courses")),
        ("learners", _("Learners"), reverse("course_reports:learners")),
        ("parliaments", _("Parliaments"), reverse("course_reports:parliaments")),
        ("quizzes", _("Quiz questions"), reverse("course_reports:quizzes")),
    ]


class ReportView(WagtailAdminTemplateMixin, View):
    """Common flow: check the scope, read the filters (400 on bad input), then render or export."""

    template_name = "courses/reports/report.html"
    header_icon = "table"
    report_name = ""
    filterset_class = ReportFilter

    def dispatch(self, request, *args, **kwargs):
        # A plain 403 rather than Wagtail's redirect to the dashboard: the answer to "may I see this?" is no.
        try:
            self.scope = scope_for_request(request)
            if self.scope is None:
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return HttpResponseForbidden(gettext("These reports are not yours to see."))

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(request.GET, scope=self.scope)
        export = request.GET.get("export")
        if export and export not in FORMATS:
            return HttpResponseBadRequest(gettext("Unknown export format: choose csv or xlsx."))
        if self.filterset.invalid:
            return self.render_report({}, status=400)
        if export:
            return export_response(self.table(), export)
        return self.render_report(self.report_context())

    def render_report(self, extra, status=200):
        context = self.get_context_data(
            filter=self.filterset,
            report=self.report_name,
            report_links=report_links(),
            scope=self.scope,
            export_query=self.filterset.query_string(),
            **extra,
        )
        return render(self.request, self.template_name, context, status=status)

    def enrolments(self):
        return self.filterset.qs.all()

    def report_context(self):
        raise NotImplementedError

    def table(self):
        raise NotImplementedError


class CourseReportView(ReportView):
    """Per course: enrolled, active, in progress, completed, completion rate, median time, average score."""

    page_title = _("Course report")
    report_name = "courses"
    template_name = "courses/reports/courses.html"

    def courses(self):
        keys = self.filterset.course_keys()
        courses = list(self.scope.courses.values())
        return courses if keys is None else [course for course in courses if course.key in keys]

    def report_context(self):
        page = Paginator(self.courses(), COURSES_PER_PAGE).get_page(self.request.GET.get("page"))
        stats = queries.course_stats(self.enrolments(), [course.key for course in page.object_list])
        rows = [(course, stats[course.key]) for course in page.object_list]
        return {"page_obj": page, "rows": rows}

    def table(self):
        courses = self.courses()
        columns = [
            _("Course"), _("Hub"), _("Enrolled"), _("Active in the last 30 days"), _("Not started"),
            _("In progress"), _("Completed"), _("Completion rate (%)"), _("Median days to complete"),
            _("Average quiz score (%)"),
        ]  # fmt: skip

        def rows():
            for start in range(0, len(courses), COURSES_PER_PAGE):
                chunk = courses[start : start + COURSES_PER_PAGE]
                stats = queries.course_stats(self.enrolments(), [course.key for course in chunk])
                for course in chunk:
                    entry = stats[course.key]
                    yield (
                        course.title, course.hub.title if course.hub else "", entry.enrolled, entry.active,
                        entry.not_started, entry.in_progress, entry.completed, entry.completion_rate,
                        entry.median_days, entry.average_score,
                    )  # fmt: skip

        return Table(name="courses", columns=columns, rows=rows())


class CourseDetailView(ReportView):
    """One course: its numbers, a chart of enrolments and completions, and where learners stop."""

    report_name = "courses"
    template_name = "courses/reports/course_detail.html"

    def get(self, request, key):
        key = str(key)
        if not CoursePage.objects.filter(translation_key=key).exists():
            raise Http404
        self.scope.check_course(key)
        self.course = self.scope.courses[key]
        return super().get(request)

    def get_page_title(self):
        return self.course.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("course_reports:courses"), "label": gettext("Course report")},
            {"url": "", "label": self.course.title},
        ]

    def enrolments(self):
        return super().enrolments().filter(course_key=self.course.key)

    def course_page(self):
        pages = CoursePage.objects.filter(pk__in=self.course.page_ids).select_related("locale")
        return next((page for page in pages if page.title == self.course.title), pages.first())

    def date_range(self):
        values = self.filterset.values
        end = values.get("date_to") or timezone.localdate()
        start = values.get("date_from")
        if start is None:
            first = self.enrolments().order_by("enrolled_at").values_list("enrolled_at", flat=True).first()
            start = max(timezone.localdate(first) if first else end, end - timedelta(days=365))
            start = min(start, end - timedelta(days=29))
        return start, end

    def report_context(self):
        enrolments = self.enrolments()
        stats = queries.course_stats(enrolments, [self.course.key])[self.course.key]
        start, end = self.date_range()
        step, periods = queries.timeline(enrolments, start, end)
        chart = line_chart(
            [period.start.isoformat() for period in periods],
            [
                Series(gettext("Enrolments"), "enrolments", [period.enrolments for period in periods]),
                Series(gettext("Completions"), "completions", [period.completions for period in periods]),
            ],
        )
        return {
            "course": self.course,
            "stats": stats,
            "funnel": queries.lesson_funnel(enrolments, self.course_page()),
            "chart": chart,
            "periods": periods,
            "step": step,
            "range_start": start,
            "range_end": end,
        }

    def table(self):
        funnel = queries.lesson_funnel(self.enrolments(), self.course_page())
        return Table(
            name="course-lessons",
            columns=[
                _("Lesson or quiz"),
                _("Type"),
                _("Opened"),
                _("Completed"),
                _("Stopped here"),
                _("Sessions or attempts"),
                _("Average score (%)"),
            ],
            rows=(
                (
                    item.title,
                    gettext("Quiz") if item.is_quiz else gettext("Activity") if item.is_package else gettext("Lesson"),
                    item.opened,
                    item.completed,
                    item.stopped,
                    item.sessions,
                    item.average_score,
                )
                for item in funnel
            ),
        )


class LearnerReportView(ReportView):
    """Each learner's progress across the courses in scope."""

    page_title = _("Learner report")
    report_name = "learners"
    template_name = "courses/reports/learners.html"
    filterset_class = LearnerReportFilter

    def report_context(self):
        from django.contrib.auth import get_user_model

        enrolments = self.enrolments()
        page = Paginator(queries.learner_rows(enrolments), LEARNERS_PER_PAGE).get_page(self.request.GET.get("page"))
        rows = list(page.object_list)
        ids = [row["user"] for row in rows]
        users = get_user_model().objects.select_related("parliament").in_bulk(ids)
        courses = {}
        for enrolment in enrolments.filter(user__in=ids).only(
            "user_id", "course_key", "course_title", "progress", "status"
        ):
            courses.setdefault(enrolment.user_id, []).append(enrolment)
        for row in rows:
            row["learner"] = users[row["user"]]
            row["enrolments"] = sorted(courses.get(row["user"], []), key=lambda e: e.course_title)
            row["average_progress"] = round(row["average_progress"] or 0)
        return {"page_obj": page, "rows": rows}

    def table(self):
        columns = [
            _("Learner"), _("Email"), _("Parliament"), _("Country"), _("Course"), _("Language"), _("Enrolled"),
            _("Progress (%)"), _("Status"), _("Completed"), _("Last activity"),
        ]  # fmt: skip
        fields = (
            "user__full_name", "user__email", "user__parliament__name", "user__parliament__country",
            "user__country", "course_title", "language", "enrolled_at", "progress", "status", "completed_at",
            "last_activity_at",
        )  # fmt: skip
        statuses = {value: str(label) for value, label in Enrolment.Status.choices}
        rows_query = self.enrolments().order_by("user__email", "course_title").values_list(*fields)
        country_names = {}

        def country_name_once(code):
            if code not in country_names:
                country_names[code] = country_name(code)
            return country_names[code]

        def rows():
            for name, email, parliament, country, user_country, *rest in rows_query.iterator(chunk_size=EXPORT_CHUNK):
                title, language, enrolled, progress, status, completed, last = rest
                yield (
                    name, email, parliament or "", country_name_once(country or user_country), title, language,
                    enrolled, progress, statuses.get(status, status), completed, last,
                )  # fmt: skip

        return Table(name="learners", columns=columns, rows=rows())


class ParliamentReportView(ReportView):
    """Learners and completions by parliament, by country or by region."""

    page_title = _("Parliament report")
    report_name = "parliaments"
    template_name = "courses/reports/parliaments.html"
    filterset_class = ParliamentReportFilter

    @property
    def by(self):
        return self.filterset.grouping

    def labelled_rows(self, rows):
        for row in rows:
            enrolments, completions = row["enrolments"], row["completions"]
            yield {
                "parliament": row.get("user__parliament__name") or gettext("No parliament given"),
                "country": country_name(row.get("user__parliament__country")),
                "region": region_name(row.get("user__parliament__region")),
                "learners": row["learners"],
                "enrolments": enrolments,
                "completions": completions,
                "rate": round(100 * completions / enrolments, 1) if enrolments else None,
            }

    def columns(self):
        first = {
            "parliament": [_("Parliament"), _("Country"), _("Region")],
            "country": [_("Country")],
            "region": [_("Region")],
        }[self.by]
        return [*first, _("Learners"), _("Enrolments"), _("Completions"), _("Completion rate (%)")]

    def report_context(self):
        rows = queries.parliament_rows(self.enrolments(), self.by)
        page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("page"))
        return {
            "page_obj": page,
            "rows": list(self.labelled_rows(page.object_list)),
            "by": self.by,
            "columns": self.columns(),
        }

    def table(self):
        keys = {"parliament": ["parliament", "country", "region"], "country": ["country"], "region": ["region"]}
        leading = keys[self.by]
        rows = self.labelled_rows(queries.parliament_rows(self.enrolments(), self.by))
        return Table(
            name=f"learners-by-{self.by}",
            columns=self.columns(),
            rows=(
                (*(row[key] for key in leading), row["learners"], row["enrolments"], row["completions"], row["rate"])
                for row in rows
            ),
        )


class QuizReportView(ReportView):
    """Quiz item analysis: per question, how many answered, the share correct, the most chosen wrong answer."""

    page_title = _("Quiz item analysis")
    report_name = "quizzes"
    template_name = "courses/reports/quizzes.html"

    def report_context(self):
        questions = queries.question_stats(self.enrolments())
        quizzes = {}
        for question in questions:
            quizzes.setdefault((question.quiz_key, question.quiz_title), []).append(question)
        return {"quizzes": [(title, items) for (_key, title), items in quizzes.items()]}

    def table(self):
        return Table(
            name="quiz-questions",
            columns=[
                _("Quiz"),
                _("Question"),
                _("Answers"),
                _("Correct"),
                _("Share correct (%)"),
                _("Most chosen wrong answer"),
                _("Times chosen"),
            ],
            rows=(
                (q.quiz_title, q.question, q.answers, q.correct, q.share_correct, q.top_wrong_answer, q.top_wrong_count)
                for q in queries.question_stats(self.enrolments())
            ),
        )
