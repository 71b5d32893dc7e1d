"""Course topics: a short list administrators edit as snippets and translate like pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject a course belongs to (ICT governance, open data, digital strategy ...); used to filter the catalogue."""

    name = models.CharField(_("name"), max_length=80, help_text=_("Shown on course cards and in the catalogue filter."))
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in catalogue addresses; keep it the same in every language of the topic."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="courses_topic_unique_slug_per_locale")]

    def __str__(self):
        return self.name
