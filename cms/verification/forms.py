"""The one filter of the list of stale profiles: which of the voivodeships one oversees."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms import roles
from cms.models import Voivodeship


class StaleFilterForm(forms.Form):
    """A voivodeship among those ``user`` oversees (every one for administrators); empty
    means all of them."""

    voivodeship = forms.ModelChoiceField(
        label=_("Voivodeship"),
        queryset=Voivodeship.objects.none(),
        to_field_name="teryt",
        required=False,
    )

    def __init__(self, data, user):
        super().__init__(data)
        field = self.fields["voivodeship"]
        if user.is_superuser:
            field.queryset = Voivodeship.objects.order_by("teryt")
            field.empty_label = _("All of Poland")
            self.overseen = None
        else:
            self.overseen = roles.moderated_voivodeships(user) - {None}
            field.queryset = Voivodeship.objects.filter(pk__in=self.overseen).order_by("teryt")
            field.empty_label = _("All my voivodeships")

    def voivodeship_ids(self):
        """The voivodeships to list (``None``: everywhere, for administrators)."""
        chosen = self.cleaned_data["voivodeship"]
        return {chosen.pk} if chosen else self.overseen
