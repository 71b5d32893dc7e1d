"""The credential of an AU session: the token the fetch URL hands out once, bound to one session."""

import base64
import secrets

from django.db import transaction
from django.utils import timezone

from ..identity import credential_authority, user_for_agent
from ..protocol import XapiError
from .models import Cmi5Session

USER_PREFIX = "cmi5-"
SESSION_SCOPES = frozenset({"statements/write", "state", "profile"})
WWW_AUTHENTICATE = {"WWW-Authenticate": 'Basic realm="xAPI"'}


def token_for(session):
    """The auth-token of a session: HTTP Basic credentials ``cmi5-<session id>:<secret>``, base64-encoded."""
    return base64.b64encode(f"{USER_PREFIX}{session.session_id}:{session.secret}".encode()).decode()


def fetch_token(fetch_key):
    """The fetch URL's answer (8.2): the token on the first POST, an error code on every later one."""
    with transaction.atomic():
        session = Cmi5Session.objects.select_for_update().filter(fetch_key=fetch_key).first()
        if session is None:
            return {"error-code": "3", "error-text": "Unknown fetch URL"}
        if session.fetched:
            return {"error-code": "1", "error-text": "Already in use"}
        if session.closed or session.expires <= timezone.now():
            return {"error-code": "2", "error-text": "The session is over"}
        session.fetched = True
        session.save(update_fields=["fetched"])
    return {"auth-token": token_for(session)}


def session_credential(key, secret):
    """The credential of the AU session named by the Basic user ``cmi5-<session id>``; 401 when it is not live."""
    from ..auth import Credential

    session_id = key[len(USER_PREFIX) :]
    session = (
        Cmi5Session.objects.select_related("registration__course")
        .defer("registration__course__structure")  # every AU of the course: read only when satisfaction needs it
        .filter(session_id=_uuid(session_id))
        .first()
        if _uuid(session_id)
        else None
    )
    if session is None or not session.fetched or not secrets.compare_digest(session.secret, secret):
        raise XapiError(401, "unknown or wrong cmi5 session credentials", WWW_AUTHENTICATE)
    now = timezone.now()
    if session.closed or session.expires <= now:
        raise XapiError(401, "the cmi5 session is over: launch the AU again", WWW_AUTHENTICATE)
    Cmi5Session.objects.filter(pk=session.pk).update(last_request=now)
    session.last_request = now
    return Credential(
        scopes=SESSION_SCOPES,
        authority=credential_authority("cmi5-session", str(session.session_id), session.registration.actor),
        learner=user_for_agent(session.registration.actor),
        cmi5_session=session,
    )


def _uuid(value):
    import uuid

    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError):
        return None
