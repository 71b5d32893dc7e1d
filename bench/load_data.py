"""Synthetic learning records at scale, for the report benchmarks (``bench/generate_load_data.py``).

At scale 1: 10,000 learners from 150 parliaments, 4 hubs offering 20 courses of 10 lessons and a quiz,
about 60,000 enrolments with their progress and quiz attempts, and about a million xAPI statements stored
through ``lms.xapi.api``. Everything is inserted in large batches (``bench.bulk.insert_rows``: COPY on
PostgreSQL). Every object it makes is marked (``@load.example.org`` addresses, ``load-`` slugs) so
``--reset`` can remove it again.
"""

import random
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from bench.bulk import insert_rows
from courses.models import CoursePage, Enrolment, ItemProgress, LessonPage, QuestionAnswer, QuizAttempt, QuizPage
from hubs.models import CentrePage, HubIndexPage, HubPage
from lms.core.models import Parliament
from lms.xapi import api, vocabulary

EMAIL_DOMAIN = "load.example.org"
SLUG_PREFIX = "load-"
BATCH = 5000
STATEMENT_BATCH = 10_000
REGIONS = [value for value, _label in Parliament.Region.choices]
COUNTRIES = ["PT", "FR", "BR", "CL", "ZM", "KE", "IN", "JP", "CA", "MX", "NG", "ZA", "DE", "ES", "EG", "MA"]
QUESTION_KINDS = {"single_choice": "single", "multiple_choice": "multiple", "true_false": "true_false"}
QUESTIONS = [
    ("single_choice", "Who approves the parliament's ICT strategy?", ["The ICT governance board", "The vendor"]),
    ("true_false", "Open data must be machine-readable.", ["True", "False"]),
    ("single_choice", "Which format is machine-readable?", ["CSV", "Scanned PDF"]),
]


@dataclass
class Sizes:
    learners: int
    parliaments: int
    courses: int
    lessons: int = 10
    hubs: int = 4

    @classmethod
    def at(cls, scale):
        return cls(
            learners=max(10, round(10_000 * scale)),
            parliaments=max(3, round(150 * scale)),
            # Fewer learners keep the full catalogue (what the reports page through); only tiny sets shrink it.
            courses=20 if scale >= 0.05 else 2,
            lessons=10 if scale >= 0.05 else 3,
            hubs=4 if scale >= 0.05 else 2,
        )


def existing():
    """Whether load data is already in the database."""
    return get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists()


@transaction.atomic
def reset_data():
    """Remove every learner (with their records and statements), parliament and page the generator made."""
    users = get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN)
    for user in users.iterator(chunk_size=BATCH):
        api.statements_for(user).delete()
    Enrolment.objects.filter(user__in=users).delete()
    users.delete()
    for page in HubPage.objects.filter(slug__startswith=SLUG_PREFIX):
        page.delete()
    Parliament.objects.filter(slug__startswith=SLUG_PREFIX).delete()


def _site_root():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise RuntimeError("No default site: run migrate (and load_demo) first.")
    return site.root_page


def _hub_index():
    index = HubIndexPage.objects.first()
    if index is not None:
        return index
    centre = CentrePage.objects.first()
    if centre is None:
        centre = _site_root().add_child(
            instance=CentrePage(title="Centre for Innovation in Parliament", slug=SLUG_PREFIX + "centre")
        )
    return centre.add_child(instance=HubIndexPage(title="Hubs", slug=SLUG_PREFIX + "hubs"))


def _quiz_questions():
    blocks = []
    for kind, text, answers in QUESTIONS:
        if kind == "true_false":
            value = {
                "question": text,
                "explanation": "",
                "correct_answer": True,
                "feedback_true": "",
                "feedback_false": "",
            }
        else:
            choices = [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"text": a, "correct": i == 0, "feedback": ""}}
                for i, a in enumerate(answers)
            ]
            value = {"question": text, "explanation": "", "choices": choices}
        blocks.append({"type": kind, "id": str(uuid.uuid4()), "value": value})
    return blocks


def build_pages(sizes, parliaments, out):
    """Hubs (hosted by load parliaments) with their courses of ``sizes.lessons`` lessons and one quiz."""
    index = _hub_index()
    courses = []
    for number in range(sizes.hubs):
        hub = index.add_child(
            instance=HubPage(
                title=f"Load-test hub {number + 1}",
                slug=f"{SLUG_PREFIX}hub-{number + 1}",
                kind="thematic",
                host=parliaments[number % len(parliaments)],
                introduction="A hub made by generate_load_data.",
                who_may_join="Any parliament",
            )
        )
        for course_number in range(number, sizes.courses, sizes.hubs):
            course = hub.add_child(
                instance=CoursePage(
                    title=f"Load-test course {course_number + 1}",
                    slug=f"course-{course_number + 1}",
                    summary="A course made by generate_load_data.",
                )
            )
            lessons = [
                course.add_child(
                    instance=LessonPage(
                        title=f"Lesson {lesson + 1}",
                        slug=f"lesson-{lesson + 1}",
                        body=[("paragraph", "<p>Governance comes before tools.</p>")],
                    )
                )
                for lesson in range(sizes.lessons)
            ]
            quiz = course.add_child(
                instance=QuizPage(title="Final quiz", slug="quiz", questions=_quiz_questions(), pass_mark=60)
            )
            courses.append((course, lessons, quiz))
        out(f"  {hub.title} and its courses")
    return courses


