"""The roles of a hub: its hosts and its reviewers, created with the hub.

Every hub gets, in every language it is translated into:

- a *hosts* group: admin access, add and edit (but not publish) on the hub page and everything below it
  (its courses, lessons, quizzes and news), and add / edit / choose on the hub's own image and document
  collection. Their reports follow from their page permissions (see ``courses.reports.scope``).
- a *reviewers* group: the same, plus publish; the hub's moderation workflow asks them to approve.
- an image and document collection named after the hub.
- a moderation workflow with one group approval task for the reviewers (superusers may always approve).

A group is found again through its permissions on the hub's pages, not its name, so renaming the hub or the
group keeps the link, and running :func:`ensure_hub_roles` twice changes nothing.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from django.utils.translation import gettext
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import page_published

from lms.core.collections import root_collection

from .models import HubPage

HOST_PAGE_PERMISSIONS = ("add", "change", "lock")
REVIEWER_PAGE_PERMISSIONS = ("add", "change", "lock", "publish", "unlock")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


# Sent with ``hub`` and ``roles`` (a HubRoles) each time ensure_hub_roles has run, so that the apps above hubs
# (courses) can grant their own model permissions to the groups without hubs knowing them.
roles_ensured = Signal()


@dataclass
class HubRoles:
    """What :func:`ensure_hub_roles` found or made for one hub."""

    hosts: Group
    reviewers: Group
    collection: Collection
    workflow: Workflow


def _page_permission(kind):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")


def _hub_pages(hub):
    """The hub page in every language."""
    return list(Page.objects.filter(translation_key=hub.translation_key))


def _find_group(pages, role_permission, without=None):
    """The group holding ``role_permission`` on one of ``pages`` (and not ``without``), or None."""
    groups = Group.objects.filter(
        page_permissions__page__in=pages, page_permissions__permission__codename=f"{role_permission}_page"
    )
    if without:
        groups = groups.exclude(
            page_permissions__page__in=pages, page_permissions__permission__codename=f"{without}_page"
        )
    return groups.order_by("pk").first()


def _unique_group_name(name):
    candidate, number = name, 2
    while Group.objects.filter(name=candidate).exists():
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _grant_pages(group, pages, kinds):
    for page in pages:
        for kind in kinds:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(kind))


def _collection_for(hosts, title):
    existing = GroupCollectionPermission.objects.filter(group=hosts).select_related("collection").first()
    if existing:
        return existing.collection
    root = root_collection()
    collection = root.get_children().filter(name=title).first()
    return collection or root.add_child(name=title)


def _grant_collection(group, collection):
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _workflow_for(hub_pages, reviewers, title):
    assigned = WorkflowPage.objects.filter(page__in=hub_pages).select_related("workflow").first()
    if assigned:
        workflow = assigned.workflow
    else:
        task = GroupApprovalTask.objects.create(name=gettext("Review for %(hub)s") % {"hub": title})
        task.groups.add(reviewers)
        workflow = Workflow.objects.create(name=gettext("Moderation of %(hub)s") % {"hub": title})
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in hub_pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_hub_roles(hub):
    """Create, or complete, the groups, collection and workflow of ``hub`` in all its languages; idempotent."""
    pages = _hub_pages(hub)
    title = hub.title
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    hosts = _find_group(pages, "add", without="publish")
    if hosts is None:
        hosts = Group.objects.create(name=_unique_group_name(gettext("%(hub)s: hosts") % {"hub": title}))
    reviewers = _find_group(pages, "publish")
    if reviewers is None:
        reviewers = Group.objects.create(name=_unique_group_name(gettext("%(hub)s: reviewers") % {"hub": title}))

    collection = _collection_for(hosts, title)
    for group, kinds in ((hosts, HOST_PAGE_PERMISSIONS), (reviewers, REVIEWER_PAGE_PERMISSIONS)):
        group.permissions.add(access_admin)
        _grant_pages(group, pages, kinds)
        _grant_collection(group, collection)
    workflow = _workflow_for(pages, reviewers, title)
    roles = HubRoles(hosts=hosts, reviewers=reviewers, collection=collection, workflow=workflow)
    roles_ensured.send(sender=HubPage, hub=hub, roles=roles)
    return roles


def hub_roles(hub):
    """The hub's roles if they exist, without creating anything (None otherwise)."""
    pages = _hub_pages(hub)
    hosts = _find_group(pages, "add", without="publish")
    reviewers = _find_group(pages, "publish")
    if hosts is None or reviewers is None:
        return None
    collection = GroupCollectionPermission.objects.filter(group=hosts).select_related("collection").first()
    workflow = WorkflowPage.objects.filter(page__in=pages).select_related("workflow").first()
    return HubRoles(
        hosts=hosts,
        reviewers=reviewers,
        collection=collection.collection if collection else None,
        workflow=workflow.workflow if workflow else None,
    )


def hubs_of(user):
    """The hubs (in every language) whose hosts or reviewers group ``user`` belongs to.

    Only group membership counts, never a profile field the user edits themselves (their parliament).
    """
    if not (user.is_authenticated and user.is_active):
        return HubPage.objects.none()
    keys = HubPage.objects.filter(group_permissions__group__user=user).values("translation_key")
    return HubPage.objects.filter(translation_key__in=keys)


def role_members(hub):
    """The active accounts in the hub's hosts and reviewers groups (any language of the hub)."""
    pages = _hub_pages(hub)
    return get_user_model().objects.filter(is_active=True, groups__page_permissions__page__in=pages).distinct()


@receiver(post_save, sender=HubPage, dispatch_uid="hubs-roles-on-create")
def create_roles_with_hub(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_hub_roles(instance)


@receiver(page_published, dispatch_uid="hubs-roles-on-publish")
def complete_roles_on_publish(sender, instance, **kwargs):
    # Hubs made before roles existed (or whose groups an administrator removed) get them back when published.
    if isinstance(instance, HubPage):
        ensure_hub_roles(instance)
