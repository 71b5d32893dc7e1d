from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from courses import views as courses_views
from lms.core import routes
from lms.core import views as core_views
from lms.core.sitemaps import MultilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("xapi/", include("lms.xapi.urls")),
    path("content/", include("courses.packages.urls")),
    path("api/", include("courses.packages.api_urls")),
    # The Open Badges issuer: its did:web document and the revocation list, the same in every language.
    path(".well-known/did.json", courses_views.did_document, name="did_document"),
    path("credentials/status/revocation", courses_views.revocation_list, name="credential_status_list"),
    path("h5p/", include("courses.h5p.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("account/", include("allauth.urls")),
    path("account/", include("lms.accounts.urls")),
    path("", include("courses.urls")),
    # Wagtail's own URLs, its serve view replaced by one that remembers routes (lms/core/routes.py).
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routes.serve, name="wagtail_serve"),
)
