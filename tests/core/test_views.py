from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from lms.core.factories import StandardPageFactory

HOME_PAGE_QUERY_BUDGET = 14  # fixed: does not grow with the number of menu items
PAGE_WEIGHT_BUDGET = 60 * 1024


def test_home_page_renders_with_a_bounded_number_of_queries(client, home, home_fr, django_assert_max_num_queries):
    for number in range(5):
        StandardPageFactory(parent=home, title=f"Section {number}", show_in_menus=True)
    client.get("/en/")  # warm the site-root cache, as a running server has
    with django_assert_max_num_queries(HOME_PAGE_QUERY_BUDGET):
        response = client.get("/en/")
    assert response.status_code == 200
    assert b"Section 4" in response.content


def test_home_page_html_css_and_js_stay_small(client, home):
    html = client.get("/en/").content
    assets = [Path(finders.find("css/site.css")), Path(finders.find("js/video.js"))]
    total = len(html) + sum(len(path.read_bytes()) for path in assets)
    assert total < PAGE_WEIGHT_BUDGET, total


def test_page_has_landmarks_and_a_skip_link(client, home):
    html = client.get("/en/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert html.count("<h1>") == 1


def test_search_finds_pages_of_the_current_language(client, home, home_fr):
    StandardPageFactory(parent=home, title="Open parliamentary data")
    response = client.get("/en/search/", {"q": "parliamentary"})
    assert response.status_code == 200
    assert b"Open parliamentary data" in response.content
    assert client.get("/fr/search/", {"q": "parliamentary"}).content.count(b"Open parliamentary data") == 0


def test_search_survives_odd_input(client, home):
    for query in ["", "   ", "a" * 5000, "<script>", "%00", "'; DROP TABLE"]:
        response = client.get("/en/search/", {"q": query, "page": "not-a-number"})
        assert response.status_code == 200
    assert b"<script>" not in client.get("/en/search/", {"q": "<script>"}).content


def test_sitemap_lists_every_language(client, home, home_fr):
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/en/</loc>" in body
    assert "<loc>http://testserver/fr/</loc>" in body


def test_robots_txt_points_at_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_unknown_address_gives_the_404_page(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_500_page_stands_alone():
    html = render_to_string("500.html")
    assert "Something went wrong" in html and 'dir="rtl"' in html


def test_search_results_give_the_page_type_a_snippet_and_put_a_course_above_menu_pages(client, home):
    from wagtail.rich_text import RichText

    from courses.factories import CatalogPageFactory, CoursePageFactory
    from hubs.factories import CentrePageFactory, HubIndexPageFactory, HubPageFactory
    from lms.core.factories import ParliamentFactory, StandardPageFactory

    about = StandardPageFactory(
        parent=home,
        title="About the Centre",
        show_in_menus=True,
        body=[("paragraph", RichText("<p>We run a course on <b>open data</b>.</p>"))],
    )
    CatalogPageFactory(parent=home, title="Courses", show_in_menus=True)
    centre = CentrePageFactory(parent=home, show_in_menus=False)
    hub = HubPageFactory(parent=HubIndexPageFactory(parent=centre), host=ParliamentFactory())
    CoursePageFactory(parent=hub, title="Open data in parliament", summary="Publish votes and bills as open data.")
    body = client.get("/en/search/", {"q": "open data"}).content.decode()
    body = body[body.index('<ol class="search-results">') :]  # the menu above also names "About the Centre"
    course_at, about_at = body.index("Open data in parliament"), body.index(about.title)
    assert course_at < about_at
    assert "Publish votes and bills as open data." in body  # the course's summary as its snippet
    assert "We run a course on open data." in body  # the first paragraph, without its markup
    assert ">Course<" in body and ">Standard page<" in body


def test_canonical_links_and_the_sitemap_use_the_host_and_port_the_site_is_served_on(client, home):
    from wagtail.models import Site

    site = Site.objects.get()
    site.port = 8000  # as the demo's site record says, while the server listens elsewhere
    site.save()
    body = client.get("/en/", HTTP_HOST="127.0.0.1:8182").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8182/en/">' in body
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8182").content.decode()
    assert "<loc>http://127.0.0.1:8182/en/</loc>" in sitemap and ":8000" not in sitemap
