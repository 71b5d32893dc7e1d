"""Admin forms of the LRS: credentials and external LRS targets."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ForwardingTarget, LRSClient


class LRSClientForm(WagtailAdminModelForm):
    """An LRS client's name, scopes and state; key and secret are generated on creation."""

    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=LRSClient.Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=LRSClient.DEFAULT_SCOPES,
        help_text=_("“all” allows everything; “statements/read/mine” reads only what this client wrote."),
    )

    class Meta:
        model = LRSClient
        fields = ["name", "scopes", "is_active"]


class ForwardingTargetForm(WagtailAdminModelForm):
    """An external LRS; the password is kept unless a new one is typed."""

    endpoint = forms.URLField(
        label=_("Endpoint"),
        assume_scheme="https",
        max_length=500,
        help_text=_("The LRS's xAPI base URL, e.g. https://lrs.example.org/xapi/"),
    )
    password = forms.CharField(
        label=_("Secret or password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the current one."),
    )

    class Meta:
        model = ForwardingTarget
        fields = ["name", "endpoint", "username", "password", "version", "is_active", "batch_size"]

    def clean_password(self):
        """An empty password field keeps the stored one."""
        return self.cleaned_data["password"] or (self.instance.password if self.instance.pk else "")

    def clean_version(self):
        """Only xAPI versions an LRS can speak."""
        version = self.cleaned_data["version"]
        if version not in ("1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"):
            raise forms.ValidationError(_("Use an xAPI version: 1.0.3 or 2.0.0."))
        return version
