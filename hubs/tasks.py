"""Background work of the hubs app: portal reachability checks and join-request notifications."""

import time
import urllib.error
import urllib.request

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import DatabaseError
from django.template.loader import render_to_string
from django.utils import timezone, translation

USER_AGENT = "CentreForInnovationInParliament-PortalCheck/1.0"


def probe(url, timeout):
    """GET ``url``; returns (reachable, status code or None, milliseconds, error message)."""
    if not url.lower().startswith(("http://", "https://")):
        return False, None, 0, "not an http(s) address"
    started = time.monotonic()
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})  # noqa: S310 (checked)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (checked above)
            response.read(1024)
            status = response.status
    except urllib.error.HTTPError as error:
        status, message = error.code, f"HTTP {error.code}"
        return False, status, round((time.monotonic() - started) * 1000), message
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return False, None, round((time.monotonic() - started) * 1000), str(reason)[:255] or error.__class__.__name__
    return 200 <= status < 400, status, round((time.monotonic() - started) * 1000), ""


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, retry_backoff_max=300, max_retries=3)
def check_portal(self, portal_id):
    """Check that one open-data portal answers within the timeout; record the result and the time."""
    from .models import OpenDataPortal

    portal = OpenDataPortal.objects.select_related("parliament").filter(pk=portal_id).first()
    if portal is None or not portal.parliament.open_data_url:
        return None
    timeout = settings.HUBS_PORTAL_CHECK_TIMEOUT
    reachable, status, elapsed, error = probe(portal.parliament.open_data_url, timeout)
    portal.reachable = reachable
    portal.last_status_code = status
    portal.last_response_ms = elapsed
    portal.last_error = error
    portal.last_checked_at = timezone.now()
    portal.save(update_fields=["reachable", "last_status_code", "last_response_ms", "last_error", "last_checked_at"])
    return reachable


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=True, retry_backoff_max=300, max_retries=3)
def check_all_portals(self):
    """Queue one reachability check per catalogued portal; returns how many were queued."""
    from .models import OpenDataPortal

    portal_ids = list(OpenDataPortal.objects.exclude(parliament__open_data_url="").values_list("pk", flat=True))
    for portal_id in portal_ids:
        check_portal.delay(portal_id)
    return len(portal_ids)


def recipients(join_request):
    """The hub's contact (or the Centre's), and the staff accounts of the hub's host parliament."""
    from .models import CentrePage

    addresses = []
    hub = join_request.hub
    if hub is not None:
        addresses.append(hub.contact_email or getattr(hub.centre(), "contact_email", ""))
        hosts = get_user_model().objects.filter(parliament_id=hub.host_id, is_staff=True, is_active=True)
        addresses.extend(hosts.values_list("email", flat=True))
    else:
        centre = CentrePage.objects.live().order_by("depth", "pk").first()
        addresses.append(centre.contact_email if centre else settings.DEFAULT_FROM_EMAIL)
    return sorted({address for address in addresses if address})


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=5)
def notify_join_request(self, join_request_id):
    """Email a new join request to the people who handle it; sent once, even when the task runs again."""
    from .models import JoinRequest

    join_request = JoinRequest.objects.select_related("hub").filter(pk=join_request_id, notified_at=None).first()
    if join_request is None:
        return 0
    to = recipients(join_request)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"join_request": join_request, "admin_url": f"{settings.BASE_URL}/admin/snippets/hubs/joinrequest/"}
        subject = render_to_string("hubs/email/join_request_subject.txt", context).strip()
        body = render_to_string("hubs/email/join_request_body.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=[join_request.email])
    sent = message.send() if to else 0
    JoinRequest.objects.filter(pk=join_request.pk).update(notified_at=timezone.now())
    return sent
