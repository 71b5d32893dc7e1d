"""``manage.py lrs_client create NAME [--scope SCOPE ...]``: credentials for the /xapi/ endpoint."""

from django.core.management.base import BaseCommand, CommandError

from lms.xapi.models import LRSClient


class Command(BaseCommand):
    """See ``help``."""

    help = "Create, list or deactivate LRS clients. `create` prints the key and the secret on its last line."

    def add_arguments(self, parser):
        """The command line."""
        commands = parser.add_subparsers(dest="action", required=True)
        create = commands.add_parser("create", help="Create a client and print 'KEY SECRET'.")
        create.add_argument("name")
        create.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            choices=LRSClient.Scope.values,
            help="A scope (repeat for several). Default: statements/write and statements/read/mine.",
        )
        commands.add_parser("list", help="List the clients and their scopes.")
        deactivate = commands.add_parser("deactivate", help="Refuse a client's key from now on.")
        deactivate.add_argument("name")

    def handle(self, *args, action, **options):
        """Run the command."""
        return getattr(self, f"_{action}")(**options)

    def _create(self, name, scopes, **options):
        if LRSClient.objects.filter(name=name).exists():
            raise CommandError(f"An LRS client named {name!r} already exists.")
        client = LRSClient(name=name, scopes=sorted(set(scopes or LRSClient.DEFAULT_SCOPES)))
        secret = client.set_new_secret()
        client.save()
        self.stdout.write(f"Created LRS client {name!r} with scopes {', '.join(client.scopes)}.")
        self.stdout.write("The secret is shown only now. Key and secret:")
        self.stdout.write(f"{client.key} {secret}")

    def _list(self, **options):
        for client in LRSClient.objects.all():
            state = "active" if client.is_active else "inactive"
            self.stdout.write(f"{client.name}\t{client.key}\t{state}\t{' '.join(client.scopes)}")

    def _deactivate(self, name, **options):
        if not LRSClient.objects.filter(name=name).update(is_active=False):
            raise CommandError(f"No LRS client named {name!r}.")
        self.stdout.write(f"LRS client {name!r} deactivated.")
