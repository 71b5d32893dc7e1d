from django.urls import path

from . import views
from .scorm import views as scorm_views

app_name = "courses"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("my-learning/transcript.csv", views.transcript_csv, name="transcript_csv"),
    path("my-learning/transcript.pdf", views.transcript_pdf_view, name="transcript_pdf"),
    path("scorm/<int:lesson_id>/<int:position>/commit/", scorm_views.commit, name="scorm_commit"),
    path("certificates/", views.verify_lookup, name="verify"),
    path("certificates/open-badge/", views.verify_badge, name="verify_badge"),
    path("certificates/<str:code>/", views.certificate_detail, name="certificate"),
    path("certificates/<str:code>/pdf/", views.certificate_download, name="certificate_pdf"),
    path("certificates/<str:code>/open-badge/", views.certificate_badge, name="certificate_badge"),
]
