"""At 320 CSS pixels (WCAG 1.4.10 reflow) the report tables become stacked cards: no sideways scrolling,
and every figure is visible next to the name of its column."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 900}


def open_as(page, live_server, user, path):
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page.set_viewport_size(NARROW)
    page.goto(f"{live_server.url}{path}")


def shown(cell):
    """What a sighted reader sees in a cell: its column label (drawn before it) and its value."""
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    return cell.is_visible(), label.strip('"'), cell.inner_text().strip()


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_course_report_reflows_at_320px(live_server, browser_page, administrator, records, course_a):
    page = browser_page
    open_as(page, live_server, administrator, "/admin/learning-reports/")

    assert overflow(page) <= 0
    row = page.locator(f'tr[data-course="{course_a.translation_key}"]')
    assert shown(row.locator('[data-stat="completed"]')) == (True, "Completed", "2")
    assert shown(row.locator('[data-stat="completion_rate"]')) == (True, "Completion rate", "50.0 %")
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"]


def test_learner_report_reflows_at_320px(live_server, browser_page, administrator, records):
    page = browser_page
    open_as(page, live_server, administrator, "/admin/learning-reports/learners/")

    assert overflow(page) <= 0
    first = page.locator("tr[data-learner]").first
    visible, label, value = shown(first.locator('[data-stat="average_progress"]'))
    assert (visible, label) == (True, "Average progress") and value.endswith("%")


def test_course_report_fits_a_1280px_screen(live_server, browser_page, administrator, records, course_a):
    page = browser_page
    open_as(page, live_server, administrator, "/admin/learning-reports/")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    assert overflow(page) <= 0
    table = page.locator("table.report-table").first.bounding_box()
    assert table["x"] + table["width"] <= 1280
