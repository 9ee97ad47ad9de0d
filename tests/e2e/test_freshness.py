"""Fresh profiles in a browser: a member confirms from the reminder with the keyboard and no
sign-in; the stale notice and the regional centre's list pass axe in Polish and English."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from cms import freshness
from cms.models import Organisation
from cms.models.freshness import months_before
from cooperatives.models import CooperativePage
from tests.cms.factories import OrganisationFactory, RegionalCentreFactory, member_of
from tests.cooperatives.factories import CooperativePageFactory
from tests.e2e.conftest import axe_violations, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONFIRM_PATH = re.compile(r"https?://[^/\s]+(/profiles/confirm/[^/\s]+/)")


def test_member_confirms_from_the_reminder_with_the_keyboard_without_signing_in(page):
    today = timezone.localdate()
    cooperative = CooperativePageFactory(
        title="Spółdzielnia Socjalna „Igła”", verified_on=months_before(today, 19)
    )
    member_of(
        OrganisationFactory(name="Igła", kind=Organisation.Kind.COOPERATIVE, page=cooperative)
    )
    assert freshness.send_reminders(today) == 1
    link = CONFIRM_PATH.search(mail.outbox[0].body).group(1)

    page.goto(cooperative.url)
    assert page.locator(".message--warning").inner_text().startswith("Dane niepotwierdzone od")
    assert axe_violations(page) == []

    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Czy profil jest nadal aktualny?"
    assert axe_violations(page) == []
    button = page.get_by_role("button", name="Tak, wszystko jest nadal aktualne")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{cooperative.url}")
    assert "potwierdzony jako aktualny" in page.locator(".messages").inner_text()
    assert page.locator(".message--warning").count() == 0
    assert CooperativePage.objects.get(pk=cooperative.pk).verified_on == today


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_stale_list_has_no_axe_violations_and_its_table_takes_keyboard_focus(
    page, live_server, prefix
):
    today = timezone.localdate()
    for number, months in enumerate((19, 25, 40)):
        owner = OrganisationFactory(
            name=f"Spółdzielnia {number}",
            page=CooperativePageFactory(
                title=f"Spółdzielnia Socjalna nr {number}", verified_on=months_before(today, months)
            ),
        )
        member_of(owner)
    signed_in(page, member_of(RegionalCentreFactory()), live_server)
    page.goto(f"{prefix}/dashboard/stale/")
    titles = page.locator("#stale-caption ~ tbody th a").all_inner_texts()
    assert titles == [
        "Spółdzielnia Socjalna nr 2",
        "Spółdzielnia Socjalna nr 1",
        "Spółdzielnia Socjalna nr 0",
    ]
    assert axe_violations(page) == []
    page.locator(".table-scroll").focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
