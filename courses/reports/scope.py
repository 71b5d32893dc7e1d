"""What a user's reports cover: every course for administrators, their hubs' courses for hub hosts.

A user's hubs follow from their page permissions: whoever may edit or publish a hub page (directly, or
through an ancestor) hosts it for the reports. Courses are identified by their translation key, so a course
and its translations are one row.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import translation
from wagtail.permission_policies.pages import PagePermissionPolicy

from hubs.models import HubPage

from ..models import CoursePage, Enrolment


@dataclass(frozen=True)
class HubInfo:
    key: str
    title: str


@dataclass(frozen=True)
class CourseInfo:
    key: str
    title: str
    hub: HubInfo | None
    page_ids: tuple = field(default=())


def is_administrator(user):
    return bool(user.is_active and user.is_superuser)


def _one_per_key(pages, language):
    """One page per translation key: the one in ``language`` if there is one, else the first by locale."""
    chosen = {}
    for page in pages:
        key = str(page.translation_key)
        current = chosen.get(key)
        if current is None or (page.locale.language_code == language and current.locale.language_code != language):
            chosen[key] = page
    return chosen


class ReportScope:
    """The hubs and courses a user's reports cover; raise PermissionDenied for users with none."""

    def __init__(self, user):
        self.user = user
        self.is_admin = is_administrator(user)
        if not user.is_authenticated or not (self.is_admin or self._hub_pages().exists()):
            raise PermissionDenied

    def _hub_pages(self):
        if self.is_admin:
            return HubPage.objects.all()
        return PagePermissionPolicy(HubPage).instances_user_has_any_permission_for(self.user, ["change", "publish"])

    @cached_property
    def _all_hub_pages(self):
        """Every hub page in scope, in every language (a host granted one language sees its translations too)."""
        keys = self._hub_pages().values("translation_key")
        return list(HubPage.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"))

    @cached_property
    def hubs(self):
        """{hub key: HubInfo}, titled in the active language where possible, sorted by title."""
        chosen = _one_per_key(self._all_hub_pages, translation.get_language())
        infos = [HubInfo(key=key, title=page.title) for key, page in chosen.items()]
        return {info.key: info for info in sorted(infos, key=lambda info: info.title.lower())}

    @cached_property
    def courses(self):
        """{course key: CourseInfo} of every course (any language, live or draft) under the hubs in scope."""
        hub_paths = [(page.path, str(page.translation_key)) for page in self._all_hub_pages]
        pages = (
            CoursePage.objects.select_related("locale")
            .order_by("path")
            .only("pk", "title", "path", "translation_key", "locale__language_code")
        )
        if not self.is_admin:
            if not hub_paths:
                return {}
            query = Q()
            for path, _key in hub_paths:
                query |= Q(path__startswith=path)
            pages = pages.filter(query)
        pages = list(pages)
        ids_by_key = {}
        for page in pages:
            ids_by_key.setdefault(str(page.translation_key), []).append(page.pk)
        chosen = _one_per_key(pages, translation.get_language())
        infos = []
        for key, page in chosen.items():
            hub_key = next((hub for path, hub in hub_paths if page.path.startswith(path)), None)
            hub = self.hubs.get(hub_key) if hub_key else None
            infos.append(CourseInfo(key=key, title=page.title, hub=hub, page_ids=tuple(ids_by_key[key])))
        return {info.key: info for info in sorted(infos, key=lambda info: info.title.lower())}

    def courses_of_hub(self, hub_key):
        return [info for info in self.courses.values() if info.hub and info.hub.key == hub_key]

    def enrolments(self):
        """The enrolments the user may report on."""
        enrolments = Enrolment.objects.all()
        if not self.is_admin:
            enrolments = enrolments.filter(course_key__in=list(self.courses))
        return enrolments

    def check_course(self, key):
        """PermissionDenied unless the course ``key`` is in scope."""
        if str(key) not in self.courses:
            raise PermissionDenied


def scope_for_request(request):
    """The ReportScope of the request's user, or None if they have no reports; worked out once per request
    (the admin menu asks as well as the report view)."""
    if not hasattr(request, "_report_scope"):
        try:
            request._report_scope = ReportScope(request.user)
        except PermissionDenied:
            request._report_scope = None
    return request._report_scope
