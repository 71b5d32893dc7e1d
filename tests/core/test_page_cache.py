import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Page, Site

from lms.accounts.factories import UserFactory
from lms.core import page_cache
from lms.core.demo.site import tree_root
from lms.core.factories import HomePageFactory, ParliamentFactory, StandardPageFactory


def test_anonymous_readers_get_the_cached_page(client, home):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_publishing_any_page_retires_the_cache(client, home):
    client.get("/en/")
    section = StandardPageFactory(parent=home, title="New section", show_in_menus=True, live=False)
    section.save_revision().publish()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert b"New section" in response.content


def test_unpublishing_retires_the_cache(client, home):
    section = StandardPageFactory(parent=home, title="Old section", show_in_menus=True)
    assert b"Old section" in client.get("/en/").content
    section.unpublish()
    assert b"Old section" not in client.get("/en/").content


def test_directory_changes_retire_the_cache(client, home):
    client.get("/en/")
    ParliamentFactory()
    assert client.get("/en/")["X-Page-Cache"] == "miss"


def test_logged_in_readers_are_never_served_from_the_cache(client, home):
    client.get("/en/")
    client.force_login(UserFactory(full_name="Ana"))
    response = client.get("/en/")
    assert "X-Page-Cache" not in response
    assert b"Log out" in response.content
    assert get_user_model().objects.count() == 1


def test_queries_and_other_languages_have_their_own_entries(client, home, home_fr):
    client.get("/en/")
    assert client.get("/fr/")["X-Page-Cache"] == "miss"
    assert client.get("/en/?page=2")["X-Page-Cache"] == "miss"


def test_pages_that_set_a_cookie_are_not_shared(client, home):
    client.get("/en/account/login/")  # renders a CSRF token: never cached
    response = client.get("/en/account/login/")
    assert "X-Page-Cache" not in response


def test_cache_hits_keep_the_frame_protection(client, home):
    client.get("/en/")
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "hit"
    assert response["X-Frame-Options"] == "DENY"


def test_cookies_a_page_depends_on_get_their_own_entries(client, home, settings):
    settings.PAGE_CACHE_VARY_COOKIES = ["timezone"]
    client.get("/en/")
    client.cookies["timezone"] = "Asia/Tokyo"
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_each_host_has_its_own_entries(client, home):
    other = HomePageFactory(parent=tree_root(), title="Other hub home", slug="other")
    Site.objects.create(hostname="other.test", port=80, root_page=other, site_name="Other")
    assert b"Other hub home" not in client.get("/en/").content
    response = client.get("/en/", HTTP_HOST="other.test")
    assert response["X-Page-Cache"] == "miss"
    assert b"Other hub home" in response.content
    assert b"Other hub home" not in client.get("/en/").content


def test_query_parameters_the_page_does_not_read_are_one_entry(client, home):
    answers = [client.get("/en/", {"utm": f"flood{number}"})["X-Page-Cache"] for number in range(300)]
    assert answers.count("miss") == 1
    assert answers.count("hit") == 299


def test_a_request_reads_the_generation_once(client, home, monkeypatch):
    StandardPageFactory(parent=home, title="About", slug="about")
    reads = []
    counter = page_cache.counter
    monkeypatch.setattr(page_cache, "counter", lambda key: reads.append(key) or counter(key))
    client.force_login(UserFactory())  # a signed-in read: the routes, the menu and the skeleton are all looked up
    assert client.get("/en/about/").status_code == 200
    assert reads == [page_cache.GENERATION_KEY]


def test_a_purge_by_another_process_retires_this_process_copies(client, home):
    page = StandardPageFactory(parent=home, title="Before", slug="copies")
    assert b"Before" in client.get("/en/copies/").content
    Page.objects.filter(pk=page.pk).update(title="After")  # changed elsewhere, which then purged:
    cache.incr(page_cache.GENERATION_KEY)  # another process's purge moves the shared counter only
    response = client.get("/en/copies/")
    assert response["X-Page-Cache"] == "miss" and b"After" in response.content


@pytest.mark.broker
def test_with_redis_a_process_keeps_its_copy_of_shared_entries(client, home):
    client.get("/en/")
    cache.clear()  # what Redis held is gone: a new generation, nothing kept
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    key = page_cache.data_key("copied")
    page_cache.keep(key, "shared")
    cache.delete(key)
    assert page_cache.kept(key) == "shared"  # from this process's copy, without asking Redis
