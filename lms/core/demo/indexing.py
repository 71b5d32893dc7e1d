"""The search and reference indexes of a demo load, brought up to date once at its end instead of at every save.

Loading the demo saves each page several times (created, revised, published, translated, synchronised), and each
save of an indexed object queues Wagtail's reference-index task and the search-index task: about a quarter of the
load went to indexing the same objects over and over. Inside :func:`indexed_once_at_the_end` saves are only noted;
on leaving it, each saved object still there is indexed once, through the same two tasks.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

NOTE_SAVES = "lms.core.demo.indexing.note_saves"


@contextmanager
def indexed_once_at_the_end():
    """Defer the indexing of every object saved inside the block to one pass when it ends without an error."""
    searched = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    watched = set(searched) | set(ReferenceIndex.tracked_models)
    saved = defaultdict(set)

    def note_saves(sender, instance, raw=False, **kwargs):
        if sender in watched and not raw:
            saved[sender].add(instance.pk)

    post_save.connect(note_saves, weak=False, dispatch_uid=NOTE_SAVES)
    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=NOTE_SAVES)
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    for model, pks in saved.items():
        meta = model._meta
        for pk in model._default_manager.filter(pk__in=pks).values_list("pk", flat=True):
            if model in searched:
                insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(pk))
            if model in ReferenceIndex.tracked_models:
                update_reference_index_task.enqueue(meta.app_label, meta.model_name, str(pk))
