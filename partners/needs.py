"""The company journey: needs, shortlists and inquiries, and who may see or change them.

Company members manage the needs of their own company only; cooperative
members see the inquiries sent to their own cooperative and the open needs
that fit it. Every rule is a function here; views only call them.
"""

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.distance import distance_km
from cms.models import Membership, Organisation, Voivodeship
from cms.roles import member_page_ids
from cooperatives.models import Capability, CooperativePage
from partners.models import Inquiry, InquiryReply, Need, PartnerPage, Shortlist, free_slug
from search.places import voivodeship_at
from search.taxonomy import load_taxonomy


def companies_of(user) -> list[PartnerPage]:
    return list(PartnerPage.objects.filter(pk__in=member_page_ids(user, "partner")))


def cooperatives_of(user) -> list[CooperativePage]:
    return list(CooperativePage.objects.filter(pk__in=member_page_ids(user, "cooperative")))


def needs_of(user):
    return Need.objects.filter(partner_id__in=member_page_ids(user, "partner"))


def need_for(user, slug: str) -> Need:
    """One of the user's company's needs, or PermissionDenied."""
    need = Need.objects.filter(slug=slug).select_related("partner").first()
    if need is None or need.partner_id not in member_page_ids(user, "partner"):
        raise PermissionDenied
    return need


def _region_of(lat: float | None, lon: float | None) -> Voivodeship | None:
    """The voivodeship a need's place is in, so regional figures count it where it is."""
    if lat is None or lon is None:
        return None
    return Voivodeship.objects.filter(teryt=voivodeship_at(lat, lon)).first()


@transaction.atomic
def create_need(partner: PartnerPage, user, data: dict) -> Need:
    if partner.pk not in member_page_ids(user, "partner"):
        raise PermissionDenied
    need = Need.objects.create(
        slug=free_slug(Need, data["title"], fallback="potrzeba"),
        partner=partner,
        title=data["title"],
        description=data.get("description", ""),
        quantity=data.get("quantity", ""),
        city=data.get("city", ""),
        postal_code=data.get("postal_code", ""),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        voivodeship=_region_of(data.get("latitude"), data.get("longitude")),
        deadline=data.get("deadline"),
    )
    capabilities = list(data.get("capabilities", []))
    if not capabilities:
        # Read the kind of work from the company's own words, so that the cooperatives
        # that do it see the need among those that fit them.

        codes = load_taxonomy().capabilities_in(f"{need.title}\n{need.description}")
        capabilities = list(Capability.objects.filter(code__in=codes))
    need.capabilities.set(capabilities)
    need.required_certifications.set(data.get("required_certifications", []))
    return need


def toggle_shortlist(need: Need, cooperative: CooperativePage) -> bool:
    """Add or remove; True when the cooperative is now on the shortlist."""
    entry, created = Shortlist.objects.get_or_create(need=need, cooperative=cooperative)
    if not created:
        entry.delete()
    return created


def _cooperative_addresses(cooperative: CooperativePage) -> list[str]:
    members = Membership.objects.filter(
        organisation__page=cooperative,
        organisation__kind=Organisation.Kind.COOPERATIVE,
        organisation__approved=True,
        status=Membership.Status.ACTIVE,
    ).values_list("user__email", flat=True)
    return sorted({*members, *([cooperative.email] if cooperative.email else [])})


def _last_words(inquiry: Inquiry, user) -> str:
    """What ``user`` last wrote in ``inquiry`` (its first message or their latest reply)."""
    reply = inquiry.replies.filter(author=user).order_by("-created_at", "-pk").first()
    if reply:
        return reply.message.strip()
    return inquiry.message.strip() if inquiry.sent_by_id == user.pk else ""


@transaction.atomic
def send_inquiry(need: Need, cooperative: CooperativePage, user, message: str, request=None):
    inquiry, created = Inquiry.objects.select_for_update().get_or_create(
        need=need, cooperative=cooperative, defaults={"sent_by": user, "message": message}
    )
    if not created:
        if _last_words(inquiry, user) == message.strip():
            return inquiry  # sent again (a retry, a double click): already stored and sent
        InquiryReply.objects.create(inquiry=inquiry, author=user, message=message)
    link = reverse("inquiry", args=[inquiry.pk])
    if request is not None:
        link = request.build_absolute_uri(link)
    recipients = _cooperative_addresses(cooperative)
    if recipients:
        transaction.on_commit(
            lambda: send_mail(
                _("New inquiry from %(company)s: %(need)s")
                % {"company": need.partner.title, "need": need.title},
                _("%(company)s asks about: %(need)s\n\n%(message)s\n\nReply here: %(link)s\n")
                % {
                    "company": need.partner.title,
                    "need": need.title,
                    "message": message,
                    "link": link,
                },
                None,
                recipients,
            )
        )
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


def inquiry_for(user, pk: int) -> Inquiry:
    inquiry = inquiries_for(user).filter(pk=pk).first()
    if inquiry is None:
        raise PermissionDenied
    return inquiry


def answer(inquiry: Inquiry, user, message: str, status: str = "") -> Inquiry:
    """A reply from either side; only the cooperative sets the status."""
    if message:
        InquiryReply.objects.create(inquiry=inquiry, author=user, message=message)
    if status:
        if inquiry.cooperative_id not in member_page_ids(user, "cooperative"):
            raise PermissionDenied
        inquiry.status = status
    inquiry.save()
    return inquiry


def fitting_needs(cooperative: CooperativePage):
    """Open needs that ask for something the cooperative does, within its service radius."""
    codes = list(cooperative.capabilities.values_list("pk", flat=True))
    needs = (
        Need.objects.filter(status=Need.Status.OPEN, capabilities__in=codes)
        .distinct()
        .select_related("partner")
    )
    fitting = []
    for need in needs:
        distance = None
        if cooperative.has_location and need.latitude is not None:
            distance = distance_km(
                cooperative.latitude, cooperative.longitude, need.latitude, need.longitude
            )
            if cooperative.service_radius_km and distance > cooperative.service_radius_km:
                continue
        fitting.append((need, None if distance is None else round(distance, 1)))
    return sorted(fitting, key=lambda pair: (pair[1] is None, pair[1] or 0))
