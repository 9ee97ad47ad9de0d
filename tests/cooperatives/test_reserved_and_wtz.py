"""What a cooperative states for reserved contracts (art. 94) and about its workers from a
WTZ: the 30 % rule at its edges, refusals in both languages (admin form and import), the
profile's statement, and the round trip through export."""

import io
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.exchange.exporter import write_jsonl
from cooperatives.models import (
    Capability,
    CooperativePage,
    qualifies_for_reserved_contracts,
    reserved_share,
)
from tests.cms.factories import UserFactory
from tests.cooperatives.factories import CooperativePageFactory
from tests.workshops.factories import WorkshopPageFactory
from workshops.models import WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("groups", "total", "qualifies"),
    [
        (3, 10, True),  # exactly 30 %
        (30, 100, True),
        (9, 20, True),  # 45 %
        (299, 1000, False),  # 29.9 %
        (29, 100, False),
        (0, 0, False),  # no employees: no share
        (5, None, False),  # total not stated
        (None, 10, False),  # nothing stated
        (None, None, False),
    ],
)
def test_thirty_percent_qualifies_and_nothing_below_or_unstated_does(groups, total, qualifies):
    assert qualifies_for_reserved_contracts(groups, total) is qualifies


def test_share_is_rounded_down_so_a_shown_30_always_qualifies():
    assert str(reserved_share(299, 1000)) == "29.9"
    assert str(reserved_share(2999, 10000)) == "29.9"  # 29.99 %: never shown as 30.0
    assert str(reserved_share(3, 10)) == "30"
    assert reserved_share(0, 0) is None


def cooperative(**fields) -> CooperativePage:
    return CooperativePage(title="SS Próba", slug="ss-proba", **fields)


@pytest.mark.parametrize(
    ("fields", "field", "polish", "english"),
    [
        (
            {"employees_total": 10, "employees_reserved_groups": 11},
            "employees_reserved_groups",
            "Ta liczba nie może być większa niż liczba pracowników.",
            "This cannot be more than the number of employees.",
        ),
        (
            {"employees_total": 10, "workers_from_wtz": 12},
            "workers_from_wtz",
            "Ta liczba nie może być większa niż liczba pracowników.",
            "This cannot be more than the number of employees.",
        ),
        (
            {
                "employees_total": 10,
                "employees_with_disabilities": 6,
                "employees_reserved_groups": 5,
            },
            "employees_reserved_groups",
            "Osoby z niepełnosprawnościami należą do tych grup: ta liczba nie może być "
            "mniejsza niż liczba pracowników z niepełnosprawnościami.",
            "People with disabilities belong to these groups: this cannot be fewer than "
            "the employees with disabilities.",
        ),
    ],
)
def test_impossible_counts_are_refused_with_a_clear_error_in_both_languages(
    fields, field, polish, english
):
    for language, message in (("pl", polish), ("en", english)):
        with translation.override(language):
            with pytest.raises(ValidationError) as refused:
                cooperative(**fields).clean()
            assert refused.value.message_dict[field] == [message]


def test_a_stated_count_is_dated_today_unless_a_day_is_given():
    page = cooperative(employees_total=10, employees_reserved_groups=3)
    page.clean()
    assert page.employees_reserved_groups_on == timezone.localdate()
    given = cooperative(
        employees_total=10,
        employees_reserved_groups=3,
        employees_reserved_groups_on=date(2026, 1, 5),
    )
    given.clean()
    assert given.employees_reserved_groups_on == date(2026, 1, 5)


# -- the admin form


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def linked():
    """A cooperative working with one workshop; another workshop it does not work with."""
    ours = WorkshopPageFactory(title="WTZ Nasz", slug="wtz-nasz")
    WorkshopPageFactory(title="WTZ Obcy", slug="wtz-obcy")
    page = CooperativePageFactory(
        title="SS Glina",
        slug="ss-glina",
        capabilities=[Capability.objects.get(code="ceramics")],
        workshops=[ours],
        employees_total=10,
    )
    return page


def edit(admin_client, page, **fields):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "certificates": inline_formset([]),
            "comments": inline_formset([]),
            "capacities": inline_formset([]),
        }
    )
    data = {
        **data,
        "capabilities": [c.pk for c in page.capabilities.all()],
        "workshops": [w.pk for w in page.workshops.all()],
        "employees_total": "10",
        **fields,
    }
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_editor_states_the_counts_and_the_workshop_they_came_from(admin_client, linked):
    ours = linked.workshops.get()
    response = edit(
        admin_client,
        linked,
        employees_reserved_groups="4",
        workers_from_wtz="3",
        workers_from_workshops=[ours.pk],
    )
    assert response.status_code == 302
    draft = CooperativePage.objects.get(pk=linked.pk).get_latest_revision_as_object()
    assert (draft.employees_reserved_groups, draft.workers_from_wtz) == (4, 3)
    assert draft.employees_reserved_groups_on == timezone.localdate()
    assert [w.slug for w in draft.workers_from_workshops.all()] == ["wtz-nasz"]


