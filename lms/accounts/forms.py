"""Forms for sign-up, the learner's profile and the admin's user editor."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import User

PROFILE_FIELDS = ["full_name", "parliament", "job_title", "country", "preferred_language"]


class SignupDetailsForm(forms.Form):
    """The fields allauth's sign-up form adds to email and password."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.preferred_language = getattr(request, "LANGUAGE_CODE", user.preferred_language)
        user.save(update_fields=["full_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = PROFILE_FIELDS
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}


def _without_split_names(fields):
    return (set(fields) - {"first_name", "last_name"}) | set(PROFILE_FIELDS)


class AdminUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = _without_split_names(UserCreationForm.Meta.fields)


class AdminUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = _without_split_names(UserEditForm.Meta.fields)
