"""The reports' numbers against known records, their filters, scope and downloads."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.reports.scope import scope_for_request

pytestmark = pytest.mark.django_db

COURSES = reverse("course_reports:courses")
LEARNERS = reverse("course_reports:learners")
PARLIAMENTS = reverse("course_reports:parliaments")
QUIZZES = reverse("course_reports:quizzes")


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def stats_by_title(response):
    return {course.title: stats for course, stats in response.context["rows"]}


def test_course_report_numbers(client, host_a, records, course_a):
    client.force_login(host_a)
    response = client.get(COURSES)
    assert response.status_code == 200
    stats = stats_by_title(response)
    assert list(stats) == ["Open parliamentary data"]
    row = stats["Open parliamentary data"]
    assert (row.enrolled, row.active, row.not_started, row.in_progress, row.completed) == (4, 3, 1, 1, 2)
    assert row.completion_rate == 50.0
    assert row.median_days == 4.0
    assert row.average_score == 66.7
    assert b'data-stat="completion_rate">50.0 %' in response.content


def test_course_report_filters(client, administrator, records, course_a, course_b, parliaments):
    client.force_login(administrator)
    assert stats_by_title(client.get(COURSES))["Digital strategy"].enrolled == 1
    french = stats_by_title(client.get(COURSES, {"language": "fr"}))
    assert french["Open parliamentary data"].enrolled == 1
    assert french["Digital strategy"].enrolled == 0
    chile = stats_by_title(client.get(COURSES, {"parliament": parliaments["chile"].pk}))["Open parliamentary data"]
    assert (chile.enrolled, chile.completed) == (2, 1)
    week = (timezone.localdate() - timedelta(days=7)).isoformat()
    recent = stats_by_title(client.get(COURSES, {"date_from": week}))
    assert recent["Open parliamentary data"].enrolled == 2
    only_b = client.get(COURSES, {"hub": str(course_b.get_parent().translation_key)})
    assert list(stats_by_title(only_b)) == ["Digital strategy"]
    only_a = client.get(COURSES, {"course": str(course_a.translation_key)})
    assert list(stats_by_title(only_a)) == ["Open parliamentary data"]


def test_bad_filters_are_a_400_with_the_reason(client, administrator, records):
    client.force_login(administrator)
    response = client.get(COURSES, {"date_from": "2026-05-01", "date_to": "2026-04-01"})
    assert response.status_code == 400
    assert b"The end of the range is before its start." in response.content
    assert client.get(COURSES, {"date_from": "yesterday"}).status_code == 400
    assert client.get(COURSES, {"course": "not-a-key"}).status_code == 400
    assert client.get(COURSES, {"export": "pdf"}).status_code == 400
    assert client.get(PARLIAMENTS, {"by": "planet"}).status_code == 400


def test_a_host_cannot_filter_on_another_hubs_course(client, host_a, records, course_b):
    client.force_login(host_a)
    assert client.get(COURSES, {"course": str(course_b.translation_key)}).status_code == 403
    assert client.get(COURSES, {"hub": str(course_b.get_parent().translation_key)}).status_code == 403
    detail = reverse("course_reports:course", args=[course_b.translation_key])
    assert client.get(detail).status_code == 403


def test_course_detail_chart_and_where_learners_stop(client, host_a, records, course_a):
    client.force_login(host_a)
    response = client.get(reverse("course_reports:course", args=[course_a.translation_key]))
    assert response.status_code == 200
    funnel = [(item.title, item.opened, item.completed, item.stopped) for item in response.context["funnel"]]
    assert funnel == [
        ("Open parliamentary data: lesson 1", 3, 3, 1),
        ("Open parliamentary data: lesson 2", 2, 2, 0),
        ("Open parliamentary data: quiz", 2, 2, 0),
    ]
    periods = response.context["periods"]
    assert response.context["step"] == "day"
    assert sum(period.enrolments for period in periods) == 4
    assert sum(period.completions for period in periods) == 2
    content = response.content.decode()
    assert '<svg role="img"' in content and "<polyline" in content
    assert "Chart data" in content  # the figures are also a table


def test_course_detail_chart_by_month_over_a_long_range(client, administrator, records, course_a):
    client.force_login(administrator)
    url = reverse("course_reports:course", args=[course_a.translation_key])
    start = (timezone.localdate() - timedelta(days=400)).isoformat()
    response = client.get(url, {"date_from": start})
    assert response.context["step"] == "month"
    assert sum(period.enrolments for period in response.context["periods"]) == 4


def test_learner_report(client, host_a, administrator, records):
    client.force_login(host_a)
    rows = client.get(LEARNERS).context["rows"]
    assert sorted(row["learner"].email for row in rows) == [
        "ana@example.org", "bruno@example.org", "carla@example.org", "diego@example.org",
    ]  # fmt: skip
    ana = next(row for row in rows if row["learner"].email == "ana@example.org")
    assert (ana["courses"], ana["completed"]) == (1, 1)  # the host sees only their hub's course
    client.force_login(administrator)
    rows = client.get(LEARNERS, {"q": "ana@"}).context["rows"]
    assert len(rows) == 1 and (rows[0]["courses"], rows[0]["completed"], rows[0]["average_progress"]) == (2, 1, 75)


def test_learner_csv_export_streams_one_row_per_enrolment(client, host_a, administrator, records):
    client.force_login(host_a)
    response = client.get(LEARNERS, {"export": "csv"})
    assert response.streaming
    rows = csv_rows(response)
    assert rows[0][:2] == ["Learner", "Email"]
    assert len(rows) == 5
    assert ["Ana", "ana@example.org", "Assembly of the Republic", "Portugal", "Open parliamentary data"] in [
        row[:5] for row in rows
    ]
    client.force_login(administrator)
    assert len(csv_rows(client.get(LEARNERS, {"export": "csv"}))) == 6


def test_xlsx_export(client, host_a, records):
    client.force_login(host_a)
    response = client.get(COURSES, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Course"
    assert rows[1][:3] == ("Open parliamentary data", "ICT Governance hub", 4)
    assert rows[1][7] == 50.0


def test_csv_cells_never_start_a_formula(client, host_a, records):
    records["ana"].full_name = '=HYPERLINK("http://evil")'
    records["ana"].save()
    client.force_login(host_a)
    rows = csv_rows(client.get(LEARNERS, {"export": "csv"}))
    assert '\'=HYPERLINK("http://evil")' in [row[0] for row in rows]


def test_parliament_report(client, host_a, administrator, records):
    client.force_login(host_a)
    rows = client.get(PARLIAMENTS).context["rows"]
    by_name = {row["parliament"]: row for row in rows}
    assert by_name["Assembly of the Republic"]["learners"] == 2
    assert (by_name["Assembly of the Republic"]["enrolments"], by_name["Assembly of the Republic"]["rate"]) == (2, 50.0)
    client.force_login(administrator)
    portugal = {row["parliament"]: row for row in client.get(PARLIAMENTS).context["rows"]}["Assembly of the Republic"]
    assert (portugal["learners"], portugal["enrolments"], portugal["completions"], portugal["rate"]) == (2, 3, 1, 33.3)
    regions = {row["region"]: row["learners"] for row in client.get(PARLIAMENTS, {"by": "region"}).context["rows"]}
    assert regions == {"Europe": 2, "Americas": 2}
    countries = csv_rows(client.get(PARLIAMENTS, {"by": "country", "export": "csv"}))
    assert countries[0] == ["Country", "Learners", "Enrolments", "Completions", "Completion rate (%)"]
    assert ["Chile", "2", "2", "1", "50.0"] in countries


def test_quiz_item_analysis(client, host_a, records):
    client.force_login(host_a)
    response = client.get(QUIZZES)
    [(title, questions)] = response.context["quizzes"]
    assert title == "Open parliamentary data: quiz"
    summary = [(q.question, q.answers, q.share_correct, q.top_wrong_answer, q.top_wrong_count) for q in questions]
    assert summary == [
        ("Who hosts the ICT Governance hub?", 3, 66.7, "The Parliament of Zambia", 1),
        ("Which formats are machine-readable?", 3, 66.7, "CSV", 1),
        ("Governance comes before tools.", 3, 66.7, "False", 1),
    ]


def test_host_b_sees_none_of_hub_a(client, host_b, records):
    client.force_login(host_b)
    assert list(stats_by_title(client.get(COURSES))) == ["Digital strategy"]
    assert [row["learner"].email for row in client.get(LEARNERS).context["rows"]] == ["ana@example.org"]
    assert client.get(QUIZZES).context["quizzes"] == []


def test_learners_and_anonymous_have_no_reports(client, learner):
    response = client.get(COURSES)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(learner)
    response = client.get(COURSES)
    assert response.status_code == 302  # Wagtail sends users without admin access back to the login page


def test_the_admin_menu_and_the_report_share_one_scope(client, host_a, records):
    client.force_login(host_a)
    response = client.get(COURSES)

    shared = scope_for_request(response.wsgi_request)
    assert shared is response.context["scope"]
    assert shared.user == host_a and not shared.is_admin
    assert b"Learner progress" in response.content  # the Reports menu item, shown from the same scope


def test_the_filters_show_what_was_chosen(client, administrator, records, parliaments, course_a):
    client.force_login(administrator)
    chosen = parliaments["chile"]
    response = client.get(COURSES, {"parliament": chosen.pk, "course": str(course_a.translation_key)})

    content = response.content.decode()
    assert f'<option value="{chosen.pk}" selected>{chosen.name}</option>' in content
    assert f'<option value="{course_a.translation_key}" selected>Open parliamentary data</option>' in content
    assert '<select id="id_language" name="language"><option value="" selected>All languages</option>' in content


def test_course_detail_shows_the_sessions_and_scores_of_package_units(client, host_a, course_a):
    from django.test import Client

    from courses import services
    from courses.models import Enrolment
    from lms.accounts.factories import UserFactory
    from tests.courses.package_files import au_xml, cmi5_xml
    from tests.courses.test_package_lessons import cmi5_au_session, launch_as, package_lesson

    xml = cmi5_xml(au_xml(1, attributes='moveOn="Passed" masteryScore="0.6"'), au_xml(2))
    lesson = package_lesson(course_a, xml, slug="budget-game")
    scores = {"ana@example.org": [None, 0.9], "bruno@example.org": [0.5]}  # one entry per session
    for email, sessions in scores.items():
        learner = UserFactory(email=email)
        services.enrol(learner, course_a)
        browser = Client()
        browser.force_login(learner)
        for scaled in sessions:
            send = cmi5_au_session(launch_as(browser, lesson))
            if scaled is not None:
                verb = "passed" if scaled >= 0.6 else "failed"
                moveon = {"success": scaled >= 0.6, "score": {"scaled": scaled}, "duration": "PT1M"}
                assert send(verb, True, **moveon).status_code == 204
    assert Enrolment.objects.filter(course_key=course_a.translation_key).count() == 2

    client.force_login(host_a)
    url = reverse("course_reports:course", args=[course_a.translation_key])
    response = client.get(url)
    units = {item.title: (item.sessions, item.average_score) for item in response.context["funnel"] if item.is_package}
    assert units == {"Unit 1": (3, 70.0), "Unit 2": (0, None)}
    lessons = [item for item in response.context["funnel"] if not item.is_package]
    assert lessons and all(item.sessions is None and item.average_score is None for item in lessons)
    content = response.content.decode()
    assert 'data-stat="sessions">3</td>' in content and 'data-stat="average_score">70.0 %</td>' in content
    rows = csv_rows(client.get(url, {"export": "csv"}))
    assert rows[0][-2:] == ["Sessions or attempts", "Average score (%)"]
    assert ["Unit 1", "Activity", "2", "1", "2", "3", "70.0"] in rows  # Ana passed it; both stopped there
