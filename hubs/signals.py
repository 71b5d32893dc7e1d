"""Retire the anonymous page cache when directory entries the hubs pages show change (pages purge it themselves);
make the demo host a host of the demo's ICT Governance hub."""

from django.db.models.signals import post_delete, post_save

from lms.core.demo.users import demo_users_loaded
from lms.core.page_cache import purge

from .models import HubPage, OpenDataPortal, Partner, PortalCategory
from .roles import ensure_hub_roles

DEMO_HOST_HUB = "ict-governance"


def purge_page_cache(sender, **kwargs):
    purge()


def make_the_demo_host_a_hub_host(sender, users, **kwargs):
    hub = HubPage.objects.filter(slug=DEMO_HOST_HUB, locale__language_code="en").first()
    if hub is not None and "host" in users:
        users["host"].groups.add(ensure_hub_roles(hub).hosts)


def connect():
    demo_users_loaded.connect(make_the_demo_host_a_hub_host, dispatch_uid="hubs-demo-host")
    for model in (Partner, OpenDataPortal, PortalCategory):
        post_save.connect(purge_page_cache, sender=model, dispatch_uid=f"hubs-page-cache-{model.__name__}-saved")
        post_delete.connect(purge_page_cache, sender=model, dispatch_uid=f"hubs-page-cache-{model.__name__}-deleted")
