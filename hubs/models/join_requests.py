"""Requests from parliaments and organisations to join a hub or to become a partner of the Centre."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .partners import Partner


class JoinRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everything for administrators; for a hub's hosts and reviewers, the requests to join that hub."""
        from ..roles import hubs_of

        if user.is_superuser or user.has_perm("hubs.change_joinrequest") or user.has_perm("hubs.view_joinrequest"):
            return self
        return self.filter(hub__in=hubs_of(user))


class JoinRequest(index.Indexed, models.Model):
    """A request to join a hub or to become a partner, as sent through the public form."""

    class Kind(models.TextChoices):
        HUB = "hub", _("Join a hub")
        PARTNER = "partner", _("Become a partner of the Centre")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    kind = models.CharField(_("request"), max_length=20, choices=Kind.choices, help_text=_("What is asked."))
    hub = models.ForeignKey(
        "hubs.HubPage",
        verbose_name=_("hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="join_requests",
        help_text=_("The hub the parliament asks to join."),
    )
    partnership_level = models.CharField(
        _("partnership level"),
        max_length=20,
        choices=Partner.Level.choices,
        blank=True,
        help_text=_("The level of partnership asked for."),
    )
    organisation = models.CharField(
        _("parliament or organisation"), max_length=200, help_text=_("Who asks, for example 'Parliament of Ghana'.")
    )
    parliament = models.ForeignKey(
        "core.Parliament",
        verbose_name=_("parliament in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="join_requests",
        help_text=_("Set when the request comes from a parliament of the directory."),
    )
    contact_name = models.CharField(_("contact name"), max_length=120, help_text=_("The person who sent the request."))
    email = models.EmailField(_("email"), help_text=_("Where to answer."))
    position = models.CharField(_("position"), max_length=120, blank=True, help_text=_("The sender's job title."))
    message = models.TextField(_("message"), max_length=3000, help_text=_("Why and how they wish to take part."))
    language = models.CharField(_("language"), max_length=8, blank=True, help_text=_("Language of the form used."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, help_text=_("Where the request stands.")
    )
    notes = models.TextField(_("internal notes"), blank=True, help_text=_("Seen only in the admin."))
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    notified_at = models.DateTimeField(_("notified"), null=True, blank=True, editable=False)

    objects = JoinRequestQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind", read_only=True), FieldPanel("status")]),
                FieldPanel("hub", read_only=True),
                FieldPanel("partnership_level", read_only=True),
            ],
            heading=_("Request"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisation", read_only=True),
                FieldPanel("parliament", read_only=True),
                FieldPanel("contact_name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("position", read_only=True),
                FieldPanel("message", read_only=True),
            ],
            heading=_("From"),
        ),
        FieldPanel("notes"),
    ]
    search_fields = [
        index.SearchField("organisation"),
        index.SearchField("contact_name"),
        index.SearchField("email"),
        index.AutocompleteField("organisation"),
        index.FilterField("status"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self):
        return f"{self.organisation}: {self.subject()}"

    def subject(self):
        if self.kind == self.Kind.HUB and self.hub_id:
            return _("join %(hub)s") % {"hub": self.hub.title}
        return self.get_partnership_level_display() or self.get_kind_display()
