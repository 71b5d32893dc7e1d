"""A visitor opens the home page, switches to French, signs up, confirms the email and logs in."""

import re

import pytest
from django.core import mail

from lms.accounts.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_to_french_signs_up_and_logs_in(live_server, browser_page, home, home_fr):
    page = browser_page
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()
    page.wait_for_url(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Accueil"

    page.get_by_role("link", name="Créer un compte").click()
    page.get_by_label("Nom complet").fill("Léa Martin")
    page.get_by_label("Adresse électronique").fill("lea@example.org")
    page.get_by_label(re.compile(r"^Mot de passe\W*$")).fill("un-mot-de-passe-sûr")
    page.get_by_label("Mot de passe (confirmation)").fill("un-mot-de-passe-sûr")
    page.get_by_role("button", name="Création de compte").click()
    page.wait_for_url(re.compile(r"/fr/account/confirm-email/"))

    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    page.get_by_role("button", name="Confirmer").click()
    # Logging in lands on "My learning", which the header links to (and marks as the current page).
    page.wait_for_url(re.compile(r"/fr/my-learning/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mon apprentissage"
    account = page.get_by_role("navigation", name="Votre compte")
    assert account.get_by_role("link", name="Mon apprentissage").get_attribute("aria-current") == "page"

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("link", name="Se connecter").click()
    page.get_by_label("Adresse électronique").fill("lea@example.org")
    page.get_by_label(re.compile(r"^Mot de passe\W*$")).fill("un-mot-de-passe-sûr")
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(re.compile(r"/fr/my-learning/"))
    assert User.objects.get(email="lea@example.org").full_name == "Léa Martin"
