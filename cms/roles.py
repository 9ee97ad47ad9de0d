"""Who may do what: memberships turned into Wagtail rights, and the regional moderation workflow.

Every right comes from an active membership of an approved organisation:

* workshop and cooperative members edit their organisation's page and the
  pages below it (never publish: their changes go to moderation);
* company members get no page rights at all;
* regional-centre members moderate profiles in their voivodeship;
* administrators (superusers) may do everything.

Rights are recomputed from memberships by :func:`sync_user_rights`, so that
removing a membership removes the rights it gave.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from cms.kinds import kind_of_organisation, profile_kind
from cms.models import Invitation, Membership, Organisation, Voivodeship

# Who moderates which region is decided beside the moderation task; it is part of who may do
# what, so it is answered here too.
from cms.models.moderation import WORKFLOW_NAME as WORKFLOW_NAME
from cms.models.moderation import can_moderate as can_moderate
from cms.models.moderation import ensure_moderation_workflow as ensure_moderation_workflow
from cms.models.moderation import moderated_voivodeships as moderated_voivodeships

MODERATORS_GROUP = "Regional moderators"


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def moderators_group() -> Group:
    group, created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    if created:
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
    return group


def editors_group(organisation: Organisation) -> Group:
    """The group whose members edit ``organisation``'s page subtree (created on first use)."""
    if organisation.editors_group_id:
        return organisation.editors_group
    group = Group.objects.create(name=f"Editors of {organisation.name} #{organisation.pk}"[:150])
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root = Collection.get_first_root_node()
    for codename in ("add_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=group, collection=root, permission=_permission("wagtailimages", codename)
        )
    organisation.editors_group = group
    organisation.save(update_fields=["editors_group"])
    return group


def edits_page_tree(organisation: Organisation) -> bool:
    """Do its members edit pages? Workshops and cooperatives their profile; regional centres
    and OWES the section they publish in (cms.publications.sections), once it is their page."""
    publishes = organisation.kind in (Organisation.Kind.REGIONAL_CENTRE, Organisation.Kind.OWES)
    return bool(organisation.page_id) and (organisation.edits_pages or publishes)


def grant_page_rights(organisation: Organisation) -> None:
    """Give the organisation's editors group "change" on its page subtree (idempotent)."""
    if not (organisation.approved and edits_page_tree(organisation)):
        return
    group = editors_group(organisation)
    GroupPagePermission.objects.get_or_create(
        group=group,
        page_id=organisation.page_id,
        permission=_permission("wagtailcore", "change_page"),
    )
    for membership in organisation.memberships.filter(status=Membership.Status.ACTIVE):
        sync_user_rights(membership.user)


def sync_user_rights(user) -> None:
    """Set the user's managed groups from their active memberships of approved organisations."""
    active = Organisation.objects.filter(
        approved=True,
        memberships__user=user,
        memberships__status=Membership.Status.ACTIVE,
    )
    wanted = set()
    for organisation in active:
        if edits_page_tree(organisation):
            wanted.add(editors_group(organisation).pk)
        if organisation.kind == Organisation.Kind.REGIONAL_CENTRE:
            wanted.add(moderators_group().pk)
    managed = set(
        Organisation.objects.exclude(editors_group=None).values_list("editors_group", flat=True)
    ) | {moderators_group().pk}
    current = set(user.groups.filter(pk__in=managed).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))


# -- moderation


def region_of(organisation: Organisation):
    """The voivodeship an organisation belongs to: its own, else its profile page's."""
    if organisation.voivodeship_id:
        return organisation.voivodeship_id
    if organisation.page_id:
        return getattr(organisation.page.specific, "voivodeship_id", None)
    return None


def can_see_regional_dashboard(user) -> bool:
    """Administrators and active members of an approved regional centre: the dashboard shows
    needs without a match and the moderation queue, which the public summary does not."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(moderated_voivodeships(user) - {None})


def home_voivodeship(user):
    """The voivodeship a regional centre member's dashboard opens on (None: all of Poland)."""
    return Voivodeship.objects.filter(pk__in=moderated_voivodeships(user)).order_by("teryt").first()


def oversees(user, voivodeship) -> bool:
    """May ``user`` see the private side (needs, moderation queue) of ``voivodeship``'s
    figures? Administrators everywhere (all of Poland too), regional centres their own."""
    if user.is_superuser:
        return True
    return voivodeship is not None and voivodeship.pk in moderated_voivodeships(user)


