"""Recording a partnership in the browser, with the keyboard, and finding it on the map."""

import pytest

from cooperatives.models import CooperativePage
from partners.models import Partnership
from tests.cms.factories import OrganisationFactory, member_of
from tests.e2e.conftest import axe_violations, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cooperative_member_records_a_partnership_and_finds_it_on_the_map(
    page, live_server, small_directory
):
    igla = CooperativePage.objects.get(slug="ss-igla")
    signed_in(page, member_of(OrganisationFactory(page=igla)), live_server)
    page.goto("/partnerships/new/")
    assert axe_violations(page) == []
    # The form starts from the member's own cooperative.
    assert page.get_by_label("Spółdzielnia:", exact=True).input_value() == str(igla.pk)
    page.get_by_label("Firma:", exact=True).select_option(label="Firma Testowa Sp. z o.o.")
    page.get_by_label("Status:", exact=True).select_option("planned")
    page.get_by_label("Wykonywana praca:").fill("Szycie toreb na zakupy")
    page.get_by_role("button", name="Zapisz partnerstwo").press("Enter")
    page.get_by_role("heading", level=1).filter(has_text="+").wait_for()
    partnership = Partnership.objects.exclude(slug="igla-firma").get()
    assert page.url.endswith(f"/partnerships/{partnership.slug}/")
    assert axe_violations(page) == []

    page.goto("/map/?kind=partnership")
    page.locator(f'li[data-feature="partnership-{partnership.slug}"]').wait_for()


def test_form_errors_are_announced_and_nothing_is_saved(page, live_server, small_directory):
    igla = CooperativePage.objects.get(slug="ss-igla")
    signed_in(page, member_of(OrganisationFactory(page=igla)), live_server)
    page.goto("/partnerships/new/")
    page.get_by_label("Status:", exact=True).select_option("active")
    page.get_by_label("Data rozpoczęcia:").fill("2999-01-01")
    page.get_by_role("button", name="Zapisz partnerstwo").click()
    alert = page.get_by_role("alert")
    assert "nie jest jeszcze zapisane" in alert.inner_text()
    assert Partnership.objects.count() == 1
    assert axe_violations(page) == []
