"""Certificates in the Wagtail admin: administrators find one and revoke or reinstate it; nothing else changes.

Only superusers see them: a certificate's revocation reaches its public page and the Open Badges status list.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Certificate


class AdministratorsRevokeOnly(ModelPermissionPolicy):
    """Superusers may list and edit (revoke); no one adds or deletes certificates from the admin."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and action in {"change", "view"})

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        if not {"change", "view"} & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["code", "learner_name", "course_title", "issued_at", "revoked_at"]
    list_filter = ["language"]
    search_fields = ["code", "learner_name", "course_title"]
    form_fields = ["revocation_reason"]
    copy_view_enabled = False
    inspect_view_enabled = True


register_permission_policy(Certificate, AdministratorsRevokeOnly(Certificate))
