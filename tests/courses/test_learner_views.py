"""Certificates, their public verification, and the learner's dashboard and transcripts."""

import csv
import io

import pytest
from django.http import QueryDict

from courses import services
from courses.models import Certificate
from lms.accounts.factories import UserFactory

from .conftest import correct_answers


@pytest.fixture
def completed(learner, course, lessons, quiz):
    """The learner completed the course: lessons done, quiz passed, certificate issued."""
    enrolment, _created = services.enrol(learner, course)
    for lesson in lessons:
        services.complete_item(enrolment, lesson)
    form = QueryDict(mutable=True)
    for name, values in correct_answers(quiz).items():
        form.setlist(name, values)
    services.submit_quiz(enrolment, quiz, form, language="en")
    return Certificate.objects.get(enrolment=enrolment)


def test_certificate_is_verified_publicly_without_login(client, completed, course, hub):
    response = client.get(f"/en/certificates/{completed.code}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "This certificate is valid." in body and "Amina Diallo" in body
    assert course.title in body and hub.title in body and completed.code in body
    assert 'name="robots" content="noindex"' in body
    assert client.get(f"/en/certificates/{completed.code.lower()}/").status_code == 200
    response = client.get("/en/certificates/NOPE-NOPE-NOPE/")
    assert response.status_code == 404 and b"No certificate has the code" in response.content
    assert client.get("/en/certificates/", {"code": completed.code}).status_code == 302


def test_certificate_survives_course_edits_and_is_verified_in_french(client, completed, course, course_fr):
    original = course.title
    course.title = "A new title"
    course.save_revision().publish()
    body = client.get(f"/fr/certificates/{completed.code}/").content.decode()
    assert original in body
    assert course_fr.url in body  # links the course in the reader's language


def test_certificate_codes_are_unique_and_issued_once(completed, learner, course):
    enrolment = completed.enrolment
    assert services.issue_certificate(enrolment, course) == completed
    assert Certificate.objects.count() == 1
    assert len(completed.code) == 14


def test_certificate_pdf_is_for_its_owner(client, completed):
    url = f"/en/certificates/{completed.code}/pdf/"
    assert client.get(url).status_code == 302  # log in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(completed.enrolment.user)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 1000


def test_certificate_pdf_prints_names_in_any_script(client, completed):
    completed.learner_name = "فاطمة الزهراء · Ærøskøbing · 王秀英"
    completed.save()
    client.force_login(completed.enrolment.user)
    assert client.get(f"/en/certificates/{completed.code}/pdf/").status_code == 200


def test_my_learning_lists_progress_completion_and_certificates(client, learner, completed, course, hub):
    from courses.factories import CoursePageFactory, LessonPageFactory

    other = CoursePageFactory(parent=hub, title="Digital strategy for parliaments", slug="digital-strategy")
    LessonPageFactory(parent=other, title="Vision", slug="vision")
    services.enrol(learner, other)
    assert client.get("/en/my-learning/").status_code == 302
    client.force_login(learner)
    body = client.get("/en/my-learning/").content.decode()
    assert "Digital strategy for parliaments" in body and "Continue where you left off" in body
    assert course.title in body and completed.code in body
    assert "/xapi/me/statements.json" in body


def test_transcripts_download_as_csv_and_pdf(client, learner, completed, course):
    client.force_login(learner)
    response = client.get("/en/my-learning/transcript.csv")
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Course" and rows[1][0] == course.title
    assert rows[1][3] == "Completed" and rows[1][4] == "100" and rows[1][6] == completed.code
    response = client.get("/en/my-learning/transcript.pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_transcript_csv_leaves_empty_cells_empty(client, learner, course):
    services.enrol(learner, course)
    client.force_login(learner)
    rows = list(csv.reader(io.StringIO(client.get("/en/my-learning/transcript.csv").content.decode("utf-8-sig"))))
    assert rows[1][0] == course.title
    assert rows[1][5] == "" and rows[1][6] == ""  # not completed, no certificate: nothing, not an apostrophe


def test_transcript_csv_neutralises_formulas(client, learner, completed):
    enrolment = completed.enrolment
    enrolment.course_title = '=HYPERLINK("http://evil")'
    enrolment.save()
    client.force_login(learner)
    rows = list(csv.reader(io.StringIO(client.get("/en/my-learning/transcript.csv").content.decode("utf-8-sig"))))
    assert rows[1][0].startswith("'=")
