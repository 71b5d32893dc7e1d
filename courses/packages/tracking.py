"""Statements drive progress: a unit whose moveOn rule is met is completed through ``courses.services``.

Registered with ``lms.xapi.api.on_statements_stored``, so it runs in the transaction that stores the statement,
whether the LRS endpoint, a task or the platform itself stored it; ``complete_package_item`` completes once.
"""

import uuid

from lms.xapi import api, vocabulary

PASSED = vocabulary.PASSED.id
WAIVED = "https://w3id.org/xapi/adl/verbs/waived"
PROGRESS_VERBS = {vocabulary.COMPLETED.id, PASSED, WAIVED}


def statements_stored(statements):
    """Complete the package units these statements satisfy, for the enrolment of their registration."""
    for statement in statements:
        if statement["verb"]["id"] in PROGRESS_VERBS:
            _apply(statement)


def _apply(statement):
    from .. import services
    from ..models import Enrolment, PackageItem, PackageLessonPage

    registration = (statement.get("context") or {}).get("registration")
    activity_id = statement["object"].get("id", "")
    if not registration:
        return
    enrolment = Enrolment.objects.filter(registration=registration).select_related("user").first()
    if enrolment is None:
        return
    item = _item_for(activity_id, PackageItem)
    if item is None or item.package.lesson_key is None:
        return
    page = (
        PackageLessonPage.objects.filter(translation_key=item.package.lesson_key).live().first()
        or PackageLessonPage.objects.filter(translation_key=item.package.lesson_key).first()
    )
    if page is None or page.course is None or page.course.translation_key != enrolment.course_key:
        return
    if statement["verb"]["id"] == WAIVED:
        services.complete_package_item(enrolment, page, item, by="waived")
    elif _move_on_met(item, activity_id, registration, statement):
        services.complete_package_item(enrolment, page, item, by="content")


def _item_for(activity_id, model):
    prefix = api.activity_iri("package-item", "")
    if activity_id.startswith(prefix):
        try:
            key = uuid.UUID(activity_id[len(prefix) :])
        except ValueError:
            return None
        return model.objects.filter(item_key=key).select_related("package").order_by("-package__uploaded_at").first()
    return (
        model.objects.filter(publisher_id=activity_id, package__kind="tincan")
        .select_related("package")
        .order_by("-package__uploaded_at")
        .first()
    )


def _move_on_met(item, activity_id, registration, statement):
    verbs = set(
        api.query(activity=activity_id, registration=registration)
        .filter(verb_id__in=[vocabulary.COMPLETED.id, PASSED])
        .values_list("verb_id", flat=True)
    )
    verbs.add(statement["verb"]["id"])
    state = {"completed": vocabulary.COMPLETED.id in verbs, "passed": PASSED in verbs}
    return api.move_on_met(item.move_on, state)
