"""Each hub gets its hosts and reviewers groups, collection and workflow, once, in all its languages."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowPage

from courses.factories import CoursePageFactory
from hubs.roles import ensure_hub_roles, hub_roles
from lms.accounts.factories import UserFactory
from tests.courses.conftest import translate_tree


def page_permissions(group):
    return set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))


def test_a_new_hub_gets_its_groups_collection_and_workflow(hub_a):
    roles = hub_roles(hub_a)
    assert roles is not None
    assert roles.hosts.name == "ICT Governance hub: hosts"
    assert roles.reviewers.name == "ICT Governance hub: reviewers"
    assert page_permissions(roles.hosts) == {(hub_a.pk, "add_page"), (hub_a.pk, "change_page"), (hub_a.pk, "lock_page")}
    assert (hub_a.pk, "publish_page") in page_permissions(roles.reviewers)
    assert roles.collection.name == "ICT Governance hub"
    assert set(roles.hosts.collection_permissions.values_list("permission__codename", flat=True)) == {
        "add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document",
    }  # fmt: skip
    # Beside admin access, hosts and reviewers may upload H5P activities (and edit what they uploaded).
    for group in (roles.hosts, roles.reviewers):
        assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin", "add_h5pactivity"}
    assert WorkflowPage.objects.get(page=hub_a).workflow == roles.workflow
    task = roles.workflow.tasks.get().specific
    assert list(task.groups.all()) == [roles.reviewers]


def test_roles_are_idempotent_and_survive_a_rename(hub_a, hub_b):
    before = (Group.objects.count(), Collection.objects.count(), GroupPagePermission.objects.count())
    hub_a.title = "ICT Governance and Innovation hub"
    hub_a.save_revision().publish()
    ensure_hub_roles(hub_a)
    call_command("ensure_hub_roles", stdout=StringIO())
    assert (Group.objects.count(), Collection.objects.count(), GroupPagePermission.objects.count()) == before
    assert hub_roles(hub_a).hosts.name == "ICT Governance hub: hosts"
    assert hub_roles(hub_a).hosts != hub_roles(hub_b).hosts


def test_a_translated_hub_shares_the_groups_of_the_original(hub_a, home_fr, locales):
    french = translate_tree(hub_a, locales["fr"])
    roles = hub_roles(hub_a)
    assert (french.pk, "change_page") in page_permissions(roles.hosts)
    assert WorkflowPage.objects.get(page=french).workflow == roles.workflow
    assert Group.objects.filter(name__startswith="ICT Governance hub").count() == 2


def test_the_command_gives_roles_to_hubs_that_lack_them(hub_a):
    roles = hub_roles(hub_a)
    roles.hosts.delete()
    assert hub_roles(hub_a) is None
    call_command("ensure_hub_roles", stdout=StringIO())
    assert hub_roles(hub_a).hosts.name == "ICT Governance hub: hosts"
    assert Page.objects.filter(pk=hub_a.pk).exists()


def test_the_page_chooser_hides_other_hubs_drafts_from_a_host(client, hub_a, hub_b, host_a):
    for hub, title in ((hub_a, "Draft of our own hub"), (hub_b, "Draft of the other hub")):
        CoursePageFactory(parent=hub, title=title, slug=title.lower().replace(" ", "-")).unpublish()
    CoursePageFactory(parent=hub_b, title="Published course of the other hub", slug="published")
    client.force_login(host_a)
    browsed = {hub: client.get(f"/admin/choose-page/{hub.pk}/").content.decode() for hub in (hub_a, hub_b)}
    assert "Draft of our own hub" in browsed[hub_a]
    assert "Published course of the other hub" in browsed[hub_b]
    assert "Draft of the other hub" not in browsed[hub_b]
    found = client.get("/admin/choose-page/search/", {"q": "draft"}).content.decode()
    assert "Draft of our own hub" in found and "Draft of the other hub" not in found
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert "Draft of the other hub" in client.get(f"/admin/choose-page/{hub_b.pk}/").content.decode()
