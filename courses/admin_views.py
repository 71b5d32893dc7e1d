"""Admin view for hub hosts and administrators: enrol learners in bulk from a CSV file of email addresses."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import services
from .forms import BulkEnrolForm
from .models import CoursePage


def courses_user_can_manage(user):
    """The courses a user may enrol learners in: those whose pages they may edit (all, for administrators)."""
    return (
        PagePermissionPolicy(CoursePage)
        .instances_user_has_any_permission_for(user, ["change", "publish"])
        .select_related("locale")
        .order_by("title", "locale__language_code")
    )


class BulkEnrolView(WagtailAdminTemplateMixin, View):
    """Upload a CSV of email addresses; each row is reported as enrolled or invited (with or without the
    prerequisites), already enrolled or invited, or invalid."""

    template_name = "courses/admin/bulk_enrol.html"
    page_title = _("Enrol learners")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.courses = courses_user_can_manage(request.user)
        if not self.courses.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        initial = {"course": request.GET.get("course")} if request.GET.get("course", "").isdigit() else {}
        return self.render_form(BulkEnrolForm(courses=self.courses, initial=initial))

    def post(self, request):
        form = BulkEnrolForm(request.POST, request.FILES, courses=self.courses)
        if not form.is_valid():
            return self.render_form(form, status=400)
        try:
            report = services.bulk_enrol(form.cleaned_data["course"], form.cleaned_data["file"], by=request.user)
        except services.EnrolmentError as error:
            form.add_error("file", str(error))
            return self.render_form(form, status=400)
        totals = [
            (label, sum(1 for row in report if row.outcome == outcome))
            for outcome, label in services.BULK_OUTCOMES.items()
        ]
        return self.render_form(form, report=report, totals=totals, course=form.cleaned_data["course"])

    def render_form(self, form, status=200, **extra):
        context = self.get_context_data(form=form, **extra)
        return render(self.request, self.template_name, context, status=status)
