"""The content origin's URLs: package files, outside the language prefixes."""

from django.urls import path

from . import serving

app_name = "packages"

urlpatterns = [
    path("packages/<uuid:package_id>/<path:path>", serving.package_file, name="file"),
]
