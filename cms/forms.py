"""Forms of the site's own pages: organisation membership (joining, inviting, deciding), the map."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import Organisation, Voivodeship
from cooperatives.models import Capability

# The map's layers, in the order of its legend (codes of the GeoJSON API's `kind`).
MAP_KINDS = [
    ("workshop", _("Occupational therapy workshops (WTZ)")),
    ("cooperative", _("Social cooperatives")),
    ("partner", _("Companies")),
    ("partnership", _("Partnerships")),
]


class JoinRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(approved=True),
        empty_label=_("Choose your organisation"),
    )
    message = forms.CharField(
        label=_("Message for the person who approves"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example your role in the organisation."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person to invite"))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])


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
