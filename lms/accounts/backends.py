"""Django's model authentication backend, reading a person's permissions in one query instead of two."""

from django.contrib.auth import backends
from django.contrib.auth.models import Permission
from django.db import connections, router


class ModelBackend(backends.ModelBackend):
    """Django's ``ModelBackend``, with a person's own and their groups' permissions read together: every page a
    signed-in person reads asks for them (Wagtail's user bar), and Django reads each kind with a query of its own."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in _permission_names(user_obj)}
        return user_obj._perm_cache


# Written in SQL: building the same query with the ORM takes about a millisecond of Python, more than the query
# itself, and the ORM's join of both link tables with an OR across them is planned in another millisecond by
# PostgreSQL and runs as a scan of every permission. The tables are Django's and this project's user model's
# (tests/accounts/test_permissions.py compares the answers with Django's own backend).
PERMISSIONS_SQL = """
    SELECT content_type.app_label, permission.codename
    FROM auth_permission permission
    JOIN django_content_type content_type ON content_type.id = permission.content_type_id
    WHERE %(superuser)s
       OR permission.id IN (SELECT permission_id FROM accounts_user_user_permissions WHERE user_id = %(user)s)
       OR permission.id IN (SELECT group_permission.permission_id
                            FROM auth_group_permissions group_permission
                            JOIN accounts_user_groups membership ON membership.group_id = group_permission.group_id
                            WHERE membership.user_id = %(user)s)"""


def _permission_names(user):
    """(app label, codename) of the person's permissions, their own and their groups' (every one for a superuser)."""
    with connections[router.db_for_read(Permission)].cursor() as cursor:
        cursor.execute(PERMISSIONS_SQL, {"superuser": user.is_superuser, "user": user.pk})
        return cursor.fetchall()
