"""`setup_demo` gives what the README promises: accounts, and the regional centre's journey."""

import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from cms.management.commands.setup_demo import DEMO_PASSWORD
from tests.cms.factories import totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, search_index):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def test_regional_centre_sees_catering_in_wielkopolska_and_downloads_the_table(client, demo):
    """One test, because loading the demo directory takes a while."""
    for account in ("admin@", "wtz@", "rops@", "firma@"):
        assert f"{account}kooperacja.example" in demo
    assert "/map/?voivodeship=30&capability=catering" in demo
    assert "/dashboard/" in demo

    # The administrator and the regional centre need their second factor: the printed
    # authenticator secret, or one of the printed recovery codes, lets them in.
    secret = re.search(r"the secret ([A-Z2-7]{16,})", demo)[1]
    recovery_code = re.search(r"admin@kooperacja\.example +(\d{8}) ", demo)[1]
    for email, code, page in [
        ("rops@kooperacja.example", totp_code(secret), "/dashboard/"),
        ("admin@kooperacja.example", recovery_code, "/admin/"),
    ]:
        browser = Client()
        response = browser.post("/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response["Location"] == "/accounts/2fa/authenticate/"
        browser.post("/accounts/2fa/authenticate/", {"code": code})
        assert browser.get(page).status_code == 200

    client.force_login(get_user_model().objects.get(email="rops@kooperacja.example"))
    response = client.get("/map/", {"voivodeship": "30", "capability": "catering"})
    kinds = {kind for kind, _label, _places in response.context["groups"]}
    assert kinds == {"workshop", "cooperative", "partnership"}
    places = [place for _kind, _label, group in response.context["groups"] for place in group]
    assert all(place["voivodeship"] == "30" for place in places)
    assert all("catering" in place["capabilities"] for place in places)

    dashboard = client.get("/dashboard/")
    assert dashboard.status_code == 200
    assert dashboard.context["figures"].voivodeship.teryt == "30"
    download = client.get("/dashboard/", {"voivodeship": "30", "format": "xlsx"})
    assert download.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(download.content))
    assert len(workbook.sheetnames) >= 2
