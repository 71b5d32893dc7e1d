"""Where hubs sit in the page tree, for the other apps: the hub of any page, and the courses a hub offers.

Other apps (courses, conference) put their pages under a hub; they call ``hub_for_page`` to know which hub a
page belongs to. Imports run one way, from those apps to hubs: a hub finds its courses by the model's name.
"""

from django.apps import apps


def hub_for_page(page):
    """The live or draft HubPage that ``page`` is, or lies under; None when it is outside every hub."""
    from .models import HubPage

    if page is None:
        return None
    if isinstance(page, HubPage):
        return page
    return HubPage.objects.ancestor_of(page).order_by("-depth").first()


def courses_under(page, limit=None):
    """The live, public courses below ``page`` in tree order, at most ``limit`` of them."""
    course_model = apps.get_model("courses", "CoursePage")
    return course_model.objects.live().public().descendant_of(page)[:limit]
