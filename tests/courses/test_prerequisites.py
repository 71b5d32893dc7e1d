"""Prerequisites: a learner enrols once every live prerequisite course is completed, in any of its languages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict

from courses import services
from courses.factories import CoursePageFactory
from courses.models import Enrolment, QuizPage
from lms.accounts.factories import UserFactory
from lms.xapi import api

from .conftest import correct_answers


@pytest.fixture
def advanced(course, hub):
    """A course that requires the course of the shared tree (``course``)."""
    advanced = CoursePageFactory(parent=hub, title="Digital strategy for parliaments", slug="digital-strategy")
    advanced.prerequisites = [course]
    advanced.save_revision().publish()
    return advanced


def complete(learner, course):
    """The learner completes ``course`` (in that page's language) through the services, as the views do."""
    enrolment, _created = services.enrol(learner, course)
    for item in course.outline().items:
        if isinstance(item.page, QuizPage):
            form = QueryDict(mutable=True)
            for name, values in correct_answers(item.page).items():
                form.setlist(name, values)
            services.submit_quiz(enrolment, item.page, form, language=course.locale.language_code)
        else:
            services.complete_item(enrolment, item.page)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    return enrolment


def test_enrolment_is_refused_until_the_prerequisite_is_completed(learner, course, advanced):
    with pytest.raises(services.PrerequisitesMissing) as refused:
        services.enrol(learner, advanced)
    assert refused.value.missing == [course]
    assert "Complete this course before you enrol: ICT governance in parliament." in str(refused.value)
    services.enrol(learner, course)  # enrolled in the prerequisite but not done: still refused
    with pytest.raises(services.PrerequisitesMissing):
        services.enrol(learner, advanced)
    assert not Enrolment.objects.filter(course_key=advanced.translation_key).exists()
    complete(learner, course)
    _enrolment, created = services.enrol(learner, advanced)
    assert created


def test_a_prerequisite_completed_in_another_language_counts(learner, course, course_fr, advanced):
    complete(learner, course_fr)
    enrolment, created = services.enrol(learner, advanced)
    assert created and enrolment.course_key == advanced.translation_key


@pytest.mark.parametrize("change", ["unpublish", "delete"])
def test_a_prerequisite_no_longer_live_does_not_block(change, learner_client, learner, course, advanced):
    getattr(course, change)()
    assert b"Enrol in this course" in learner_client.get(advanced.url).content
    _enrolment, created = services.enrol(learner, advanced)
    assert created


def test_the_enrol_post_is_refused_with_a_reason_and_nothing_stored(learner_client, learner, course, advanced):
    response = learner_client.post(advanced.url + "enrol/")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Complete this course before you enrol: ICT governance in parliament." in body
    assert f'href="{course.url}"' in body and "Enrol in this course" not in body
    assert not Enrolment.objects.filter(course_key=advanced.translation_key).exists()
    assert not api.statements_for(learner)


def test_the_course_page_lists_the_prerequisites_still_to_complete(client, learner, course, advanced):
    body = client.get(advanced.url).content.decode()  # anonymous readers see the prerequisites and "log in"
    assert "Before you start" in body and "Log in to enrol" in body and "not completed yet" not in body
    client.force_login(learner)
    body = client.get(advanced.url).content.decode()
    assert "You can enrol once you have completed this course:" in body
    assert f'<li><a href="{course.url}">ICT governance in parliament</a></li>' in body
    assert "not completed yet" in body and "Enrol in this course" not in body
    complete(learner, course)
    body = client.get(advanced.url).content.decode()
    assert "Enrol in this course" in body and "You can enrol once" not in body and "not completed yet" not in body
    assert client.post(advanced.url + "enrol/").status_code == 302


def test_hosts_enrol_in_bulk_anyway_and_the_report_says_so(client, learner, course, advanced):
    graduate = UserFactory(email="graduate@example.org")
    complete(graduate, course)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    addresses = f"{learner.email}\ngraduate@example.org\n"
    upload = SimpleUploadedFile("learners.csv", addresses.encode(), content_type="text/csv")
    response = client.post("/admin/courses/enrol/", {"course": advanced.pk, "file": upload})
    assert response.status_code == 200
    assert [row.outcome for row in response.context["report"]] == ["added_without_prerequisites", "added"]
    assert "Enrolled or invited; prerequisites not completed" in response.content.decode()
    assert Enrolment.objects.filter(course_key=advanced.translation_key, source="bulk").count() == 2


def test_a_draft_lists_its_prerequisites_as_the_admin_preview_shows_them(course, advanced):
    draft = advanced.get_latest_revision_as_object()  # its relations are held in memory, not read from the database
    assert [prerequisite.course for prerequisite in services.prerequisites_for(None, draft)] == [course]
