"""The notification settings form: for each kind, at once, daily or no e-mail."""

from django import forms

from cms.models import Delivery, NotificationKind


class NotificationSettingsForm(forms.Form):
    """One group of radio buttons per kind, each field named by its kind's code."""

    def __init__(self, *args, preferences: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=preferences[kind.value],
                widget=forms.RadioSelect,
            )
