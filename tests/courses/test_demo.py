import pytest

from courses.models import CatalogPage, CoursePage, LessonPage, QuizPage


@pytest.mark.django_db
def test_demo_offers_three_bilingual_courses_in_the_ict_governance_hub(demo_site, client):
    courses = CoursePage.objects.live()
    assert courses.filter(locale__language_code="en").count() == 3
    assert courses.filter(locale__language_code="fr").count() == 3
    for course in courses:
        assert course.hub.slug in {"ict-governance", "gouvernance-des-tic"}
        assert LessonPage.objects.live().descendant_of(course).count() >= 3
        assert QuizPage.objects.live().descendant_of(course).count() == 1
    for quiz in QuizPage.objects.filter(locale__language_code="en"):
        french = QuizPage.objects.get(translation_key=quiz.translation_key, locale__language_code="fr")
        assert [q.id for q in quiz.question_list()] == [q.id for q in french.question_list()]
        assert [o.id for q in quiz.question_list() for o in q.options] == [
            o.id for q in french.question_list() for o in q.options
        ]
    catalog = CatalogPage.objects.get(locale__language_code="fr")
    response = client.get(catalog.url)
    assert response.status_code == 200 and "Les données parlementaires ouvertes" in response.content.decode()


@pytest.mark.django_db
def test_demo_has_a_cmi5_package_lesson_in_english_and_french_sharing_its_units(demo_site):
    from courses.models import PackageLessonPage

    english = PackageLessonPage.objects.live().get(locale__language_code="en")
    french = PackageLessonPage.objects.live().get(translation_key=english.translation_key, locale__language_code="fr")
    assert english.package.kind == "cmi5" and french.package_id == english.package_id
    assert [item.title for item in english.package_items()] == ["Budget oversight quiz"]
    course = english.course
    assert any(item.package_item for item in course.outline().items)
