"""A cooperative states how much it can make of each kind of work, and how soon it delivers.

The admin form refuses a capacity for work the cooperative does not do; the
profile says the capacity in plain words in the page's language; a draft
with capacities renders in the editor's preview and in "view draft".
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cooperatives.models import (
    Capability,
    CooperativeCapacity,
    CooperativePage,
    amount_phrase,
    lead_time_sentence,
    rate_phrase,
)
from tests.cms.factories import UserFactory
from tests.cooperatives.factories import CooperativePageFactory

pytestmark = pytest.mark.django_db


def capability(code: str) -> Capability:
    return Capability.objects.get(code=code)


def capacity(code: str, amount: int, unit: str, per: str) -> CooperativeCapacity:
    return CooperativeCapacity(capability=capability(code), amount=amount, unit=unit, per=per)


@pytest.fixture
def igla():
    """A sewing and printing cooperative stating two capacities (printing first) and a lead
    time, next to one that states nothing."""
    CooperativePageFactory(
        title="Spółdzielnia Socjalna „Cicha”",
        slug="ss-cicha",
        capabilities=[capability("sewing")],
    )
    return CooperativePageFactory(
        title="Spółdzielnia Socjalna „Igła”",
        slug="ss-igla",
        capabilities=[capability("sewing"), capability("printing")],
        capacity_note="6 maszyn, jedna zmiana",
        lead_time_days=5,
        capacities=[
            capacity("printing", 1200, "szt.", "month"),
            capacity("sewing", 800, "szt.", "week"),
        ],
    )


def capacity_section(html: str) -> str | None:
    found = re.search(r'<section aria-labelledby="capacity-heading">(.*?)</section>', html, re.S)
    return found.group(1) if found else None


def listed(section: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", section)


# -- plain words


@pytest.mark.parametrize(
    ("amount", "unit", "polish", "english"),
    [
        (1, "posiłków", "1 posiłek", "1 meal"),
        (2, "posiłków", "2 posiłki", "2 meals"),
        (5, "posiłków", "5 posiłków", "5 meals"),
        (12, "posiłków", "12 posiłków", "12 meals"),
        (22, "posiłków", "22 posiłki", "22 meals"),
        (1, "stron", "1 strona", "1 page"),
        (3, "stron", "3 strony", "3 pages"),
        (5000, "stron", "5000 stron", "5000 pages"),
        (24, "godzin", "24 godziny", "24 hours"),
        (40, "godzin", "40 godzin", "40 hours"),
        (1, "szt.", "1 szt.", "1 piece"),
        (800, "szt.", "800 szt.", "800 pieces"),
        (370, "kg", "370 kg", "370 kg"),
        (1500, "m²", "1500 m²", "1500 m²"),
    ],
)
def test_amounts_take_the_grammatical_number_of_each_language(amount, unit, polish, english):
    assert amount_phrase(amount, unit) == polish
    with translation.override("en"):
        assert amount_phrase(amount, unit) == english


def test_rates_and_lead_times_read_as_sentences():
    assert rate_phrase(150, "posiłków", "day") == "150 posiłków dziennie"
    assert rate_phrase(2000, "szt.", "month") == "2000 szt. miesięcznie"
    assert lead_time_sentence(1) == "Pierwsza dostawa w ciągu 1 dnia od zamówienia."
    assert lead_time_sentence(5) == "Pierwsza dostawa w ciągu 5 dni od zamówienia."
    assert lead_time_sentence(0) == "Pierwsza dostawa jeszcze w dniu zamówienia."
    with translation.override("en"):
        assert rate_phrase(800, "szt.", "week") == "800 pieces a week"
        assert lead_time_sentence(5) == "First delivery within 5 days of the order."


def test_per_day_makes_weeks_and_months_comparable():
    assert capacity("sewing", 800, "szt.", "week").per_day == 160
    assert capacity("sewing", 2100, "szt.", "month").per_day == 100
    assert capacity("catering", 150, "posiłków", "day").per_day == 150


# -- the profile page


def test_profile_states_each_capacity_and_the_lead_time_in_polish(client, igla):
    section = capacity_section(client.get("/spoldzielnie/ss-igla/").content.decode())
    assert listed(section) == [
        "1200 szt. miesięcznie — poligrafia, druk",
        "800 szt. tygodniowo — szycie, krawiectwo",
    ]
    assert "Pierwsza dostawa w ciągu 5 dni od zamówienia." in section
    assert "6 maszyn, jedna zmiana" in section


def test_profile_states_each_capacity_and_the_lead_time_in_english(client, igla):
    section = capacity_section(client.get("/en/spoldzielnie/ss-igla/").content.decode())
    assert listed(section) == [
        "1200 pieces a month — printing",
        "800 pieces a week — sewing, tailoring",
    ]
    assert "First delivery within 5 days of the order." in section


def test_profile_without_any_capacity_has_no_capacity_section(client, igla):
    html = client.get("/spoldzielnie/ss-cicha/").content.decode()
    assert capacity_section(html) is None
    assert "Możliwości produkcyjne" not in html


def test_lead_time_alone_makes_the_section(client):
    CooperativePageFactory(title="Szybka", slug="ss-szybka", lead_time_days=0)
    section = capacity_section(client.get("/spoldzielnie/ss-szybka/").content.decode())
    assert section is not None and listed(section) == []
    assert "Pierwsza dostawa jeszcze w dniu zamówienia." in section


# -- the admin form


def edit_data(page, capabilities: list[str], rows: list[dict], initial: int = 0, **extra):
    """What the edit form posts: the page's title and slug, its kinds of work, and capacity
    rows (the first ``initial`` of them the page's own, carrying their ``id``)."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "certificates": inline_formset([]),
            "comments": inline_formset([]),
            "capacities": inline_formset(rows, initial=initial),
        }
    )
    return {**data, "capabilities": [capability(code).pk for code in capabilities], **extra}


