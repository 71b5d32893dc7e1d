"""The editor flow through the admin's own views, and bulk enrolment by CSV."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, Enrolment, Invitation, LessonPage, QuizPage
from lms.accounts.factories import UserFactory
from tests.reports.conftest import host_of


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def admin_add(client, parent, model, fields):
    """Create and publish a page through Wagtail's own 'add page' view, as an editor does."""
    url = reverse("wagtailadmin_pages:add", args=("courses", model.__name__.lower(), parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = {"slug": "", "seo_title": "", "search_description": "", "social_text": "", "action-publish": "1"}
    data.update(nested_form_data(fields))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return model.objects.child_of(parent).get(title=fields["title"])


def test_an_editor_builds_a_course_with_a_lesson_and_a_quiz_in_the_admin(admin_client, hub, topic):
    course = admin_add(
        admin_client,
        hub,
        CoursePage,
        {
            "title": "Open parliamentary data",
            "slug": "open-parliamentary-data",
            "summary": "Why and how parliaments publish open data.",
            "topic": str(topic.pk),
            "level": "beginner",
            "duration_minutes": "90",
            "completion_rule": "required",
            "issues_certificate": "on",
            "enrolment_open": "on",
            "objectives": streamfield([("objective", "Explain what makes data open")]),
        },
    )
    lesson = admin_add(
        admin_client,
        course,
        LessonPage,
        {
            "title": "What is open data",
            "slug": "what-is-open-data",
            "estimated_minutes": "15",
            "required": "on",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Open data is structured and free to reuse.</p>")),
                    ("callout", {"kind": "tip", "title": "Chile", "text": rich_text("<p>Daily votes.</p>")}),
                    (
                        "key_points",
                        {
                            "title": "Key points",
                            "points": {"count": "1", "0": {"value": "Machine-readable", "deleted": "", "order": "0"}},
                        },
                    ),
                ]
            ),
        },
    )
    choices = {
        "count": "2",
        "0": {"value": {"text": "CSV", "correct": "on", "feedback": "Yes."}, "deleted": "", "order": "0"},
        "1": {"value": {"text": "PDF", "feedback": "No: made for people."}, "deleted": "", "order": "1"},
    }
    quiz = admin_add(
        admin_client,
        course,
        QuizPage,
        {
            "title": "Open data quiz",
            "slug": "open-data-quiz",
            "pass_mark": "50",
            "max_attempts": "3",
            "estimated_minutes": "5",
            "required": "on",
            "questions": streamfield(
                [
                    (
                        "single_choice",
                        {"question": "Which is machine-readable?", "explanation": "", "choices": choices},
                    ),
                    (
                        "true_false",
                        {
                            "question": "Open data is free to reuse.",
                            "correct_answer": "on",
                            "explanation": "",
                            "feedback_true": "",
                            "feedback_false": "",
                        },
                    ),
                ]
            ),
        },
    )
    assert course.live and lesson.live and quiz.live
    assert [block.block_type for block in lesson.body] == ["paragraph", "callout", "key_points"]
    questions = quiz.question_list()
    assert [q.kind for q in questions] == ["single", "true_false"]
    assert [o.correct for o in questions[0].options] == [True, False]
    assert course.hub == hub and course.topic == topic