def build_parliaments(sizes):
    rows = [
        Parliament(
            name=f"Load-test parliament {number + 1}",
            slug=f"{SLUG_PREFIX}parliament-{number + 1}",
            country=COUNTRIES[number % len(COUNTRIES)],
            region=REGIONS[number % len(REGIONS)],
        )
        for number in range(sizes.parliaments)
    ]
    return Parliament.objects.bulk_create(rows, batch_size=BATCH)


def build_learners(sizes, parliaments):
    password = make_password(None)  # unusable: these accounts cannot log in
    user_model = get_user_model()
    rows = [
        user_model(
            email=f"learner{number + 1}@{EMAIL_DOMAIN}",
            full_name=f"Learner {number + 1}",
            parliament=parliaments[number % len(parliaments)],
            country=parliaments[number % len(parliaments)].country,
            password=password,
        )
        for number in range(sizes.learners)
    ]
    user_model.objects.bulk_create(rows, batch_size=BATCH)
    return list(user_model.objects.filter(email__endswith="@" + EMAIL_DOMAIN).order_by("pk"))


class StatementWriter:
    """Collects statements and stores them through ``lms.xapi.api`` in batches."""

    def __init__(self):
        self.pending = []
        self.stored = 0

    def add(self, actor, verb, activity, registration, when, *, result=None, parents=(), language="en", key=""):
        statement = {
            "id": str(api.statement_id_for(actor, verb, activity, registration, key)),
            "actor": actor,
            "verb": verb.as_xapi(),
            "object": activity.as_xapi(),
            "timestamp": when.isoformat(),
            "context": {
                "registration": str(registration),
                "language": language,
                **({"contextActivities": {"parent": [p.as_xapi() for p in parents]}} if parents else {}),
            },
        }
        if result:
            statement["result"] = result
        self.pending.append(statement)
        if len(self.pending) >= STATEMENT_BATCH:
            self.flush()

    def flush(self):
        if self.pending:
            self.stored += api.store_statements(self.pending, validate=False)
            self.pending = []


def _activity(kind, page, type_iri):
    return api.Activity(api.activity_iri(kind, page.translation_key), type_iri, {"en": page.title})


