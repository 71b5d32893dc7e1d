"""The site's URLs plus a bare Django view: the ceiling every page is compared with."""

from django.http import HttpResponse
from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
