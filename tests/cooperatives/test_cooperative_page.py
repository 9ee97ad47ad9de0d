"""A cooperative's public page tells a company what it needs to get in touch and to trust it."""

import datetime as dt
import json
import re

import pytest

from cooperatives.models import Capability, Certification, CooperativeCertificate
from tests.cooperatives.factories import CooperativePageFactory
from tests.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db

IGLA = "Spółdzielnia Socjalna „Igła”"


@pytest.fixture
def igla():
    workshop = WorkshopPageFactory(title="WTZ w Testowie", slug="wtz-testowo")
    return CooperativePageFactory(
        title=IGLA,
        slug="ss-igla",
        capabilities=[Capability.objects.get(code="sewing")],
        accepts_orders=True,
        capacity_note="6 maszyn, do 1000 sztuk tygodniowo",
        service_radius_km=80,
        employees_total=12,
        employees_with_disabilities=8,
        street="ul. Długa 1",
        postal_code="60-101",
        city="Poznań",
        latitude=52.4064,
        longitude=16.9252,
        krs="0000123456",
        workshops=[workshop],
    )


def test_detail_page_tells_a_company_what_it_needs_to_get_in_touch(client, igla):
    html = client.get("/spoldzielnie/ss-igla/").content.decode()
    for expected in (
        "Przyjmuje zlecenia",
        "szycie, krawiectwo",
        "6 maszyn, do 1000 sztuk tygodniowo",
        "do 80 km od naszego adresu",
        "12 (8 z niepełnosprawnościami)",
        "ul. Długa 1, 60-101 Poznań",
        "0000123456",
        'href="/warsztaty/wtz-testowo/"',
    ):
        assert expected in html, expected


def test_detail_page_carries_schema_org_organisation_data(client, igla):
    html = client.get("/spoldzielnie/ss-igla/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Organization"
    assert data["name"] == IGLA
    assert data["address"]["addressLocality"] == "Poznań"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 52.4064, "longitude": 16.9252}


def test_lapsed_certificate_is_not_shown_as_valid_and_says_when_it_lapsed(client):
    haccp, sanepid = (Certification.objects.get(code=code) for code in ("haccp", "sanepid"))
    CooperativePageFactory(
        title="Spółdzielnia Socjalna „Smak”",
        slug="ss-smak",
        certificates=[
            CooperativeCertificate(certification=haccp, valid_until=dt.date(2024, 1, 31)),
            CooperativeCertificate(certification=sanepid),
        ],
    )
    html = client.get("/spoldzielnie/ss-smak/").content.decode()
    section = html.split('id="certificates-heading"')[1].split("</section>")[0]
    valid_list = re.search(r"<ul>(.*?)</ul>", section, re.S).group(1)
    assert sanepid.label_pl in valid_list
    assert "HACCP" not in valid_list
    assert "HACCP wygasł 31 stycznia 2024." in section
