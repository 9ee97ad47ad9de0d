"""Brokered help: the rules of a company asking its regional centre for cooperatives, the
centre's queue and recommendations, and the contact log both sides read.

A need belongs to the regional centre of its voivodeship (the need's own, else
its company's: where the dashboard counts it). Members of that centre and
administrators may open the need read-only, recommend cooperatives and write
notes; the company's members ask for help and shortlist from what was
recommended. Nobody else sees any of it. Views call these functions only.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms import public_cache, roles
from cms.models import Membership, NotificationKind, Organisation, Voivodeship
from cms.notices import notify
from cooperatives.models import CooperativePage
from partners import needs
from partners.models import (
    BrokeredRequest,
    Contact,
    Need,
    PartnerPage,
    Recommendation,
    Shortlist,
)
from search.query import needs_without_match
from search.sync import UNAVAILABLE

# The kind of notification a recommendation or a request is: a change in the state of a need.
NOTICE_KIND = NotificationKind.STATUS


def region_of(need: Need) -> Voivodeship | None:
    """The voivodeship whose regional centre looks after ``need``: the need's own, else its
    company's (the rule of the dashboard's ``need_region``)."""
    return need.voivodeship or need.partner.voivodeship


def brokers(user, need: Need) -> bool:
    """May ``user`` act for the regional centre on ``need``? Administrators everywhere,
    members of a regional centre in its own voivodeship."""
    if not user.is_authenticated:
        return False
    return roles.oversees(user, region_of(need))


def is_company_of(user, need: Need) -> bool:
    return need.partner_id in roles.member_page_ids(user, "partner")


def brokered_need_for(user, slug: str, *, lock: bool = False) -> Need:
    """The need ``slug`` for its regional centre, or PermissionDenied for anyone else."""
    found = Need.objects.filter(slug=slug).select_related("partner", "voivodeship")
    if lock:
        found = found.select_for_update(of=("self",))
    need = found.first()
    if need is None or not brokers(user, need):
        raise PermissionDenied
    return need


def open_request(need: Need) -> BrokeredRequest | None:
    return need.brokered_requests.filter(status=BrokeredRequest.Status.OPEN).first()


def _log(need: Need, kind: str, side: str, user, text: str = "", cooperative=None) -> Contact:
    return Contact.objects.create(
        need=need, kind=kind, side=side, author=user, text=text, cooperative=cooperative
    )


# -- the company's side


class AlreadyAsked(ValidationError):
    """The need has an open request already: the centre is on it."""


@transaction.atomic
def ask_for_help(user, slug: str, note: str) -> BrokeredRequest:
    """The company asks the regional centre of its need for cooperatives; one open request
    per need (a second is refused, and two clicks at once make one: the need's row is
    locked and the database refuses a second open request)."""
    need = needs.need_for(user, slug, lock=True)
    region = region_of(need)
    if not need.is_open or region is None:
        raise PermissionDenied
    if open_request(need):
        raise AlreadyAsked(
            _("You have already asked the regional centre; its answer will appear here."),
            code="already_asked",
        )
    request = BrokeredRequest.objects.create(
        need=need, voivodeship=region, asked_by=user, note=note
    )
    _log(need, Contact.Kind.REQUEST, Contact.Side.COMPANY, user, note)
    _tell_centre(request)
    return request


def recommended_cooperatives(need: Need) -> set[int]:
    """Ids of the cooperatives the regional centre has recommended for ``need`` so far."""
    return set(
        Recommendation.cooperatives.through.objects.filter(
            recommendation__need=need, recommendation__sent_at__isnull=False
        ).values_list("cooperativepage_id", flat=True)
    )


@transaction.atomic
def shortlist_recommended(user, slug: str, cooperative_id: int) -> bool:
    """One click from a recommendation puts the cooperative on the company's shortlist (the
    shortlist's own toggle, never taking it off); True when it was added now, which the
    log records."""
    need = needs.need_for(user, slug, lock=True)
    if cooperative_id not in recommended_cooperatives(need):
        raise PermissionDenied
    cooperative = CooperativePage.objects.listed().filter(pk=cooperative_id).first()
    if cooperative is None:
        raise PermissionDenied
    if Shortlist.objects.filter(need=need, cooperative=cooperative).exists():
        return False
    needs.toggle_shortlist(need, cooperative)
    _log(need, Contact.Kind.SHORTLISTED, Contact.Side.COMPANY, user, cooperative=cooperative)
    return True


# -- the regional centre's side


def draft_of(need: Need) -> Recommendation | None:
    """The recommendation the centre is composing for ``need``, if any."""
    return need.recommendations.filter(sent_at__isnull=True).first()


@transaction.atomic
def add_to_recommendation(user, slug: str, cooperative_id: int) -> Recommendation:
    need = brokered_need_for(user, slug, lock=True)
    cooperative = CooperativePage.objects.listed().filter(pk=cooperative_id).first()
    if cooperative is None:
        raise PermissionDenied
    draft = draft_of(need) or Recommendation.objects.create(need=need, made_by=user)
    draft.cooperatives.add(cooperative)
    return draft


@transaction.atomic
def remove_from_recommendation(user, slug: str, cooperative_id: int) -> None:
    need = brokered_need_for(user, slug, lock=True)
    draft = draft_of(need)
    if draft is not None:
        draft.cooperatives.remove(cooperative_id)


class NothingToSend(ValidationError):
    """A recommendation without cooperatives."""


@transaction.atomic
def send_recommendation(user, slug: str, note: str) -> Recommendation:
    """Send the draft: the company sees it on its need's page and is notified; it answers
    the open request, whose first-recommendation time it sets."""
    need = brokered_need_for(user, slug, lock=True)
    draft = draft_of(need)
    if draft is None or not draft.cooperatives.exists():
        raise NothingToSend(
            _("Add at least one cooperative to the recommendation before sending it."),
            code="empty",
        )
    now = timezone.now()
    request = open_request(need)
    if request is not None:
        request.status, request.answered_at = BrokeredRequest.Status.ANSWERED, now
        request.save(update_fields=["status", "answered_at"])
    draft.note, draft.sent_at, draft.made_by, draft.request = note, now, user, request
    draft.save(update_fields=["note", "sent_at", "made_by", "request"])
    names = ", ".join(c.title for c in draft.cooperatives.order_by("title"))
    _log(need, Contact.Kind.RECOMMENDATION, Contact.Side.CENTRE, user, f"{names}\n\n{note}".strip())
    _tell_company(draft)
    return draft


@transaction.atomic
def add_note(user, slug: str, text: str) -> Contact:
    """The centre writes down a contact made outside the site (a call, a visit, an e-mail)."""
    need = brokered_need_for(user, slug, lock=True)
    return _log(need, Contact.Kind.NOTE, Contact.Side.CENTRE, user, text)


# -- who reads what


def contacts_of(user, need: Need) -> list[Contact]:
    """The need's contact log, for its company and its regional centre; PermissionDenied for
    anyone else."""
    if not (is_company_of(user, need) or brokers(user, need)):
        raise PermissionDenied
    return list(need.contacts.select_related("author", "cooperative"))


def sent_recommendations(need: Need) -> list[Recommendation]:
    listed = CooperativePage.objects.listed().order_by("title")
    return list(
        need.recommendations.filter(sent_at__isnull=False)
        .select_related("made_by")
        .prefetch_related(Prefetch("cooperatives", queryset=listed))
        .order_by("-sent_at")
    )


@dataclass
class CompanyPanel:
    """What the need's page shows its company about brokered help."""

    region: Voivodeship | None
    request: BrokeredRequest | None
    recommendations: list[Recommendation]
    contacts: list[Contact]

    @property
    def may_ask(self) -> bool:
        return self.region is not None and self.request is None


