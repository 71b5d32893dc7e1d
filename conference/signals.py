"""Retire the anonymous page cache when programme or library data that pages show change."""

from django.db.models.signals import post_delete, post_save

from lms.core import page_cache

from .models import Person, Session, SessionMaterial, SessionParticipant, VideoEntry


def purge_page_cache(sender, **kwargs):
    page_cache.purge()


def connect():
    for model in (Session, SessionParticipant, SessionMaterial, Person, VideoEntry):
        post_save.connect(purge_page_cache, sender=model, dispatch_uid=f"conference-cache-{model.__name__}-saved")
        post_delete.connect(purge_page_cache, sender=model, dispatch_uid=f"conference-cache-{model.__name__}-deleted")
