"""The course catalogue page."""

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from lms.core.models import BasePage

from .course import CoursePage


class CatalogPage(BasePage):
    """The course catalogue of one language: every live course, filtered by topic, hub, level and language."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown above the courses.")
    )
    courses_per_page = models.PositiveSmallIntegerField(
        _("courses per page"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("How many course cards each page of the catalogue shows."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("courses_per_page")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["core.HomePage"]
    subpage_types = []  # courses live under their hub; the catalogue only gathers them

    class Meta:
        verbose_name = _("course catalogue")

    def courses(self):
        """Every live, public course of the site in every language, with what a card shows."""
        site_root = self.get_site().root_page if self.get_site() else None
        courses = CoursePage.objects.live().public()
        if site_root is not None:
            roots = Page.objects.filter(translation_key=site_root.translation_key)
            query = models.Q()
            for root in roots:
                query |= models.Q(path__startswith=root.path)
            courses = courses.filter(query)
        return courses.select_related("topic", "cover_image", "locale").order_by("title")

    def get_context(self, request, *args, **kwargs):
        from ..filters import CatalogFilter
        from ..services import progress_by_course

        context = super().get_context(request, *args, **kwargs)
        courses = CatalogFilter(request.GET or None, queryset=self.courses(), catalog=self)
        page_obj = Paginator(courses.qs, self.courses_per_page).get_page(request.GET.get("page"))
        listed = list(page_obj.object_list)
        progress = progress_by_course(request.user, listed)
        hubs = hubs_of(listed)
        context.update(
            filter=courses,
            page_obj=page_obj,
            extra_query=courses.query_string(),
            cards=[(course, progress.get(course.translation_key), hubs.get(course.pk)) for course in listed],
        )
        return context


def hubs_of(courses):
    """{course id: the hub it sits under, with its logo} for a page of cards, in one query."""
    from hubs.models import HubPage

    parent_paths = {course.pk: course.path[: -Page.steplen] for course in courses}
    found = HubPage.objects.filter(path__in=set(parent_paths.values())).select_related("logo")
    by_path = {hub.path: hub for hub in found}
    return {pk: by_path[path] for pk, path in parent_paths.items() if path in by_path}
