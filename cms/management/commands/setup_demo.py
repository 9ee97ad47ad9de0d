"""``python manage.py setup_demo``: the demo administrator and demo content (development only)."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_ADMIN_EMAIL = "admin@kooperacja.example"
DEMO_ADMIN_PASSWORD = "kooperacja-demo"  # noqa: S105 - printed on purpose, demo only


class Command(BaseCommand):
    help = "Create the demo administrator (and, later, demo data). Refuses to run with DEBUG off."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("setup_demo creates a known password and runs only with DEBUG on")
        with transaction.atomic():
            self._ensure_admin()
        self.stdout.write(
            self.style.SUCCESS("Demo ready.")
            + f"\n  Administrator (demo only): {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD}"
            + "\n  Site:  http://127.0.0.1:8000/\n  Admin: http://127.0.0.1:8000/admin/"
        )

    def _ensure_admin(self) -> None:
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={"email": DEMO_ADMIN_EMAIL, "is_staff": True, "is_superuser": True},
        )
        if created:
            admin.set_password(DEMO_ADMIN_PASSWORD)
            admin.save()
        EmailAddress.objects.update_or_create(
            user=admin, email=DEMO_ADMIN_EMAIL, defaults={"verified": True, "primary": True}
        )
