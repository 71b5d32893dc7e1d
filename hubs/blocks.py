"""StreamField blocks of the Centre and hub pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FocusAreaBlock(blocks.StructBlock):
    """One area a hub works on, with a sentence explaining it."""

    title = blocks.CharBlock(label=_("Focus area"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=500)

    class Meta:
        icon = "tag"
        template = "hubs/blocks/focus_area_block.html"
        label = _("Focus area")
        description = _("An area of work of the hub.")
        preview_value = {
            "title": "Open standards",
            "description": "Publishing parliamentary data in structured, machine-readable formats.",
        }


class FocusAreasBlock(blocks.StreamBlock):
    area = FocusAreaBlock()
