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

    english = PackageLessonPage.objects.live().get(locale__language_code="en", package__kind="cmi5")
    french = PackageLessonPage.objects.live().get(translation_key=english.translation_key, locale__language_code="fr")
    assert english.package.kind == "cmi5" and french.package_id == english.package_id
    assert [item.title for item in english.package_items()] == ["Budget oversight quiz"]
    course = english.course
    assert any(item.package_item for item in course.outline().items)


@pytest.mark.django_db
def test_demo_has_a_scorm_lesson_and_an_h5p_exercise_in_every_language(demo_site, client):
    from courses import services
    from courses.models import H5PActivity, PackageLessonPage
    from lms.accounts.factories import UserFactory

    scorm = PackageLessonPage.objects.live().get(locale__language_code="en", package__kind="scorm2004")
    translations = PackageLessonPage.objects.live().filter(translation_key=scorm.translation_key)
    assert sorted(translations.values_list("locale__language_code", flat=True)) == ["ar", "en", "es", "fr"]
    assert {lesson.package_id for lesson in translations} == {scorm.package_id}
    assert [item.title for item in scorm.package_items()] == ["Formats", "Licences"]

    activity = H5PActivity.objects.get()
    assert activity.main_library == "IPU.QuickCheck 1.0" and activity.content_root
    exercises = [
        lesson
        for lesson in LessonPage.objects.live()
        if any(block.block_type == "h5p" and block.value["activity"] == activity for block in lesson.body)
    ]
    assert sorted(lesson.locale.language_code for lesson in exercises) == ["ar", "en", "es", "fr"]

    learner = UserFactory()
    client.force_login(learner)
    french_exercise = next(lesson for lesson in exercises if lesson.locale.language_code == "fr")
    services.enrol(learner, french_exercise.course)
    page = client.get(french_exercise.url)
    assert page.status_code == 200 and "Vérifiez vos acquis" in page.content.decode()
    assert f'data-h5p-activity="{activity.key}"' in page.content.decode()
    french_scorm = translations.get(locale__language_code="fr")
    services.enrol(learner, french_scorm.course)
    assert client.get(f"{french_scorm.url}launch/1/").status_code == 200