def test_the_admin_refuses_a_single_choice_question_without_one_correct_answer(admin_client, course):
    url = reverse("wagtailadmin_pages:add", args=("courses", "quizpage", course.pk))
    choices = {
        "count": "2",
        "0": {"value": {"text": "A", "feedback": ""}, "deleted": "", "order": "0"},
        "1": {"value": {"text": "B", "feedback": ""}, "deleted": "", "order": "1"},
    }
    data = nested_form_data(
        {
            "title": "Broken quiz",
            "slug": "broken",
            "pass_mark": "50",
            "max_attempts": "3",
            "estimated_minutes": "5",
            "questions": streamfield([("single_choice", {"question": "?", "explanation": "", "choices": choices})]),
        }
    )
    response = admin_client.post(url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert not QuizPage.objects.filter(title="Broken quiz").exists()


BULK_URL = "/admin/courses/enrol/"


def upload(client, course, text):
    file = SimpleUploadedFile("learners.csv", text.encode(), content_type="text/csv")
    return client.post(BULK_URL, {"course": course.pk, "file": file})


def test_bulk_enrolment_reports_each_row(admin_client, course, learner, django_capture_on_commit_callbacks):
    UserFactory(email="already@example.org")
    admin_client.post(BULK_URL, {})  # an empty form is a clear 400, not a crash
    upload(admin_client, course, "already@example.org\n")
    with django_capture_on_commit_callbacks() as callbacks:
        response = upload(
            admin_client,
            course,
            f"email\n{learner.email.upper()}\nalready@example.org\nnew.person@parliament.example\nnot an address\n\n",
        )
    assert response.status_code == 200
    outcomes = [row.outcome for row in response.context["report"]]
    assert outcomes == ["added", "already_enrolled", "added", "invalid"]
    assert [row.line for row in response.context["report"]] == [2, 3, 4, 5]
    assert Enrolment.objects.filter(user=learner, source="bulk").exists()
    assert Invitation.objects.get().email == "new.person@parliament.example"
    # one invitation email enqueued (test_tasks.py sends it)
    assert len(callbacks) == 1


def test_bulk_enrolment_rejects_bad_files(admin_client, course):
    assert admin_client.post(BULK_URL, {"course": course.pk}).status_code == 400
    response = admin_client.post(
        BULK_URL, {"course": course.pk, "file": SimpleUploadedFile("x.csv", b"\xff\xfe\x00\x00binary\x00")}
    )
    assert response.status_code in (200, 400)
    assert not Enrolment.objects.exists()


def test_an_invited_person_is_enrolled_when_they_confirm_their_address(admin_client, course):
    from allauth.account.models import EmailAddress
    from allauth.account.signals import email_confirmed

    upload(admin_client, course, "invitee@example.org\n")
    user = UserFactory(email="invitee@example.org")
    address = EmailAddress.objects.get(user=user)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    enrolment = Enrolment.objects.get(user=user)
    assert enrolment.source == "invitation" and Invitation.objects.get().accepted_at is not None


def test_bulk_enrolment_is_for_hosts_of_the_course_and_administrators(client, course, hub):
    learner = UserFactory()
    client.force_login(learner)
    assert client.get(BULK_URL).status_code in (302, 403)
    host = UserFactory(is_staff=True)
    group = Group.objects.create(name="ICT hub hosts")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    host.groups.add(group)
    client.force_login(host)
    refused = client.get(BULK_URL)  # Wagtail turns the refusal into a redirect to the dashboard with a message
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert upload(client, course, "someone@example.org\n").status_code == 302
    assert not Invitation.objects.exists()
    GroupPagePermission.objects.create(group=group, page=hub, permission=Permission.objects.get(codename="change_page"))
    response = client.get(BULK_URL)
    assert response.status_code == 200 and course.title.encode() in response.content


@pytest.fixture
def host_client(client, hub):
    """A client logged in as a host of ``hub`` (which holds ``course``), not an administrator."""
    client.force_login(host_of(hub, "host@example.org"))
    return client


def test_the_report_does_not_tell_a_host_who_has_an_account(host_client, course, learner):
    response = upload(host_client, course, f"{learner.email}\nnobody.yet@example.org\n")
    assert [row.outcome for row in response.context["report"]] == ["added", "added"]
    rows = response.content.decode().split('<tr data-outcome="')[1:]
    assert [row.split("</tr>")[0].split("<td>")[-1] for row in rows] == ["Enrolled or invited</td>"] * 2
    again = upload(host_client, course, f"{learner.email}\nnobody.yet@example.org\n")
    assert [row.outcome for row in again.context["report"]] == ["already_enrolled", "already_enrolled"]
    assert Invitation.objects.count() == 1


def test_a_host_adds_a_bounded_number_of_people_a_day(host_client, course, settings):
    settings.BULK_ENROLMENT_DAILY_LIMIT = 3
    UserFactory(email="has.account@example.org")
    assert upload(host_client, course, "one@example.org\ntwo@example.org\n").status_code == 200
    refused = upload(host_client, course, "has.account@example.org\nthree@example.org\n")
    assert refused.status_code == 400
    assert "This file would add 2 people, and a host may add 3 in 24 hours (1 left now)" in refused.content.decode()
    assert Invitation.objects.count() == 2 and not Enrolment.objects.exists()  # the whole file was rolled back
    assert upload(host_client, course, "has.account@example.org\n").status_code == 200
    host_client.force_login(UserFactory(is_staff=True, is_superuser=True))  # an administrator is not bounded
    assert upload(host_client, course, "four@example.org\nfive@example.org\n").status_code == 200
    assert Invitation.objects.count() == 4


def upload_bytes(client, course, raw):
    return client.post(BULK_URL, {"course": course.pk, "file": SimpleUploadedFile("learners.csv", raw)})


@pytest.mark.parametrize(
    "raw",
    [
        "email;nom\r\nlearner.one@example.org;Un\r\nlearner.two@example.org;Deux\r\n".encode("cp1252"),
        b"email\tname\nlearner.one@example.org\tOne\nlearner.two@example.org\tTwo\n",
        "email,nom\nlearner.one@example.org,Zoé\nlearner.two@example.org,Éric\n".encode("utf-16"),
        "email;nom\nlearner.one@example.org;Zoé\nlearner.two@example.org;Éric\n".encode("utf-16-le"),
        "\ufeffemail;nom\nlearner.one@example.org;Zoé\nlearner.two@example.org;Éric\n".encode(),
        "email;nom\nlearner.one@example.org;Zoé\nlearner.two@example.org;Éric\n".encode("cp1252"),
    ],
    ids=["semicolons", "tabs", "utf-16-bom", "utf-16-le-no-bom", "utf-8-bom", "windows-1252"],
)
def test_bulk_enrolment_reads_what_spreadsheets_export(admin_client, course, raw):
    response = upload_bytes(admin_client, course, raw)
    assert response.status_code == 200
    assert [row.email for row in response.context["report"]] == ["learner.one@example.org", "learner.two@example.org"]


def test_a_field_over_the_csv_limit_is_a_clear_error(admin_client, course):
    raw = b'learner@example.org\n"' + b"x" * 200_000 + b'"\n'
    response = upload_bytes(admin_client, course, raw)
    assert response.status_code == 400
    assert "cannot be read as CSV" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00binary", b"%PDF-1.7\n\x00\x00\x00\xff\xfe"],
    ids=["xlsx", "pdf"],
)
def test_a_file_that_is_not_text_gets_a_clear_message(admin_client, course, raw):
    response = upload_bytes(admin_client, course, raw)
    assert response.status_code == 400
    assert "not readable text" in response.content.decode()
