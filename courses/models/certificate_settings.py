"""Who signs the platform's certificates, set by administrators per site."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """The issuer named on certificates and in their Open Badges, and the signatory printed on the PDF."""

    issuer_name = models.CharField(
        _("issuer"),
        max_length=160,
        blank=True,
        help_text=_(
            "The organisation that awards the certificates, as printed and as named in each Open Badge. "
            "Empty: 'Inter-Parliamentary Union · Centre for Innovation in Parliament', in the certificate's language."
        ),
    )
    signatory_name = models.CharField(
        _("signatory"), max_length=120, blank=True, help_text=_("The person who signs the certificates.")
    )
    signatory_title = models.CharField(
        _("signatory's title"),
        max_length=160,
        blank=True,
        help_text=_("For example 'Director, Centre for Innovation in Parliament'."),
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature on a white or transparent background, printed above the name."),
    )

    panels = [
        FieldPanel("issuer_name"),
        FieldPanel("signatory_name"),
        FieldPanel("signatory_title"),
        FieldPanel("signature"),
    ]

    class Meta:
        verbose_name = _("certificate settings")

    def issuer_for(self, language):
        """The issuer's name as a certificate in ``language`` prints it."""
        if self.issuer_name:
            return self.issuer_name
        with translation.override(language):
            return gettext("Inter-Parliamentary Union · Centre for Innovation in Parliament")
