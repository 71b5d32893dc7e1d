"""The package lesson's pages: the list of its units with the learner's progress, and launching one."""

from django.template.response import TemplateResponse

from lms.core.page_cache import mark_cacheable


def lesson(page, request):
    """The lesson page: its introduction and its units, each with the learner's state and a way to open it."""
    from . import services

    state = services.course_state(request.user, page.course)
    denied = page.access_denied(request, state.enrolment)
    if denied:
        return denied
    items = [item for item in state.outline.items if item.page.pk == page.pk]
    context = page.get_context(request)
    context.update(page.learning_context(request, state))
    context["units"] = items
    return mark_cacheable(TemplateResponse(request, page.get_template(request), context))
