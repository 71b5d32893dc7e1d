"""StreamField blocks shared by every app's pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .embeds import privacy_embed_url

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)")), ("h4", _("Minor heading (h4)"))],
        default="h2",
        help_text=_("Keep headings in order: an h3 belongs under an h2."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading that also appears in the page outline.")
        preview_value = {"text": "Open parliamentary data", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Text")
        description = _("Formatted text with links and lists.")
        preview_value = "<p>Parliaments share good practice in digital strategy and open data.</p>"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"), help_text=_("Describe the image for readers who cannot see it."))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    attribution = blocks.CharBlock(
        label=_("Credit"), required=False, max_length=120, help_text=_("For example '© Chamber of Deputies of Chile'.")
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with alternative text, caption and credit.")


class VideoBlock(blocks.StructBlock):
    """A video that loads nothing from its host until the reader asks to play it."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(
        label=_("Video address"),
        required=False,
        help_text=_("A YouTube or Vimeo link; leave empty for an uploaded file."),
    )
    file = DocumentChooserBlock(label=_("Video file"), required=False, help_text=_("An MP4 or WebM file."))
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("A .vtt caption file for an uploaded video.")
    )
    captions_language = blocks.CharBlock(
        label=_("Captions language"), required=False, max_length=8, help_text=_("A language code such as 'en' or 'fr'.")
    )
    transcript = DocumentChooserBlock(
        label=_("Transcript"), required=False, help_text=_("A text version of the video.")
    )
    poster = ImageBlock(label=_("Poster image"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("url") and not value.get("file"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Give a video address or choose a video file."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = privacy_embed_url(value.get("url"), get_language() or "")
        return context

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A video with captions and transcript; nothing loads until the reader presses play.")
        preview_value = {"title": "World e-Parliament Conference", "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("A downloadable document with its type and size.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name of its author.")
        preview_value = {
            "text": "A parliament that harnesses digital tools can talk with the people it represents.",
            "attribution": "Centre for Innovation in Parliament",
        }


class LinkValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        return page.specific.url if page else self.get("url")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give an address, not both."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Link"))
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box inviting readers to do one thing.")
        preview_value = {
            "title": "Join a hub",
            "text": "Any parliament may take part in the ICT Governance hub.",
            "link": {"url": "https://www.ipu.org/innovation"},
            "button_label": "Find out how",
        }


class BodyStreamBlock(blocks.StreamBlock):
    """The body of a standard page; other apps extend it with their own blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
