"""What the map shows: the filter form and the order of its layers."""

from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cms.kinds import PROFILE_KINDS
from cms.models import Voivodeship
from cooperatives.models import Capability


@dataclass(frozen=True)
class MapLayer:
    code: str  # the GeoJSON API's `kind`
    label: Promise
    colour: str
    letter: str  # on the pin, so colour is never the only cue


# The map's layers in the order of its legend: each kind of profile, then partnerships.
MAP_LAYERS = [
    *(
        MapLayer(kind.code, kind.map_label, kind.map_colour, kind.map_letter)
        for kind in PROFILE_KINDS.values()
    ),
    MapLayer("partnership", _("Partnerships"), "#8a3b00", "P"),
]
MAP_KINDS = [(layer.code, layer.label) for layer in MAP_LAYERS]


class MapFilterForm(forms.Form):
    """What the map shows: kinds of place, a kind of work, a voivodeship. No kind means all."""

    kind = forms.MultipleChoiceField(
        label=_("Show"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=MAP_KINDS,
    )
    capability = forms.ChoiceField(
        label=_("Kind of work"),
        required=False,
        help_text=_("Companies are shown only when no kind of work is chosen."),
    )
    voivodeship = forms.ChoiceField(label=_("Voivodeship"), required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.getlist("kind"):
            data = data.copy()
            data.setlist("kind", [code for code, _label in MAP_KINDS])
        super().__init__(data, **kwargs)
        self.fields["kind"].initial = [code for code, _label in MAP_KINDS]
        everything = [("", _("All"))]
        self.fields["capability"].choices = everything + Capability.choices()
        self.fields["voivodeship"].choices = everything + Voivodeship.choices()
