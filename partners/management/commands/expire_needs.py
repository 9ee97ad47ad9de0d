"""``manage.py expire_needs [--today YYYY-MM-DD]``: needs past their deadline become expired.

Meant to run once a day from the task queue; running it again changes nothing.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from partners.needs import expire_needs


class Command(BaseCommand):
    help = "Mark open needs whose deadline has passed as expired (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help="The day to expire for, YYYY-MM-DD (default: today in the site's time zone).",
        )

    def handle(self, *args, today=None, **options):
        try:
            day = dt.date.fromisoformat(today) if today else None
        except ValueError as exc:
            raise CommandError(f"--today: {exc}") from exc
        count = expire_needs(day)
        self.stdout.write(f"{count} need(s) expired.")
