"""A regional centre records partnerships of its own voivodeship: the form lists that region's
cooperatives and workshops first, under their own heading; everyone else sees one list."""

import re

import pytest

from cms.models import Organisation, Voivodeship
from tests.cms.factories import OrganisationFactory, RegionalCentreFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import PartnerPageFactory
from tests.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_regions():
    """In alphabetical order Łódzkie's pages come first: Anielska, Arka before Zielona, Zdrój."""
    lodzkie = Voivodeship.objects.get(teryt="10")
    return {
        "anielska": CooperativePageFactory(title="Anielska", voivodeship=lodzkie),
        "zielona": CooperativePageFactory(title="Zielona"),  # Wielkopolskie
        "bzy": CooperativePageFactory(title="Bzy"),  # Wielkopolskie
        "arka": WorkshopPageFactory(title="WTZ Arka", voivodeship=lodzkie),
        "zdroj": WorkshopPageFactory(title="WTZ Zdrój"),
        "firma": PartnerPageFactory(title="Firma"),
    }


def groups(html: str, name: str) -> list[tuple[str, list[str]]]:
    """The ``<select>`` (or checkbox list) named ``name``: each group's label and its titles."""
    if f'<select name="{name}"' in html:
        select = html.split(f'<select name="{name}"', 1)[1].split("</select>", 1)[0]
        found = re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S)
        return [(label, re.findall(r">([^<]+)</option>", body)) for label, body in found]
    fieldset = html.split(f'name="{name}"', 1)[0].rsplit("<fieldset", 1)[1]
    fieldset += html.split(f'name="{name}"', 1)[1].split("</fieldset>", 1)[0]
    found = re.findall(r"<div><label>([^<]+)</label>(.*?)</div>\s*</div>", fieldset, re.S)
    return [
        (label, [title.strip() for title in re.findall(r"<input[^>]*>\s*([^<]+)</label>", body)])
        for label, body in found
    ]


def titles(html: str, name: str) -> list[str]:
    select = html.split(f'<select name="{name}"', 1)[1].split("</select>", 1)[0]
    return [title for title in re.findall(r">([^<]+)</option>", select) if "---" not in title]


def test_a_regional_centre_sees_its_own_regions_cooperatives_and_workshops_first(
    client, two_regions
):
    client.force_login(member_of(RegionalCentreFactory(name="ROPS Poznań")))
    html = client.get("/partnerships/new/").content.decode()
    assert groups(html, "cooperative") == [
        ("W Twoim regionie (Wielkopolskie)", ["Bzy", "Zielona"]),
        ("W pozostałej części Polski", ["Anielska"]),
    ]
    assert groups(html, "workshops") == [
        ("W Twoim regionie (Wielkopolskie)", ["WTZ Zdrój"]),
        ("W pozostałej części Polski", ["WTZ Arka"]),
    ]
    english = client.get("/en/partnerships/new/").content.decode()
    assert [label for label, _ in groups(english, "cooperative")] == [
        "In your region (Wielkopolskie)",
        "Elsewhere in Poland",
    ]


def test_a_regional_centre_still_records_a_partnership_picked_from_its_group(client, two_regions):
    client.force_login(member_of(RegionalCentreFactory(name="ROPS Poznań")))
    response = client.post(
        "/partnerships/new/",
        {
            "cooperative": two_regions["zielona"].pk,
            "partner": two_regions["firma"].pk,
            "workshops": [two_regions["zdroj"].pk],
            "status": "planned",
            "started": "2026-01-15",
            "jobs_created": "2",
            "work": "Szycie fartuchów",
        },
    )
    assert response.status_code == 302
    partnership = two_regions["zielona"].partnerships.get()
    assert list(partnership.workshops.all()) == [two_regions["zdroj"]]


def test_everyone_else_sees_one_alphabetical_list(client, two_regions):
    cooperative = OrganisationFactory(name="Bzy", page=two_regions["bzy"])
    for person in (member_of(cooperative), member_of(OrganisationFactory(
        name="Firma", kind=Organisation.Kind.COMPANY, page=two_regions["firma"]
    ))):  # fmt: skip
        client.force_login(person)
        html = client.get("/partnerships/new/").content.decode()
        assert "<optgroup" not in html
        assert titles(html, "cooperative") == ["Anielska", "Bzy", "Zielona"]
