import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from lms.accounts.factories import DEFAULT_PASSWORD, UserFactory
from lms.core.factories import ParliamentFactory

User = get_user_model()


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/account/confirm-email/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_sign_up_verify_email_then_log_in(client, home):
    response = client.post(
        "/fr/account/signup/",
        {
            "email": "lea@example.org",
            "full_name": "Léa Martin",
            "password1": "un-mot-de-passe-sûr",
            "password2": "un-mot-de-passe-sûr",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="lea@example.org")
    assert user.full_name == "Léa Martin"
    assert user.preferred_language == "fr"
    assert len(mail.outbox) == 1

    # Not verified yet: logging in sends the reader back to verify.
    client.post("/en/account/login/", {"login": "lea@example.org", "password": "un-mot-de-passe-sûr"})
    assert "_auth_user_id" not in client.session

    link = confirmation_link(mail.outbox[0])
    client.post(link)
    assert user.emailaddress_set.get().verified
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_sign_up_rejects_bad_input_with_reasons(client, home):
    response = client.post(
        "/en/account/signup/", {"email": "not-an-address", "full_name": "", "password1": "x", "password2": "y"}
    )
    assert response.status_code == 200
    assert {"email", "full_name", "password1"} <= set(response.context["form"].errors)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_up_with_a_taken_address_does_not_reveal_it(client, home):
    UserFactory(email="taken@example.org")
    response = client.post(
        "/en/account/signup/",
        {
            "email": "taken@example.org",
            "full_name": "Someone",
            "password1": "a-long-passphrase",
            "password2": "a-long-passphrase",
        },
    )
    assert response.status_code == 302
    assert User.objects.count() == 1
    assert mail.outbox[0].to == ["taken@example.org"]


@pytest.mark.django_db
def test_log_in_and_out(client, home):
    user = UserFactory()
    response = client.post("/en/account/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post("/en/account/logout/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failed_logins_are_rate_limited(client, home):
    user = UserFactory()
    too_many = "Too many failed login attempts"
    for _ in range(5):
        response = client.post("/en/account/login/", {"login": user.email, "password": "wrong"})
        assert too_many not in response.content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post("/en/account/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert too_many in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_sends_a_link(client, home):
    user = UserFactory()
    response = client.post("/en/account/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and user.email in mail.outbox[0].to


@pytest.mark.django_db
def test_profile_edits_parliament_country_and_language(client, home):
    user = UserFactory()
    parliament = ParliamentFactory(name="Assembleia da República")
    client.force_login(user)
    response = client.post(
        "/en/account/profile/",
        {
            "full_name": "Ana Silva",
            "parliament": parliament.pk,
            "job_title": "ICT officer",
            "country": "PT",
            "preferred_language": "es",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.parliament, user.country.code, user.preferred_language) == (parliament, "PT", "es")


@pytest.mark.django_db
def test_profile_rejects_bad_input(client, home):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/en/account/profile/", {"full_name": "X", "country": "ZZ", "preferred_language": "xx"})
    assert response.status_code == 400
    assert {"country", "preferred_language"} <= set(response.context["form"].errors)


def test_profile_needs_login(client, home):
    response = client.get("/en/account/profile/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.django_db
def test_logging_in_continues_in_the_preferred_language(client, home):
    user = UserFactory(preferred_language="es")
    response = client.post("/en/account/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response["Location"] == "/es/my-learning/"


@pytest.mark.django_db
def test_an_explicit_next_address_wins_over_the_preferred_language(client, home):
    user = UserFactory(preferred_language="es")
    response = client.post("/en/account/login/?next=/en/search/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response["Location"] == "/en/search/"


@pytest.mark.django_db
def test_behind_the_proxy_failed_logins_lock_out_one_client_not_everyone(client, home, settings):
    """Every request comes from the proxy's address; the limit follows the client it names."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    too_many = "Too many failed login attempts"
    for number in range(6):
        response = client.post(
            "/en/account/login/",
            {"login": f"guess{number}@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="198.51.100.1",
            **proxy,
        )
    assert too_many in response.content.decode()
    # The attacker's own forged entry on the left changes nothing: the proxy appended the real address.
    forged = client.post(
        "/en/account/login/",
        {"login": "guess9@example.org", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="203.0.113.50, 198.51.100.1",
        **proxy,
    )
    assert too_many in forged.content.decode()
    user = UserFactory()
    response = client.post(
        "/en/account/login/",
        {"login": user.email, "password": DEFAULT_PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.2",
        **proxy,
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.2"),
        (1, "203.0.113.9, 198.51.100.1", "198.51.100.1"),
        (2, "203.0.113.9, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        (2, "198.51.100.1", "198.51.100.1"),
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_is_read_through_the_trusted_proxies(rf, settings, count, forwarded, expected):
    from lms.accounts.adapter import AccountAdapter

    settings.TRUSTED_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    # allauth's sign-up, login and reset limits all ask the adapter.
    assert AccountAdapter(request).get_client_ip(request) == expected
