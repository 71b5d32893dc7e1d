"""Sample accounts for development: a learner, a hub host and an administrator.

Only loaded where ``settings.DEMO_USERS`` is true (the dev settings); never in production. The host gets no
site-wide group and no staff status (docs/roles.md): the app that owns the hubs makes them a host of one hub when
``demo_users_loaded`` is sent.
"""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.dispatch import Signal

# Sent after the accounts are made, with ``users``: the account of each role ("learner", "host", "administrator").
demo_users_loaded = Signal()
DEMO_HOST_EMAIL = "host@example.org"
DEMO_USERS = [
    {"email": "learner@example.org", "full_name": "Amina Learner", "role": "learner"},
    {"email": DEMO_HOST_EMAIL, "full_name": "Hugo Host", "role": "host"},
    {"email": "admin@example.org", "full_name": "Ada Admin", "role": "administrator"},
]


def _apply_role(user, role):
    user.is_staff = user.is_superuser = role == "administrator"
    user.save()
    # Earlier versions put the demo host in Wagtail's site-wide "Editors" group; a reload takes it back.
    user.groups.remove(*Group.objects.filter(name="Editors"))


def load(stdout):
    """Create or reset the three sample accounts and print their new passwords."""
    User = get_user_model()
    users = {}
    for spec in DEMO_USERS:
        user, _created = User.objects.get_or_create(email=spec["email"], defaults={"full_name": spec["full_name"]})
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        _apply_role(user, spec["role"])
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        stdout.write(f"demo {spec['role']}: {user.email} / {password}")
        users[spec["role"]] = user
    demo_users_loaded.send(sender=load, users=users)
