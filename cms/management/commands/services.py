"""``python manage.py services up|status|down``: the project's own PostgreSQL and Elasticsearch."""

from django.core.management.base import BaseCommand, CommandError

from cms import devservices


class Command(BaseCommand):
    help = (
        "Start, check or stop the local PostgreSQL and Elasticsearch used in development "
        "and tests (skipped for a service whose DATABASE_URL / ELASTICSEARCH_URL is set)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["up", "status", "down"])

    def handle(self, *args, action, **options):
        if not devservices.managed_services():
            self.stdout.write("DATABASE_URL and ELASTICSEARCH_URL are set: nothing to manage.")
            return
        try:
            statuses = getattr(devservices, action)()
        except devservices.ServiceError as exc:
            raise CommandError(str(exc)) from None
        for status in statuses:
            state = "running" if status.running else "stopped"
            self.stdout.write(f"{status.name}: {state} — {status.detail}")
        if action == "status" and not all(status.running for status in statuses):
            raise CommandError(
                "not every service is running; start them with `make demo` or "
                "`python manage.py services up`"
            )
