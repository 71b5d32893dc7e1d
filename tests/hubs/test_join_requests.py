import time

import pytest
from django.contrib.auth.models import Permission
from django.core import mail, signing

from hubs.factories import HubPageFactory
from hubs.forms import TIMESTAMP_SALT
from hubs.models import JoinRequest
from hubs.roles import hub_roles
from lms.accounts.factories import UserFactory
from lms.core.factories import ParliamentFactory


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)


@pytest.fixture
def hub(hub_index):
    host = ParliamentFactory(name="European Parliament")
    return HubPageFactory(parent=hub_index, title="ICT Governance", slug="ict-governance", host=host)


@pytest.fixture
def join_url(centre):
    return centre.url + "join/"


def hub_request(hub_page, **overrides):
    data = {
        "kind": "hub",
        "hub": hub_page.slug,
        "organisation": "Parliament of Ghana",
        "contact_name": "Ama Mensah",
        "position": "Head of ICT",
        "email": "ama@parliament.example",
        "message": "We would like to take part in the ICT Governance hub.",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data


def test_the_form_prefills_the_hub(client, hub, join_url):
    response = client.get(join_url + "?hub=ict-governance")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="ict-governance" selected' in html
    assert 'name="website"' in html and 'aria-hidden="true"' in html


def test_a_valid_request_is_stored_and_the_host_notified(
    client, hub, join_url, django_capture_on_commit_callbacks, eager_tasks
):
    host_editor = UserFactory(email="host@europarl.example")
    host_editor.groups.add(hub_roles(hub).hosts)
    # Staff who chose the host parliament in their own profile are not hosts: they get no email.
    UserFactory(email="claims@europarl.example", parliament=hub.host, is_staff=True)
    hub.contact_email = "ict-hub@europarl.example"
    hub.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(join_url, hub_request(hub))
    assert len(callbacks) == 1
    assert response.status_code == 302
    assert response["Location"] == hub.url
    join = JoinRequest.objects.get()
    assert (join.kind, join.hub_id, join.organisation, join.language) == ("hub", hub.pk, "Parliament of Ghana", "en")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {"ict-hub@europarl.example", host_editor.email}
    assert "Parliament of Ghana" in message.subject and "ICT Governance" in message.subject
    assert "Head of ICT" in message.body
    assert message.reply_to == ["ama@parliament.example"]
    join.refresh_from_db()
    assert join.notified_at is not None


def test_a_partner_request_needs_a_level(client, hub, join_url):
    data = hub_request(hub, kind="partner", hub="")
    response = client.post(join_url, data)
    assert response.status_code == 400
    assert "Choose the level of partnership" in response.content.decode()
    data["partnership_level"] = "support"
    assert client.post(join_url, data).status_code == 302
    join = JoinRequest.objects.get()
    assert (join.kind, join.hub, join.partnership_level) == ("partner", None, "support")


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"organisation": ""}, "This field is required."),
        ({"hub": ""}, "Choose the hub you wish to join."),
        ({"hub": "no-such-hub"}, "Select a valid choice."),
        ({"kind": "takeover"}, "Select a valid choice."),
        ({"website": "https://spam.example"}, "must stay empty"),
        ({"started": "forged"}, "The form was altered"),
    ],
)
def test_bad_input_gets_a_clear_error_and_nothing_is_stored(client, hub, join_url, overrides, error):
    response = client.post(join_url, hub_request(hub, **overrides))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_forms_sent_faster_than_a_person_can_type_are_refused(client, hub, join_url):
    response = client.post(join_url, hub_request(hub, started=started(seconds_ago=0)))
    assert response.status_code == 400
    assert "too fast" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_rate_limit_per_address(client, hub, join_url, settings):
    settings.HUBS_JOIN_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert client.post(join_url, hub_request(hub)).status_code == 302
    response = client.post(join_url, hub_request(hub))
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert JoinRequest.objects.count() == 2
    other = client.post(join_url, hub_request(hub), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_rate_limit_behind_the_proxy_is_per_client(client, hub, join_url, settings):
    settings.HUBS_JOIN_RATE_LIMIT = (2, 3600)
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(2):
        response = client.post(join_url, hub_request(hub), HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
        assert response.status_code == 302
    blocked = client.post(join_url, hub_request(hub), HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.1", **proxy)
    assert blocked.status_code == 429
    other = client.post(join_url, hub_request(hub), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert other.status_code == 302


def test_hosts_see_only_their_hubs_requests_in_the_admin(client, hub, hub_index):
    other_hub = HubPageFactory(parent=hub_index, title="Southern Africa", slug="southern-africa")
    own = JoinRequest.objects.create(kind="hub", hub=hub, organisation="Parliament of Ghana", contact_name="A",
                                     email="a@example.org", message="m")  # fmt: skip
    hidden = JoinRequest.objects.create(kind="hub", hub=other_hub, organisation="Parliament of Malawi",
                                        contact_name="B", email="b@example.org", message="m")  # fmt: skip
    host = UserFactory()
    host.groups.add(hub_roles(hub).hosts)
    client.force_login(host)
    listing = client.get("/admin/snippets/hubs/joinrequest/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Parliament of Ghana" in html and "Parliament of Malawi" not in html
    assert client.get(f"/admin/snippets/hubs/joinrequest/edit/{own.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/hubs/joinrequest/edit/{hidden.pk}/", follow=True).status_code == 404
    outsider = UserFactory(is_staff=True)
    assert not JoinRequest.objects.visible_to(outsider).exists()


def test_a_profile_field_does_not_make_a_host(client, hub, hub_index):
    """Staff of another hub who pick the host parliament in their own profile still see only their hub."""
    other_hub = HubPageFactory(parent=hub_index, title="Southern Africa", slug="southern-africa")
    JoinRequest.objects.create(kind="hub", hub=hub, organisation="Parliament of Ghana", contact_name="A",
                               email="a@example.org", message="m")  # fmt: skip
    staff = UserFactory(parliament=hub.host, is_staff=True)
    staff.groups.add(hub_roles(other_hub).hosts)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert not JoinRequest.objects.visible_to(staff).exists()
    client.force_login(staff)
    listing = client.get("/admin/snippets/hubs/joinrequest/")
    assert listing.status_code == 200
    assert "Parliament of Ghana" not in listing.content.decode()
    reviewer = UserFactory()
    reviewer.groups.add(hub_roles(hub).reviewers)
    assert list(JoinRequest.objects.visible_to(reviewer).values_list("organisation", flat=True)) == [
        "Parliament of Ghana"
    ]


def test_line_breaks_in_the_organisation_do_not_stop_the_email(
    client, hub, join_url, django_capture_on_commit_callbacks, eager_tasks
):
    hub.contact_email = "ict-hub@europarl.example"
    hub.save_revision().publish()
    organisation = "Parliament of Ghana\r\nBcc: everyone@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join_url, hub_request(hub, organisation=organisation))
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "New request from Parliament of Ghana Bcc: everyone@example.org: join ICT Governance"
    assert message.bcc == [] and "\nBcc:" not in message.message().as_string().split("\n\n", 1)[0]
    assert JoinRequest.objects.get().notified_at is not None


def test_subjects_keep_apostrophes_as_typed(client, hub, join_url, django_capture_on_commit_callbacks, eager_tasks):
    hub.contact_email = "ict-hub@europarl.example"
    hub.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url, hub_request(hub, organisation="Parliament of Côte d'Ivoire"))
    assert "Côte d'Ivoire" in mail.outbox[0].subject


@pytest.mark.parametrize("query", ["Ghana", '"', 'Ghana"', "a AND (", "*"])
def test_searching_join_requests_in_the_admin(admin_client, hub, query):
    JoinRequest.objects.create(kind="hub", hub=hub, organisation="Parliament of Ghana", contact_name="A",
                               email="a@example.org", message="m")  # fmt: skip
    response = admin_client.get("/admin/snippets/hubs/joinrequest/", {"q": query})
    assert response.status_code == 200
    if query == "Ghana":
        assert "Parliament of Ghana" in response.content.decode()
