"""Celery tasks of the hubs app: thin, each takes an id and calls ``hubs.services``."""

from celery import shared_task

from lms.core.sending import RETRY_POLICY

from . import services


@shared_task(**RETRY_POLICY)
def check_portal(portal_id):
    """Check that one open-data portal answers within the timeout; record the result and the time."""
    return services.check_portal(portal_id)


@shared_task(**RETRY_POLICY)
def check_all_portals():
    """Queue one reachability check per catalogued portal; returns how many were queued."""
    portal_ids = services.portals_to_check()
    for portal_id in portal_ids:
        check_portal.delay(portal_id)
    return len(portal_ids)


@shared_task(**RETRY_POLICY)
def notify_join_request(join_request_id):
    """Email a new join request to the people who handle it; sent once, even when the task runs again."""
    return services.notify_join_request(join_request_id)
