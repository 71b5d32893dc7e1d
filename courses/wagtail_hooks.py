from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import OwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from .admin_views import BulkEnrolView, courses_user_can_manage
from .certificate_admin import CertificateViewSet
from .h5p.forms import H5PActivityForm
from .models import H5PActivity, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Course topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificates")


class OwnActivityOnly:
    """Open an activity for editing or deleting only when the policy lets the user change that one: Wagtail's
    snippet views check the model permission, which ``add`` alone grants under the ownership policy."""

    def get_object(self, queryset=None):
        activity = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", activity):
            raise PermissionDenied
        return activity


class H5PActivityEditView(OwnActivityOnly, EditView):
    pass


class H5PActivityDeleteView(OwnActivityOnly, DeleteView):
    pass


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "pick"
    menu_label = _("H5P activities")
    menu_order = 305
    add_to_admin_menu = True
    list_display = ["title", "main_library", "uploaded_at", "uploaded_by_user"]
    search_fields = ["title"]
    edit_view_class = H5PActivityEditView
    delete_view_class = H5PActivityDeleteView
    # The form goes with the panels: with panels alone, Wagtail builds a plain model form (no check, no unpacking).
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("package")], base_form_class=H5PActivityForm)


# Hub hosts hold "add": they upload, and edit or delete only what they uploaded (as with images).
register_permission_policy(H5PActivity, OwnershipPermissionPolicy(H5PActivity, owner_field_name="uploaded_by_user"))
register_snippet(H5PActivityViewSet)


@hooks.register("register_admin_urls")
def register_bulk_enrol_url():
    return [path("courses/enrol/", BulkEnrolView.as_view(), name="courses_bulk_enrol")]


class BulkEnrolMenuItem(MenuItem):
    def is_shown(self, request):
        return courses_user_can_manage(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_bulk_enrol_menu_item():
    return BulkEnrolMenuItem(_("Enrol learners"), reverse("courses_bulk_enrol"), icon_name="group", order=310)


from .reports import hooks as report_hooks  # noqa: E402, F401  (the progress reports' admin wiring)
