"""The public search form: words, filters, a town to search near, and the order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.listing import WORDS_MAX_LENGTH
from cms.models import Voivodeship
from cooperatives.models import Capability
from search.directory import MAX_PAGE
from search.places import find_town


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label=_("What do you need done?"), required=False, max_length=WORDS_MAX_LENGTH
    )
    capability = forms.ChoiceField(
        label=_("What they do"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "We do not know the kind of work “%(value)s”. Choose one from the list."
            )
        },
    )
    voivodeship = forms.ChoiceField(label=_("Voivodeship"), required=False)
    near = forms.CharField(
        label=_("Near a town"),
        required=False,
        max_length=80,
        help_text=_("For example Poznań or Gniezno; Polish letters are optional."),
    )
    reserved_contracts = forms.BooleanField(
        label=_("Only those who may take part in contracts reserved under art. 94"),
        required=False,
        help_text=_("At least 30% of their employees belong to the groups the act names."),
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("best match first")), ("distance", _("nearest first"))],
    )
    # The search engine pages through the first 10,000 results only (search.directory).
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "max_value": _(
                "Results stop at page %(limit_value)s. To see the rest, narrow the search: "
                "choose what they do, a voivodeship or a town."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["capability"].choices = everything + Capability.choices()
        self.fields["voivodeship"].choices = everything + Voivodeship.choices()

    def clean_near(self):
        name = self.cleaned_data["near"].strip()
        if not name:
            return None
        place = find_town(name)
        if place is None:
            raise forms.ValidationError(
                _("We do not know a town called “%(name)s”. Check the spelling."),
                params={"name": name},
            )
        return place

    def clean(self):
        data = super().clean()
        if data.get("sort") == "distance" and not data.get("near"):
            self.add_error("near", _("To order by distance, give a town."))
        return data
