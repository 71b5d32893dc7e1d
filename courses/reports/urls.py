from django.urls import path

from . import views

app_name = "course_reports"

urlpatterns = [
    path("", views.CourseReportView.as_view(), name="courses"),
    path("courses/<uuid:key>/", views.CourseDetailView.as_view(), name="course"),
    path("learners/", views.LearnerReportView.as_view(), name="learners"),
    path("parliaments/", views.ParliamentReportView.as_view(), name="parliaments"),
    path("quizzes/", views.QuizReportView.as_view(), name="quizzes"),
]
