"""Registering a new organisation: anyone signed in asks, someone with authority decides.

An administrator decides every registration; the regional centre of the
voivodeship decides those of workshops and cooperatives, which it knows
(a company, a regional centre or an OWES is an administrator's call: a new
regional centre would moderate a whole voivodeship). Nobody decides their own.

An organisation is one legal entity, told apart by its NIP, REGON or KRS: a
registration whose number is already known is refused before it is stored,
with the way to the existing one (join the organisation, claim the profile).
Approval creates the organisation, makes the registrant its manager and
approves it the way an administrator's approval always has
(:func:`cms.roles.approve_organisation`: a draft profile page for a workshop or
cooperative, and the members' rights).
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms import roles
from cms.accounts import decisions
from cms.identifiers import compact
from cms.kinds import PROFILE_KINDS
from cms.models import Membership, Organisation, Registration

IDENTIFIERS = ("nip", "regon", "krs")
# A person waits for at most this many registrations at once.
MAX_PENDING_REGISTRATIONS = 3
# The kinds a regional centre may approve in its own voivodeship.
REGIONAL_KINDS = frozenset({Organisation.Kind.WORKSHOP, Organisation.Kind.COOPERATIVE})


@dataclass
class Duplicate:
    """What already carries an identifier: one of an organisation, a directory profile or a
    pending registration."""

    field: str
    organisation: Organisation | None = None
    profile: Page | None = None
    registration: Registration | None = None

    def message(self, user) -> str:
        names = {"identifier": self.field.upper()}
        if self.organisation is not None:
            return _(
                "%(name)s is already registered with this %(identifier)s. Ask to join it "
                "instead of registering it again."
            ) % {**names, "name": self.organisation.name}
        if self.profile is not None:
            return _(
                "%(name)s is already listed in the directory with this %(identifier)s. Claim "
                "that profile instead of registering it again."
            ) % {**names, "name": self.profile.title}
        if self.registration.registrant_id == user.pk:
            return _(
                "You have already registered %(name)s with this %(identifier)s; it is waiting "
                "for a decision."
            ) % {**names, "name": self.registration.name}
        return _(
            "%(name)s has already been registered with this %(identifier)s and is waiting for "
            "a decision. Once it is approved, ask to join it."
        ) % {**names, "name": self.registration.name}


class DuplicateRegistration(ValidationError):
    def __init__(self, duplicate: Duplicate, user):
        super().__init__(duplicate.message(user), code="duplicate")
        self.duplicate = duplicate


def _matching(identifiers: dict[str, str], fields) -> Iterator[tuple[str, Q]]:
    for field in IDENTIFIERS:
        if field in fields and identifiers.get(field):
            yield field, Q(**{field: identifiers[field]})


def find_duplicate(identifiers: dict[str, str], exclude: Registration | None = None):
    """The first organisation, profile or pending registration that already has one of
    ``identifiers`` (compacted NIP, REGON, KRS; blanks ignored), else None.

    Profiles are every page of every kind, published or not: a profile waiting for its
    first publication belongs to someone too. An organisation owning the profile is
    named in its place, since joining it is the way in.
    """
    identifiers = {field: compact(identifiers.get(field, "")) for field in IDENTIFIERS}
    for field, match in _matching(identifiers, IDENTIFIERS):
        organisation = Organisation.objects.filter(match).order_by("pk").first()
        if organisation:
            return Duplicate(field, organisation=organisation)
    for kind in PROFILE_KINDS.values():
        model = kind.page_model
        fields = {field.name for field in model._meta.get_fields()}
        for field, match in _matching(identifiers, fields):
            profile = model.objects.filter(match).order_by("pk").first()
            if profile:
                owner = Organisation.objects.filter(page=profile).order_by("pk").first()
                if owner:
                    return Duplicate(field, organisation=owner)
                return Duplicate(field, profile=profile)
    pending = Registration.objects.filter(status=Registration.Status.PENDING)
    if exclude is not None:
        pending = pending.exclude(pk=exclude.pk)
    for field, match in _matching(identifiers, IDENTIFIERS):
        registration = pending.filter(match).order_by("pk").first()
        if registration:
            return Duplicate(field, registration=registration)
    return None


def register(user, data: dict, language: str) -> Registration:
    """Store ``user``'s registration of a new organisation (name, kind, voivodeship and the
    identifiers, already validated) to wait for a decision."""
    if not user.is_authenticated:
        raise PermissionDenied
    identifiers = {field: compact(data.get(field, "")) for field in IDENTIFIERS}
    if not any(identifiers.values()):
        raise ValidationError(
            _("Give at least one of NIP, REGON or KRS: they tell organisations apart."),
            code="identifier_required",
        )
    with transaction.atomic():
        waiting = Registration.objects.filter(
            registrant=user, status=Registration.Status.PENDING
        ).count()
        if waiting >= MAX_PENDING_REGISTRATIONS:
            raise ValidationError(
                _(
                    "You already have %(count)s registrations waiting for a decision. Wait "
                    "for them to be decided before registering another organisation."
                )
                % {"count": MAX_PENDING_REGISTRATIONS},
                code="too_many_pending",
            )
        duplicate = find_duplicate(identifiers)
        if duplicate:
            raise DuplicateRegistration(duplicate, user)
        try:
            with transaction.atomic():
                return Registration.objects.create(
                    registrant=user,
                    name=data["name"].strip(),
                    kind=data["kind"],
                    voivodeship=data["voivodeship"],
                    language=language,
                    **identifiers,
                )
        except IntegrityError:
            # Someone registered the same number between our check and our write.
            duplicate = find_duplicate(identifiers)
            if duplicate is None:
                raise
            raise DuplicateRegistration(duplicate, user) from None


def can_decide(user, registration: Registration) -> bool:
    """Administrators, and for a workshop or cooperative the regional centre of its
    voivodeship; never the registrant."""
    if not user.is_authenticated or user.pk == registration.registrant_id:
        return False
    if user.is_superuser:
        return True
    return (
        registration.kind in REGIONAL_KINDS
        and registration.voivodeship_id in roles.moderated_voivodeships(user)
    )


def pending_for(user):
    """The registrations waiting for ``user``'s decision, oldest first."""
    pending = Registration.objects.filter(status=Registration.Status.PENDING).exclude(
        registrant_id=user.pk
    )
    if not user.is_superuser:
        pending = pending.filter(
            kind__in=REGIONAL_KINDS, voivodeship_id__in=roles.moderated_voivodeships(user)
        )
    return pending.select_related("registrant", "voivodeship").order_by("created_at")


