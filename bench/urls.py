"""The site's URLs plus two bare Django views: the ceilings pages are compared with."""

from django.http import HttpResponse
from django.urls import path

from courses.models import Enrolment
from lms.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


def signed_in(request):
    """What any page of a signed-in learner costs at least: their session, their account and one query of theirs."""
    enrolments = Enrolment.objects.filter(user=request.user).count()
    return HttpResponse(f"{request.user.pk} {enrolments}".encode(), content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("bench/signed-in/", signed_in), *site_urlpatterns]
