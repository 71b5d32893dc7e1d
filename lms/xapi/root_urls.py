"""A URLconf holding only the LRS, set on xAPI requests so LocaleMiddleware leaves their 404s alone.

LocaleMiddleware redirects any 404 outside the language prefixes to /en/..., where Wagtail's catch-all
matches; an LRS must answer 404 itself (no such statement, no such document).
"""

from django.urls import include, path

urlpatterns = [path("xapi/", include("lms.xapi.urls"))]
