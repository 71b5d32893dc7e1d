"""What every listing filtered through django-filter shares: all-or-nothing filters, the query string that keeps
them across pages, and the answer to a filter that does not validate."""

from urllib.parse import urlencode

import django_filters
from django.http import HttpResponseBadRequest


class ListingFilter(django_filters.FilterSet):
    """A listing's filters, read from the query string, applied all together or not at all.

    When any choice does not validate none is applied: the listing shows what it shows unfiltered (a reader who
    mistyped one value sees the whole list, not a mix of what was and was not understood), and the form shows
    each error beside its field. Whether that answers 400 is the view's choice (``invalid``). Unlike
    django-filter's own ``qs``, ``filter_queryset`` also runs unbound, so a filter set can apply a default.
    """

    @property
    def invalid(self):
        """True when the query string holds a choice that does not validate."""
        return self.is_bound and not self.form.is_valid()

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self._qs = self.filter_queryset(self.queryset.all())
        return self._qs

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.is_valid() else queryset

    @property
    def values(self):
        """The applied filters' cleaned values, empty ones left out."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [], False)}

    def query_string(self):
        """The applied filters as the reader gave them, for the links to the listing's other pages."""
        return urlencode([(name, value) for name in self.values for value in self.data.getlist(name)])


def invalid_filters_response(filterset):
    """A 400 naming each filter that did not validate and why, for downloads and other non-HTML answers."""
    reasons = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in filterset.errors.items())
    return HttpResponseBadRequest(reasons, content_type="text/plain; charset=utf-8")
