"""Forms of organisation membership: joining, inviting, registering, claiming, deciding."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.accounts import registrations
from cms.identifiers import compact, validate_krs, validate_nip, validate_regon
from cms.models import Organisation, Voivodeship


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


class RegistrationForm(forms.Form):
    """A new organisation: what it is called, what kind, where, and its registry numbers.

    The numbers are checked as the registry writes them (checksums) and against
    everything already known (:func:`cms.accounts.registrations.find_duplicate`); a
    known one is refused on its field, and ``duplicate`` says where to go instead.
    """

    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        help_text=_("The full name, as in the register."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("Choose the kind")), *Organisation.Kind.choices],
        help_text=_(
            "A workshop or a cooperative is approved by the regional centre of its "
            "voivodeship; the other kinds by an administrator."
        ),
    )
    voivodeship = forms.ModelChoiceField(
        label=_("Voivodeship"),
        queryset=Voivodeship.objects.order_by("name"),
        empty_label=_("Choose the voivodeship"),
        help_text=_("Where the organisation works."),
    )
    nip = forms.CharField(
        label="NIP",
        required=False,
        max_length=20,
        validators=[validate_nip],
        help_text=_("10 digits, e.g. 779-243-34-21."),
    )
    regon = forms.CharField(
        label="REGON",
        required=False,
        max_length=20,
        validators=[validate_regon],
        help_text=_("9 or 14 digits."),
    )
    krs = forms.CharField(
        label="KRS",
        required=False,
        max_length=20,
        validators=[validate_krs],
        help_text=_("10 digits, e.g. 0000123456. Give at least one of NIP, REGON or KRS."),
    )

    duplicate = None

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def _compacted(self, field: str) -> str:
        return compact(self.cleaned_data.get(field, ""))

    def clean_nip(self):
        return self._compacted("nip")

    def clean_regon(self):
        return self._compacted("regon")

    def clean_krs(self):
        return self._compacted("krs")

    def clean(self):
        data = super().clean()
        given = [field for field in registrations.IDENTIFIERS if data.get(field)]
        invalid = [field for field in registrations.IDENTIFIERS if field in self.errors]
        if not given and not invalid:
            self.add_error(
                "nip", _("Give at least one of NIP, REGON or KRS: they tell organisations apart.")
            )
        elif given:
            self.duplicate = registrations.find_duplicate({field: data[field] for field in given})
            if self.duplicate:
                self.add_error(self.duplicate.field, self.duplicate.message(self.user))
        return data


class ClaimForm(forms.Form):
    message = forms.CharField(
        label=_("Message for the person who decides (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example your role in the organisation and how to reach you."),
    )


class ClaimSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or town"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_(
            "Workshops, cooperatives and companies listed in the directory that nobody has "
            "claimed yet."
        ),
    )


class JoiningDecisionForm(forms.Form):
    """Approve or refuse a registration or a claim; a refusal says why."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    reason = forms.CharField(
        label=_("Reason for a refusal"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you refuse: the person who asked reads it."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuse" and not data.get("reason", "").strip():
            self.add_error(
                "reason", _("Give the reason for the refusal: the person who asked will read it.")
            )
        return data

    @property
    def approved(self) -> bool:
        return self.cleaned_data["decision"] == "approve"