def test_editor_cannot_name_a_workshop_the_cooperative_does_not_work_with(admin_client, linked):
    stranger = WorkshopPage.objects.get(slug="wtz-obcy")
    response = edit(
        admin_client, linked, workers_from_wtz="2", workers_from_workshops=[stranger.pk]
    )
    assert response.status_code == 200
    assert response.context["form"].errors["workers_from_workshops"] == [
        "Wybierz tylko warsztaty, z którymi współpracujecie; najpierw dodaj warsztat do "
        "„warsztatów założycielskich lub partnerskich”."
    ]


def test_editor_stating_more_than_the_employees_is_refused(admin_client, linked):
    response = edit(admin_client, linked, employees_reserved_groups="11")
    assert response.status_code == 200
    assert response.context["form"].errors["employees_reserved_groups"] == [
        "Ta liczba nie może być większa niż liczba pracowników."
    ]
    assert (
        CooperativePage.objects.get(pk=linked.pk)
        .get_latest_revision_as_object()
        .employees_reserved_groups
        is None
    )


# -- the import format


def import_file(tmp_path, records) -> tuple[int, str]:
    path = tmp_path / "directory.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_directory", str(path), stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, err.getvalue()
    return 0, err.getvalue()


WORKSHOP = {"type": "workshop", "slug": "wtz-a", "name": "WTZ A", "participants": 30}
COOPERATIVE = {
    "type": "cooperative",
    "slug": "ss-a",
    "name": "SS A",
    "capabilities": ["sewing"],
    "employees_total": 10,
    "employees_with_disabilities": 3,
    "workshops": ["wtz-a"],
}


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        (
            {"employees_reserved_groups": 11},
            "2: employees_reserved_groups: is more than employees_total",
        ),
        ({"workers_from_wtz": 11}, "2: workers_from_wtz: is more than employees_total"),
        (
            {"employees_reserved_groups": 2},
            "2: employees_reserved_groups: is fewer than employees_with_disabilities, "
            "whom it includes",
        ),
        (
            {"workers_from_wtz": 1, "workers_from_workshops": ["wtz-b"]},
            "2: workers_from_workshops: 'wtz-b' is not in workshops",
        ),
        (
            {"employees_reserved_groups": "3"},
            "2: employees_reserved_groups: must be a whole number",
        ),
    ],
)
def test_impossible_counts_in_a_file_are_refused_and_nothing_is_written(tmp_path, extra, error):
    code, errors = import_file(tmp_path, [WORKSHOP, COOPERATIVE | extra])
    assert code == 1
    assert error in errors
    assert not CooperativePage.objects.filter(slug="ss-a").exists()


def test_export_then_import_round_trips_the_statements(tmp_path):
    stated = COOPERATIVE | {
        "employees_reserved_groups": 3,
        "employees_reserved_groups_on": "2026-02-01",
        "workers_from_wtz": 2,
        "workers_from_workshops": ["wtz-a"],
    }
    assert import_file(tmp_path, [WORKSHOP, stated])[0] == 0
    out = io.StringIO()
    write_jsonl(out)
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    record = next(r for r in exported if r["slug"] == "ss-a")
    assert {key: record.get(key) for key in stated if key.startswith(("employees", "workers"))} == {
        key: value for key, value in stated.items() if key.startswith(("employees", "workers"))
    }
    page = CooperativePage.objects.get(slug="ss-a")
    assert page.may_take_reserved_contracts
    # Without its day, a count is dated by verified_on, so a second import changes nothing.
    undated = COOPERATIVE | {"employees_reserved_groups": 4, "verified_on": "2026-03-03"}
    assert import_file(tmp_path, [WORKSHOP, undated])[0] == 0
    page.refresh_from_db()
    assert page.employees_reserved_groups_on == date(2026, 3, 3)


def test_profile_states_the_share_with_its_day_and_explains_it(client, tmp_path):
    stated = COOPERATIVE | {
        "employees_reserved_groups": 3,
        "employees_reserved_groups_on": "2026-02-01",
        "workers_from_wtz": 2,
        "workers_from_workshops": ["wtz-a"],
    }
    import_file(tmp_path, [WORKSHOP, stated])
    url = CooperativePage.objects.get(slug="ss-a").url
    polish = client.get(url).content.decode()
    assert "Może brać udział w zamówieniach zastrzeżonych na podstawie art. 94" in polish
    assert "3 z 10 pracowników (30,0%)" in polish
    assert "Stan na 1 lutego 2026." in polish
    assert "Pracownicy, którzy przyszli z WTZ" in polish and ">WTZ A</a>" in polish
    assert "To nie jest certyfikat." in polish
    english = client.get("/en" + url).content.decode()
    assert "3 of 10 employees (30.0%)" in english
    below = COOPERATIVE | {"employees_total": 11, "employees_reserved_groups": 3}
    import_file(tmp_path, [WORKSHOP, below])
    polish = client.get(url).content.decode()
    assert "3 z 11 pracowników (27,2%)" in polish
    assert "Może brać udział" not in polish