def build_records(sizes, learners, courses, rng, out):
    """Enrolments, progress, quiz attempts and the matching statements, in batches."""
    now = timezone.now()
    writer = StatementWriter()
    course_count = len(courses)
    per_learner_max = min(course_count, 11)
    enrolment_batch, progress_batch, attempts_batch, answers_batch = [], [], [], []

    def flush():
        insert_rows(Enrolment, enrolment_batch)
        insert_rows(ItemProgress, progress_batch)
        insert_rows(QuizAttempt, attempts_batch)
        insert_rows(QuestionAnswer, answers_batch)
        writer.flush()
        for batch in (enrolment_batch, progress_batch, attempts_batch, answers_batch):
            batch.clear()

    for number, user in enumerate(learners):
        actor = api.actor_for(user)
        for course, lessons, quiz in rng.sample(courses, rng.randint(1, per_learner_max)):
            course_activity = _activity("course", course, vocabulary.COURSE)
            enrolled = now - timedelta(days=rng.uniform(0, 365))
            outcome = rng.random()
            items = [*lessons, quiz]
            done = len(items) if outcome < 0.4 else 0 if outcome > 0.85 else rng.randint(1, len(items) - 1)
            enrolment = Enrolment(
                user=user,
                course=course,
                course_key=course.translation_key,
                course_title=course.title,
                language=rng.choice(["en", "en", "fr", "es"]),
                enrolled_at=enrolled,
                last_activity_at=enrolled,
                registration=uuid.uuid4(),
            )
            writer.add(actor, vocabulary.REGISTERED, course_activity, enrolment.registration, enrolled)
            moment = enrolled
            for item in items[:done]:
                moment += timedelta(hours=rng.uniform(1, 48))
                is_quiz = item is quiz
                activity = _activity(
                    "quiz" if is_quiz else "lesson", item, vocabulary.ASSESSMENT if is_quiz else vocabulary.LESSON
                )
                verb = vocabulary.LAUNCHED if is_quiz else vocabulary.EXPERIENCED
                writer.add(actor, verb, activity, enrolment.registration, moment, parents=[course_activity])
                if is_quiz:
                    fails_first = rng.random() < 0.3
                    for attempt_number in range(1, 3 if fails_first else 2):
                        passed = not (fails_first and attempt_number == 1)
                        correct = len(QUESTIONS) if passed else 1
                        attempt = QuizAttempt(
                            enrolment=enrolment,
                            quiz_key=quiz.translation_key,
                            quiz=quiz,
                            quiz_title=quiz.title,
                            number=attempt_number,
                            language=enrolment.language,
                            submitted_at=moment,
                            question_count=len(QUESTIONS),
                            correct_count=correct,
                            score=Decimal(correct) / len(QUESTIONS),
                            pass_mark=60,
                            passed=passed,
                        )
                        attempts_batch.append(attempt)
                        for position, block in enumerate(quiz.questions):
                            right = position < correct
                            text = QUESTIONS[position][2][0 if right else 1]
                            answers_batch.append(
                                QuestionAnswer(
                                    attempt=attempt,
                                    position=position,
                                    question_id=block.id,
                                    question_type=QUESTION_KINDS[block.block_type],
                                    question_text=QUESTIONS[position][1],
                                    response=[text],
                                    response_text=text,
                                    correct=right,
                                )
                            )
                            question = api.Activity(
                                f"{activity.iri}/questions/{block.id}",
                                vocabulary.QUESTION,
                                {"en": QUESTIONS[position][1]},
                            )
                            writer.add(
                                actor,
                                vocabulary.ANSWERED,
                                question,
                                enrolment.registration,
                                moment,
                                result={"success": right, "response": text},
                                parents=[activity],
                                key=attempt_number,
                            )
                        writer.add(
                            actor,
                            vocabulary.PASSED if passed else vocabulary.FAILED,
                            activity,
                            enrolment.registration,
                            moment,
                            result={"score": {"scaled": float(attempt.score)}, "success": passed},
                            parents=[course_activity],
                            key=attempt_number,
                        )
                else:
                    writer.add(
                        actor,
                        vocabulary.COMPLETED,
                        activity,
                        enrolment.registration,
                        moment,
                        result={"completion": True},
                        parents=[course_activity],
                    )
                progress_batch.append(
                    ItemProgress(
                        enrolment=enrolment,
                        item_key=item.translation_key,
                        item=item,
                        item_type="quiz" if is_quiz else "lesson",
                        item_title=item.title,
                        started_at=moment,
                        completed_at=moment,
                        completed_by="quiz" if is_quiz else "learner",
                    )
                )
            if done:
                enrolment.last_item_key = items[done - 1].translation_key
                enrolment.last_activity_at = moment
                enrolment.progress = round(100 * done / len(items))
            if done == len(items):
                enrolment.status = Enrolment.Status.COMPLETED
                enrolment.completed_at = moment
                writer.add(
                    actor,
                    vocabulary.COMPLETED,
                    course_activity,
                    enrolment.registration,
                    moment,
                    result={"completion": True},
                )
            enrolment_batch.append(enrolment)
        if len(progress_batch) >= BATCH:
            flush()
        if (number + 1) % 1000 == 0:
            out(f"  {number + 1} learners, {writer.stored + len(writer.pending)} statements")
    flush()
    return writer.stored


class LoadDataError(Exception):
    """The load data cannot be made as asked; the message says why."""


def run(scale=1.0, seed=2021, reset=False, out=print):
    """Check the request, remove earlier load data when ``reset``, make the data and print what was made."""
    if not 0 < scale <= 10:
        raise LoadDataError("--scale must be above 0 and at most 10.")
    if existing():
        if not reset:
            raise LoadDataError("Load data already exists: add --reset to replace it.")
        out("Removing earlier load data...")
        reset_data()
    started = time.perf_counter()
    made = generate(scale=scale, seed=seed, out=out)
    summary = ", ".join(f"{count} {name}" for name, count in made.items())
    out(f"Made {summary} in {time.perf_counter() - started:.0f} s.")
    return made


def generate(scale=1.0, seed=2021, out=print):
    """Create the load data at ``scale``; returns a dict of what was made."""
    sizes = Sizes.at(scale)
    rng = random.Random(seed)
    with transaction.atomic():
        parliaments = build_parliaments(sizes)
        courses = build_pages(sizes, parliaments, out)
        learners = build_learners(sizes, parliaments)
        out(f"  {len(learners)} learners from {len(parliaments)} parliaments")
    statements = build_records(sizes, learners, courses, rng, out)
    return {
        "learners": len(learners),
        "parliaments": len(parliaments),
        "courses": len(courses),
        "enrolments": Enrolment.objects.filter(user__email__endswith="@" + EMAIL_DOMAIN).count(),
        "statements": statements,
    }
