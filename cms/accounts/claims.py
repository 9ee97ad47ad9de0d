"""Claiming a listed directory profile: "this workshop, cooperative or company is ours".

Most profiles came in through the import with nobody behind them. A signed-in
person claims one; the claim is approved at once only on evidence the site can
check itself: one of the claimant's *verified* e-mail addresses is on the
profile's own domain (its website's or its e-mail's, never a free-mail or
hosting domain anyone can get an address on). Otherwise the regional centre of
the profile's voivodeship or an administrator decides. A profile that already
has members is never claimed on evidence: its own managers, the regional
centre or an administrator decide. Nobody decides their own claim.

Approval makes the claimant a member of the profile's organisation (created
from the profile when it has none, with the claimant as its manager), with the
rights a membership gives (:mod:`cms.roles`).
"""

from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms import roles
from cms.accounts import decisions
from cms.kinds import PROFILE_KINDS, kind_of_model
from cms.models import Claim, Membership, Organisation

# A person waits for at most this many claims at once.
MAX_PENDING_CLAIMS = 3
SEARCH_LIMIT = 20
# Domains where anyone can get an address or a page: an address there proves nothing.
SHARED_DOMAINS = frozenset(
    {
        # Polish free mail
        "gmail.com",
        "googlemail.com",
        "wp.pl",
        "o2.pl",
        "tlen.pl",
        "onet.pl",
        "onet.eu",
        "op.pl",
        "poczta.onet.pl",
        "vp.pl",
        "interia.pl",
        "interia.eu",
        "poczta.fm",
        "gazeta.pl",
        "go2.pl",
        "spoko.pl",
        "buziaczek.pl",
        "autograf.pl",
        "int.pl",
        # international free mail
        "outlook.com",
        "outlook.pl",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "gmx.com",
        "gmx.net",
        "proton.me",
        "protonmail.com",
        "zoho.com",
        "yandex.com",
        # pages anyone can have
        "facebook.com",
        "fb.com",
        "instagram.com",
        "linkedin.com",
        "wordpress.com",
        "blogspot.com",
        "wixsite.com",
        "sites.google.com",
        "google.com",
        "ngo.pl",
    }
)


def _domain(host: str) -> str:
    host = (host or "").strip().lower().rstrip(".")
    return host.removeprefix("www.")


def domain_of_address(email: str) -> str:
    return _domain(email.rpartition("@")[2]) if "@" in (email or "") else ""


def domain_of_website(url: str) -> str:
    url = (url or "").strip()
    if url and "//" not in url:
        url = "//" + url
    try:
        return _domain(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def profile_domains(page) -> set[str]:
    """The domains that are the profile's own: its website's and its e-mail's."""
    found = {domain_of_website(page.website), domain_of_address(page.email)}
    return {domain for domain in found if domain and domain not in SHARED_DOMAINS}


def evidence_for(user, page) -> str:
    """The first of ``user``'s verified addresses on the profile's own domain ("" if none)."""
    domains = profile_domains(page)
    if not domains or not user.is_authenticated:
        return ""
    addresses = EmailAddress.objects.filter(user=user, verified=True).order_by("pk")
    for address in addresses.values_list("email", flat=True):
        if domain_of_address(address) in domains:
            return address
    return ""


def claimable(page: Page):
    """The profile ``page`` is (its specific page) if it may be claimed: a listed profile of
    one of the directory's kinds. None otherwise."""
    page = page.specific
    if kind_of_model(type(page)) is None:
        return None
    if not type(page).objects.listed().filter(pk=page.pk).exists():
        return None
    return page


def organisation_of(page: Page) -> Organisation | None:
    """The organisation that owns ``page``: the one with the most active members."""
    return (
        Organisation.objects.filter(page_id=page.pk)
        .annotate(
            active=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE))
        )
        .order_by("-active", "pk")
        .first()
    )


def has_members(page: Page) -> bool:
    return Membership.objects.filter(
        organisation__page_id=page.pk, status=Membership.Status.ACTIVE
    ).exists()


def _claimed_page_ids():
    """The profiles somebody is an active member of (a subquery)."""
    return Membership.objects.filter(
        status=Membership.Status.ACTIVE, organisation__page__isnull=False
    ).values("organisation__page")


def unclaimed_profiles(words: str) -> list[Page]:
    """Listed profiles nobody is a member of yet whose name or town has every word of
    ``words`` ("lodz" finds "Łódź"), by name; at most :data:`SEARCH_LIMIT`."""
    words = words.split()
    if not words:
        return []
    found = []
    for kind in PROFILE_KINDS.values():
        profiles = kind.page_model.objects.listed().exclude(pk__in=_claimed_page_ids())
        for word in words:
            profiles = profiles.filter(
                Q(title__unaccent__icontains=word) | Q(city__unaccent__icontains=word)
            )
        found += profiles.select_related("voivodeship").order_by("title")[:SEARCH_LIMIT]
    return sorted(found, key=lambda page: page.title.casefold())[:SEARCH_LIMIT]


