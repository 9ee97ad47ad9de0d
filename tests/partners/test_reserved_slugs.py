"""A need or partnership never gets a slug that is a fixed address beside its page
(/needs/new/, /needs/fitting/, /partnerships/new/): its page would be unreachable."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import resolve, reverse

from cms.models import Organisation
from partners import urls
from partners.models import SLUG_PAGES, Need, PartnerPage, Partnership, free_slug
from tests.cms.factories import OrganisationFactory, member_of

pytestmark = pytest.mark.django_db

MODELS = {"needs": Need, "partnerships": Partnership}


def fixed_routes() -> list[tuple[str, str]]:
    """(first segment, fixed second segment) of every pattern like ``needs/new/`` in
    partners/urls.py whose first segment also has pages addressed by a slug."""
    routes = [str(pattern.pattern) for pattern in urls.urlpatterns]
    by_slug = {route.split("/")[0] for route in routes if re.fullmatch(r"\w+/<slug:slug>/", route)}
    fixed = [re.fullmatch(r"(\w+)/([\w-]+)/", route) for route in routes]
    return [match.groups() for match in fixed if match and match.group(1) in by_slug]


def test_the_fixed_routes_are_read_from_the_url_patterns():
    """The check below covers every pattern of partners/urls.py, a new one included."""
    assert sorted(fixed_routes()) == [
        ("needs", "fitting"),
        ("needs", "new"),
        ("partnerships", "new"),
    ]
    assert {prefix for prefix, _word in fixed_routes()} <= set(MODELS)


@pytest.mark.parametrize(("prefix", "word"), fixed_routes())
def test_a_record_named_like_a_fixed_route_gets_a_slug_that_reaches_its_page(prefix, word):
    model = MODELS[prefix]
    slug = free_slug(model, word.capitalize(), fallback="x")
    assert re.fullmatch(rf"{word}-[a-z0-9]{{5}}", slug)
    page = SLUG_PAGES[model._meta.model_name]
    assert resolve(reverse(page, kwargs={"slug": slug})).url_name == page


def test_a_need_titled_new_opens_its_own_page(client, indexed_directory):
    company = OrganisationFactory(
        name="Firma", kind=Organisation.Kind.COMPANY, page=PartnerPage.objects.get()
    )
    client.force_login(member_of(company))
    response = client.post("/needs/new/", {"title": "New", "town": "Poznań"})
    need = Need.objects.get(title="New")
    assert need.slug != "new"
    assert response["Location"] == f"/needs/{need.slug}/"
    page = client.get(response["Location"])
    assert page.status_code == 200 and page.context["need"] == need


def test_import_refuses_a_need_or_partnership_slug_that_is_a_fixed_route(tmp_path):
    records = [
        {"type": "partner", "slug": "new", "name": "Firma New"},  # a page of its own: fine
        {"type": "cooperative", "slug": "fitting", "name": "S", "capabilities": ["sewing"]},
        {"type": "need", "slug": "fitting", "partner": "new", "title": "Przymiarki"},
        {"type": "partnership", "slug": "new", "cooperative": "fitting", "partner": "new"},
    ]
    source = tmp_path / "routes.jsonl"
    source.write_text("\n".join(json.dumps(record) for record in records))
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_directory", str(source), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "3: slug: 'fitting' is a fixed address of the site",
        "4: slug: 'new' is a fixed address of the site",
        "2 error(s); nothing was imported.",
    ]
