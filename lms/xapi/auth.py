"""Who is calling the LRS, and what they may do.

Two kinds of credential. An LRS client's key and secret (HTTP Basic) speaks for a program: it writes statements
about anyone, with its scopes. A learner-bound credential speaks for one learner only: a short-lived launch token
given to content running in a learner's browser (HTTP Basic with the user name ``launch``, or a Bearer token), or
the learner's own session with a CSRF token; other kinds (e.g. a cmi5 session) are made with
:func:`learner_credential`. Every learner-bound credential goes through :meth:`Credential.check_statements`: a
statement whose actor (or a SubStatement's actor) is someone else is refused with 403, never rewritten, and the
authority of what it writes names the credential and the learner, never the platform itself.
"""

import base64
import binascii
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.middleware.csrf import CsrfViewMiddleware

from .cmi5 import auth as cmi5_auth
from .identity import agent_key, credential_authority, learner_agent, learner_keys
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

    def learner_keys(self):
        """Agent keys the learner may read and write documents for."""
        return learner_keys(self.learner) if self.learner else []

    def check_statements(self, statements, paths):
        """Refuse with 403 a statement a learner-bound credential may not write: one whose actor, or the actor of
        its SubStatement, is not the learner. ``paths`` name the statements in the error."""
        if self.learner is None:
            return
        own = set(self.learner_keys())
        for statement, path in zip(statements, paths, strict=True):
            obj = statement.get("object") or {}
            actors = [(statement.get("actor"), f"{path}.actor")]
            if obj.get("objectType") == "SubStatement":
                actors.append((obj.get("actor"), f"{path}.object.actor"))
            for actor, where in actors:
                if agent_key(actor) not in own:
                    raise XapiError(403, f"{where}: this credential writes statements only about its own learner")

    def may_void(self, target):
        """Whether this credential may void a statement, given as the ``(actor_key, authority_key)`` of the stored
        statement or None when it is not stored yet: anything with the ``all`` scope; otherwise only a stored
        statement, about its own learner for a learner-bound credential, one it wrote itself for a client."""
        if "all" in self.scopes and self.learner is None:
            return True
        if target is None:
            return False
        actor_key, authority_key = target
        if self.learner is not None:
            return actor_key in self.learner_keys()
        return authority_key == agent_key(self.authority)


def learner_credential(user, *, kind, reference, scopes=LEARNER_SCOPES):
    """A credential bound to ``user``: ``kind`` names the sort of credential (``launch``, ``session``, ...) and
    ``reference`` this one credential, so the authority of its statements says which credential wrote them.

    The authority is :func:`~lms.xapi.identity.credential_authority`: the credential and the learner.
    """
    authority = credential_authority(kind, reference, learner_agent(user))
    return Credential(scopes=frozenset(scopes), authority=authority, learner=user)


def launch_token(user):
    """A token that lets content in ``user``'s browser write statements as ``user`` for a few hours."""
    return signing.dumps({"user": user.pk, "id": secrets.token_hex(8)}, salt=LAUNCH_SALT, compress=True)


def _from_launch_token(token):
    try:
        payload = signing.loads(token, salt=LAUNCH_SALT, max_age=settings.XAPI_LAUNCH_TOKEN_AGE)
    except (signing.BadSignature, ValueError) as error:
        raise XapiError(401, "the launch token is invalid or has expired", WWW_AUTHENTICATE) from error
    user = get_user_model().objects.filter(pk=payload.get("user"), is_active=True).first()
    if user is None:
        raise XapiError(401, "the launch token's learner no longer exists", WWW_AUTHENTICATE)
    return learner_credential(user, kind="launch", reference=str(payload.get("id", "")))


# Raw SQL: every request of an LRS client asks it, and the ORM takes longer to compile the query than the
# database takes to answer it.
ACTIVE_CLIENT_SQL = "SELECT * FROM xapi_lrsclient WHERE key = %s AND is_active"


def _from_basic(encoded):
    try:
        key, _, secret = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, ValueError) as error:  # non-ASCII characters raise a plain ValueError
        raise XapiError(401, "Authorization: malformed Basic credentials", WWW_AUTHENTICATE) from error
    if "\x00" in key or "\x00" in secret:
        raise XapiError(401, "Authorization: malformed Basic credentials", WWW_AUTHENTICATE)
    if key == "launch":
        return _from_launch_token(secret)
    if key.startswith(cmi5_auth.USER_PREFIX):
        return cmi5_auth.session_credential(key, secret)
    client = next(iter(LRSClient.objects.raw(ACTIVE_CLIENT_SQL, [key])), None)
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
    # The authority names the session without revealing its key.
    session_key = request.session.session_key or ""
    reference = hashlib.sha256(session_key.encode()).hexdigest()[:16] if session_key else ""
    return learner_credential(user, kind="session", reference=reference)


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
