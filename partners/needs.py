"""The company journey: needs and their life, shortlists and inquiries, and who may see or
change them.

Company members manage the needs of their own company only; cooperative
members see the inquiries sent to their own cooperative and the open needs
that fit it, and may offer themselves for one. Every rule is a function here
(quotes and orders are in :mod:`partners.quotes`); views only call them.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cms.models import Voivodeship
from cms.roles import member_page_ids
from cooperatives.models import Capability, CooperativePage
from partners import fit_notices, notices
from partners.fitting import distance_between, fits, within_reach
from partners.models import (
    Inquiry,
    InquiryReply,
    Need,
    PartnerPage,
    Shortlist,
    Side,
    free_slug,
)
from search.places import voivodeship_at
from search.sync import enqueue
from search.taxonomy import load_taxonomy

# A need typed as a whole e-mail takes about this many characters of it as its title.
TITLE_FROM_WORDS = 120


def title_and_description(text: str) -> dict[str, str]:
    """A need's title and description from a request in the buyer's words: short words are
    the title alone; a longer text (an e-mail) gives its opening words, cut at a word, as the
    title and the whole text as the description, so nothing typed is lost."""
    text = " ".join(text.split())
    limit = Need._meta.get_field("title").max_length
    if len(text) <= min(limit, TITLE_FROM_WORDS):
        return {"title": text, "description": ""}
    title = text[: TITLE_FROM_WORDS + 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return {"title": title, "description": text}


def companies_of(user) -> list[PartnerPage]:
    return list(PartnerPage.objects.filter(pk__in=member_page_ids(user, "partner")))


def cooperatives_of(user) -> list[CooperativePage]:
    return list(CooperativePage.objects.filter(pk__in=member_page_ids(user, "cooperative")))


def needs_of(user):
    return Need.objects.filter(partner_id__in=member_page_ids(user, "partner"))


def need_for(user, slug: str, *, lock: bool = False) -> Need:
    """One of the user's company's needs, or PermissionDenied; ``lock`` holds its row until
    the transaction ends, so two decisions about one need happen one after the other."""
    needs = Need.objects.filter(slug=slug)
    if lock:
        needs = needs.select_for_update(of=("self",))
    need = needs.select_related("partner").first()
    if need is None or need.partner_id not in member_page_ids(user, "partner"):
        raise PermissionDenied
    return need


def _region_of(lat: float | None, lon: float | None) -> Voivodeship | None:
    """The voivodeship a need's place is in, so regional figures count it where it is."""
    if lat is None or lon is None:
        return None
    return Voivodeship.objects.filter(teryt=voivodeship_at(lat, lon)).first()


def _need_values(data: dict) -> dict:
    """A NeedForm's cleaned data as Need fields."""
    return {
        "title": data["title"],
        "description": data.get("description", ""),
        "quantity": data.get("quantity", ""),
        "quantity_value": data.get("quantity_value"),
        "quantity_unit": data.get("quantity_unit", ""),
        "quantity_per": data.get("quantity_per", ""),
        "city": data.get("city", ""),
        "postal_code": data.get("postal_code", ""),
        "latitude": data.get("latitude"),
        "longitude": data.get("longitude"),
        "voivodeship": _region_of(data.get("latitude"), data.get("longitude")),
        "deadline": data.get("deadline"),
    }


def _set_kinds_of_work(need: Need, data: dict) -> None:
    capabilities = list(data.get("capabilities", []))
    if not capabilities:
        # Read the kind of work from the company's own words, so that the cooperatives
        # that do it see the need among those that fit them.
        codes = load_taxonomy().capabilities_in(f"{need.title}\n{need.description}")
        capabilities = list(Capability.objects.filter(code__in=codes))
    need.capabilities.set(capabilities)
    need.required_certifications.set(data.get("required_certifications", []))


@transaction.atomic
def create_need(partner: PartnerPage, user, data: dict) -> Need:
    if partner.pk not in member_page_ids(user, "partner"):
        raise PermissionDenied
    need = Need.objects.create(
        slug=free_slug(Need, data["title"], fallback="potrzeba"),
        partner=partner,
        **_need_values(data),
    )
    _set_kinds_of_work(need, data)
    fit_notices.need_posted(need)
    return need


