"""The need form picks up what the company's words already say and asks only to confirm it."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from partners.models import Need

pytestmark = pytest.mark.django_db

WORDS = {
    "title": "Obiady dla szkoły",
    "description": "Dzień dobry, potrzebujemy 400 obiadów dziennie, okolice Gniezna, z HACCP.",
}


def field_value(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', html).group(0)
    return re.search(r'\bvalue="([^"]*)"', tag).group(1)


def test_what_the_words_say_is_filled_in_for_confirming_not_asked_again(client, people):
    client.force_login(people["company"])
    response = client.post("/needs/new/", WORDS)
    assert response.status_code == 200  # shown back, nothing saved yet
    assert not Need.objects.filter(title="Obiady dla szkoły").exists()
    html = response.content.decode()
    assert 'id="read-from-words"' in html
    assert field_value(html, "town") == "Gniezno"
    assert field_value(html, "quantity_value") == "400"
    assert re.search(r'<option value="day" selected>', html)
    assert re.search(r'name="required_certifications" value="\d+"[^>]*checked', html)

    confirmed = {
        **WORDS,
        "confirmed": "1",
        "town": "Gniezno",
        "quantity_value": "400",
        "quantity_unit": "posiłków",
        "quantity_per": "day",
    }
    response = client.post("/needs/new/", confirmed)
    assert response.status_code == 302
    need = Need.objects.get(title="Obiady dla szkoły")
    assert (need.city, need.quantity_value, need.quantity_per) == ("Gniezno", 400, "day")


def test_a_need_whose_form_already_says_everything_is_saved_at_once(client, people):
    client.force_login(people["company"])
    deadline = timezone.localdate() + dt.timedelta(days=30)
    response = client.post(
        "/needs/new/",
        {"title": "Szycie fartuchów do 15 marca", "town": "Poznań", "deadline": deadline},
    )
    assert response.status_code == 302
    assert Need.objects.get(title__startswith="Szycie fartuchów").deadline == deadline
