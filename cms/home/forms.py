"""The home page's box: a need in the visitor's own words, and optionally the town it is for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.listing import WORDS_MAX_LENGTH
from search.places import find_town
from search.query import MatchRequest

# What is typed here may be a whole e-mail; "Save this as a need" keeps all of it (its first
# sentence as the title, the whole as the description: partners.needs.title_and_description).
# The box shows the best few; a saved need's page shows more, with shortlist and inquiries.
SHOWN_MATCHES = 5


class NeedBoxForm(forms.Form):
    q = forms.CharField(
        label=_("Describe what you need"),
        max_length=WORDS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "In your own words: what, how many, by when. For example: sewing 2,000 work "
            "aprons by March."
        ),
        error_messages={"required": _("Write what you need done.")},
    )
    town = forms.CharField(
        label=_("Town (optional)"),
        required=False,
        max_length=80,
        help_text=_("Where the work is needed, e.g. Poznań; Polish letters are optional."),
    )

    def clean_q(self):
        text = self.cleaned_data["q"].strip()
        if not text:
            raise forms.ValidationError(_("Write what you need done."))
        return text

    def clean_town(self):
        name = self.cleaned_data["town"].strip()
        if name and find_town(name) is None:
            raise forms.ValidationError(
                _("We do not know a town called “%(name)s”. Check the spelling."),
                params={"name": name},
            )
        return name

    @property
    def place(self):
        """The town the visitor gave, found in the gazetteer; None without one."""
        name = self.cleaned_data.get("town")
        return find_town(name) if name else None

    def match_request(self) -> MatchRequest:
        """The question the matcher is asked: the words, placed at the town when given (else
        at a town the words name)."""
        place = self.place
        return MatchRequest(
            text=self.cleaned_data["q"],
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            limit=SHOWN_MATCHES,
        )
