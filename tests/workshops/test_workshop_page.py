"""A workshop's public page says who takes orders and invoices for it, and its cooperatives."""

import pytest

from tests.cooperatives.factories import CooperativePageFactory
from tests.workshops.factories import WorkshopPageFactory

pytestmark = pytest.mark.django_db


def test_workshop_page_says_who_takes_orders_and_invoices(client):
    workshop = WorkshopPageFactory(
        title="WTZ w Testowie", slug="wtz-testowo", operator="Stowarzyszenie Testowe"
    )
    CooperativePageFactory(title="Spółdzielnia Socjalna „Igła”", workshops=[workshop])
    CooperativePageFactory(title="Spółdzielnia w budowie", workshops=[workshop], live=False)
    html = client.get("/warsztaty/wtz-testowo/").content.decode()
    assert "Stowarzyszenie Testowe" in html
    assert "Spółdzielnia Socjalna „Igła”" in html
    assert "Spółdzielnia w budowie" not in html
