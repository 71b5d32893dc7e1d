"""Django's model authentication backend, reading a person's permissions in one query instead of two."""

from django.contrib.auth import backends
from django.contrib.auth.models import Permission
from django.db.models import Q


class ModelBackend(backends.ModelBackend):
    """Django's ``ModelBackend``, with a person's own and their groups' permissions read together: every page a
    signed-in person reads asks for them (Wagtail's user bar), and Django reads each kind with a query of its own."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            names = permissions.values_list("content_type__app_label", "codename")
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in names}
        return user_obj._perm_cache
