"""The public join-request form, with its spam protection: a honeypot field and a signed time stamp."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import HubPage, JoinRequest, Partner

TIMESTAMP_SALT = "hubs.join-request"
MIN_SECONDS = 3  # people take longer than this to fill the form; scripts do not
MAX_SECONDS = 24 * 3600


class JoinRequestForm(forms.ModelForm):
    hub = forms.ModelChoiceField(
        label=_("Hub"),
        queryset=HubPage.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Choose a hub"),
        help_text=_("The hub your parliament wishes to join."),
    )
    # Hidden from people by CSS and from screen readers by aria-hidden; only robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = JoinRequest
        fields = ["kind", "hub", "partnership_level", "organisation", "contact_name", "position", "email", "message"]
        widgets = {
            "kind": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, hubs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs if hubs is not None else HubPage.objects.none()
        self.fields["partnership_level"].choices = [("", _("Choose a level"))] + list(Partner.Level.choices)
        self.fields["kind"].choices = JoinRequest.Kind.choices
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)
        for name in ("organisation", "contact_name", "email"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "organisation": "organization",
                "contact_name": "name",
                "email": "email",
            }[name]

    def clean_website(self):
        if self.cleaned_data.get("website"):
            # Shown above the form: the field itself is out of sight, and only robots fill it in.
            raise forms.ValidationError(_("The hidden field “Leave this field empty” must stay empty."))
        return ""

    def restart_clock(self):
        """Give the form sent back a fresh time stamp, so that the person can send it again."""
        self.data = self.data.copy()
        self.data["started"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)

    def clean_started(self):
        try:
            started = signing.loads(self.cleaned_data["started"], salt=TIMESTAMP_SALT, max_age=MAX_SECONDS)
        except signing.SignatureExpired:
            self.restart_clock()
            raise forms.ValidationError(_("The form has expired; please reload the page and send it again.")) from None
        except (signing.BadSignature, TypeError, ValueError):
            self.restart_clock()
            raise forms.ValidationError(_("The form was altered; please reload the page and send it again.")) from None
        if time.time() - float(started) < MIN_SECONDS:
            raise forms.ValidationError(_("The form was sent too fast; please check it and send it again."))
        return started

    def clean(self):
        cleaned_data = super().clean()
        for hidden in ("website", "started"):
            if hidden in self.errors:
                self.add_error(None, self.errors.pop(hidden))
        kind = cleaned_data.get("kind")
        if kind == JoinRequest.Kind.HUB and not cleaned_data.get("hub"):
            self.add_error("hub", _("Choose the hub you wish to join."))
        if kind == JoinRequest.Kind.PARTNER:
            cleaned_data["hub"] = None
            if not cleaned_data.get("partnership_level"):
                self.add_error("partnership_level", _("Choose the level of partnership you are interested in."))
        if kind == JoinRequest.Kind.HUB:
            cleaned_data["partnership_level"] = ""
        return cleaned_data