def claim(page: Page, user, message: str = "", language: str = "pl") -> Claim:
    """Store ``user``'s claim to the profile ``page``; approve it at once when one of their
    verified addresses is on the profile's own domain and the profile has no members."""
    if not user.is_authenticated:
        raise PermissionDenied
    profile = claimable(page)
    if profile is None:
        raise ValidationError(_("Only listed directory profiles can be claimed."), code="listed")
    with transaction.atomic():
        if Membership.objects.filter(
            organisation__page_id=profile.pk, user=user, status=Membership.Status.ACTIVE
        ).exists():
            raise ValidationError(
                _("You are already a member of the organisation of this profile."),
                code="member",
            )
        waiting = Claim.objects.filter(claimant=user, status=Claim.Status.PENDING)
        if waiting.filter(page_id=profile.pk).exists():
            raise ValidationError(
                _("You have already claimed this profile; your claim is waiting for a decision."),
                code="pending",
            )
        if waiting.count() >= MAX_PENDING_CLAIMS:
            raise ValidationError(
                _(
                    "You already have %(count)s claims waiting for a decision. Wait for them to "
                    "be decided before claiming another profile."
                )
                % {"count": MAX_PENDING_CLAIMS},
                code="too_many_pending",
            )
        try:
            with transaction.atomic():
                item = Claim.objects.create(
                    claimant=user, page=profile, message=message.strip(), language=language
                )
        except IntegrityError:
            raise ValidationError(
                _("You have already claimed this profile; your claim is waiting for a decision."),
                code="pending",
            ) from None
        evidence = "" if has_members(profile) else evidence_for(user, profile)
        if evidence:
            item.evidence_email = evidence
            item.save(update_fields=["evidence_email"])
            _grant(item, profile, by=None)
        return item


def can_decide(user, item: Claim) -> bool:
    """Administrators, the regional centre of the profile's voivodeship, and the managers
    of the organisation that already owns it; never the claimant."""
    if not user.is_authenticated or user.pk == item.claimant_id:
        return False
    if user.is_superuser:
        return True
    return _within_authority(item, roles.moderated_voivodeships(user), _managed_page_ids(user))


def _managed_page_ids(user) -> set[int]:
    return set(
        Organisation.objects.filter(
            approved=True,
            page__isnull=False,
            memberships__user=user,
            memberships__status=Membership.Status.ACTIVE,
            memberships__role=Membership.Role.MANAGER,
        ).values_list("page_id", flat=True)
    )


def _within_authority(item: Claim, regions: set[int], managed_pages: set[int]) -> bool:
    if item.page_id in managed_pages:
        return True
    region = getattr(item.page.specific, "voivodeship_id", None)
    return region is not None and region in regions


def pending_for(user) -> list[Claim]:
    """The claims waiting for ``user``'s decision, oldest first."""
    pending = (
        Claim.objects.filter(status=Claim.Status.PENDING)
        .exclude(claimant_id=user.pk)
        .select_related("claimant", "page")
        .order_by("created_at")
    )
    if user.is_superuser:
        return list(pending)
    regions, managed = roles.moderated_voivodeships(user), _managed_page_ids(user)
    if not regions and not managed:
        return []
    return [item for item in pending if _within_authority(item, regions, managed)]


def _locked(item: Claim, by) -> Claim:
    if not can_decide(by, item):
        raise PermissionDenied
    return Claim.objects.select_for_update().get(pk=item.pk)


def _grant(item: Claim, profile, by) -> Claim:
    """Make the claimant a member of the profile's organisation (its manager when it has
    no active member yet), creating and approving the organisation as needed."""
    # One grant at a time per profile, so two claims approved at once make one organisation.
    Page.objects.select_for_update().filter(pk=profile.pk).first()
    organisation = organisation_of(profile)
    if organisation is None:
        kind = kind_of_model(type(profile))
        organisation = Organisation.objects.create(
            name=profile.title,
            kind=kind.organisation_kind,
            page=profile,
            voivodeship_id=profile.voivodeship_id,
            **{field: getattr(profile, field, "") for field in ("nip", "regon", "krs")},
        )
    first = not organisation.memberships.filter(status=Membership.Status.ACTIVE).exists()
    Membership.objects.update_or_create(
        organisation=organisation,
        user=item.claimant,
        defaults={
            "status": Membership.Status.ACTIVE,
            "role": Membership.Role.MANAGER if first else Membership.Role.MEMBER,
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
    roles.approve_organisation(organisation)
    roles.sync_user_rights(item.claimant)
    item.organisation = organisation
    item.save(update_fields=["organisation"])
    return decisions.record(item, by, approved=True)


@transaction.atomic
def approve(item: Claim, by) -> Claim:
    item = _locked(item, by)
    if not item.pending:
        raise ValidationError(_("This has already been decided."), code="decided")
    return _grant(item, item.page.specific, by)


@transaction.atomic
def refuse(item: Claim, by, reason: str) -> Claim:
    return decisions.record(_locked(item, by), by, approved=False, reason=reason)
