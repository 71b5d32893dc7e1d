"""Wagtail's root collection, which images and documents fall back to."""

from wagtail.models import Collection


def root_collection():
    """The root collection; Wagtail's migrations make it, but a database flushed since (transactional tests) lacks
    it, and an image saved without it fails."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")
