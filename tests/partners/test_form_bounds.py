"""Every text box of the partner-facing forms is bounded, never beyond what its column holds."""

import pytest
from django import forms

from partners.forms import (
    LONG_TEXT,
    AcceptForm,
    ContactForm,
    DeclineForm,
    InquiryForm,
    NeedForm,
    OfferForm,
    PartnershipForm,
    QuoteForm,
    QuoteRequestForm,
    ReplyForm,
)
from partners.models import ContactPerson, Need, Partnership

pytestmark = pytest.mark.django_db

# Form field -> the model field that stores it, where that column has a length.
COLUMNS = {
    (NeedForm, "title"): (Need, "title"),
    (NeedForm, "quantity"): (Need, "quantity"),
    (NeedForm, "town"): (Need, "city"),
    (NeedForm, "quantity_unit"): (Need, "quantity_unit"),
    (QuoteForm, "contact_name"): (ContactPerson, "name"),
    (QuoteForm, "contact_phone"): (ContactPerson, "phone"),
    (OfferForm, "contact_name"): (ContactPerson, "name"),
    (QuoteRequestForm, "contact_phone"): (ContactPerson, "phone"),
    (PartnershipForm, "local_government"): (Partnership, "local_government"),
}


def partner_forms():
    return [
        NeedForm(),
        InquiryForm(),
        ReplyForm(),
        PartnershipForm(user=None),
        ContactForm(),
        QuoteRequestForm(need=Need(pk=0)),
        QuoteForm(),
        DeclineForm(),
        AcceptForm(),
        OfferForm(),
    ]


def test_every_text_box_has_a_limit_within_its_column():
    assert partner_forms()
    for form in partner_forms():
        assert form.fields, form
        for name, field in form.fields.items():
            if not isinstance(field, forms.CharField):
                continue
            assert field.max_length, f"{type(form).__name__}.{name} has no limit"
            assert field.widget.attrs.get("maxlength") == str(field.max_length)
            column = COLUMNS.get((type(form), name))
            if column:
                model, model_field = column
                assert field.max_length <= model._meta.get_field(model_field).max_length


@pytest.mark.parametrize("name", ["work", "description"])
def test_partnership_form_refuses_a_text_longer_than_the_limit(name):
    too_long = PartnershipForm({name: "ż" * (LONG_TEXT + 1)}, user=None)
    assert name in too_long.errors
    at_limit = PartnershipForm({name: "ż" * LONG_TEXT}, user=None)
    assert name not in at_limit.errors
