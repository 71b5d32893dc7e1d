"""The package API's URLs (see ``api_views``), outside the language prefixes."""

from django.urls import path

from . import api_views

app_name = "package_api"

urlpatterns = [
    path("packages/", api_views.import_package, name="import"),
    path("packages/<uuid:package_id>/", api_views.delete_package, name="delete"),
    path("packages/<uuid:package_id>/launch-url/<int:position>/", api_views.launch_url, name="launch_url"),
    path("cmi5/registrations/<uuid:registration>/waive/<int:position>/", api_views.waive, name="waive"),
    path("cmi5/sessions/<uuid:session_id>/abandon/", api_views.abandon, name="abandon"),
]
