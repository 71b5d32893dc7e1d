"""Settings editors change per site in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..page_cache import remember


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.CharBlock(label=_("Network"), max_length=40, help_text=_("For example 'LinkedIn'."))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link-external"
        label = _("Social link")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact email"), default="innovation@ipu.org", help_text=_("Shown in the footer and on contact pages.")
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=120,
        default="Inter-Parliamentary Union",
        help_text=_("Named in the footer and in structured data for search engines."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        verbose_name=_("social links"),
        help_text=_("Accounts listed in the footer."),
    )

    panels = [FieldPanel("contact_email"), FieldPanel("organisation_name"), FieldPanel("social_links")]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        # Every page's footer reads them; saving them purges the page cache, which retires this copy.
        if site is None:
            return super().for_site(site)
        return remember(f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site))
