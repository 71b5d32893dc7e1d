from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import SessionAdminForm, SubmissionModerationForm
from .models import Person, Session, ShowcaseSubmission, VideoEntry


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "time"
    menu_label = _("Sessions")
    list_display = ["title", "start", "kind", "theme", "conference"]
    list_filter = ["kind", "conference"]
    search_fields = ["title"]
    ordering = ["start"]

    def get_form_class(self, for_update=False):
        return type("SessionForm", (SessionAdminForm, super().get_form_class(for_update)), {})


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Speakers and moderators")
    list_display = ["name", "parliament", "position"]
    search_fields = ["name"]


class VideoViewSet(SnippetViewSet):
    model = VideoEntry
    icon = "media"
    menu_label = _("Video library")
    list_display = ["title", "kind", "parliament", "language", "recorded_on", "shown_in_plenary", "published"]
    list_filter = ["kind", "language", "shown_in_plenary", "published"]
    search_fields = ["title"]


class ModerationPolicy(ModelPermissionPolicy):
    """Submissions come from participants on the site: moderators change and delete, never add."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ShowcaseSubmission, ModerationPolicy(ShowcaseSubmission))


class SubmissionViewSet(SnippetViewSet):
    model = ShowcaseSubmission
    icon = "upload"
    menu_label = _("Showcase submissions")
    list_display = ["title", "parliament", "submitter", "status", "submitted_at"]
    list_filter = ["status", "theme__code", "language"]
    search_fields = ["title"]
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title", read_only=True),
                FieldRowPanel([FieldPanel("parliament", read_only=True), FieldPanel("theme", read_only=True)]),
                FieldPanel("summary", read_only=True),
                FieldRowPanel([FieldPanel("language", read_only=True), FieldPanel("duration_seconds", read_only=True)]),
                FieldPanel("video_url", read_only=True),
                FieldPanel("video_file", read_only=True),
                FieldPanel("captions", read_only=True),
                FieldRowPanel(
                    [FieldPanel("consent_publish", read_only=True), FieldPanel("rights_confirmed", read_only=True)]
                ),
                FieldPanel("submitter", read_only=True),
            ],
            heading=_("Submission"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("moderator_note")], heading=_("Moderation")),
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        return type("SubmissionAdminForm", (SubmissionModerationForm, form_class), {})


class ConferenceViewSetGroup(SnippetViewSetGroup):
    items = (SessionViewSet, PersonViewSet, VideoViewSet, SubmissionViewSet)
    menu_icon = "date"
    menu_label = _("Conference")
    menu_name = "conference"


register_snippet(ConferenceViewSetGroup)
