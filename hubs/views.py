"""Handlers behind the routes of the hubs app's pages (Centre, news, directory, open-data catalogue)."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.core.client_ip import client_ip
from lms.core.filtering import invalid_filters_response
from lms.core.models import DataFormat, Parliament

from . import exports, feeds, services
from .filters import NewsFilter, ParliamentFilter
from .forms import JoinRequestForm
from .models import HubPage
from .tree import courses_under


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


def centre_index(centre, request):
    """The Centre page."""
    return centre.render(request)


def join_request(centre, request):
    """The form where a parliament asks to join a hub or become a partner (the Centre's ``join/``)."""
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


def news_index(index_page, request):
    """The news, newest first, a page at a time, optionally of one kind (``?kind=``)."""
    news = NewsFilter(request.GET or None, queryset=index_page.news())
    page_obj = Paginator(news.qs, index_page.per_page).get_page(request.GET.get("page"))
    context = {"filter": news, "page_obj": page_obj, "extra_query": news.query_string()}
    return index_page.render(request, context_overrides=context)


def news_feed(index_page, request):
    """The news index's Atom feed."""
    return feeds.news_feed(request, index_page)


def directory_index(directory, request):
    """The Parliament directory, filterable by region and hub."""
    parliaments = ParliamentFilter(request.GET or None, queryset=directory.parliaments(), hubs=directory.hubs())
    context = {"filter": parliaments, "parliaments": parliaments.qs}
    return directory.render(request, context_overrides=context)


def parliament_detail(directory, request, slug):
    """One parliament of the directory: its hubs, their courses and its open-data portal."""
    parliament = get_object_or_404(Parliament.objects.prefetch_related("open_data_formats"), slug=slug)
    hubs = list(directory.hubs_of(parliament))
    courses = [course for hub in hubs for course in courses_under(hub)]
    try:
        portal = parliament.open_data_portal
    except Parliament.open_data_portal.RelatedObjectDoesNotExist:
        portal = None
    context = {"parliament": parliament, "parliament_hubs": hubs, "courses": courses, "portal": portal}
    return directory.render(request, context_overrides=context, template="hubs/parliament_detail_page.html")


def catalogue_index(catalogue_page, request):
    """The open-data catalogue, filtered by the query."""
    catalogue = catalogue_page.filtered(request)
    context = {
        "filter": catalogue,
        "portals": catalogue.qs,
        "qualifying_formats": catalogue_page.qualifying_formats(),
        "other_formats": DataFormat.objects.filter(machine_readable=False),
        "query": request.GET.urlencode(),
    }
    return catalogue_page.render(request, context_overrides=context)


def catalogue_csv(catalogue_page, request):
    """The filtered catalogue as CSV (400 when a filter is invalid)."""
    catalogue = catalogue_page.filtered(request)
    if not catalogue.is_valid():
        return invalid_filters_response(catalogue)
    return exports.catalogue_csv(catalogue.qs, catalogue_page)


def catalogue_dcat(catalogue_page, request):
    """The filtered catalogue as a DCAT catalogue in JSON-LD (400 when a filter is invalid)."""
    catalogue = catalogue_page.filtered(request)
    if not catalogue.is_valid():
        return invalid_filters_response(catalogue)
    return exports.catalogue_dcat(catalogue.qs, catalogue_page, request)
