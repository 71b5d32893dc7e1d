"""Wagtail admin views of the LRS: credentials, external LRSs, and the forwarding queue with its retry action."""

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.core.csv_export import streaming_csv_response
from lms.core.filtering import ListingFilter, invalid_filters_response

from . import forwarding
from .forms import ForwardingTargetForm, LRSClientForm
from .models import ForwardingTarget, LRSClient, OutboxEntry, StatementIdConflict

ENTRIES_PER_PAGE = 50
EXPORT_CHUNK = 2000


class LRSClientCreateView(CreateView):
    """Creates the client and shows its key and secret once, on a page of their own (never in a message)."""

    def save_instance(self):
        """Save the client with a new key and secret, keeping the secret to show it."""
        instance = self.form.save(commit=False)
        self.secret = instance.set_new_secret()
        instance.save()
        return instance

    def save_action(self):
        """Show the key and secret instead of redirecting to the listing."""
        return TemplateResponse(
            self.request,
            "xapi/admin/client_secret.html",
            {"client": self.object, "secret": self.secret, "index_url": self.get_success_url()},
        )


class LRSClientViewSet(ModelViewSet):
    """Administrators list, create, edit and deactivate LRS clients."""

    model = LRSClient
    name = "xapi_clients"
    add_view_class = LRSClientCreateView
    icon = "key"
    menu_label = gettext_lazy("LRS clients")
    list_display = ["name", "key", "scopes", "is_active", "created"]
    list_filter = ["is_active"]
    search_fields = ["name", "key"]

    def get_form_class(self, for_update=False):
        """The form with scope checkboxes."""
        return LRSClientForm


class ForwardingTargetViewSet(ModelViewSet):
    """Administrators configure the external LRSs that receive every statement."""

    model = ForwardingTarget
    name = "xapi_targets"
    icon = "redirect"
    menu_label = gettext_lazy("External LRSs")
    list_display = ["name", "endpoint", "version", "is_active"]

    def get_form_class(self, for_update=False):
        """The form that keeps the stored password when left empty."""
        return ForwardingTargetForm


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Whoever may view the model may only view it: no one adds, edits or deletes, superusers included."""

    def user_has_permission(self, user, action):
        """Only ``view``."""
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        """Only ``view``."""
        return "view" in actions and super().user_has_permission(user, "view")


# Listing and inspection only: conflicts are records, not things to edit.
register_permission_policy(StatementIdConflict, ViewOnlyPermissionPolicy(StatementIdConflict))


class StatementIdConflictViewSet(ModelViewSet):
    """Administrators see the platform statements stored under a new id because their own id was taken."""

    model = StatementIdConflict
    name = "xapi_id_conflicts"
    icon = "warning"
    menu_label = gettext_lazy("Statement id conflicts")
    list_display = ["statement_id", "stored_as", "created"]
    inspect_view_enabled = True
    form_fields = ["statement_id"]


class XapiViewSetGroup(ModelViewSetGroup):
    """The admin's xAPI menu."""

    items = (LRSClientViewSet, ForwardingTargetViewSet, StatementIdConflictViewSet)
    menu_icon = "code"
    menu_label = gettext_lazy("xAPI")
    menu_name = "xapi"
    menu_order = 900


class OutboxFilter(ListingFilter):
    """The waiting statements of the forwarding queue, by status and external LRS."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[
            (OutboxEntry.Status.PENDING, gettext_lazy("Pending")),
            (OutboxEntry.Status.FAILED, gettext_lazy("Failed")),
        ],
        empty_label=gettext_lazy("Pending and failed"),
    )
    target = django_filters.ModelChoiceFilter(
        label=gettext_lazy("External LRS"), queryset=ForwardingTarget.objects.all(), empty_label=gettext_lazy("All")
    )

    class Meta:
        model = OutboxEntry
        fields = ["status", "target"]


def waiting_entries():
    """Every statement still owed to an external LRS, oldest first."""
    return (
        OutboxEntry.objects.exclude(status=OutboxEntry.Status.SENT)
        .select_related("target", "statement")
        .order_by("created", "pk")
    )


def _outbox_csv(entries):
    rows = entries.values_list(
        "target__name", "status", "statement__statement_id", "statement__verb_id", "created", "attempts",
        "next_attempt", "last_error",
    )  # fmt: skip
    header = [_("External LRS"), _("Status"), _("Statement"), _("Verb"), _("Queued"), _("Attempts"),
              _("Next attempt"), _("Last error")]  # fmt: skip
    filename = f"lrs-delivery-{timezone.localdate().isoformat()}.csv"
    return streaming_csv_response(filename, header, rows.iterator(chunk_size=EXPORT_CHUNK))


@permission_required("xapi.change_outboxentry", raise_exception=True)
def outbox(request):
    """Per external LRS: what is pending, failed and sent; the entries still waiting, filtered by status and
    LRS, with their last error and a retry button; ``?export=csv`` downloads them."""
    export = request.GET.get("export")
    if export not in (None, "csv"):
        return HttpResponseBadRequest(_("Unknown export format: choose csv."))
    entries = OutboxFilter(request.GET, queryset=waiting_entries())
    if entries.invalid:
        return invalid_filters_response(entries)
    if export:
        return _outbox_csv(entries.qs)
    targets = ForwardingTarget.objects.annotate(
        pending=Count("outbox", filter=Q(outbox__status=OutboxEntry.Status.PENDING)),
        failed=Count("outbox", filter=Q(outbox__status=OutboxEntry.Status.FAILED)),
        sent=Count("outbox", filter=Q(outbox__status=OutboxEntry.Status.SENT)),
    )
    page = Paginator(entries.qs, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"targets": targets, "filter": entries, "page_obj": page, "query": entries.query_string()}
    return TemplateResponse(request, "xapi/admin/outbox.html", context)


@require_POST
@permission_required("xapi.change_outboxentry", raise_exception=True)
def outbox_retry(request, target_id=None, entry_id=None):
    """Make failed (and pending) entries due now, for one entry, one target or everything, and wake the sender."""
    entries = OutboxEntry.objects.all()
    if entry_id is not None:
        entries = entries.filter(pk=get_object_or_404(OutboxEntry, pk=entry_id).pk)
    elif target_id is not None:
        entries = entries.filter(target=get_object_or_404(ForwardingTarget, pk=target_id))
    targets = list(entries.exclude(status=OutboxEntry.Status.SENT).values_list("target_id", flat=True).distinct())
    count = forwarding.retry(entries)
    forwarding.wake(targets)
    messages.success(request, _("%(count)d statements queued to be sent again.") % {"count": count})
    return redirect("xapi_outbox")
