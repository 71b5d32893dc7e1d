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
