"""Package lessons: a lesson whose content is a package exported by an authoring tool (cmi5, Tin Can, SCORM).

A :class:`ContentPackage` is one uploaded version of a package: its files live in Django's storage under
``packages/<id>/`` and are served from the content origin (``PACKAGE_CONTENT_ORIGIN``), never the platform's.
Each launchable unit of the package (a cmi5 AU, a Tin Can activity, a SCORM SCO) is a :class:`PackageItem`, and
each item is one entry of the course outline. An item's ``item_key`` is derived from the lesson's
``translation_key`` and the publisher's id of the unit, so progress stays where it was across the lesson's
languages and across new versions of the package that keep their ids.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from lms.core.models import BasePage

from ..packages.forms import PackageLessonForm
from .items import CourseItemPage


class ContentPackage(models.Model):
    """One uploaded version of a package: what it is, where its files are, and the items it launches."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=16, help_text=_("cmi5, tincan, scorm12 or scorm2004."))
    lesson_key = models.UUIDField(
        _("lesson key"), null=True, blank=True, db_index=True, help_text=_("The translation key of its lesson.")
    )
    publisher_id = models.CharField(_("publisher's id"), max_length=1024)
    title = models.CharField(_("title"), max_length=255)
    structure = models.JSONField(_("structure"), default=dict, help_text=_("Titles, descriptions and blocks."))
    source_name = models.CharField(_("uploaded file"), max_length=255)
    file_count = models.PositiveIntegerField(_("files"), default=0)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("content package")
        verbose_name_plural = _("content packages")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.title} ({self.source_name})"

    @property
    def storage_prefix(self):
        return f"packages/{self.id}/"

    def content_url(self, relative):
        """The absolute URL of a file of the package on the content origin, query string kept."""
        return f"{settings.PACKAGE_CONTENT_ORIGIN}/content/packages/{self.id}/{relative}"


def item_key_for(scope_key, publisher_id):
    """The stable key of a package item: the same lesson (any language, any version) and id give the same key."""
    return uuid.uuid5(scope_key, publisher_id)


class PackageItem(models.Model):
    """A launchable unit of a package (cmi5 AU, Tin Can activity, SCORM SCO): one item of the course outline."""

    package = models.ForeignKey(
        ContentPackage, verbose_name=_("package"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("position"))
    item_key = models.UUIDField(_("item key"), db_index=True)
    publisher_id = models.CharField(_("publisher's id"), max_length=1024)
    title = models.CharField(_("title"), max_length=255)
    titles = models.JSONField(_("titles"), default=dict)
    url = models.CharField(_("URL"), max_length=2048, help_text=_("A path inside the package, or an absolute URL."))
    move_on = models.CharField(_("move on"), max_length=24, default="NotApplicable")
    mastery_score = models.DecimalField(_("mastery score"), max_digits=5, decimal_places=4, null=True, blank=True)
    launch_method = models.CharField(_("launch method"), max_length=12, default="AnyWindow")
    launch_parameters = models.TextField(_("launch parameters"), blank=True)
    entitlement_key = models.TextField(_("entitlement key"), blank=True)
    activity_type = models.CharField(_("activity type"), max_length=1024, blank=True)
    blocks = models.JSONField(_("blocks"), default=list, help_text=_("Publisher ids of its blocks, outermost first."))

    class Meta:
        verbose_name = _("package item")
        verbose_name_plural = _("package items")
        ordering = ["package", "position"]
        constraints = [models.UniqueConstraint(fields=["package", "position"], name="courses_package_item_position")]

    def __str__(self):
        return self.title

    @property
    def is_absolute(self):
        return self.url.startswith(("http://", "https://"))

    @property
    def content_url(self):
        """Where the unit's page is: its absolute URL, or its file on the content origin."""
        return self.url if self.is_absolute else self.package.content_url(self.url)


class PackageLessonPage(CourseItemPage):
    """A lesson whose content is an uploaded package: a cmi5 or Tin Can zip (or a bare cmi5.xml), or SCORM.

    Each launchable unit of the package is one item of the course outline; the content's own statements
    complete them as the package's rules (cmi5 ``moveOn``) say.
    """

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("What the lesson is about."))
    package = models.ForeignKey(
        ContentPackage,
        verbose_name=_("package"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The current version of the package; upload a new file to replace it."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("package_file"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = CourseItemPage.parent_page_types
    subpage_types = []
    base_form_class = PackageLessonForm

    class Meta:
        verbose_name = _("package lesson")

    def package_items(self):
        """The items of the current package in order (none before a package is uploaded)."""
        if self.package_id is None:
            return PackageItem.objects.none()
        return PackageItem.objects.filter(package_id=self.package_id).order_by("position")

    @path("")
    def lesson(self, request):
        from ..package_views import lesson

        return lesson(self, request)

    @path("launch/<int:position>/", name="launch")
    def launch(self, request, position):
        from ..package_views import launch

        return launch(self, request, position)

    @path("returned/", name="returned")
    def returned(self, request):
        from ..package_views import returned

        return returned(self, request)


def package_items_by_package(package_ids):
    """{package id: [items in order]} for the given packages, in one query (for course outlines)."""
    ids = {package_id for package_id in package_ids if package_id is not None}
    grouped = {}
    if not ids:
        return grouped
    for item in PackageItem.objects.filter(package_id__in=ids).select_related("package").order_by("position"):
        grouped.setdefault(item.package_id, []).append(item)
    return grouped
