"""Retire the anonymous page cache when directory entries the hubs pages show change (pages purge it themselves)."""

from django.db.models.signals import post_delete, post_save

from lms.core.page_cache import purge

from .models import OpenDataPortal, Partner, PortalCategory


def purge_page_cache(sender, **kwargs):
    purge()


def connect():
    for model in (Partner, OpenDataPortal, PortalCategory):
        post_save.connect(purge_page_cache, sender=model, dispatch_uid=f"hubs-page-cache-{model.__name__}-saved")
        post_delete.connect(purge_page_cache, sender=model, dispatch_uid=f"hubs-page-cache-{model.__name__}-deleted")
