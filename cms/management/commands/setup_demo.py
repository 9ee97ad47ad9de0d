"""``python manage.py setup_demo``: demo data and demo accounts (development only).

The directory comes in through the public import, like any regional
centre's data would. The accounts show each role: an administrator, WTZ
staff who edit their cooperative, a regional-centre moderator, and a
company member. Their passwords are printed on purpose: demo only. So is the
secret of the authenticator app that the administrator and the regional centre
must use (one secret for both), with a few single-use recovery codes for those
who walk the demo without a phone.
"""

from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms import roles
from cms.accounts import second_factor
from cms.exchange.importer import import_directory
from cms.kinds import PROFILE_KINDS
from cms.models import Membership, Organisation, Voivodeship
from cms.publications.demo import publish_demo
from cooperatives.models import CooperativePage
from partners.demo import demo_requests
from partners.models import PartnerPage
from search.client import patient_client
from search.sync import IndexUnavailable, flush

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "directory.jsonl"
DEMO_PASSWORD = "kooperacja-demo"  # noqa: S105 - printed on purpose, demo only
DEMO_TOTP_SECRET = "KOOPERACJADEMOTOTPSECRET"  # noqa: S105 - base32; printed on purpose
RECOVERY_CODES_SHOWN = 3

# (e-mail, role description, organisation name, kind, profile slug, voivodeship TERYT)
ACCOUNTS = [
    (
        "wtz@kooperacja.example",
        "WTZ staff: edit and submit your cooperative, answer inquiries",
        "Spółdzielnia Socjalna „Równe Szanse”",
        Organisation.Kind.COOPERATIVE,
        "ss-rowne-szanse",
        None,
    ),
    (
        "rops@kooperacja.example",
        "regional centre (Wielkopolska): approve profile changes, record partnerships,\n"
        "      the map of Wielkopolska filtered to catering:"
        " http://127.0.0.1:8000/map/?voivodeship=30&capability=catering\n"
        "      the regional dashboard (table, charts, CSV/XLSX): http://127.0.0.1:8000/dashboard/",
        "Regionalny Ośrodek Polityki Społecznej (demo)",
        Organisation.Kind.REGIONAL_CENTRE,
        None,
        "30",
    ),
    (
        "firma@kooperacja.example",
        "company: post needs, see matches, send inquiries (no page editing)",
        "Piekarnia „Chlebowa Ścieżka” Sp. z o.o.",
        Organisation.Kind.COMPANY,
        "piekarnia-chlebowa-sciezka",
        None,
    ),
]


class Command(BaseCommand):
    help = "Load the demo directory and create demo accounts. Refuses to run with DEBUG off."

    def execute(self, *args, **options):
        # Heavy work: wait for Elasticsearch rather than fail fast as web requests do.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("setup_demo creates known passwords and runs only with DEBUG on")
        report = import_directory(DEMO_FILE)
        if not report.ok:
            for problem in report.errors:
                self.stderr.write(str(problem))
            raise CommandError("the demo directory did not import")
        total = sum(report.created.values()) + sum(report.updated.values())
        kept = sum(report.unchanged.values())
        self.stdout.write(f"Demo directory: {total} records written, {kept} already up to date.")
        try:
            flush()
        except IndexUnavailable as error:
            raise CommandError(f"the demo is in the database but not searchable: {error}") from None
        with transaction.atomic():
            roles.ensure_moderation_workflow(
                *(kind.index_model.get_or_create() for kind in PROFILE_KINDS.values())
            )
            users = [self._account("admin@kooperacja.example", superuser=True)]
            for email, _purpose, name, kind, slug, teryt in ACCOUNTS:
                users.append(self._account(email))
                self._member(users[-1], name, kind, slug, teryt)
            # The regional centre's guides, news and events (publications/demo.py).
            rops = next(user for user in users if user.email.startswith("rops@"))
            centre = rops.memberships.get(organisation__kind=Organisation.Kind.REGIONAL_CENTRE)
            publish_demo(centre.organisation, rops)
            firma = next(user for user in users if user.email.startswith("firma@"))
            demo_requests(firma, rops)  # brokered help (partners/demo.py)
            recovery_codes = {
                user.email: second_factor.set_authenticator_app(user, DEMO_TOTP_SECRET)
                for user in users
                if second_factor.is_required(user)
            }
        lines = [self.style.SUCCESS("Demo ready: http://127.0.0.1:8000/  (admin: /admin/)")]
        lines.append(f"Demo accounts (demo only), password for all: {DEMO_PASSWORD}")
        lines.append("  admin@kooperacja.example  administrator")
        lines += [f"  {email}  {purpose}" for email, purpose, *_ in ACCOUNTS]
        lines += [
            f"Second factor for {' and '.join(recovery_codes)}, asked after the password:",
            f"  the code of an authenticator app set up with the secret {DEMO_TOTP_SECRET}",
            f"  (otpauth://totp/Kooperacja:demo?secret={DEMO_TOTP_SECRET}&issuer=Kooperacja),",
            "  or one of these single-use recovery codes:",
        ]
        lines += [
            f"  {email}  {' '.join(codes[:RECOVERY_CODES_SHOWN])}"
            for email, codes in recovery_codes.items()
        ]
        self.stdout.write("\n".join(lines))

    def _account(self, email: str, superuser: bool = False):
        user, created = get_user_model().objects.get_or_create(
            username=email.split("@")[0],
            defaults={"email": email, "is_staff": superuser, "is_superuser": superuser},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _member(self, user, name, kind, slug, teryt) -> None:
        page = None
        if slug:
            model = PartnerPage if kind == Organisation.Kind.COMPANY else CooperativePage
            page = model.objects.get(slug=slug)
        organisation, _ = Organisation.objects.get_or_create(
            name=name,
            kind=kind,
            defaults={
                "page": page,
                "voivodeship": Voivodeship.objects.filter(teryt=teryt).first(),
            },
        )
        Membership.objects.update_or_create(
            organisation=organisation,
            user=user,
            defaults={"status": Membership.Status.ACTIVE, "role": Membership.Role.MANAGER},
        )
        roles.approve_organisation(organisation)
