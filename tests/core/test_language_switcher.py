import re

from bs4 import BeautifulSoup

from lms.core.factories import StandardPageFactory


def switcher_links(html):
    nav = BeautifulSoup(html, "html.parser").find("nav", class_="languages")
    return {link["hreflang"]: link["href"] for link in nav.find_all("a")}


def test_switcher_links_to_the_translation_of_the_page(client, home, home_fr, locales):
    about = StandardPageFactory(parent=home, title="About", slug="about")
    about_fr = about.copy_for_translation(locales["fr"])
    about_fr.slug = "a-propos"
    about_fr.save_revision().publish()

    links = switcher_links(client.get("/en/about/").content)
    assert links["fr"] == "/fr/a-propos/"
    assert links["en"] == "/en/about/"


def test_switcher_falls_back_to_the_home_page_of_that_language(client, home, home_fr):
    StandardPageFactory(parent=home, title="Only English", slug="only-english")
    links = switcher_links(client.get("/en/only-english/").content)
    assert links["fr"] == "/fr/"
    assert links["es"] == "/es/"


def test_switcher_on_a_non_page_view_keeps_the_address(client, home):
    links = switcher_links(client.get("/en/account/login/").content)
    assert links["fr"] == "/fr/account/login/"
    assert links["ar"] == "/ar/account/login/"


def test_lang_and_dir_follow_the_language(client, home, home_fr):
    french = client.get("/fr/").content.decode()
    assert re.search(r'<html lang="fr" dir="ltr">', french)
    arabic = client.get("/ar/").content.decode()
    assert re.search(r'<html lang="ar" dir="rtl">', arabic)


def test_translated_pages_announce_their_alternates(client, home, home_fr):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {"en": "http://testserver/en/", "fr": "http://testserver/fr/"}


def test_the_language_read_last_is_remembered_for_the_root_address(client, home, home_fr):
    client.get("/fr/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/fr/"


def test_logging_out_stays_in_the_same_language(client, home, home_fr):
    from lms.accounts.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post("/fr/account/logout/")
    assert response["Location"] == "/fr/"
