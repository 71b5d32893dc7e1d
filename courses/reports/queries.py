"""The numbers behind the reports, computed in the database from a filtered queryset of enrolments."""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Aggregate, Avg, Count, DurationField, ExpressionWrapper, F, FloatField, Max, Q
from django.db.models.functions import Cast, TruncDay, TruncMonth, TruncWeek
from django.utils import timezone

from ..models import Enrolment, ItemProgress, QuestionAnswer, ScormAttempt

ACTIVE_DAYS = 30
COMPLETED = Q(status=Enrolment.Status.COMPLETED)
TIME_TO_COMPLETE = ExpressionWrapper(F("completed_at") - F("enrolled_at"), output_field=DurationField())


class Median(Aggregate):
    """PostgreSQL's exact median (``percentile_cont(0.5)``)."""

    function = "percentile_cont"
    template = "percentile_cont(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


@dataclass
class CourseStats:
    """The course report's row for one course."""

    enrolled: int = 0
    active: int = 0
    not_started: int = 0
    in_progress: int = 0
    completed: int = 0
    median_time: timedelta | None = None
    average_score: float | None = None

    @property
    def completion_rate(self):
        """Completed as a share of enrolled (0-100), or None without enrolments."""
        return round(100 * self.completed / self.enrolled, 1) if self.enrolled else None

    @property
    def median_days(self):
        return round(self.median_time.total_seconds() / 86400, 1) if self.median_time is not None else None


def course_stats(enrolments, keys, now=None):
    """{course key: CourseStats} for ``keys``, from the ``enrolments`` that pass the filters."""
    now = now or timezone.now()
    enrolments = enrolments.filter(course_key__in=keys)
    stats = {str(key): CourseStats() for key in keys}
    aggregates = {
        "enrolled": Count("pk"),
        "active": Count("pk", filter=Q(last_activity_at__gte=now - timedelta(days=ACTIVE_DAYS))),
        "completed": Count("pk", filter=COMPLETED),
        "not_started": Count("pk", filter=~COMPLETED & Q(progress=0)),
    }
    median_in_sql = connection.vendor == "postgresql"
    if median_in_sql:  # an ordered-set aggregate takes FILTER too: the median rides on the counts' scan
        aggregates["median_time"] = Median(TIME_TO_COMPLETE, filter=COMPLETED & Q(completed_at__isnull=False))
    for row in enrolments.values("course_key").annotate(**aggregates).order_by():
        entry = stats[str(row["course_key"])]
        entry.enrolled, entry.active, entry.completed = row["enrolled"], row["active"], row["completed"]
        entry.not_started = row["not_started"]
        entry.in_progress = entry.enrolled - entry.completed - entry.not_started
        entry.median_time = row.get("median_time")
    if not median_in_sql:
        for key, median in median_times_in_python(enrolments).items():
            stats[key].median_time = median
    # From the enrolments' side the filters and the attempts meet in one join; enrolments without an attempt
    # add NULL scores, which AVG leaves out.
    scores = enrolments.values("course_key").annotate(average=Avg("quiz_attempts__score")).order_by()
    for row in scores:
        if row["average"] is not None:
            stats[str(row["course_key"])].average_score = round(float(row["average"]) * 100, 1)
    return stats


def median_times_in_python(enrolments):
    """{course key: median time from enrolment to completion} over the completed enrolments, for databases
    without ``percentile_cont`` (SQLite)."""
    completed = enrolments.filter(COMPLETED, completed_at__isnull=False)
    durations = {}
    for key, enrolled_at, completed_at in completed.values_list("course_key", "enrolled_at", "completed_at"):
        durations.setdefault(str(key), []).append(completed_at - enrolled_at)
    return {key: statistics.median(values) for key, values in durations.items()}


@dataclass
class ItemFunnel:
    """Where learners stop: per lesson or quiz of a course, how many opened it, completed it, stopped there."""

    key: str
    title: str
    is_quiz: bool
    opened: int
    completed: int
    stopped: int
    is_package: bool = False
    sessions: int | None = None  # package units: cmi5 sessions or SCORM attempts (None: the LMS cannot see them)
    average_score: float | None = None  # package units: mean scaled score, as a percentage