def company_panel(user, need: Need) -> CompanyPanel:
    return CompanyPanel(
        region=region_of(need),
        request=open_request(need),
        recommendations=sent_recommendations(need),
        contacts=contacts_of(user, need),
    )


@dataclass
class BrokerPanel:
    """What the regional centre works with on a need's page."""

    requests: list[BrokeredRequest]
    draft: Recommendation | None
    drafted: set[int]
    recommendations: list[Recommendation]
    contacts: list[Contact]


def broker_panel(user, need: Need) -> BrokerPanel:
    draft = draft_of(need)
    drafted = list(draft.cooperatives.order_by("title")) if draft else []
    return BrokerPanel(
        requests=list(need.brokered_requests.select_related("asked_by").order_by("-created_at")),
        draft=draft,
        drafted={cooperative.pk for cooperative in drafted},
        recommendations=sent_recommendations(need),
        contacts=contacts_of(user, need),
    )


# -- the queue


@dataclass
class QueueItem:
    need: Need
    request: BrokeredRequest | None
    since: dt.datetime

    @property
    def age_days(self) -> int:
        return (timezone.localdate() - timezone.localtime(self.since).date()).days


@dataclass
class Queue:
    regions: list[Voivodeship]
    requests: list[QueueItem]
    answered: list[QueueItem]
    # None when the matcher is unreachable: a list that cannot be made is not empty.
    unmatched: list[QueueItem] | None


