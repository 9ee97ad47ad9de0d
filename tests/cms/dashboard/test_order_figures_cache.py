"""The order figures of the public summary are kept until an order (or the directory) changes,
then counted again (transactions committed as in production, so `on_commit` runs)."""

import datetime as dt
import io
import itertools
import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from partners.models import Order
from tests.cooperatives.factories import CooperativePageFactory
from tests.partners.factories import NeedFactory, OrderFactory, PartnerPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("baseline_site", "search_index"),
]

PERIOD = {"start": "2026-01-01", "end": "2026-06-30"}


_asked = itertools.count()


def _orders_total(client):
    # A new address each time: the whole-page cache (cms/page_cache.py) answers a page asked
    # again without rendering it; here the kept figures underneath it are under test.
    response = client.get("/statistics/", {**PERIOD, "asked": next(_asked)})
    assert response.status_code == 200
    total = response.context["orders"].total
    return total.orders, total.value_pln


def test_order_figures_are_kept_until_an_order_is_saved_then_counted_again(client):
    cooperative = CooperativePageFactory(title="SS Nowa")
    need = NeedFactory(partner=PartnerPageFactory(title="Firma"))
    first = OrderFactory(
        need=need, cooperative=cooperative, ordered=dt.date(2026, 2, 1), value_pln=Decimal(100)
    )
    assert _orders_total(client) == (1, Decimal("100.00"))
    # A change that sends no signal (a bulk update) is not seen: the figures are kept.
    Order.objects.filter(pk=first.pk).update(value_pln=Decimal(999))
    assert _orders_total(client) == (1, Decimal("100.00"))
    # A saved order is: everything is counted again.
    OrderFactory(
        need=need, cooperative=cooperative, ordered=dt.date(2026, 6, 30), value_pln=Decimal(50)
    )
    assert _orders_total(client) == (2, Decimal("1049.00"))
    first.refresh_from_db()
    first.status = Order.Status.CANCELLED
    first.save()
    assert _orders_total(client) == (1, Decimal("50.00"))
    Order.objects.get(status=Order.Status.PLACED).delete()
    assert _orders_total(client) == (0, Decimal("0.00"))


def test_orders_brought_by_the_import_are_counted_at_once(client, small_directory, tmp_path):
    assert _orders_total(client) == (0, Decimal("0.00"))
    order = {
        "type": "order",
        "slug": "zamowienie-z-pliku",
        "need": "fartuchy-2000",
        "cooperative": "ss-igla",
        "value_pln": 1234.5,
        "ordered": "2026-03-01",
    }
    path = tmp_path / "orders.jsonl"
    path.write_text(json.dumps(order) + "\n")
    call_command("import_directory", str(path), stdout=io.StringIO())
    assert _orders_total(client) == (1, Decimal("1234.50"))
