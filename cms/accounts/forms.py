"""Forms of organisation membership: joining, inviting, deciding."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import Organisation


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