def _locked(registration: Registration, by) -> Registration:
    if not can_decide(by, registration):
        raise PermissionDenied
    return Registration.objects.select_for_update().get(pk=registration.pk)


@transaction.atomic
def approve(registration: Registration, by) -> Registration:
    """Create the organisation, make the registrant its manager, and approve it."""
    registration = _locked(registration, by)
    if not registration.pending:
        raise ValidationError(_("This has already been decided."), code="decided")
    duplicate = find_duplicate(
        {field: getattr(registration, field) for field in IDENTIFIERS}, exclude=registration
    )
    if duplicate:
        raise ValidationError(
            _("It cannot be approved: %(problem)s") % {"problem": duplicate.message(by)},
            code="duplicate",
        )
    organisation = Organisation.objects.create(
        name=registration.name,
        kind=registration.kind,
        voivodeship=registration.voivodeship,
        **{field: getattr(registration, field) for field in IDENTIFIERS},
    )
    Membership.objects.create(
        organisation=organisation,
        user=registration.registrant,
        role=Membership.Role.MANAGER,
        status=Membership.Status.ACTIVE,
        decided_by=by,
    )
    roles.approve_organisation(organisation)
    registration.organisation = organisation
    registration.save(update_fields=["organisation"])
    return decisions.record(registration, by, approved=True)


@transaction.atomic
def refuse(registration: Registration, by, reason: str) -> Registration:
    return decisions.record(_locked(registration, by), by, approved=False, reason=reason)
