from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``mapping[key]``, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def getlist(data, key):
    """Every value of ``key`` in a submitted form (empty when there is none)."""
    return data.getlist(key) if hasattr(data, "getlist") else []