def lesson_funnel(enrolments, course_page):
    """One ItemFunnel per lesson, quiz and package unit of the course's outline, in course order.

    "Stopped here" counts learners who have not completed the course and whose last activity was this item;
    package units also get their sessions and average score (:func:`package_unit_scores`).
    """
    items = course_page.outline().items
    units = package_unit_scores(enrolments, [item.package_item for item in items if item.package_item])
    keys = [item.key for item in items]
    progress = (
        ItemProgress.objects.filter(enrolment__in=enrolments, item_key__in=keys)
        .values("item_key")
        .annotate(opened=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by()
    )
    by_item = {row["item_key"]: row for row in progress}
    stopped = dict(
        enrolments.exclude(COMPLETED)
        .filter(last_item_key__in=keys)
        .values_list("last_item_key")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [
        ItemFunnel(
            key=str(item.key),
            title=item.title,
            is_quiz=item.is_quiz,
            opened=by_item.get(item.key, {}).get("opened", 0),
            completed=by_item.get(item.key, {}).get("completed", 0),
            stopped=stopped.get(item.key, 0),
            is_package=item.package_item is not None,
            **units.get(item.key, {}),
        )
        for item in items
    ]


def _percent(value):
    return round(float(value) * 100, 1) if value is not None else None


def package_unit_scores(enrolments, units):
    """{unit key: {"sessions", "average_score"}} for package units (``PackageItem`` rows with their package).

    cmi5: the sessions are the LMS's ``launched`` statements in the enrolments' registrations, the score the mean
    scaled score of the AU's ``passed`` and ``failed``. Tin Can: the LMS sees no session, only the scaled scores of
    the content's ``passed`` and ``failed``. SCORM: the learners' attempts and the mean of their scaled scores.
    """
    from lms.xapi import api, vocabulary

    from ..packages.launching import unit_activity_id

    by_activity = {}
    scorm = {}
    for unit in units:
        if unit.package.kind == "cmi5":
            by_activity[unit_activity_id(unit)] = unit
        elif unit.package.kind == "tincan":
            by_activity[unit.publisher_id] = unit
        else:
            scorm[unit.item_key] = unit
    scores = {}
    judged = Q(verb_id__in=[vocabulary.PASSED.id, vocabulary.FAILED.id])
    rows = (
        api.query()
        .filter(activity_id__in=list(by_activity), registration__in=enrolments.values("registration"))
        .values("activity_id")
        .annotate(
            sessions=Count("pk", filter=Q(verb_id=vocabulary.LAUNCHED.id)),
            average=Avg(Cast("data__result__score__scaled", FloatField()), filter=judged),
        )
        .order_by()
    )
    for row in rows:
        unit = by_activity[row["activity_id"]]
        sessions = None if unit.package.kind == "tincan" else row["sessions"]
        scores[unit.item_key] = {"sessions": sessions, "average_score": _percent(row["average"])}
    attempts = (
        ScormAttempt.objects.filter(user__in=enrolments.values("user"), item_key__in=list(scorm))
        .values("item_key")
        .annotate(attempts=Count("pk"), average=Avg("score_scaled"))
        .order_by()
    )
    for row in attempts:
        scores[row["item_key"]] = {"sessions": row["attempts"], "average_score": _percent(row["average"])}
    for unit in units:  # a unit nobody launched yet: no session, no score
        default = None if unit.package.kind == "tincan" else 0
        scores.setdefault(unit.item_key, {"sessions": default, "average_score": None})
    return scores


@dataclass
class Period:
    start: object
    enrolments: int
    completions: int


TRUNCATE = {"day": TruncDay, "week": TruncWeek, "month": TruncMonth}


def timeline_step(start, end):
    """The period a chart of ``start``..``end`` counts in: days up to two months, weeks up to a year, months."""
    days = (end - start).days
    return "day" if days <= 62 else "week" if days <= 366 else "month"


def _period_starts(start, end, step):
    if step == "day":
        current = start
    elif step == "week":
        current = start - timedelta(days=start.weekday())
    else:
        current = start.replace(day=1)
    while current <= end:
        yield current
        if step == "day":
            current += timedelta(days=1)
        elif step == "week":
            current += timedelta(days=7)
        else:
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)


def timeline(enrolments, start, end):
    """Enrolments and completions per period between the dates ``start`` and ``end`` (every period listed)."""
    step = timeline_step(start, end)
    truncate = TRUNCATE[step]
    tz = timezone.get_current_timezone()

    def counts(field):
        rows = (
            enrolments.filter(**{f"{field}__date__gte": start, f"{field}__date__lte": end})
            .annotate(period=truncate(field, tzinfo=tz))
            .values("period")
            .annotate(count=Count("pk"))
            .order_by()
        )
        return {_as_date(row["period"]): row["count"] for row in rows}

    enrolled, completed = counts("enrolled_at"), counts("completed_at")
    return step, [
        Period(start=day, enrolments=enrolled.get(day, 0), completions=completed.get(day, 0))
        for day in _period_starts(start, end, step)
    ]


def _as_date(value):
    return value.date() if hasattr(value, "date") else value


def learner_rows(enrolments):
    """One row per learner (user id, courses, completed, average progress, last activity), most recent first."""
    return (
        enrolments.values("user")
        .annotate(
            courses=Count("pk"),
            completed=Count("pk", filter=COMPLETED),
            average_progress=Avg("progress"),
            last_activity=Max("last_activity_at"),
        )
        .order_by("-last_activity", "user")
    )


GROUPINGS = {
    "parliament": ("user__parliament__name", "user__parliament__country", "user__parliament__region"),
    "country": ("user__parliament__country",),
    "region": ("user__parliament__region",),
}


def parliament_rows(enrolments, by="parliament"):
    """Learners, enrolments and completions grouped by parliament, country or region, largest first."""
    fields = GROUPINGS[by]
    return (
        enrolments.values(*fields)
        .annotate(
            learners=Count("user", distinct=True),
            enrolments=Count("pk"),
            completions=Count("pk", filter=COMPLETED),
        )
        .order_by("-learners", *fields)
    )


@dataclass
class QuestionStats:
    """The quiz item analysis of one question."""

    quiz_key: str
    quiz_title: str
    question_id: str
    question: str
    answers: int
    correct: int
    top_wrong_answer: str = ""
    top_wrong_count: int = 0

    @property
    def share_correct(self):
        return round(100 * self.correct / self.answers, 1) if self.answers else None


def question_stats(enrolments):
    """Per question of every quiz the enrolments answered: answers, share correct, most chosen wrong answer."""
    answers = QuestionAnswer.objects.filter(attempt__enrolment__in=enrolments)
    rows = (
        answers.values("attempt__quiz_key", "question_id")
        .annotate(
            answers=Count("pk"),
            correct=Count("pk", filter=Q(correct=True)),
            quiz_title=Max("attempt__quiz_title"),
            question=Max("question_text"),
            position=Max("position"),
        )
        .order_by("quiz_title", "attempt__quiz_key", "position")
    )
    stats = {
        row["question_id"]: QuestionStats(
            quiz_key=str(row["attempt__quiz_key"]),
            quiz_title=row["quiz_title"],
            question_id=row["question_id"],
            question=row["question"],
            answers=row["answers"],
            correct=row["correct"],
        )
        for row in rows
    }
    wrong = (
        answers.filter(correct=False)
        .values("question_id", "response_text")
        .annotate(count=Count("pk"))
        .order_by("question_id", "-count", "response_text")
    )
    for row in wrong:
        entry = stats.get(row["question_id"])
        if entry is not None and not entry.top_wrong_count:
            entry.top_wrong_answer, entry.top_wrong_count = row["response_text"], row["count"]
    return list(stats.values())
