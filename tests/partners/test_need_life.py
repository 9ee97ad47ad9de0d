"""A need's life: edited by its company, closed as fulfilled or withdrawn, expired after its
deadline; its state shown where it is listed and counted right by the regional figures."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.dashboard.figures import regional_figures
from cms.models import Voivodeship
from cooperatives.models import Capability
from partners import needs
from partners.models import Need
from search.models import IndexTask
from tests.partners.factories import NeedFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_expire_needs_expires_only_open_needs_past_their_deadline_and_only_once(market):
    company = market.company
    past = [NeedFactory(partner=company, deadline=TODAY - dt.timedelta(days=d)) for d in (1, 40)]
    due_today = NeedFactory(partner=company, deadline=TODAY)
    no_deadline = NeedFactory(partner=company, deadline=None)
    withdrawn = NeedFactory(
        partner=company, deadline=TODAY - dt.timedelta(days=3), status=Need.Status.WITHDRAWN
    )
    IndexTask.objects.all().delete()

    assert needs.expire_needs(TODAY) == 2
    statuses = dict(Need.objects.values_list("pk", "status"))
    assert [statuses[n.pk] for n in past] == ["expired", "expired"]
    assert statuses[due_today.pk] == statuses[no_deadline.pk] == statuses[market.need.pk] == "open"
    assert statuses[withdrawn.pk] == "withdrawn"  # closed on purpose stays so
    assert Need.objects.get(pk=past[0].pk).closed_at is not None
    # The search index hears of each need it changed, and of no other.
    assert sorted(IndexTask.objects.values_list("object_id", flat=True)) == sorted(
        n.pk for n in past
    )

    assert needs.expire_needs(TODAY) == 0  # a second run changes nothing
    assert needs.expire_needs(TODAY + dt.timedelta(days=1)) == 1  # tomorrow, today's one


def test_expire_needs_command_reports_the_count_and_refuses_a_bad_date(market):
    NeedFactory(partner=market.company, deadline=dt.date(2026, 1, 10))
    out = io.StringIO()
    call_command("expire_needs", "--today", "2026-01-11", stdout=out)
    assert out.getvalue().strip() == "1 need(s) expired."
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--today"):
        call_command("expire_needs", "--today", "11.01.2026", stdout=io.StringIO())


def test_open_needs_are_those_open_and_not_past_their_deadline(market):
    late = NeedFactory(partner=market.company, deadline=TODAY - dt.timedelta(days=1))
    assert late.status == Need.Status.OPEN and not late.is_open
    assert set(Need.objects.open()) == {market.need, Need.objects.get(slug="fartuchy-2000")}


def test_company_closes_its_need_as_fulfilled_or_withdrawn(client, market):
    other = NeedFactory(partner=market.company)
    client.force_login(market.boss)
    client.post(f"/needs/{market.need.slug}/close/", {"outcome": "fulfilled"})
    client.post(f"/needs/{other.slug}/close/", {"outcome": "withdrawn"})
    market.need.refresh_from_db()
    other.refresh_from_db()
    assert (market.need.status, other.status) == ("fulfilled", "withdrawn")
    assert market.need.closed_at is not None
    # Closing again, or closing as "expired" by hand, is refused.
    assert client.post(f"/needs/{other.slug}/close/", {"outcome": "fulfilled"}).status_code == 403
    third = NeedFactory(partner=market.company)
    client.post(f"/needs/{third.slug}/close/", {"outcome": "expired"})
    third.refresh_from_db()
    assert third.status == "open"


def test_only_the_companys_members_close_or_edit_its_need(client, market):
    for outsider in (market.rival, market.tailors[0]):
        client.force_login(outsider)
        assert (
            client.post(f"/needs/{market.need.slug}/close/", {"outcome": "withdrawn"}).status_code
            == 403
        )
        assert client.get(f"/needs/{market.need.slug}/edit/").status_code == 403
        assert (
            client.post(
                f"/needs/{market.need.slug}/edit/", {"title": "Przejęta", "town": "Poznań"}
            ).status_code
            == 403
        )
    market.need.refresh_from_db()
    assert (market.need.status, market.need.title) == ("open", "Szycie 2000 fartuchów roboczych")


def edit(client, need, **changes):
    data = {
        "title": need.title,
        "description": need.description,
        "quantity": need.quantity,
        "town": "Poznań",
        "deadline": (TODAY + dt.timedelta(days=60)).isoformat(),
        **changes,
    }
    return client.post(f"/needs/{need.slug}/edit/", data)


def test_company_edits_its_need_with_a_parsed_quantity(client, market):
    client.force_login(market.boss)
    page = client.get(f"/needs/{market.need.slug}/edit/").content.decode()
    assert 'value="Szycie 2000 fartuchów roboczych"' in page and 'value="Poznań"' in page
    response = edit(
        client,
        market.need,
        title="Szycie 2500 fartuchów",
        town="Gniezno",
        quantity_value="2500",
        quantity_unit="szt.",
        quantity_per="month",
        capabilities=[Capability.objects.get(code="sewing").pk],
    )
    assert response.status_code == 302
    need = Need.objects.get(pk=market.need.pk)
    assert (need.title, need.city, need.slug) == (
        "Szycie 2500 fartuchów",
        "Gniezno",
        market.need.slug,
    )
    assert (need.quantity_value, need.quantity_unit, need.quantity_per) == (
        Decimal("2500.00"),
        "szt.",
        "month",
    )
    assert need.measured_quantity == "2500 szt. miesięcznie"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"quantity_unit": "kg"}, "quantity_value", "Podaj też liczbę."),
        ({"quantity_value": "-5"}, "quantity_value", "większa lub równa 0"),
        ({"quantity_value": "abc"}, "quantity_value", "Wpisz liczbę."),
        ({"quantity_per": "year"}, "quantity_per", "Wybierz poprawną wartość"),
        ({"deadline": "2020-01-01"}, "deadline", "Termin już minął."),
    ],
)
def test_need_edit_names_each_mistake_and_changes_nothing(client, market, changes, field, message):
    client.force_login(market.boss)
    response = edit(client, market.need, title="Zmieniony tytuł", **changes)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    assert Need.objects.get(pk=market.need.pk).title == "Szycie 2000 fartuchów roboczych"


def test_an_expired_need_given_a_new_deadline_is_open_again_but_a_withdrawn_one_is_not_editable(
    client, market
):
    market.need.status = Need.Status.EXPIRED
    market.need.save()
    client.force_login(market.boss)
    assert edit(client, market.need).status_code == 302
    market.need.refresh_from_db()
    assert market.need.status == "open" and market.need.closed_at is None
    market.need.status = Need.Status.WITHDRAWN
    market.need.save()
    assert edit(client, market.need).status_code == 403


def test_status_shows_on_the_need_page_and_in_my_needs(client, market):
    market.need.status = Need.Status.WITHDRAWN
    market.need.save()
    late = NeedFactory(partner=market.company, deadline=TODAY - dt.timedelta(days=2))
    client.force_login(market.boss)
    listing = client.get("/needs/").content.decode()
    assert "wycofane" in listing and "termin minął" in listing
    page = client.get(f"/needs/{market.need.slug}/").content.decode()
    assert "wycofane" in page
    assert "Zamknij zlecenie" not in page  # no closing what is closed
    assert "Poproś spółdzielnie z krótkiej listy o oferty" not in page
    assert "termin minął" in client.get(f"/needs/{late.slug}/").content.decode()


def test_closed_expired_and_late_needs_do_not_fit_any_cooperative(client, market):
    sewing = [Capability.objects.get(code="sewing")]
    make = NeedFactory
    make(partner=market.company, title="Zamknięta", status="closed", capabilities=sewing)
    make(partner=market.company, title="Wygasła", status="expired", capabilities=sewing)
    make(partner=market.company, title="Spełniona", status="fulfilled", capabilities=sewing)
    make(
        partner=market.company,
        title="Po terminie",
        deadline=TODAY - dt.timedelta(days=1),
        capabilities=sewing,
    )
    client.force_login(market.tailors[1])
    html = client.get("/needs/fitting/").content.decode()
    assert "Szycie 2000 fartuchów roboczych" in html
    for title in ("Zamknięta", "Wygasła", "Spełniona", "Po terminie"):
        assert title not in html


def test_the_dashboard_counts_only_open_needs(market, search_index):
    """Open needs in Wielkopolska: the market's own and three more open ones, next to one of each
    closed state; the figure is the independent count of the open ones."""
    company = market.company
    for status in ("open", "open", "open", "fulfilled", "withdrawn", "expired", "closed"):
        NeedFactory(partner=company, status=status)
    wielkopolska = Voivodeship.objects.get(teryt="30")
    Need.objects.update(voivodeship=wielkopolska)
    expected = Need.objects.filter(status="open").count()
    assert expected == 5  # fartuchy-2000, the market's need and three more
    assert regional_figures(wielkopolska).total.open_needs == expected
    assert regional_figures(None).total.open_needs == expected
