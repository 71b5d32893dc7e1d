"""The content origin's URLs: package files, outside the language prefixes."""

from django.urls import path

from ..scorm import views as scorm_views
from . import serving

app_name = "packages"

urlpatterns = [
    path("packages/<uuid:package_id>/<path:path>", serving.package_file, name="file"),
    path("scorm/<uuid:package_id>/<int:position>/", scorm_views.bridge, name="scorm_bridge"),
]
