"""Admin wiring of the reports (imported by ``courses.wagtail_hooks``): URLs, the Reports menu, the dashboard."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .dashboard import ThisMonthPanel
from .scope import scope_for_request


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("learning-reports/", include(urls, namespace="course_reports"))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for_request(request) is not None


REPORT_MENU = (
    (_("Course progress"), "course_reports:courses", "table", 100),
    (_("Learner progress"), "course_reports:learners", "user", 101),
    (_("Learners by parliament"), "course_reports:parliaments", "site", 102),
    (_("Quiz item analysis"), "course_reports:quizzes", "help", 103),
)


def _register(label, url_name, icon, order):
    hooks.register(
        "register_reports_menu_item",
        lambda: ReportMenuItem(label, reverse(url_name), icon_name=icon, order=order, name=url_name.replace(":", "-")),
    )


for spec in REPORT_MENU:
    _register(*spec)


@hooks.register("construct_homepage_panels")
def add_this_month_panel(request, panels):
    scope = scope_for_request(request)
    if scope is not None:
        panels.append(ThisMonthPanel(scope))
