from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_MAX_RESULTS = 200


def rank(results, query):
    """Relevance order, with pages whose title holds every word of the query first and menu pages after the
    rest: a course called "Open data" then comes before "About the Centre", which only mentions it."""
    words = query.casefold().split()

    def key(page):
        title = page.title.casefold()
        return (not all(word in title for word in words), page.show_in_menus)

    return sorted(results, key=key)  # stable: relevance decides within each group


@require_GET
def search(request):
    """Site search over the live, public pages of the current language."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = []
    if query:
        found = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific()
            .search(query)
        )
        results = rank(found[:SEARCH_MAX_RESULTS], query)
    page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/search.html", {"query": query, "results": page})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/"]
    lines += [f"Disallow: /{code}/account/" for code, _name in settings.LANGUAGES]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return render(request, "core/robots.txt", {"lines": lines}, content_type="text/plain")
