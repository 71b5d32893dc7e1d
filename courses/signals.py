"""Reactions to changes outside the courses app: invitations from bulk enrolment turn into enrolments once the
invited address is confirmed."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .services import accept_invitations


@receiver(email_confirmed)
def enrol_invited_learner(request, email_address, **kwargs):
    accept_invitations(email_address.user)
