"""Where a learner is: the main menu marks "Courses" on course, lesson and quiz pages (they sit under a hub,
which is under "About the Centre"), and "My learning" is in the header and linked from course and lesson pages."""

import re

import pytest

pytestmark = pytest.mark.django_db


def current_menu_items(body):
    menu = body[body.index('class="main-menu"') : body.index("</nav>", body.index('class="main-menu"'))]
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', menu)


def test_course_lesson_and_quiz_pages_mark_courses_in_the_main_menu(learner_client, learner, course, lessons, quiz):
    from courses import services
    from courses.models import CatalogPage
    from hubs.models import CentrePage

    CentrePage.objects.update(show_in_menus=True)
    CatalogPage.objects.update(show_in_menus=True)
    services.enrol(learner, course)
    for page in (course, lessons[0], quiz):
        body = learner_client.get(page.url).content.decode()
        assert current_menu_items(body) == ["Courses"], page.title
    centre = CentrePage.objects.get()
    assert current_menu_items(learner_client.get(centre.url).content.decode()) == [centre.title]


def test_my_learning_is_in_the_header_and_on_course_and_lesson_pages(learner_client, learner, course, lessons):
    from courses import services

    services.enrol(learner, course)
    for page in (course, lessons[0]):
        body = learner_client.get(page.url).content.decode()
        account = body[body.index('class="user-menu"') :]
        assert 'href="/en/my-learning/"' in account[: account.index("</nav>")]
        main = body[body.index('<main id="main"') :]
        assert 'href="/en/my-learning/"' in main, page.title


def test_logging_in_lands_on_my_learning_unless_next_says_otherwise(client, learner, course):
    from lms.accounts.factories import DEFAULT_PASSWORD

    response = client.post("/en/account/login/", {"login": learner.email, "password": DEFAULT_PASSWORD})
    assert response["Location"] == "/en/my-learning/"
    client.logout()
    response = client.post(
        f"/en/account/login/?next={course.url}", {"login": learner.email, "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == course.url
