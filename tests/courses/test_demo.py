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
