"""A learner's lesson and quiz pages, kept for their re-reads.

These pages are personal (the outline's ticks, the progress bar, CSRF tokens in their forms), so the anonymous
page cache never keeps them. This cache keeps the HTML rendered for one learner in one session and answers their
next read of the same address with it. Its key holds:

- the user and the authentication hash their session holds, and a hash of the session key and the CSRF cookie, so
  the tokens in the kept forms stay valid and logging out (or in again) starts afresh;
- the address, the language and the host;
- the page-cache generation, so publishing retires every kept page (``lms.core.page_cache``);
- the learner's version, which ``courses.services`` bumps after every change to their progress (enrolment,
  completion, quiz attempt, certificate) commits, and ``courses.signals`` after every change to their account, its
  groups or its permissions (what the account menu shows, whether they may still sign in).

A hit is answered without loading the user: the user id and authentication hash come from the session, and an
entry is only kept by a request whose user Django authenticated with that same hash (``get_user`` checks it
against the password and logs out a session whose hash is stale). A forged or outdated hash finds nothing, and
the request goes on to Django, which logs the session out.

Opening a lesson also records it as the learner's last item and, every ``ACTIVITY_RESOLUTION``, their last
activity. ``courses.services`` notes here which item each enrolment last opened, for as long as opening it again
would write nothing; a kept page is served only while that note names its item, so "continue where you left off"
and the reports see exactly what they saw before. Nothing is served or kept for other methods than
GET/HEAD, while messages are pending, for previews (never marked), or when the response sets a cookie.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from lms.core import page_cache

MESSAGES_SESSION_KEY = "_messages"  # where django.contrib.messages keeps what does not fit in its cookie


def _version_key(user_id):
    return f"learner-progress:{user_id}"


def progress_changed(user):
    """Retire the learner's kept pages once the current transaction commits (their progress has changed)."""
    learner_changed(user.pk)


def learner_changed(user_id):
    """Retire the learner's kept pages once the current transaction commits (what they see may have changed)."""
    transaction.on_commit(lambda: page_cache.bump(_version_key(user_id)))


def _last_item_key(user_id, course_key):
    return f"learner-last-item:{user_id}:{course_key}"


def last_item_opened(enrolment, *, fresh_until):
    """Note the enrolment's last opened item, until ``fresh_until`` (when opening it again would write)."""

    def note():
        seconds = (fresh_until - timezone.now()).total_seconds()
        key = _last_item_key(enrolment.user_id, enrolment.course_key)
        if seconds > 0:
            cache.set(key, enrolment.last_item_key, seconds)
        else:
            cache.delete(key)

    transaction.on_commit(note)


def keep_for_learner(request, response, enrolment, item):
    """Let the middleware keep this lesson or quiz page for the enrolled learner's re-reads."""
    if not getattr(request, "is_preview", False):
        response.learner_cacheable = (enrolment.course_key, item.translation_key)
    return response


def _versions(user_id):
    """(page-cache generation, the learner's progress version)."""
    found = cache.get_many([page_cache.GENERATION_KEY, _version_key(user_id)])  # one round trip when both are kept
    generation = found.get(page_cache.GENERATION_KEY) or page_cache.generation()
    version = found.get(_version_key(user_id)) or page_cache.counter(_version_key(user_id))
    return generation, version


def _signed_in(request):
    """(user id, authentication hash) from the session, without loading the user; None when nobody signed in."""
    session = request.session
    user_id, auth_hash = session.get(SESSION_KEY), session.get(HASH_SESSION_KEY)
    return (user_id, auth_hash) if user_id and auth_hash else None


def _key(request, user_id, auth_hash):
    generation, version = _versions(user_id)
    reader = "\n".join(
        [
            auth_hash,
            settings.SECRET_KEY,  # the hash is signed with it: a new key (as Django logs everyone out) starts afresh
            request.session.get(BACKEND_SESSION_KEY, ""),
            request.session.session_key or "",
            request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
            request.get_host(),
            request.LANGUAGE_CODE,
            request.get_full_path(),
        ]
    )
    digest = hashlib.sha256(reader.encode()).hexdigest()
    return f"learner-page:{generation}:{user_id}:{version}:{digest}"


def _may_use(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME in request.COOKIES
        and not request.COOKIES.get("messages")  # a cookie emptied when its messages were shown is no message
        and MESSAGES_SESSION_KEY not in request.session
    )


def _still_open(user_id, course_key, item_key):
    """Whether opening the item again would write nothing (see ``services.open_item``)."""
    return cache.get(_last_item_key(user_id, course_key)) == item_key


def _authenticated_as(request, user_id, auth_hash):
    """Whether Django authenticated this request's user as ``user_id``, with ``auth_hash`` from the session."""
    user = request.user
    return (
        user.is_authenticated
        and str(user.pk) == str(user_id)
        and constant_time_compare(user.get_session_auth_hash(), auth_hash)
    )


def _is_keepable(request, response, user_id, auth_hash):
    return (
        request.method == "GET"
        and _authenticated_as(request, user_id, auth_hash)
        and getattr(response, "learner_cacheable", None)
        and page_cache.is_storable(response)
        and not request.session.modified
        # Django re-sends the CSRF cookie whenever a form uses it; only a new value makes the page unkeepable.
        and request.META.get("CSRF_COOKIE") in (None, request.COOKIES.get(settings.CSRF_COOKIE_NAME))
    )


class LearnerPageCacheMiddleware:
    """Answer a learner's re-read of a lesson or quiz page with the HTML rendered for them earlier.

    Sits inside the security, session, locale, common and CSRF middleware, which finish a kept response as they
    finish a fresh one, and before the authentication and messages middleware, which a hit does not need: the
    session names the learner and holds their pending messages. ``X-Frame-Options`` is replayed with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = _may_use(request) and _signed_in(request)
        if not signed_in:
            return self.get_response(request)
        user_id, auth_hash = signed_in
        key = _key(request, user_id, auth_hash)
        kept = cache.get(key)
        if kept is not None:
            frozen, course_key, item_key = kept
            if _still_open(user_id, course_key, item_key):
                return page_cache.thaw(frozen)
        response = self.get_response(request)
        if _is_keepable(request, response, user_id, auth_hash):
            course_key, item_key = response.learner_cacheable
            cache.set(key, (page_cache.freeze(response), course_key, item_key), page_cache.TIMEOUT)
        return response
