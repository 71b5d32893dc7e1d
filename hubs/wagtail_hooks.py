from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from .models import JoinRequest, OpenDataPortal, Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "level", "url"]
    list_filter = ["level"]
    search_fields = ["name"]


class OpenDataPortalViewSet(SnippetViewSet):
    model = OpenDataPortal
    icon = "table"
    menu_label = _("Open-data catalogue")
    list_display = ["parliament", "update_frequency", "reachable", "last_checked_at"]
    list_filter = ["update_frequency", "reachable"]


class HostPermissionPolicy(ModelPermissionPolicy):
    """A hub's hosts and reviewers (its groups, see hubs/roles.py) may read and update its join requests."""

    def _hosts_a_hub(self, user):
        from .roles import hubs_of

        return hubs_of(user).exists()

    def user_has_permission(self, user, action):
        if action in {"view", "change"} and self._hosts_a_hub(user):
            return True
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action in {"view", "change"} and JoinRequest.objects.visible_to(user).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_permission_for(self, user, action):
        if super().user_has_permission(user, action):
            return JoinRequest.objects.all()
        if action in {"view", "change"}:
            return JoinRequest.objects.visible_to(user)
        return JoinRequest.objects.none()


class JoinRequestEditView(EditView):
    def get_queryset(self):
        return JoinRequest.objects.visible_to(self.request.user)


class JoinRequestViewSet(SnippetViewSet):
    model = JoinRequest
    icon = "mail"
    menu_label = _("Join requests")
    list_display = ["organisation", "kind", "hub", "partnership_level", "status", "created_at"]
    list_filter = ["status", "kind", "partnership_level"]
    search_fields = ["organisation", "contact_name", "email"]
    edit_view_class = JoinRequestEditView

    def get_queryset(self, request):
        return JoinRequest.objects.visible_to(request.user).select_related("hub")


class CentreViewSetGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, OpenDataPortalViewSet, JoinRequestViewSet)
    menu_icon = "site"
    menu_label = _("Centre")
    menu_name = "centre"


register_permission_policy(JoinRequest, HostPermissionPolicy(JoinRequest))
register_snippet(CentreViewSetGroup)


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_outside_the_users_pages(pages, request):
    """The page chooser lists live pages and the pages the user may edit: a hub's host does not see the titles
    of another hub's unpublished pages."""
    if request.user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["add", "change"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