def may_edit(need: Need) -> bool:
    """A need is edited while open, or when expired (a new deadline opens it again); one
    the company closed on purpose stays as it was."""
    return need.status in {Need.Status.OPEN, Need.Status.EXPIRED}


@transaction.atomic
def update_need(user, slug: str, data: dict) -> Need:
    """Change a need from the form; an expired need given a deadline ahead is open again."""
    need = need_for(user, slug, lock=True)
    if not may_edit(need):
        raise PermissionDenied
    before = fit_notices.need_state(need)
    for name, value in _need_values(data).items():
        setattr(need, name, value)
    if need.status == Need.Status.EXPIRED:
        # The form takes no deadline in the past: the need is looking again.
        need.status, need.closed_at = Need.Status.OPEN, None
    need.save()
    _set_kinds_of_work(need, data)
    fit_notices.need_changed(need, before)
    return need


CLOSING_OUTCOMES = (Need.Status.FULFILLED, Need.Status.WITHDRAWN)


@transaction.atomic
def close_need(user, slug: str, outcome: str) -> Need:
    """The company closes its open need: fulfilled (it found what it needed) or withdrawn."""
    need = need_for(user, slug, lock=True)
    if outcome not in CLOSING_OUTCOMES or need.status != Need.Status.OPEN:
        raise PermissionDenied
    need.status, need.closed_at = outcome, timezone.now()
    need.save(update_fields=["status", "closed_at", "updated_at"])
    return need


