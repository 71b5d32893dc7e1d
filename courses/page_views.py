"""The course, lesson and quiz pages' routes (the package lesson's are in ``package_views``)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from lms.core.page_cache import mark_cacheable
from lms.core.skeleton import render_around_personal_parts

from . import services


def course_home(course, request):
    """The course page; anonymous readers share one cached copy (the middleware caches only for them)."""
    return mark_cacheable(course.render(request))


def enrol(course, request):
    """Enrol the signed-in reader (POST), or show the course again with the reason they may not enrol."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    try:
        _enrolment, created = services.enrol(request.user, course, language=course.locale.language_code)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
        response = course.render(request)
        response.status_code = 400
        return response
    if created:
        messages.success(request, gettext("You are enrolled. Start with the first lesson when you are ready."))
    return redirect(course.url)


def continue_course(course, request):
    """Send the learner to where they left off (or the first unfinished lesson), in this course's language."""
    state = services.course_state(request.user, course)
    target = state.next_item if state.enrolment else None
    return redirect(target.url if target else course.url)


def _completion_update(percent):
    """What a lesson page's script needs to show a completion made without reloading (a video that ended)."""
    return {
        "completed": True,
        "percent": percent,
        "progress_label": gettext("%(percent)s%% complete") % {"percent": percent},
        "completed_label": gettext("completed"),
    }


def lesson(page, request):
    """The lesson for its learners (or anyone, for a free preview), recording that the learner opened it."""
    state = services.course_state(request.user, page.course)
    denied = page.access_denied(request, state.enrolment)
    if denied:
        return denied
    if state.enrolment:
        services.open_item(state.enrolment, page, started=state.has_started(page))
    context = page.get_context(request)
    context.update(page.learning_context(request, state))
    return mark_cacheable(render_around_personal_parts(request, page.get_template(request), context))


def complete_lesson(page, request):
    """Mark the lesson complete (POST); ``by=video`` when the video player reports it finished."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    state = services.course_state(request.user, page.course)
    denied = page.access_denied(request, state.enrolment)
    if denied:
        return denied
    by = request.POST.get("by")
    if by == "activity":
        try:
            services.complete_by_activity(state.enrolment, page, request.POST.get("activity", ""))
        except services.ActivityNotFinished as error:
            return JsonResponse({"error": str(error)}, status=400)
    else:
        services.complete_item(state.enrolment, page, by="video" if by == "video" else "learner")
    if request.headers.get("Accept") == "application/json":
        return JsonResponse(_completion_update(state.enrolment.progress))
    _previous, following = state.outline.neighbours(page)
    messages.success(request, gettext("Lesson completed."))
    return redirect(following.url if following else page.course.url)


def quiz(page, request):
    """The quiz's questions and past attempts (GET), or the learner's answers scored (POST)."""
    state = services.course_state(request.user, page.course)
    denied = page.access_denied(request, state.enrolment)
    if denied:
        return denied
    if request.method == "POST":
        return _submit_quiz(page, request, state)
    services.open_item(state.enrolment, page, started=state.has_started(page))
    return _render_quiz(page, request, state)


def _render_quiz(page, request, state, errors=None, status=200):
    attempts = services.attempts_for(state.enrolment, page)
    number = len(attempts) + 1
    context = page.get_context(request)
    context.update(page.learning_context(request, state))
    context.update(
        attempts=attempts,
        passed=any(attempt.passed for attempt in attempts),
        attempts_left=None if not page.max_attempts else max(page.max_attempts - len(attempts), 0),
        questions=page.question_list(seed=services.shuffle_seed(state.enrolment, page, number)),
        errors=errors or {},
        chosen=request.POST if request.method == "POST" else {},
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _submit_quiz(page, request, state):
    try:
        attempt = services.submit_quiz(state.enrolment, page, request.POST, language=page.locale.language_code)
    except services.QuizError as error:
        messages.error(request, str(error))
        return _render_quiz(page, request, state, errors=error.unanswered, status=400)
    return redirect(page.url + page.reverse_subpage("attempt", args=[attempt.number]))


def quiz_attempt(page, request, number):
    """One of the learner's attempts at the quiz, with its score and the review of their answers."""
    state = services.course_state(request.user, page.course)
    denied = page.access_denied(request, state.enrolment)
    if denied:
        return denied
    attempt = services.attempts_for(state.enrolment, page).filter(number=number).first()
    if attempt is None:
        raise Http404
    context = page.get_context(request)
    context.update(page.learning_context(request, state))
    context.update(attempt=attempt, review=services.review_attempt(attempt, page))
    return TemplateResponse(request, "courses/quiz_attempt.html", context)