def regions_of(user) -> list[Voivodeship]:
    """The voivodeships whose queue ``user`` reads: every one for administrators."""
    everyone = Voivodeship.objects.order_by("teryt")
    if user.is_superuser:
        return list(everyone)
    return list(everyone.filter(pk__in=roles.moderated_voivodeships(user)))


def _needs_in(user, regions: list[Voivodeship]):
    found = Need.objects.select_related("partner", "voivodeship")
    if user.is_superuser:
        return found
    return found.filter(
        Q(voivodeship__in=regions) | Q(voivodeship__isnull=True, partner__voivodeship__in=regions)
    )


def queue_for(user) -> Queue:
    """The regional centre's work, oldest first: requests waiting for a recommendation, those
    answered, and the region's open needs nobody asked about for which the matcher finds
    no cooperative. Only open needs: one the company has closed needs nobody's help."""
    if not roles.can_see_regional_dashboard(user):
        raise PermissionDenied
    regions = regions_of(user)
    requests = BrokeredRequest.objects.filter(need__in=Need.objects.open()).select_related(
        "need__partner", "voivodeship"
    )
    if not user.is_superuser:
        requests = requests.filter(voivodeship__in=regions)
    waiting = [
        QueueItem(r.need, r, r.created_at)
        for r in requests.filter(status=BrokeredRequest.Status.OPEN).order_by("created_at")
    ]
    asked = {item.need.pk for item in waiting}
    answered, seen = [], set(asked)
    for request in requests.filter(status=BrokeredRequest.Status.ANSWERED).order_by("created_at"):
        if request.need_id not in seen:
            seen.add(request.need_id)
            answered.append(QueueItem(request.need, request, request.created_at))
    candidates = list(
        _needs_in(user, regions)
        .open()
        .filter(partner__in=PartnerPage.objects.listed())
        .exclude(pk__in=asked)
        .prefetch_related("capabilities", "required_certifications")
        .order_by("created_at", "pk")
    )
    try:
        # Kept until the directory changes (cms.public_cache): an administrator's queue asks
        # the matcher about every open need of Poland, about a second of work.
        without = set(
            public_cache.remember(
                "broker-queue-without-match",
                [need.pk for need in candidates],
                lambda: sorted(needs_without_match(candidates)),
                translated=False,
            )
        )
        unmatched = [QueueItem(n, None, n.created_at) for n in candidates if n.pk in without]
    except UNAVAILABLE:
        unmatched = None
    return Queue(regions=regions, requests=waiting, answered=answered, unmatched=unmatched)


# -- telling people


def _members(**organisation) -> list:
    """Active people of the approved organisations that ``organisation`` filters."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__status=Membership.Status.ACTIVE,
            memberships__organisation__approved=True,
            **{f"memberships__organisation__{key}": value for key, value in organisation.items()},
        )
        .distinct()
    )


def _tell_centre(request: BrokeredRequest) -> None:
    need = request.need
    people = _members(kind=Organisation.Kind.REGIONAL_CENTRE, voivodeship=request.voivodeship)
    names = {"company": need.partner.title, "need": need.title}
    title = _("%(company)s asks for help: %(need)s") % names
    body = request.note
    url = reverse("broker-need", args=[need.slug])
    transaction.on_commit(lambda: notify(people, NOTICE_KIND, title, body, url))


def _tell_company(recommendation: Recommendation) -> None:
    need = recommendation.need
    people = _members(kind=Organisation.Kind.COMPANY, page=need.partner)
    title = _("The regional centre recommends cooperatives: %(need)s") % {"need": need.title}
    names = ", ".join(c.title for c in recommendation.cooperatives.order_by("title"))
    body = f"{names}\n\n{recommendation.note}".strip()
    url = reverse("need-matches", args=[need.slug])
    transaction.on_commit(lambda: notify(people, NOTICE_KIND, title, body, url))
