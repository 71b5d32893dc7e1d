from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("launch/<int:page_id>/<uuid:key>/", views.launch, name="launch"),
    path("<uuid:key>/player/", views.player, name="player"),
    path("<uuid:key>/files/<path:path>", views.file, name="file"),
    path("<uuid:key>/state/<slug:data_type>/<slug:sub_content>/", views.state, name="state"),
]
