"""Reading a learner's state in a course, and recording lessons opened and completed."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from lms.core import page_cache

from ..models import CompletionRule, CoursePage, Enrolment, ItemProgress, Outline, QuizPage
from . import statements

# How precisely "last activity" is kept: finer would turn every page view into a write.
ACTIVITY_RESOLUTION = timedelta(minutes=5)


@dataclass
class CourseState:
    """What one learner has done in one course, in the language of the page they are reading."""

    course: CoursePage
    enrolment: Enrolment | None
    outline: Outline

    @property
    def counted_items(self):
        """The items the course's completion rule counts."""
        items = self.outline.items
        rule = self.course.completion_rule
        if rule == CompletionRule.REQUIRED:
            counted = [item for item in items if item.page.required]
        elif rule == CompletionRule.QUIZZES:
            counted = [item for item in items if item.is_quiz and item.page.required]
        else:
            counted = list(items)
        return counted or list(items)

    @property
    def percent(self):
        if self.enrolment and self.enrolment.is_completed:
            return 100
        counted = self.counted_items
        if not counted:
            return 0
        return round(100 * sum(1 for item in counted if item.completed) / len(counted))

    @property
    def rule_met(self):
        counted = self.counted_items
        return bool(counted) and all(item.completed for item in counted)

    @property
    def completed_keys(self):
        return {item.key for item in self.outline.items if item.completed}

    @property
    def outline_variant(self):
        """A key for what the course beside an item shows: the same for every learner at the same point of the
        course (a reader, enrolled, or the course completed, and which items are done), new at every purge."""
        standing = "reader" if not self.enrolment else "completed" if self.enrolment.is_completed else "enrolled"
        done = hashlib.sha256(",".join(sorted(str(key) for key in self.completed_keys)).encode()).hexdigest()
        return f"{page_cache.generation()}:{standing}:{done}"

    def has_started(self, page):
        """Whether the learner has opened ``page`` before, in any language."""
        return any(item.started for item in self.outline.items if item.key == page.translation_key)

    @property
    def completed_count(self):
        return sum(1 for item in self.outline.items if item.completed)

    @property
    def next_item(self):
        """Where to continue: the last item opened if unfinished, else the next unfinished one, else the first."""
        items = self.outline.items
        if not items:
            return None
        last_key = self.enrolment.last_item_key if self.enrolment else None
        start = next((i for i, item in enumerate(items) if item.key == last_key), 0)
        for item in items[start:] + items[:start]:
            if not item.completed:
                return item.page
        return items[start].page


def enrolment_for(user, course):
    """The learner's enrolment in ``course`` (any translation) or None, in one query, without the outline that
    :func:`course_state` builds; ``enrolment.user`` is ``user`` itself, not read again."""
    if not getattr(user, "is_authenticated", False) or course is None:
        return None
    enrolment = Enrolment.objects.filter(user=user, course_key=course.translation_key).first()
    if enrolment is not None:
        enrolment.user = user
    return enrolment


def course_state(user, course, enrolment=None):
    """The learner's enrolment and outline with completed items marked (a fixed number of queries)."""
    enrolment = enrolment or enrolment_for(user, course)
    outline = course.outline() if course else Outline()
    if enrolment:
        rows = dict(ItemProgress.objects.filter(enrolment=enrolment).values_list("item_key", "completed_at"))
        for item in outline.items:
            key = item.key
            item.started = key in rows
            item.completed = rows.get(key) is not None
    return CourseState(course=course, enrolment=enrolment, outline=outline)


