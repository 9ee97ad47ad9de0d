"""factory_boy factories for business partner pages, needs, inquiries and quotes, and a small
market built from them (:func:`build_market`)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import factory
from django.utils import timezone

from cms.models import Organisation
from cooperatives.models import Capability, CooperativePage
from partners.models import Inquiry, Need, Order, PartnerPage, Quote
from tests.cms.factories import OrganisationFactory, ProfilePageFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory


class PartnerPageFactory(ProfilePageFactory):
    class Meta:
        model = PartnerPage


class NeedFactory(factory.django.DjangoModelFactory):
    """An open need in Poznań with a deadline a month ahead; ``capabilities=[…]`` sets them."""

    class Meta:
        model = Need
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"potrzeba-{n}")
    title = factory.Sequence(lambda n: f"Szycie fartuchów {n}")
    description = "Fartuchy robocze z kieszenią, bawełna."
    quantity = "2000 szt."
    city = "Poznań"
    latitude = 52.41
    longitude = 16.93
    deadline = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))

    @factory.post_generation
    def capabilities(self, create, extracted, **kwargs):
        if create and extracted:
            self.capabilities.set(extracted)


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    need = factory.SubFactory(NeedFactory)
    message = "Prosimy o wycenę."
    requests_quote = True


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    inquiry = factory.SubFactory(InquiryFactory)
    price_pln = Decimal("12000.00")
    earliest_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))
    note = "Termin realizacji 3 tygodnie."


@dataclass
class Market:
    company: PartnerPage
    boss: object  # a member of the company
    need: Need
    cooperatives: list[CooperativePage]
    tailors: list  # a member of each cooperative, in the same order
    rival: object  # a member of another company
    rival_company: PartnerPage


def sewing_cooperative(slug: str, name: str, lat: float, lon: float) -> CooperativePage:
    return CooperativePageFactory(
        title=name,
        slug=slug,
        latitude=lat,
        longitude=lon,
        city="Poznań",
        service_radius_km=100,
        capacity_note="800 sztuk tygodniowo",
        email=f"biuro@{slug}.example",
        capabilities=[Capability.objects.get(code="sewing")],
    )


def build_market() -> Market:
    """One company with a need for sewing in Poznań and the people around it (needs the small
    directory): three sewing cooperatives near Poznań (Igła from the small directory and two
    more), each with one member; the company with one member; and a second company that has
    nothing to do with the need."""
    company = PartnerPage.objects.get(slug="firma-testowa")
    boss = member_of(
        OrganisationFactory(name="Firma", kind=Organisation.Kind.COMPANY, page=company)
    )
    cooperatives = [
        CooperativePage.objects.get(slug="ss-igla"),
        sewing_cooperative("ss-nitka", "Spółdzielnia Socjalna „Nitka”", 52.45, 16.95),
        sewing_cooperative("ss-szew", "Spółdzielnia Socjalna „Szew”", 52.30, 16.80),
    ]
    tailors = [member_of(OrganisationFactory(name=c.title, page=c)) for c in cooperatives]
    rival_company = PartnerPageFactory(title="Konkurencja Sp. z o.o.", slug="konkurencja")
    rival = member_of(
        OrganisationFactory(name="Konkurencja", kind=Organisation.Kind.COMPANY, page=rival_company)
    )
    need = NeedFactory(
        partner=company,
        title="Szycie 2000 fartuchów roboczych",
        capabilities=[Capability.objects.get(code="sewing")],
    )
    return Market(company, boss, need, cooperatives, tailors, rival, rival_company)


class OrderFactory(factory.django.DjangoModelFactory):
    """A placed order of 1,000 PLN made today; give ``need`` and ``cooperative``."""

    class Meta:
        model = Order

    slug = factory.Sequence(lambda n: f"zamowienie-{n}")
    need = factory.SubFactory(NeedFactory)
    value_pln = Decimal("1000.00")
    ordered = factory.LazyFunction(timezone.localdate)
