"""What every listing filtered through django-filter shares: the answer to a filter that does not validate."""

from django.http import HttpResponseBadRequest


def invalid_filters_response(filterset):
    """A 400 naming each filter that did not validate and why, for downloads and other non-HTML answers."""
    reasons = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in filterset.errors.items())
    return HttpResponseBadRequest(reasons, content_type="text/plain; charset=utf-8")
