"""Create the hosts and reviewers groups, collection and workflow of every hub that lacks them."""

from django.core.management.base import BaseCommand

from hubs.models import HubPage
from hubs.roles import ensure_hub_roles


class Command(BaseCommand):
    help = "Give every hub its hosts and reviewers groups, its collection and its workflow. Safe to run again."

    def handle(self, *args, **options):
        seen = set()
        for hub in HubPage.objects.order_by("locale_id", "path"):
            if hub.translation_key in seen:
                continue
            seen.add(hub.translation_key)
            roles = ensure_hub_roles(hub)
            self.stdout.write(f"{hub.title}: {roles.hosts.name}, {roles.reviewers.name}, {roles.collection.name}")
        self.stdout.write(self.style.SUCCESS(f"Roles ready for {len(seen)} hub(s)."))
