"""Every role against every admin view, report, export, page edit and LRS resource, with the expected outcome.

Outcomes: ``ok`` (200), ``forbidden`` (403), ``denied`` (Wagtail's permission-denied redirect to the
dashboard), ``login`` (sent to the admin login page), ``unauthorised`` (401, the LRS asks for its credentials).
A host of hub A gets 403 or Wagtail's denial on everything of hub B, and the reverse.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "learner", "host_a", "host_b", "administrator")


def report(name, **params):
    def url(pages):
        query = "&".join(f"{key}={value(pages) if callable(value) else value}" for key, value in params.items())
        return reverse(f"course_reports:{name}") + (f"?{query}" if query else "")

    return url


def course_report(which, export=""):
    def url(pages):
        return reverse("course_reports:course", args=[pages[which].translation_key]) + (
            f"?export={export}" if export else ""
        )

    return url


def page_view(name, which):
    return lambda pages: reverse(name, args=[pages[which].pk])


def add_course_under(which):
    return lambda pages: reverse("wagtailadmin_pages:add", args=["courses", "coursepage", pages[which].pk])


def key_of(which):
    return lambda pages: str(pages[which].translation_key)


def fixed(path):
    return lambda pages: path


# resource: (url builder, {role: outcome}); roles not listed expect the default for that resource's kind.
ADMIN_ONLY = {"anonymous": "login", "learner": "login", "host_a": "denied", "host_b": "denied", "administrator": "ok"}
HOSTS_AND_ADMIN = {"anonymous": "login", "learner": "login", "host_a": "ok", "host_b": "ok", "administrator": "ok"}
HUB_A = {"anonymous": "login", "learner": "login", "host_a": "ok", "host_b": "forbidden", "administrator": "ok"}
HUB_B = {**HUB_A, "host_a": "forbidden", "host_b": "ok"}
HUB_A_PAGES = {**HUB_A, "host_b": "denied"}
HUB_B_PAGES = {**HUB_B, "host_a": "denied"}

MATRIX = {
    "admin dashboard": (fixed("/admin/"), HOSTS_AND_ADMIN),
    "course report": (report("courses"), HOSTS_AND_ADMIN),
    "course report CSV": (report("courses", export="csv"), HOSTS_AND_ADMIN),
    "course report XLSX": (report("courses", export="xlsx"), HOSTS_AND_ADMIN),
    "course report filtered on hub A": (report("courses", hub=key_of("hub_a")), HUB_A),
    "course report filtered on hub B": (report("courses", hub=key_of("hub_b")), HUB_B),
    "course A report": (course_report("course_a"), HUB_A),
    "course A lessons CSV": (course_report("course_a", "csv"), HUB_A),
    "course B report": (course_report("course_b"), HUB_B),
    "course B lessons CSV": (course_report("course_b", "csv"), HUB_B),
    "learner report": (report("learners"), HOSTS_AND_ADMIN),
    "learner CSV": (report("learners", export="csv"), HOSTS_AND_ADMIN),
    "learners of course A": (report("learners", course=key_of("course_a")), HUB_A),
    "learners of course B, XLSX": (report("learners", course=key_of("course_b"), export="xlsx"), HUB_B),
    "parliament report": (report("parliaments"), HOSTS_AND_ADMIN),
    "parliament report of hub B, CSV": (report("parliaments", hub=key_of("hub_b"), export="csv"), HUB_B),
    "quiz item analysis": (report("quizzes"), HOSTS_AND_ADMIN),
    "quiz item analysis of course A": (report("quizzes", course=key_of("course_a")), HUB_A),
    "edit hub A": (page_view("wagtailadmin_pages:edit", "hub_a"), HUB_A_PAGES),
    "edit hub B": (page_view("wagtailadmin_pages:edit", "hub_b"), HUB_B_PAGES),
    "edit course A": (page_view("wagtailadmin_pages:edit", "course_a"), HUB_A_PAGES),
    "edit course B": (page_view("wagtailadmin_pages:edit", "course_b"), HUB_B_PAGES),
    "add a course to hub A": (add_course_under("hub_a"), HUB_A_PAGES),
    "add a course to hub B": (add_course_under("hub_b"), HUB_B_PAGES),
    "delete course B": (page_view("wagtailadmin_pages:delete", "course_b"), {**HUB_B_PAGES, "host_b": "denied"}),
    "images": (fixed("/admin/images/"), HOSTS_AND_ADMIN),
    "documents": (fixed("/admin/documents/"), HOSTS_AND_ADMIN),
    "enrol learners in bulk": (fixed("/admin/courses/enrol/"), HOSTS_AND_ADMIN),
    "users": (fixed("/admin/users/"), ADMIN_ONLY),
    "groups": (fixed("/admin/groups/"), ADMIN_ONLY),
    "workflows": (fixed("/admin/workflows/list/"), ADMIN_ONLY),
    "xAPI forwarding queue": (fixed("/admin/xapi/outbox/"), ADMIN_ONLY),
    "xAPI forwarding queue, failed only, CSV": (fixed("/admin/xapi/outbox/?status=failed&export=csv"), ADMIN_ONLY),
    "xAPI external LRSs": (fixed("/admin/xapi_targets/"), ADMIN_ONLY),
    "xAPI clients": (fixed("/admin/xapi_clients/"), ADMIN_ONLY),
    # Without LRS credentials a signed-in user reads only their own statements (see the test below).
    "LRS statements resource": (fixed("/xapi/statements"), {**dict.fromkeys(ROLES, "ok"), "anonymous": "unauthorised"}),
}


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return "login"
        if location == "/admin/":
            return "denied"
        return f"redirect {location}"
    return {200: "ok", 401: "unauthorised", 403: "forbidden"}.get(response.status_code, str(response.status_code))


@pytest.fixture
def people(learner, host_a, host_b, administrator):
    return {"anonymous": None, "learner": learner, "host_a": host_a, "host_b": host_b, "administrator": administrator}


@pytest.fixture
def pages(hub_a, hub_b, course_a, course_b):
    return {"hub_a": hub_a, "hub_b": hub_b, "course_a": course_a, "course_b": course_b}


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role, people, pages, records):
    if people[role] is not None:
        client.force_login(people[role])
    seen = {}
    for name, (url, expected) in MATRIX.items():
        response = client.get(url(pages), headers={"X-Experience-API-Version": "1.0.3"})
        seen[name] = outcome(response)
        expected_outcome = expected[role]
        assert seen[name] == expected_outcome, f"{role} on {name}: got {seen[name]}, expected {expected_outcome}"
    assert set(seen) == set(MATRIX)


def test_through_the_lrs_a_host_reads_no_learners_statements(client, host_a, course_a):
    from courses import services
    from lms.accounts.factories import UserFactory

    learner_of_a = UserFactory(email="learner-of-a@example.org")
    services.enrol(learner_of_a, course_a, language="en")
    client.force_login(host_a)
    response = client.get("/xapi/statements", headers={"X-Experience-API-Version": "1.0.3"})
    assert response.status_code == 200
    assert response.json()["statements"] == []