def row(code: str, amount, unit: str, per: str, **extra) -> dict:
    return {"capability": capability(code).pk, "amount": amount, "unit": unit, "per": per, **extra}


def own_rows(page, **changes) -> list[dict]:
    """The page's capacity rows as its edit form shows them; ``changes`` by kind of work
    (a dict of new values, e.g. ``{"DELETE": "1"}``)."""
    return [
        {
            **row(c.capability.code, c.amount, c.unit, c.per, id=c.pk),
            **changes.get(c.capability.code, {}),
        }
        for c in page.capacities.all()
    ]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def edit(admin_client, page, data):
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def latest_draft(page) -> CooperativePage:
    return CooperativePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def latest_capacities(page) -> list[tuple]:
    draft = latest_draft(page)
    return [(c.capability.code, c.amount, c.unit, c.per) for c in draft.capacities.all()]


def test_editor_changes_capacities_and_lead_time_in_the_admin_form(admin_client, igla):
    rows = own_rows(
        igla,
        printing={"amount": 50, "per": "day", "ORDER": "1"},
        sewing={"amount": 1000, "ORDER": "0"},
    )
    new = row("sewing", 30, "godzin", "week")
    data = edit_data(igla, ["sewing", "printing"], [*rows, new], initial=2, lead_time_days="3")
    response = edit(admin_client, igla, data)
    assert response.status_code == 302
    assert latest_capacities(igla) == [
        ("sewing", 1000, "szt.", "week"),
        ("printing", 50, "szt.", "day"),
        ("sewing", 30, "godzin", "week"),
    ]
    assert latest_draft(igla).lead_time_days == 3


def test_unticking_work_that_keeps_its_capacity_is_refused_with_a_clear_error(admin_client, igla):
    before = latest_capacities(igla)
    response = edit(admin_client, igla, edit_data(igla, ["sewing"], own_rows(igla), initial=2))
    assert response.status_code == 200
    forms = response.context["form"].formsets["capacities"].forms
    assert forms[1].errors == {}  # sewing
    assert forms[0].errors["capability"] == [
        "Spółdzielnia nie wykonuje tego rodzaju pracy: zaznacz go w polu „czym się zajmujemy” "
        "albo usuń tę pozycję."
    ]
    assert latest_capacities(igla) == before


def test_unticking_work_and_removing_its_capacity_is_accepted(admin_client, igla):
    rows = own_rows(igla, printing={"DELETE": "1"})
    assert edit(admin_client, igla, edit_data(igla, ["sewing"], rows, initial=2)).status_code == 302
    assert latest_capacities(igla) == [("sewing", 800, "szt.", "week")]


@pytest.mark.parametrize(
    ("bad_row", "field", "extra"),
    [
        (("sewing", 0, "szt.", "week"), "amount", {}),
        (("sewing", -5, "szt.", "week"), "amount", {}),
        (("sewing", "", "szt.", "week"), "amount", {}),
        (("sewing", 100, "beczek", "week"), "unit", {}),
        (("sewing", 100, "szt.", "year"), "per", {}),
        (("sewing", 100, "godzin", "week"), "lead_time_days", {"lead_time_days": "366"}),
    ],
)
def test_impossible_values_are_refused(admin_client, igla, bad_row, field, extra):
    before = latest_capacities(igla)
    rows = [*own_rows(igla), row(*bad_row)]
    data = edit_data(igla, ["sewing", "printing"], rows, initial=2, **extra)
    response = edit(admin_client, igla, data)
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors if field == "lead_time_days" else form.formsets["capacities"].errors[2]
    assert field in errors
    assert latest_capacities(igla) == before


def test_one_kind_of_work_in_one_unit_is_stated_once(admin_client, igla):
    rows = [
        *own_rows(igla),  # printing 1200 szt. a month, sewing 800 szt. a week
        row("sewing", 150, "szt.", "day"),
        row("sewing", 40, "godzin", "week"),
    ]
    response = edit(admin_client, igla, edit_data(igla, ["sewing", "printing"], rows, initial=2))
    assert response.status_code == 200
    errors = response.context["form"].formsets["capacities"].errors
    assert errors[0] == errors[1] == errors[3] == {}
    assert errors[2]["unit"] == ["Ten rodzaj pracy ma już podane możliwości w tej jednostce."]


# -- drafts and previews


def test_saved_revision_with_capacities_renders_in_view_draft_and_preview(admin_client, igla):
    igla.capacities = [capacity("sewing", 2500, "szt.", "month")]
    igla.lead_time_days = 10
    igla.save_revision()
    draft = capacity_section(
        admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[igla.pk])).content.decode()
    )
    assert listed(draft) == ["2500 szt. miesięcznie — szycie, krawiectwo"]
    assert "w ciągu 10 dni" in draft
    # The public page still shows the published capacities.
    public = capacity_section(admin_client.get(igla.url).content.decode())
    assert listed(public)[1] == "800 szt. tygodniowo — szycie, krawiectwo"

    url = reverse("wagtailadmin_pages:preview_on_edit", args=[igla.pk])
    live = CooperativePage.objects.get(pk=igla.pk)
    rows = own_rows(live, printing={"DELETE": "1"}, sewing={"DELETE": "1"})
    rows.append(row("sewing", 60, "szt.", "day"))
    data = edit_data(igla, ["sewing"], rows, initial=2, lead_time_days="2")
    assert admin_client.post(url, data).json()["is_valid"]
    previewed = capacity_section(admin_client.get(url).content.decode())
    assert listed(previewed) == ["60 szt. dziennie — szycie, krawiectwo"]
    assert "w ciągu 2 dni" in previewed
