"""Who is calling the LRS, and what they may do.

Three kinds of credential: an LRS client's key and secret (HTTP Basic), a short-lived launch token given to
content running in a learner's browser (HTTP Basic with the user name ``launch``, or a Bearer token), and the
learner's own session with a CSRF token. The last two may write statements only as that learner.
"""

import base64
import binascii
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.middleware.csrf import CsrfViewMiddleware

from .cmi5 import auth as cmi5_auth
from .identity import learner_agent, learner_keys, platform_authority
from .models import LRSClient
from .protocol import XapiError

LAUNCH_SALT = "lms.xapi.launch"
LEARNER_SCOPES = frozenset({"statements/write", "statements/read/mine", "state", "profile"})
READ_SCOPES = {"statements/read", "all/read", "all"}
WWW_AUTHENTICATE = {"WWW-Authenticate": 'Basic realm="xAPI"'}


@dataclass
class Credential:
    """The caller: its scopes, the authority its statements get, and the learner it is bound to, if any."""

    scopes: frozenset
    authority: dict
    client: LRSClient | None = None
    learner: object = None
    cmi5_session: object = None  # the AU session a cmi5 auth token is bound to (lms.xapi.cmi5)

    def allows(self, *scopes):
        """Whether the credential holds ``all`` or one of ``scopes``."""
        return "all" in self.scopes or any(scope in self.scopes for scope in scopes)

    def require(self, *scopes):
        """Refuse with 403 unless :meth:`allows`."""
        if not self.allows(*scopes):
            raise XapiError(403, "the credential lacks the scope " + " or ".join(scopes))

    @property
    def learner_agent(self):
        """The agent statements written with this credential are forced to, or None."""
        return learner_agent(self.learner) if self.learner else None

    def learner_keys(self):
        """Agent keys the learner may read and write documents for."""
        return learner_keys(self.learner) if self.learner else []


def launch_token(user):
    """A token that lets content in ``user``'s browser write statements as ``user`` for a few hours."""
    return signing.dumps({"user": user.pk}, salt=LAUNCH_SALT, compress=True)


def _learner_credential(user):
    return Credential(scopes=LEARNER_SCOPES, authority=platform_authority(), learner=user)


def _from_launch_token(token):
    try:
        payload = signing.loads(token, salt=LAUNCH_SALT, max_age=settings.XAPI_LAUNCH_TOKEN_AGE)
    except signing.BadSignature as error:
        raise XapiError(401, "the launch token is invalid or has expired", WWW_AUTHENTICATE) from error
    user = get_user_model().objects.filter(pk=payload.get("user"), is_active=True).first()
    if user is None:
        raise XapiError(401, "the launch token's learner no longer exists", WWW_AUTHENTICATE)
    return _learner_credential(user)


def _from_basic(encoded):
    try:
        key, _, secret = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError) as error:
        raise XapiError(401, "Authorization: malformed Basic credentials", WWW_AUTHENTICATE) from error
    if key == "launch":
        return _from_launch_token(secret)
    if key.startswith(cmi5_auth.USER_PREFIX):
        return cmi5_auth.session_credential(key, secret)
    client = LRSClient.objects.filter(key=key, is_active=True).first()
    if client is None or not client.check_secret(secret):
        raise XapiError(401, "unknown key or wrong secret", WWW_AUTHENTICATE)
    return Credential(scopes=frozenset(client.scopes), authority=client.authority(), client=client)


def basic_credential(encoded):
    """The :class:`Credential` of base64 ``key:secret`` HTTP Basic credentials; 401 when they are wrong."""
    return _from_basic(encoded)


def _from_session(xrequest):
    request = xrequest.django
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        # Content in the learner's own browser: same-origin requests carrying the CSRF token.
        failure = CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})
        if failure is not None:
            raise XapiError(403, "the CSRF token is missing or wrong (send X-CSRFToken with the session)")
    return _learner_credential(user)


def authenticate(xrequest):
    """The :class:`Credential` of the request; 401 when there is none or it is wrong."""
    header = xrequest.header("Authorization").strip()
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "basic" and value:
        return _from_basic(value.strip())
    if scheme.lower() == "bearer" and value:
        return _from_launch_token(value.strip())
    if header:
        raise XapiError(401, "Authorization: use Basic credentials or a launch token", WWW_AUTHENTICATE)
    credential = _from_session(xrequest)
    if credential is None:
        raise XapiError(401, "Authorization: credentials are required", WWW_AUTHENTICATE)
    return credential
