"""A person's permissions come in one query, and are the ones Django's own backend finds."""

import pytest
from django.contrib.auth import backends
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.accounts.backends import ModelBackend
from lms.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename=codename)


def fresh(user):
    return type(user).objects.get(pk=user.pk)  # no permissions cached on it


def test_own_and_group_permissions_in_one_query_as_djangos_backend_finds_them():
    editors = Group.objects.create(name="Permission test editors")
    editors.permissions.add(permission("access_admin"))
    person = UserFactory()
    person.groups.add(editors)
    person.user_permissions.add(Permission.objects.get(codename="add_user"))
    UserFactory().groups.add(editors)  # another member adds nothing
    reader = fresh(person)
    with CaptureQueriesContext(connection) as queries:
        found = ModelBackend().get_all_permissions(reader)
    assert len(queries) == 1
    assert found == {"wagtailadmin.access_admin", "accounts.add_user"}
    assert found == backends.ModelBackend().get_all_permissions(fresh(person))
    assert fresh(person).has_perm("wagtailadmin.access_admin")


def test_a_learner_has_none_a_superuser_every_one_an_inactive_person_none():
    learner, inactive = UserFactory(), UserFactory(is_active=False)
    inactive.user_permissions.add(permission("access_admin"))
    superuser = UserFactory(is_superuser=True)
    assert ModelBackend().get_all_permissions(fresh(learner)) == set()
    assert not fresh(inactive).has_perm("wagtailadmin.access_admin")
    assert ModelBackend().get_all_permissions(fresh(superuser)) == backends.ModelBackend().get_all_permissions(
        fresh(superuser)
    )
    assert len(ModelBackend().get_all_permissions(fresh(superuser))) == Permission.objects.count()
