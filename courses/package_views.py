"""The package lesson's pages: the list of its units with the learner's progress, launching one, coming back."""

from django.template.response import TemplateResponse

from lms.core.page_cache import mark_cacheable


def _lesson_context(page, request, state):
    context = page.get_context(request)
    context.update(page.learning_context(request, state))
    context["units"] = [item for item in state.outline.items if item.page.pk == page.pk]
    return context


def lesson(page, request):
    """The lesson page: its introduction and its units, each with the learner's state and a way to open it."""
    from . import services

    state = services.course_state(request.user, page.course)
    denied = page.access_denied(request, state.enrolment)
    if denied:
        return denied
    return mark_cacheable(TemplateResponse(request, page.get_template(request), _lesson_context(page, request, state)))


def launch(page, request, position):
    """Open one unit for the enrolled learner: a new cmi5 session (or a Tin Can launch), then the content.

    A cmi5 unit whose launchMethod is AnyWindow plays in a frame of the lesson page (unless ``?window=new`` asks
    for a window of its own); its returnURL is :func:`returned`, which takes the whole window back to the lesson.
    Every other unit gets the learner's window, or the new window its link opened (OwnWindow).
    """
    from django.http import Http404
    from django.shortcuts import redirect
    from django.utils.cache import add_never_cache_headers

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
    if item.package.kind != "cmi5":
        return redirect(tincan_launch_url(item, request.user, enrolment.registration))
    from lms.xapi import api

    framed = item.launch_method == "AnyWindow" and request.GET.get("window") != "new"
    back = page.url + page.reverse_subpage("returned") if framed else page.url
    services.register_package_lesson(enrolment, page)
    url = cmi5_launch_url(
        item.package,
        position,
        api.actor_for(request.user),
        enrolment.registration,
        return_url=request.build_absolute_uri(back),
        language=page.locale.language_code,
    ).url
    if not framed:
        return redirect(url)
    context = _lesson_context(page, request, services.course_state(request.user, page.course))
    context.update({"launched": item, "launch_url": url})
    response = TemplateResponse(request, page.get_template(request), context)
    add_never_cache_headers(response)  # its fetch URL works once, for this learner
    return response


def returned(page, request):
    """The returnURL of a unit played in a frame: a page that takes the whole window back to the lesson page.

    The AU sends its frame here once terminated (cmi5 10.0). The page is on the platform's origin, like the lesson
    page around the frame, so its script may move the top window; without JavaScript its link does (``_top``).
    """
    response = TemplateResponse(request, "courses/package_return.html", {"page": page})
    response["X-Frame-Options"] = "SAMEORIGIN"  # shown inside the lesson page's frame
    return response