def can_decide(user, membership: Membership) -> bool:
    """May ``user`` approve or reject a request to join? Administrators or the region's centre."""
    if user.is_superuser:
        return True
    region = region_of(membership.organisation)
    return region is not None and region in moderated_voivodeships(user)


def pending_requests_for(user):
    pending = Membership.objects.filter(status=Membership.Status.REQUESTED).select_related(
        "organisation", "user"
    )
    if user.is_superuser:
        return list(pending)
    return [membership for membership in pending if can_decide(user, membership)]


# -- joining an organisation


@transaction.atomic
def request_to_join(organisation: Organisation, user, message: str = "") -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"message": message}
    )
    if not created and membership.status == Membership.Status.ACTIVE:
        raise ValidationError(_("You are already a member of this organisation."))
    if not created:
        membership.status = Membership.Status.REQUESTED
        membership.message = message
        membership.save(update_fields=["status", "message"])
    return membership


@transaction.atomic
def decide(membership: Membership, by, approve: bool) -> Membership:
    if not can_decide(by, membership):
        raise PermissionDenied
    membership.status = Membership.Status.ACTIVE if approve else Membership.Status.REJECTED
    membership.decided_by = by
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    sync_user_rights(membership.user)
    outcome = _("approved") if approve else _("not approved")
    send_mail(
        _("Your request to join %(organisation)s was %(outcome)s")
        % {"organisation": membership.organisation.name, "outcome": outcome},
        _("Your request to join %(organisation)s on Kooperacja was %(outcome)s.")
        % {"organisation": membership.organisation.name, "outcome": outcome},
        None,
        [membership.user.email],
    )
    return membership


def can_invite(user, organisation: Organisation) -> bool:
    return (
        user.is_superuser
        or organisation.memberships.filter(
            user=user, status=Membership.Status.ACTIVE, role=Membership.Role.MANAGER
        ).exists()
    )


def invite(organisation: Organisation, email: str, by, request=None) -> Invitation:
    if not can_invite(by, organisation):
        raise PermissionDenied
    invitation = Invitation.objects.create(organisation=organisation, email=email, invited_by=by)
    path = reverse("invitation", args=[invitation.token])
    link = request.build_absolute_uri(path) if request else settings.WAGTAILADMIN_BASE_URL + path
    send_mail(
        _("Invitation to %(organisation)s on Kooperacja") % {"organisation": organisation.name},
        _(
            "You have been invited to join %(organisation)s on Kooperacja.\n\n"
            "Sign up or log in with this e-mail address, then open this link to accept "
            "(it works for %(days)s days):\n%(link)s\n"
        )
        % {"organisation": organisation.name, "days": Invitation.VALID_DAYS, "link": link},
        None,
        [email],
    )
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, user) -> Membership:
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been used."))
    if invitation.expired:
        raise ValidationError(_("This invitation has expired; ask for a new one."))
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise ValidationError(
            _("This invitation was sent to %(email)s. Log in with that verified address.")
            % {"email": invitation.email}
        )
    membership, _created = Membership.objects.update_or_create(
        organisation=invitation.organisation,
        user=user,
        defaults={"status": Membership.Status.ACTIVE, "role": invitation.role},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    sync_user_rights(user)
    return membership


@transaction.atomic
def approve_organisation(organisation: Organisation) -> Organisation:
    """Approve an organisation: a workshop or cooperative gets a draft page to edit, and rights;
    a company gets its draft profile too, which its needs and inquiries hang on (it is
    published by an administrator, not edited in the admin by the company)."""
    organisation.approved = True
    kind = kind_of_organisation(organisation.kind)
    if kind and not organisation.page_id:
        organisation.page = kind.index_model.add_draft_profile(organisation)
    organisation.save()
    grant_page_rights(organisation)
    if not organisation.edits_pages:
        # Members who joined before the approval get its rights now: a regional centre's
        # members become moderators (page editors were synced by grant_page_rights).
        for membership in organisation.memberships.filter(status=Membership.Status.ACTIVE):
            sync_user_rights(membership.user)
    return organisation


def member_page_ids(user, kind: str) -> set[int]:
    """The profile pages of ``kind`` (a code of ``cms.kinds.PROFILE_KINDS``: workshop,
    cooperative or partner) whose approved organisations the user is an active member of."""
    if not user.is_authenticated:
        return set()
    return set(
        Organisation.objects.filter(
            kind=profile_kind(kind).organisation_kind,
            approved=True,
            page__isnull=False,
            memberships__user=user,
            memberships__status=Membership.Status.ACTIVE,
        ).values_list("page_id", flat=True)
    )
