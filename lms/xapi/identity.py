"""Who is who in statements: the learner's xAPI agent, and the key an agent is stored and queried under."""

import hashlib
import uuid

from django.conf import settings

from lms.core import page_cache

IDENTIFIERS = ("mbox", "mbox_sha1sum", "openid", "account")


def agent_key(agent):
    """The canonical string of an agent's or identified group's inverse functional identifier.

    Two agents with the same identifier are the same person (xAPI 1.0.3 §2.4.2.3). An anonymous group has
    no identifier and gets an empty key.
    """
    if not isinstance(agent, dict):
        return ""
    if agent.get("mbox"):
        return "mbox:" + agent["mbox"].lower()
    if agent.get("mbox_sha1sum"):
        return "sha1:" + agent["mbox_sha1sum"].lower()
    if agent.get("openid"):
        return "openid:" + agent["openid"]
    account = agent.get("account")
    if isinstance(account, dict):
        return f"account:{account.get('homePage', '')}|{account.get('name', '')}"
    return ""


def member_keys(agent):
    """The keys of an agent, or of a group and each of its members."""
    keys = [agent_key(agent)]
    if isinstance(agent, dict) and agent.get("objectType") == "Group":
        keys += [agent_key(member) for member in agent.get("member") or []]
    return [key for key in keys if key]


def pseudonym(user):
    """The stable pseudonymous id of ``user`` (created on first use, never reused)."""
    from .models import LearnerIdentity

    if "_xapi_pseudonym" not in user.__dict__:  # kept on the user object, as Django keeps its permissions
        identity, _created = LearnerIdentity.objects.get_or_create(user=user)
        user._xapi_pseudonym = str(identity.pseudonym)
    return user._xapi_pseudonym


def identity_mode():
    """How the xAPI settings identify learners, remembered until they are saved again (which purges)."""
    from .models import XapiSettings

    return page_cache.remember("xapi-learner-identity", lambda: XapiSettings.load().learner_identity)


def learner_agent(user):
    """``user`` as an xAPI agent, identified as the administrators chose in the xAPI settings."""
    from .models import XapiSettings

    mode = identity_mode()
    if mode == XapiSettings.Identity.MBOX:
        return {"objectType": "Agent", "mbox": f"mailto:{user.email}"}
    if mode == XapiSettings.Identity.MBOX_SHA1:
        digest = hashlib.sha1(f"mailto:{user.email}".encode(), usedforsecurity=False).hexdigest()
        return {"objectType": "Agent", "mbox_sha1sum": digest}
    return {"objectType": "Agent", "account": {"homePage": settings.BASE_URL, "name": pseudonym(user)}}


def learner_keys(user):
    """Every agent key under which statements of ``user`` may have been stored (any identity setting)."""
    digest = hashlib.sha1(f"mailto:{user.email}".encode(), usedforsecurity=False).hexdigest()
    return [
        agent_key({"account": {"homePage": settings.BASE_URL, "name": pseudonym(user)}}),
        agent_key({"mbox": f"mailto:{user.email}"}),
        agent_key({"mbox_sha1sum": digest}),
    ]


def user_for_agent(agent):
    """The platform user an agent stands for, or None."""
    from django.contrib.auth import get_user_model

    from .models import LearnerIdentity

    if not isinstance(agent, dict):
        return None
    account = agent.get("account")
    if isinstance(account, dict) and account.get("homePage") == settings.BASE_URL:
        identity = LearnerIdentity.objects.filter(pseudonym=_uuid_or_none(account.get("name"))).first()
        return identity.user if identity else None
    mbox = agent.get("mbox")
    if isinstance(mbox, str) and mbox.lower().startswith("mailto:"):
        return get_user_model().objects.filter(email__iexact=mbox[7:]).first()
    return None


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def platform_authority():
    """The agent that vouches for statements the platform writes itself."""
    account = {"homePage": settings.BASE_URL, "name": "lms"}
    return {"objectType": "Agent", "name": settings.WAGTAIL_SITE_NAME, "account": account}


def credential_authority(kind, reference, agent):
    """The authority of statements a credential bound to one person writes: an anonymous Group (the xAPI idiom for
    an application acting for a person) of the credential, named ``kind:reference``, and that person's ``agent``."""
    name = f"{kind}:{reference}" if reference else kind
    credential_agent = {"objectType": "Agent", "account": {"homePage": settings.BASE_URL, "name": name}}
    return {"objectType": "Group", "member": [credential_agent, agent]}
