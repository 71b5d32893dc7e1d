"""Retire the anonymous page cache whenever something public pages show has changed."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache
from .cache import cache_recovered
from .models import DataFormat, Parliament, SiteSettings


def purge_page_cache(sender, **kwargs):
    page_cache.purge()


def purge_on_change(sender, created=False, **kwargs):
    # Site settings are created with their defaults on first read, which changes nothing shown.
    if not (created and sender is SiteSettings):
        page_cache.purge()


def purge_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache.purge()


def connect():
    page_published.connect(purge_page_cache, dispatch_uid="page-cache-published")
    page_unpublished.connect(purge_page_cache, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(purge_page_cache, dispatch_uid="page-cache-moved")
    post_delete.connect(purge_on_page_delete, dispatch_uid="page-cache-deleted")
    # A purge this process made while Redis was down did not reach it: make it again once Redis answers.
    cache_recovered.connect(purge_page_cache, dispatch_uid="page-cache-cache-recovered")
    # Sites and view restrictions decide which page an address leads to and who may read it (routes.py).
    for model in (SiteSettings, Parliament, DataFormat, Site, PageViewRestriction):
        post_save.connect(purge_on_change, sender=model, dispatch_uid=f"page-cache-{model.__name__}-saved")
        post_delete.connect(purge_page_cache, sender=model, dispatch_uid=f"page-cache-{model.__name__}-deleted")
