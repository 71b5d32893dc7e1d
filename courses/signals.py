"""Reactions to changes outside the courses app: invitations from bulk enrolment turn into enrolments once the
invited address is confirmed, and a hub's hosts and reviewers may upload H5P activities."""

from allauth.account.signals import email_confirmed
from django.contrib.auth.models import Permission
from django.dispatch import receiver

from hubs.roles import roles_ensured

from .services import accept_invitations


@receiver(email_confirmed)
def enrol_invited_learner(request, email_address, **kwargs):
    accept_invitations(email_address.user)


@receiver(roles_ensured, dispatch_uid="courses-h5p-for-hub-roles")
def let_hub_roles_upload_h5p(sender, hub, roles, **kwargs):
    # "add" under the ownership policy of H5P activities: upload, and edit or delete what one uploaded.
    permission = Permission.objects.get(content_type__app_label="courses", codename="add_h5pactivity")
    roles.hosts.permissions.add(permission)
    roles.reviewers.permissions.add(permission)
