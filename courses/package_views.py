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


def launch(page, request, position):
    """Open one unit for the enrolled learner: a new cmi5 session (or a Tin Can launch), then the content."""
    from django.http import Http404
    from django.shortcuts import redirect

    from . import services
    from .packages.launching import cmi5_launch_url, tincan_launch_url

    state = services.course_state(request.user, page.course)
    denied = page.access_denied(request, state.enrolment)
    if denied:
        return denied
    if state.enrolment is None:  # a free preview lets readers see the page, not launch tracked content
        return redirect(page.url)
    item = page.package_items().filter(position=position).select_related("package").first()
    if item is None:
        raise Http404
    enrolment = state.enrolment
    services.open_package_item(enrolment, page, item)
    if item.package.kind in ("scorm12", "scorm2004"):
        from .scorm.views import launch as scorm_launch

        return scorm_launch(page, request, item, enrolment)
    if item.package.kind == "cmi5":
        from lms.xapi import api

        services.register_package_lesson(enrolment, page)
        url = cmi5_launch_url(
            item.package,
            position,
            api.actor_for(request.user),
            enrolment.registration,
            return_url=request.build_absolute_uri(page.url),
            language=page.locale.language_code,
        ).url
    else:
        url = tincan_launch_url(item, request.user, enrolment.registration)
    return redirect(url)
