"""Empty the hubs page cache whenever something the pages show changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from lms.core.models import DataFormat, Parliament

from .caching import purge
from .models import OpenDataPortal, Partner, PortalCategory

DIRECTORY_MODELS = (Parliament, DataFormat, Partner, OpenDataPortal, PortalCategory)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def purge_on_page_change(sender, **kwargs):
    purge()


def purge_on_save(sender, **kwargs):
    purge()


for model in DIRECTORY_MODELS:
    post_save.connect(purge_on_save, sender=model, dispatch_uid=f"hubs-purge-save-{model._meta.label}")
    post_delete.connect(purge_on_save, sender=model, dispatch_uid=f"hubs-purge-delete-{model._meta.label}")
