"""The LRS endpoint's resources; mounted at /xapi/ outside the language prefixes. A trailing slash is optional."""

from django.urls import re_path

from . import views
from .cmi5 import views as cmi5_views

app_name = "xapi"

urlpatterns = [
    re_path(r"^about/?$", views.about, name="about"),
    re_path(r"^statements/?$", views.statements, name="statements"),
    re_path(r"^activities/state/?$", views.state, name="state"),
    re_path(r"^activities/profile/?$", views.activity_profile, name="activity_profile"),
    re_path(r"^activities/?$", views.activities, name="activities"),
    re_path(r"^agents/profile/?$", views.agent_profile, name="agent_profile"),
    re_path(r"^agents/?$", views.agents, name="agents"),
    re_path(r"^me/statements\.json$", views.my_statements, name="my_statements"),
    re_path(r"^cmi5/fetch/(?P<fetch_key>[A-Za-z0-9_-]{16,64})/?$", cmi5_views.fetch, name="cmi5_fetch"),
]
