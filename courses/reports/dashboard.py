"""The admin home panel: enrolments and completions this month, for a host's hubs or the whole platform."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

TOP_COURSES = 10


def month_start(now=None):
    local = timezone.localtime(now or timezone.now())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def this_month(scope, now=None):
    """(totals, rows): this month's enrolments and completions in scope, and per course, busiest first."""
    since = month_start(now)
    enrolments = scope.enrolments().filter(Q(enrolled_at__gte=since) | Q(completed_at__gte=since))
    rows = (
        enrolments.values("course_key")
        .annotate(
            enrolled=Count("pk", filter=Q(enrolled_at__gte=since)),
            completed=Count("pk", filter=Q(completed_at__gte=since)),
        )
        .order_by("-enrolled", "-completed", "course_key")
    )
    totals = {"enrolled": 0, "completed": 0}
    courses = []
    for row in rows:
        totals["enrolled"] += row["enrolled"]
        totals["completed"] += row["completed"]
        course = scope.courses.get(str(row["course_key"]))
        if course is not None and len(courses) < TOP_COURSES:
            courses.append({"course": course, "enrolled": row["enrolled"], "completed": row["completed"]})
    return totals, courses


class ThisMonthPanel(Component):
    name = "learning_this_month"
    template_name = "courses/reports/dashboard_panel.html"
    order = 90

    def __init__(self, scope):
        self.scope = scope

    def get_context_data(self, parent_context):
        totals, courses = this_month(self.scope)
        return {
            "totals": totals,
            "courses": courses,
            "is_admin": self.scope.is_admin,
            "month": month_start(),
        }
