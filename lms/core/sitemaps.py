from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists one language only; this one lists the live pages of every language."""

    def items(self):
        roots = Page.objects.filter(translation_key=self.get_wagtail_site().root_page.translation_key)
        tree = Page.objects.none()
        for root in roots:
            tree |= Page.objects.descendant_of(root, inclusive=True)
        return tree.live().public().order_by("path").defer_streamfields().specific()
