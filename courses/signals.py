"""Reactions to changes outside the courses app.

Invitations from bulk enrolment turn into enrolments once the invited address is confirmed. A change to an account,
its groups or its permissions (who the user is, whether they may sign in, whether the account menu offers the
admin) retires the pages kept for the learner's re-reads (``learner_cache``).
"""

from allauth.account.signals import email_confirmed
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from . import learner_cache
from .services import accept_invitations

User = get_user_model()


@receiver(email_confirmed)
def enrol_invited_learner(request, email_address, **kwargs):
    accept_invitations(email_address.user)


@receiver(post_save, sender=User)
@receiver(post_delete, sender=User)
def retire_pages_kept_for_account(sender, instance, **kwargs):
    learner_cache.learner_changed(instance.pk)


CHANGES = ("post_add", "post_remove", "pre_clear")  # a clear's related rows are read before it (no pk_set)


def _related_ids(instance, reverse, pk_set, reverse_manager):
    """The ids on the far side of an m2m change: ``pk_set``, or the instance's own when it is that side."""
    if not reverse:
        return [instance.pk]
    if pk_set is None:
        return list(getattr(instance, reverse_manager).values_list("pk", flat=True))
    return pk_set


@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
def retire_pages_kept_for_groups_or_permissions(sender, instance, action, reverse, pk_set, **kwargs):
    if action in CHANGES:
        for user_id in _related_ids(instance, reverse, pk_set, "user_set"):
            learner_cache.learner_changed(user_id)


@receiver(m2m_changed, sender=Group.permissions.through)
def retire_pages_kept_for_group_members(sender, instance, action, reverse, pk_set, **kwargs):
    if action in CHANGES:
        group_ids = _related_ids(instance, reverse, pk_set, "group_set")
        for user_id in User.objects.filter(groups__in=group_ids).values_list("pk", flat=True).distinct():
            learner_cache.learner_changed(user_id)
