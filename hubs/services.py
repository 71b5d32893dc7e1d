"""The writes of the hubs app: join requests and their notification, open-data portal checks.

Views, tasks and the admin call these functions; the tasks in ``hubs.tasks`` only pass ids to them.
"""

import time
from http.client import HTTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from lms.core import outbound
from lms.core.mail import email_subject
from lms.core.models import Parliament
from lms.core.sending import send_once

from .models import CentrePage, JoinRequest, OpenDataPortal


@transaction.atomic
def submit_join_request(form, language):
    """Save a valid join-request form (matched to a parliament of the directory by name) and have the people
    who handle it notified once the request is committed."""
    from .tasks import notify_join_request

    join = form.save(commit=False)
    join.language = language or ""
    join.parliament = Parliament.objects.filter(name__iexact=join.organisation.strip()).first()
    join.save()
    transaction.on_commit(lambda: notify_join_request.delay(join.pk))
    return join


def recipients(join_request):
    """The hub's contact (or the Centre's), and the members of the hub's hosts and reviewers groups."""
    from .roles import role_members

    addresses = []
    hub = join_request.hub
    if hub is not None:
        addresses.append(hub.contact_email or getattr(hub.centre(), "contact_email", ""))
        addresses.extend(role_members(hub).values_list("email", flat=True))
    else:
        centre = CentrePage.objects.live().order_by("depth", "pk").first()
        addresses.append(centre.contact_email if centre else settings.DEFAULT_FROM_EMAIL)
    return sorted({address for address in addresses if address})


def _email(join_request):
    to = recipients(join_request)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"join_request": join_request, "admin_url": f"{settings.BASE_URL}/admin/snippets/hubs/joinrequest/"}
        subject = email_subject(render_to_string("hubs/email/join_request_subject.txt", context))
        body = render_to_string("hubs/email/join_request_body.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=[join_request.email])
    return message.send() if to else 0


def notify_join_request(join_request_id):
    """Email a new join request to the people who handle it, once; returns how many messages were sent."""
    return send_once(JoinRequest.objects.select_related("hub"), join_request_id, "notified_at", _email) or 0


def probe(url, timeout):
    """GET ``url`` through the outbound guard; returns (reachable, status code or None, milliseconds, error).

    Loopback, private and other non-public addresses are refused, at the first hop and at every redirect.
    """
    started = time.monotonic()

    def elapsed():
        return round((time.monotonic() - started) * 1000)

    try:
        response = outbound.fetch(url, timeout)
    except outbound.Refused as error:
        return False, None, 0, str(error)[:255]
    except (OSError, HTTPException, ValueError) as error:
        return False, None, elapsed(), str(error)[:255] or error.__class__.__name__
    if not 200 <= response.status < 400:
        return False, response.status, elapsed(), f"HTTP {response.status}"
    return True, response.status, elapsed(), ""


def check_portal(portal_id):
    """Check that one open-data portal answers within the timeout; record the result and the time.

    Returns whether it answered, or None when the portal is gone or has no address.
    """
    portal = OpenDataPortal.objects.select_related("parliament").filter(pk=portal_id).first()
    if portal is None or not portal.parliament.open_data_url:
        return None
    reachable, status, elapsed, error = probe(portal.parliament.open_data_url, settings.HUBS_PORTAL_CHECK_TIMEOUT)
    portal.reachable = reachable
    portal.last_status_code = status
    portal.last_response_ms = elapsed
    portal.last_error = error
    portal.last_checked_at = timezone.now()
    portal.save(update_fields=["reachable", "last_status_code", "last_response_ms", "last_error", "last_checked_at"])
    return reachable


def portals_to_check():
    """The ids of every catalogued portal with an address."""
    return list(OpenDataPortal.objects.exclude(parliament__open_data_url="").values_list("pk", flat=True))
