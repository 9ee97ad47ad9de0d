"""The filters of the publications index and of the events list, checked as forms so that a
wrong value gets a sentence rather than an empty list.

They stand below the page models (the index page filters with one), beside cms.listing, so the
voivodeships come in as a queryset from the caller, as the directory listings' choices do."""

from django import forms
from django.utils.translation import gettext_lazy as _

# The kinds of publication, by the code the filter and the models share.
KINDS = {"news": _("News"), "guide": _("Guides"), "event": _("Events")}
UPCOMING, PAST = "upcoming", "past"


class RegionForm(forms.Form):
    """A voivodeship by its TERYT code, or none (all of Poland)."""

    voivodeship = forms.ChoiceField(
        label=_("Voivodeship"),
        required=False,
        error_messages={
            "invalid_choice": _("We do not know the voivodeship “%(value)s”. Choose one.")
        },
    )

    def __init__(self, *args, voivodeships, **kwargs):
        super().__init__(*args, **kwargs)
        self.voivodeships = voivodeships
        choices = [(voivodeship.teryt, voivodeship.name) for voivodeship in voivodeships]
        self.fields["voivodeship"].choices = [("", _("All")), *choices]

    def region(self):
        """The chosen voivodeship (None: all), once the form is valid."""
        teryt = self.cleaned_data.get("voivodeship")
        return self.voivodeships.get(teryt=teryt) if teryt else None


class PublicationFilterForm(RegionForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All")), *KINDS.items()],
        error_messages={"invalid_choice": _("We do not know the kind “%(value)s”. Choose one.")},
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class EventFilterForm(RegionForm):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[(UPCOMING, _("coming up")), (PAST, _("past"))],
        error_messages={"invalid_choice": _("Choose coming up or past.")},
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
