"""The join-request form, served as the ``join/`` sub-page of the Centre page."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.core.client_ip import client_ip

from . import services
from .forms import JoinRequestForm
from .models import HubPage


def rate_limited(request):
    """Count this submission; True when the client has sent more than the allowed number this period."""
    limit, period = settings.HUBS_JOIN_RATE_LIMIT
    key = f"hubs:join-rate:{client_ip(request)}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit


def join_request(request, centre):
    hubs = HubPage.objects.live().public().descendant_of(centre).order_by("title")
    status = 200
    if request.method == "POST":
        form = JoinRequestForm(request.POST, hubs=hubs)
        if rate_limited(request):
            form.is_valid()
            form.add_error(None, _("Too many requests were sent from your address; please try again in an hour."))
            status = 429
        elif form.is_valid():
            join = services.submit_join_request(form, get_language())
            messages.success(request, _("Thank you: your request was sent. We will answer by email."))
            return redirect(join.hub.url if join.hub else centre.url)
        else:
            status = 400
    else:
        initial = {}
        hub_slug = request.GET.get("hub")
        if hub_slug and hubs.filter(slug=hub_slug).exists():
            initial = {"kind": "hub", "hub": hub_slug}
        elif request.GET.get("kind") == "partner":
            initial = {"kind": "partner"}
        form = JoinRequestForm(initial=initial, hubs=hubs)
    context = centre.get_context(request)
    context["form"] = form
    response = TemplateResponse(request, "hubs/join_request_page.html", context, status=status)
    # The form carries this reader's CSRF token: never keep it in the shared page cache.
    add_never_cache_headers(response)
    return response