def progress_by_course(user, courses):
    """{course translation_key: enrolment} for the learner, in one query (for catalogue cards)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    keys = [course.translation_key for course in courses]
    return {
        enrolment.course_key: enrolment
        for enrolment in Enrolment.objects.filter(user=user, course_key__in=keys).only(
            "course_key", "progress", "status"
        )
    }


def _item_type(page):
    return ItemProgress.ItemType.QUIZ if isinstance(page, QuizPage) else ItemProgress.ItemType.LESSON


def open_item(enrolment, page, *, started=None):
    """The learner opened a lesson or quiz: remember it for "continue", and record the first visit.

    Re-reading the same item writes nothing until ``ACTIVITY_RESOLUTION`` has passed, so reading stays a read.
    ``started`` says whether the learner's state shows the item opened (``CourseState.has_started``; None when
    the caller does not know): a re-read then costs no query at all, and a first read no look-up.
    """
    key = page.translation_key
    if (
        started
        and enrolment.last_item_key == key
        and timezone.now() - enrolment.last_activity_at <= ACTIVITY_RESOLUTION
    ):
        return None
    return _open(enrolment, page, key, _item_type(page), page.title, started)


def open_package_item(enrolment, page, package_item):
    """The learner launched one unit of a package lesson: like :func:`open_item`, keyed on the unit."""
    return _open(enrolment, page, package_item.item_key, ItemProgress.ItemType.PACKAGE, package_item.title)


def _open(enrolment, page, key, item_type, title, started=None):
    now = timezone.now()
    if started is None:
        started = ItemProgress.objects.filter(enrolment=enrolment, item_key=key).exists()
    with transaction.atomic():
        if not started:
            progress = _first_visit(enrolment, page, key, item_type, title, now)
            if item_type != ItemProgress.ItemType.PACKAGE:
                statements.item_opened(enrolment, page, progress)
        if enrolment.last_item_key != key or now - enrolment.last_activity_at > ACTIVITY_RESOLUTION:
            _touch(enrolment, key, now)


def _first_visit(enrolment, page, key, item_type, title, now):
    """The item's progress row, made now unless it exists already (a request of the same learner at the same
    moment made it). Inserted without a savepoint: a row that exists is left as it is, and the statement of the
    visit that follows has the id of the first one, which the store keeps once."""
    progress = ItemProgress(
        enrolment=enrolment, item_key=key, item_id=page.pk, item_type=item_type, item_title=title, started_at=now
    )
    ItemProgress.objects.bulk_create([progress], ignore_conflicts=True)
    return progress


def _touch(enrolment, key, now):
    Enrolment.objects.filter(pk=enrolment.pk).update(last_item_key=key, last_activity_at=now)
    enrolment.last_item_key, enrolment.last_activity_at = key, now


def complete_item(enrolment, page, by="learner"):
    """Mark a lesson or quiz completed (never undone), then apply the course's completion rule."""
    return _complete(enrolment, page, page.translation_key, _item_type(page), page.title, by)


def complete_package_item(enrolment, page, package_item, by="content"):
    """Mark one unit of a package lesson completed (its content met its moveOn rule), then apply the course's rule."""
    return _complete(enrolment, page, package_item.item_key, ItemProgress.ItemType.PACKAGE, package_item.title, by)


def register_package_lessons(enrolment, course):
    """At enrolment: the learner's cmi5 registration in each live cmi5 package lesson of ``course``."""
    from ..models import PackageLessonPage

    lessons = PackageLessonPage.objects.live().descendant_of(course).filter(package__kind="cmi5")
    for page in lessons.select_related("package"):
        register_package_lesson(enrolment, page)


def register_package_lesson(enrolment, page):
    """The learner's cmi5 registration in a package lesson, made once, and its units whose moveOn is NotApplicable.

    cmi5 counts those units satisfied for the registration from its start: the LMS stores ``satisfied`` for the
    blocks and the course they complete (``lms.xapi.api.cmi5_register``), and here they are completed, without
    becoming the learner's "continue" item. Enrolment calls it for every cmi5 lesson of the course; a launch calls
    it again for a lesson added since, or a new version of the package with a new such unit (completing is
    idempotent).
    """
    from lms.xapi import api

    from ..packages.launching import cmi5_register

    with transaction.atomic():
        cmi5_register(page.package, api.actor_for(enrolment.user), enrolment.registration)
        for item in page.package.items.filter(move_on="NotApplicable"):
            _complete(enrolment, page, item.item_key, ItemProgress.ItemType.PACKAGE, item.title, "content", touch=False)


def _complete(enrolment, page, key, item_type, title, by, *, touch=True):
    from .completion import refresh_completion

    now = timezone.now()
    with transaction.atomic():
        progress, _created = ItemProgress.objects.select_for_update().get_or_create(
            enrolment=enrolment,
            item_key=key,
            defaults={"item_id": page.pk, "item_type": item_type, "item_title": title, "started_at": now},
        )
        if progress.completed_at is None:
            progress.completed_at, progress.completed_by = now, by
            progress.save(update_fields=["completed_at", "completed_by"])
            if item_type == ItemProgress.ItemType.LESSON:
                statements.lesson_completed(enrolment, page, progress)
        if touch:
            _touch(enrolment, key, now)
        refresh_completion(enrolment, page.course)
    return progress