def expire_needs(today: dt.date | None = None) -> int:
    """Mark every open need whose deadline passed before ``today`` expired; return how many.

    Run daily (``manage.py expire_needs``, scheduled by the task queue). One UPDATE
    changes them all, and only rows still open, so a second run the same day, or two
    workers at once, change nothing more; the search index hears of each need changed.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        expired = list(
            Need.objects.past_deadline(today)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        Need.objects.filter(pk__in=expired, status=Need.Status.OPEN).update(
            status=Need.Status.EXPIRED, closed_at=timezone.now(), updated_at=timezone.now()
        )
        for pk in expired:
            enqueue("need", pk)
    return len(expired)


def toggle_shortlist(need: Need, cooperative: CooperativePage) -> bool:
    """Add or remove; True when the cooperative is now on the shortlist."""
    entry, created = Shortlist.objects.get_or_create(need=need, cooperative=cooperative)
    if not created:
        entry.delete()
    return created


# -- inquiries


def side_of(user, inquiry: Inquiry) -> str | None:
    """Which party ``user`` speaks for in ``inquiry``: its cooperative's, its company's, or
    neither (None)."""
    if inquiry.cooperative_id in member_page_ids(user, "cooperative"):
        return Side.COOPERATIVE
    if inquiry.need.partner_id in member_page_ids(user, "partner"):
        return Side.COMPANY
    return None


def _last_words(inquiry: Inquiry, user) -> str:
    """What ``user`` last wrote in ``inquiry`` (its first message or their latest reply)."""
    reply = inquiry.replies.filter(author=user).order_by("-created_at", "-pk").first()
    if reply:
        return reply.message.strip()
    return inquiry.message.strip() if inquiry.sent_by_id == user.pk else ""


def open_inquiry(
    need: Need,
    cooperative: CooperativePage,
    user,
    message: str,
    side: str = Side.COMPANY,
    requests_quote: bool = False,
) -> tuple[Inquiry, bool]:
    """The inquiry between ``need`` and ``cooperative``, started now or continued; True when
    ``message`` was stored (the same words sent again, as by a double click, are not).

    Call inside a transaction: the inquiry's row is locked until it ends.
    """
    inquiry, created = Inquiry.objects.select_for_update().get_or_create(
        need=need,
        cooperative=cooperative,
        defaults={
            "sent_by": user,
            "message": message,
            "started_by": side,
            "requests_quote": requests_quote,
        },
    )
    if created:
        return inquiry, True
    if requests_quote and not inquiry.requests_quote:
        inquiry.requests_quote = True
        inquiry.save(update_fields=["requests_quote", "updated_at"])
    if _last_words(inquiry, user) == message.strip():
        return inquiry, False
    InquiryReply.objects.create(inquiry=inquiry, author=user, side=side, message=message)
    inquiry.save(update_fields=["updated_at"])
    return inquiry, True


@transaction.atomic
def send_inquiry(need: Need, cooperative: CooperativePage, user, message: str, request=None):
    """The company asks one cooperative about its need (again: the message is a reply)."""
    if not need.is_open:
        raise PermissionDenied
    inquiry, stored = open_inquiry(need, cooperative, user, message)
    if stored:
        notices.inquiry_sent(inquiry, message, request)
    return inquiry


def inquiries_for(user):
    """Inquiries the user may read: sent by their company, or to their cooperative."""
    companies = member_page_ids(user, "partner")
    cooperatives = member_page_ids(user, "cooperative")
    return (
        Inquiry.objects.filter(
            Q(need__partner_id__in=companies) | Q(cooperative_id__in=cooperatives)
        )
        .select_related("need", "need__partner", "cooperative")
        .order_by("-updated_at")
    )


def inquiry_for(user, pk: int, *, lock: bool = False) -> Inquiry:
    inquiries = inquiries_for(user).filter(pk=pk)
    if lock:
        inquiries = inquiries.select_for_update(of=("self",))
    inquiry = inquiries.first()
    if inquiry is None:
        raise PermissionDenied
    return inquiry


# Statuses the cooperative sets by hand; the others follow from quotes and the company's choice.
HAND_STATUSES = (Inquiry.Status.IN_TALKS, Inquiry.Status.DECLINED)


@transaction.atomic
def answer(inquiry: Inquiry, user, message: str, status: str = "") -> Inquiry:
    """A reply from either side; only the cooperative sets the status, and only until the
    company has chosen."""
    inquiry = (
        Inquiry.objects.select_for_update(of=("self",)).select_related("need").get(pk=inquiry.pk)
    )
    side = side_of(user, inquiry)
    if side is None:
        raise PermissionDenied
    if status and (side != Side.COOPERATIVE or inquiry.decided or status not in HAND_STATUSES):
        raise PermissionDenied
    if message:
        InquiryReply.objects.create(inquiry=inquiry, author=user, side=side, message=message)
    if status:
        inquiry.status = status
        if status == Inquiry.Status.DECLINED:
            inquiry.decline_reason = message
    inquiry.save()
    return inquiry


# -- needs that fit a cooperative, and its offer


def fitting_needs(cooperative: CooperativePage):
    """Open needs that ask for something the cooperative does, within its service radius;
    each with its distance and the cooperative's inquiry about it, if there is one."""
    codes = list(cooperative.capabilities.values_list("pk", flat=True))
    needs = (
        Need.objects.open()
        .filter(capabilities__in=codes)
        .distinct()
        .select_related("partner")
        .prefetch_related("required_certifications")
    )
    inquiries = {
        inquiry.need_id: inquiry
        for inquiry in Inquiry.objects.filter(cooperative=cooperative, need__in=needs)
    }
    fitting = []
    for need in needs:
        distance = distance_between(cooperative, need)
        if within_reach(cooperative, distance):
            rounded = None if distance is None else round(distance, 1)
            fitting.append((need, rounded, inquiries.get(need.pk)))
    return sorted(fitting, key=lambda item: (item[1] is None, item[1] or 0))


def fitting_need_for(user, slug: str, cooperative_id: int, *, lock: bool = False):
    """``(need, cooperative)`` when the user is of the cooperative and the need fits it
    (open, its kind of work, within reach); PermissionDenied otherwise."""
    if cooperative_id not in member_page_ids(user, "cooperative"):
        raise PermissionDenied
    cooperative = CooperativePage.objects.get(pk=cooperative_id)
    found = Need.objects.filter(slug=slug).select_related("partner")
    if lock:
        found = found.select_for_update(of=("self",))
    need = found.first()
    if need is None or not fits(need, cooperative):
        raise PermissionDenied
    return need, cooperative


@transaction.atomic
def offer(user, slug: str, cooperative_id: int, message: str, request=None) -> Inquiry:
    """A cooperative offers itself for a need that fits it: an inquiry from its side."""
    need, cooperative = fitting_need_for(user, slug, cooperative_id, lock=True)
    inquiry, stored = open_inquiry(need, cooperative, user, message, side=Side.COOPERATIVE)
    if stored:
        notices.offer_received(inquiry, request)
    return inquiry
